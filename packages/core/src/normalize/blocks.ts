import type { Caption, Genre } from "../schemas/article";
import type { Digest } from "../schemas/digest";
import type { Paragraph, ParagraphKind } from "../schemas/paragraph";

/** A piece of body text before numbering; `linkChars` is how much of it was link text (HTML only). */
export interface Block {
  kind: ParagraphKind;
  text: string;
  linkChars?: number;
}

/** What the document says about itself; every field is null (or empty) when it says nothing. */
export interface DocumentMetadata {
  title: string | null;
  byline: string | null;
  authors: string[];
  publishedAt: string | null;
  modifiedAt: string | null;
  siteName: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** null when the document gives no sign; `normalize` then falls back to "news". */
  genre: Genre | null;
  section: string | null;
  description: string | null;
  imageUrl: string | null;
  tags: string[];
}

/** What one extractor (text or HTML) found; `normalize` fills the gaps and numbers the blocks. */
export interface Extraction extends DocumentMetadata {
  blocks: Block[];
  captions: Caption[];
  digest: Digest | null;
}

export const emptyMetadata = (): DocumentMetadata => ({
  title: null,
  byline: null,
  authors: [],
  publishedAt: null,
  modifiedAt: null,
  siteName: null,
  language: null,
  canonicalUrl: null,
  genre: null,
  section: null,
  description: null,
  imageUrl: null,
  tags: [],
});

// Zero-width and soft-hyphen characters survive copy-paste invisibly and would split otherwise equal texts.
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;
// Runs of two or more, or a lone tab/newline/NBSP; single spaces (nearly all of them) are left alone, which
// keeps a 5 MB text from being rebuilt match by match.
export const WHITESPACE_RUN = /\s{2,}|[^\S ]/g;

/** One line of plain text: invisible and control characters gone, every whitespace run (NBSP too) one space. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, "").replace(CONTROL, " ").replace(WHITESPACE_RUN, " ").trim();
}

/** Words (space-separated runs with a letter or digit), counted up to `max`: callers only compare small numbers. */
export function wordCount(text: string, max = 1000): number {
  let count = 0;
  for (const word of text.split(" ", max + 1)) if (/[\p{L}\p{N}]/u.test(word)) count++;
  return Math.min(count, max);
}

/** Ends like a sentence or a clause: ". ! ? : ; ," possibly followed by closing quotes or brackets. */
export function hasTerminalPunctuation(text: string): boolean {
  // Only the tail is examined: end-anchored patterns retried at every position of a long text are quadratic.
  return /[.!?:;,。！？…]["'”’»)\]]{0,3}$/.test(text.slice(-8));
}

// Abbreviations that end a headline without ending a sentence ("… Between China and the U.S.").
const TRAILING_ABBREVIATION = /(?:\b(?:\p{Lu}\.){2,}|\b(?:Inc|Co|Corp|Ltd|Jr|Sr|St|Bros|Plc)\.)$/u;

/** Like hasTerminalPunctuation, but a trailing abbreviation such as "U.S." does not count. */
export function endsLikeSentence(text: string): boolean {
  return hasTerminalPunctuation(text) && !TRAILING_ABBREVIATION.test(text.slice(-24));
}

// Words a title-cased heading leaves in lower case (Chicago style, plus the prepositions news desks use).
const SMALL_WORDS = new Set(
  "a an the and or nor but so yet of to in on at by for from with into onto over per via vs vs. as up off out between about after amid against under than upon without within".split(
    " ",
  ),
);

/** "Staying in Trump’s Favor": the first word and at least 80% of the other non-small words capitalized. */
export function isTitleCase(text: string): boolean {
  const words = text
    .split(" ")
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ""))
    .filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || !/^[\p{Lu}\p{N}]/u.test(words[0]!)) return false;
  let significant = 0;
  let capitalized = 0;
  for (const word of words.slice(1)) {
    if (SMALL_WORDS.has(word.toLowerCase())) continue;
    significant++;
    if (/^[\p{Lu}\p{N}]/u.test(word)) capitalized++;
  }
  return significant === 0 || capitalized / significant >= 0.8;
}

/** "MOST POPULAR", "DIGEST HUB": one to three words, letters all upper case, no sentence punctuation. */
export function isSectionLabel(text: string): boolean {
  if (text.length > 40 || hasTerminalPunctuation(text)) return false;
  const words = wordCount(text);
  return words >= 1 && words <= 3 && /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

// Calls to action and page furniture that start a line. Matched only on short lines (see isPromoLine), so
// an article sentence that merely mentions a newsletter or a podcast survives.
const PROMO_START =
  /^(?:listen to|listen now|subscribe|sign up|sign in|log ?in|register (?:now|here|for free)|unlock|download (?:the|our)|get (?:the|our) app|read (?:more|also|next|the full)|also read|continue reading|click here|tap here|follow us|join (?:us|our)|share (?:this|on|via|the)|don[’']t miss|you may also like|more from|advertisement|sponsored content|story continues|article continues|skip to (?:main )?content|(?:enlarge|toggle|hide|show) (?:this )?(?:image|caption|photo))\b/i;
// Same, for starts that end in punctuation (where \b cannot follow): video teasers, copyright notices.
const FURNITURE_START =
  /^(?:(?:watch|video)\s*[:|]|(?:copyright\b|©)\s*(?:\(c\)\s*)?(?:19|20)\d{2}|our standards\s*:)/i;
// Lines that are nothing but a furniture label ("Related", "MOST POPULAR", "Podcast", "Trending now").
const PROMO_LABEL =
  /^(?:related(?: (?:articles?|stories|news|coverage|content|topics))?|recommended(?: for you)?|most (?:popular|read|viewed|shared|commented)|trending(?: now)?|advertisement|advertising|sponsored|podcasts?|newsletters?|share|comments?|editor[’']s picks?|top stories|latest news|more stories|print|email|e-mail|copy link|save(?: article)?|bookmark|gift (?:this )?article|\d{1,3} min(?:ute)?s? read|listen(?: to this article)?|loading|show more|see more|view comments|open in app|back to top|image|video|play video|topics|tags|see also|more on this story|explore more)$/i;
// Marketing phrases that mark a whole line wherever they occur.
const PROMO_ANYWHERE =
  /\b(?:for the price of one|exclusive (?:discounts?|offers?|deals?)|free trial|subscribe (?:now|today|here)|sign up (?:now|today|here)|(?:group|digital|annual) subscription|subscribers? only|our newsletter|ad-free|trust principles)\b/i;

// Legal and editorial boilerplate that runs longer than a promotion but is never article text.
const BOILERPLATE =
  /\b(?:all rights reserved|may not be (?:published|reproduced|redistributed|copied|rewritten)|(?:our|the) letters section|to be considered for publication)\b/i;

// Promotional lines are short; 25 words of long words fit in this.
const MAX_PROMO_CHARS = 400;

/** Page furniture that leaked into pasted or extracted text: subscription prompts, share bars, "MOST POPULAR". */
export function isPromoLine(text: string): boolean {
  if (text.length > MAX_PROMO_CHARS) return false;
  const bare = text.replace(/^[-*•·▪]\s+/, "").replace(/[:.!›»>\s]+$/, "");
  const words = wordCount(bare);
  if (words === 0) return false;
  if (words <= 4 && PROMO_LABEL.test(bare)) return true;
  if (BOILERPLATE.test(bare)) return true;
  if (words > 25) return false;
  return PROMO_START.test(bare) || FURNITURE_START.test(bare) || PROMO_ANYWHERE.test(bare);
}

/** Blocks numbered 1..N in reading order, empty ones dropped. */
export function numberBlocks(blocks: readonly Block[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const block of blocks) {
    const text = cleanText(block.text);
    if (text) paragraphs.push({ n: paragraphs.length + 1, kind: block.kind, text });
  }
  return paragraphs;
}
