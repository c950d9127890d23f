import { wordCount } from "./blocks";

// Labels that open an editor's note, a correction or a disclosure, wherever it stands.
const NOTE_LABEL =
  /^[([]?\s*(?:editor[’']?s?[’']? note|editorial note|note from the editors?|note to (?:our )?readers|correction|clarification|update|disclosure|disclaimer|author[’']?s note|translator[’']?s note)s?\s*(?:\([^)]{0,40}\)\s*)?[:：—–]/i;

// Sentences that can only be about the article itself: where it first ran, who edited or translated it.
// "Originally published in Japanese" (nippon.com), "… contributed to this report" (AP), "A version of this
// article appeared in print" (NYT). "This", never "the": "The report was published by the IMF" is news.
const NOTE_FORMS = [
  /this (?:article|story|piece|essay|column|report|interview|commentary|op-ed|analysis|post|text|translation)\b[^.]{0,80}?\b(?:(?:first|originally|was|were) (?:first |originally )?(?:appeared|published|posted|ran|produced|written|translated|adapted|edited|updated|corrected|amended)|appeared (?:first|originally)|is (?:adapted|translated|excerpted|republished|reprinted|part of)|has been (?:updated|corrected|amended|translated|edited|refiled))/,
  /originally (?:published|appeared|written|posted|ran)/,
  /first (?:published|appeared|posted) (?:in|on|by|at)/,
  /a version of this (?:article|story|piece)/,
  /(?:editing|edited|compiled|translated|translation|adapted) (?:by|from)/,
  /(?:republished|reprinted) (?:with permission )?(?:from|courtesy)/,
  /contact (?:the )?(?:author|reporter|writer)s?\b/,
  /the (?:views|opinions) expressed (?:in this|here|are)/,
  /[\p{L}][\p{L}.'’ -]{1,60}? contributed (?:reporting )?to this (?:report|article|story)/u,
];
const NOTE_START = new RegExp(`^[([]?\\s*(?:${NOTE_FORMS.map((form) => form.source).join("|")})`, "iu");

// Wire credits: "Reporting by Kantaro Komiya; Editing by Gerry Doyle". "Reporting by The Times showed …" is
// a sentence, so the credit needs a second credit after it or must be short.
// No "i" flag: under /iu, \p{Lu} matches lower case too.
const REPORTING_BY = /^[([]?\s*(?:[Aa]dditional [Rr]eporting|[Rr]eporting|REPORTING|[Ww]riting) by \p{Lu}/u;
const SECOND_CREDIT = /;|\b(?:editing|writing|reporting|additional reporting) by\b/i;
const MAX_SHORT_CREDIT_WORDS = 12;

// Reuters' wire tags on a refiled story: "(Corrects paragraph 3 to …)", "(Adds comment from minister)".
const WIRE_TAG =
  /^\((?:corrects|refiles|updates|adds|recasts|changes|fixes|removes|repeats)\b[^)]{0,200}\)$/i;

// A biography line closes an op-ed ("The author is a professor of …"); at the top of a book review the
// same words describe the book's author, so this form counts only among the last paragraphs.
const AUTHOR_BIO =
  /^[([]?\s*(?:about the author\b|the (?:author|writer)s? (?:is|are|was|were|teaches|works|served) )/i;
// "Jane Doe is a professor of politics at …", "John Roe is the author of …": a name, then a role. No "i"
// flag, so the name must be capitalized.
const NAMED_BIO =
  /^\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){1,3} (?:is|was) (?:a|an|the) (?:[\p{Ll}-]+ ){0,3}(?:professor|fellow|lecturer|columnist|writer|journalist|author|director|editor|researcher|analyst|economist|correspondent|chair|president|founder|scholar|ambassador|adviser|advisor|contributor|reporter|historian|partner|dean|candidate|expert|former)\b/u;
const MAX_BIO_WORDS = 60;

// Editors' notes run a few sentences; a paragraph longer than this is article text that happens to start so.
const MAX_NOTE_WORDS = 150;

/**
 * An editor's end note or similar text about the article rather than of it: kind `note`. `nearEnd` is true
 * for the last few paragraphs, where author biographies are notes too.
 */
export function isNote(text: string, nearEnd: boolean): boolean {
  if (wordCount(text, MAX_NOTE_WORDS + 1) > MAX_NOTE_WORDS) return false;
  if (NOTE_LABEL.test(text) || NOTE_START.test(text) || WIRE_TAG.test(text)) return true;
  if (REPORTING_BY.test(text)) {
    return SECOND_CREDIT.test(text.slice(12)) || wordCount(text) <= MAX_SHORT_CREDIT_WORDS;
  }
  if (!nearEnd) return false;
  return AUTHOR_BIO.test(text) || (NAMED_BIO.test(text) && wordCount(text) <= MAX_BIO_WORDS);
}
