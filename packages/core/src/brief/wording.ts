/**
 * How a source sentence reads on its own in a briefing. Key points are extractive: the words are the source's,
 * trimmed only of what ties them to the sentence before ("But", "Indeed,") and of quotation marks left open by
 * a quote that began or ends in another sentence.
 */

// Connectives that link to the previous sentence; cut from the start of a point, the claim stands without them.
const LEADING_CONNECTIVE =
  /^(?:but|and|yet|so|however|indeed|meanwhile|moreover|furthermore|in addition|also|still|of course|that said|all of that said|by contrast|in contrast|instead|then|thus|therefore|as a result)\s*,?\s+/i;

/** Starts by pointing back at something the reader of a lone sentence has not seen ("This", "Achieving this"). */
const ANAPHORIC_START =
  /^(?:this|these|that|those|it|its|they|them|their|he|his|she|her|such|the latter|the former|both|another|the same)\b|^\p{L}+ing (?:this|that|it)\b/iu;

/** Signs that a sentence argues or judges rather than reports (outside quotes). */
const FIRST_PERSON = /(?:^|[^\p{L}])(?:I|[Mm]y|[Mm]e|[Ww]e|us|[Oo]urs?|ourselves|[Ll]et us)(?![\p{L}'’])/u;
// Case-sensitive above: "US" is a country.
const STANCE =
  /(?:^|[^\p{L}])(?:should|ought to|must|needs to|need to|doubtless|undoubtedly|of course|surely|arguably|inadvisable|it is time)(?![\p{L}'’])/iu;

function balanceQuotes(text: string): string {
  let out = text;
  // A curly quote opened and never closed (the quote runs on into the next sentence), or the reverse.
  const opens = out.match(/“/g)?.length ?? 0;
  const closes = out.match(/”/g)?.length ?? 0;
  if (opens > closes) out = removeLast(out, "“", opens - closes);
  else if (closes > opens) out = removeFirst(out, "”", closes - opens);
  const straight = out.match(/"/g)?.length ?? 0;
  if (straight % 2 === 1) {
    out = /^"/.test(out) ? out.replace(/^"/, "") : out.replace(/"(?=[^"]*$)/, "");
  }
  return out;
}

function removeLast(text: string, mark: string, count: number): string {
  let out = text;
  for (let i = 0; i < count; i++) {
    const at = out.lastIndexOf(mark);
    if (at < 0) break;
    out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

function removeFirst(text: string, mark: string, count: number): string {
  let out = text;
  for (let i = 0; i < count; i++) {
    const at = out.indexOf(mark);
    if (at < 0) break;
    out = out.slice(0, at) + out.slice(at + 1);
  }
  return out;
}

/** The sentence as a point of a briefing: no leading connective, a capital first, closed quotes, a full stop. */
// "WASHINGTON — ", "TOKYO (Reuters) - ": the wire's dateline says where it was filed, not what happened.
const DATELINE = /^\p{Lu}[\p{Lu}\s.,'’-]{2,40}(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+/u;

export function pointText(sentence: string): string {
  let text = sentence.trim().replace(DATELINE, "");
  for (let i = 0; i < 2; i++) text = text.replace(LEADING_CONNECTIVE, "");
  text = balanceQuotes(text).replace(/\s+/g, " ").trim();
  text = text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  if (!/[.!?…]["'”’)\]]*$/u.test(text)) text = `${text.replace(/[,;:—–-]+$/u, "").trimEnd()}.`;
  return text;
}

export const isAnaphoric = (text: string) => ANAPHORIC_START.test(text.replace(LEADING_CONNECTIVE, ""));

/** The sentence argues (first person, prescription, evaluation) once quoted speech is blanked out. */
export function argues(text: string): boolean {
  const blanked = text.replace(/[“"][^”"]{0,400}[”"]/g, " ");
  return FIRST_PERSON.test(blanked) || STANCE.test(blanked) || /\?["'”’)]*$/u.test(text);
}

/** Talks about the text rather than the news ("is mentioned in the article", "the author surveys"). */
export const isMeta = (text: string) =>
  /\b(?:(?:this|the) (?:article|piece|report|column|author|writer)|is mentioned|are mentioned)\b/i.test(text);

export const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
