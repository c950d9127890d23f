import type { Quote } from "../../schemas/enrichment";
import type { Paragraph } from "../../schemas/paragraph";
import { splitSentences } from "../text/sentences";
import { classify } from "./direct";
import { type QuotedSpan, quotedSpans } from "./marks";
import { People, position } from "./people";
import { reportedSpeech } from "./reported";
import { isPersonName, isPronoun } from "./speaker";

/**
 * Direct quotes, reported speech, scare quotes and titles of each paragraph (editor's notes skipped), in text
 * order. `speakerEntity` is left null: linking a speaker to an entity is the entity stage's job.
 */
export function findQuotes(paragraphs: readonly Paragraph[]): Quote[] {
  const people = new People();
  const out: Quote[] = [];
  let previous: Quote | null = null;
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.kind === "note") return;
    const text = paragraph.text;
    people.scan(text, index);
    const marked = quotesOf(text, paragraph.n);
    const found = [...marked.found, ...reportedOf(text, paragraph.n, marked.usedCues, marked.spans)];
    // Named speakers first, so a "he said" later in the paragraph can be read as one of them.
    for (const item of found) {
      if (item.quote.speaker && isPersonName(item.quote.speaker) && item.quote.kind !== "scare")
        people.addSpeaker(item.quote.speaker, position(index, item.cueAt));
    }
    const starts = splitSentences(text, paragraph.n).map((sentence) => sentence.start);
    for (const { quote, cueAt, opensParagraph } of found) {
      if (quote.speaker && isPronoun(quote.speaker)) {
        const [sentence, before] = sentenceBounds(starts, cueAt);
        // In a paragraph's first sentence, "the sentence before" is the previous paragraph.
        const previousStart = sentence > 0 ? position(index, before) : position(Math.max(0, index - 1), 0);
        quote.speaker =
          people.resolve(quote.speaker, position(index, cueAt), position(index, sentence), previousStart) ??
          quote.speaker;
      }
      // A quotation opening the paragraph after another one, with no attribution of its own, continues it.
      if (quote.kind === "direct" && quote.speaker === null && opensParagraph && previous?.kind === "direct")
        quote.speaker = previous.speaker;
    }
    const quotes = found.map((item) => item.quote).sort((a, b) => a.start - b.start || b.end - a.end);
    for (const quote of quotes) out.push(quote);
    previous =
      quotes.filter((quote) => quote.kind === "direct").pop() ?? quotes[quotes.length - 1] ?? previous;
  });
  return fillRunOnSpeakers(out, paragraphs);
}

interface Found {
  quote: Quote;
  /** Where the speaker is named (the cue), or the quote itself when there is no cue. */
  cueAt: number;
  opensParagraph: boolean;
}

/** Start of the sentence holding `offset`, and of the sentence before it. */
function sentenceBounds(starts: readonly number[], offset: number): [number, number] {
  const k = lastAtOrBefore(starts, offset);
  return [starts[k] ?? 0, starts[k - 1] ?? 0];
}

/** Index of the last value ≤ `offset` in an ascending list (−1 when none). */
function lastAtOrBefore(values: readonly number[], offset: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

function quotesOf(text: string, n: number): { found: Found[]; usedCues: Set<number>; spans: QuotedSpan[] } {
  const out: Found[] = [];
  const usedCues = new Set<number>();
  const spans = quotedSpans(text);
  spans.forEach((span, k) => {
    const floor = k > 0 ? spans[k - 1]!.close + 1 : 0;
    const ceiling = spans[k + 1]?.open ?? text.length;
    const result = classify(text, span, floor, ceiling);
    let start = span.open + 1;
    let end = span.close;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
    // A label's sentence full stop belongs to the sentence: dubbed her “the world’s most powerful woman.”
    if (result.kind === "scare" || result.kind === "title")
      while (end > start && text[end - 1] === ".") end--;
    if (end <= start) return;
    if (result.cueAt !== null) usedCues.add(result.cueAt);
    const quote: Quote = {
      paragraph: n,
      start,
      end,
      text: text.slice(start, end),
      kind: result.kind,
      speaker: result.speaker,
      speakerEntity: null,
      cue: result.cue,
    };
    out.push({ quote, cueAt: result.cueAt ?? span.open, opensParagraph: span.open === 0 });
  });
  return { found: out, usedCues, spans };
}

/** Reported speech whose cue is neither an attribution already used nor inside a quotation. */
function reportedOf(
  text: string,
  n: number,
  usedCues: ReadonlySet<number>,
  spans: readonly QuotedSpan[],
): Found[] {
  const opens = spans.map((span) => span.open);
  const inside = (offset: number) => {
    const span = spans[lastAtOrBefore(opens, offset)];
    return span !== undefined && span.open < offset && offset < span.close;
  };
  return reportedSpeech(text, n, usedCues)
    .filter((reported) => !inside(reported.cueAt))
    .map((reported) => ({
      quote: {
        paragraph: n,
        start: reported.start,
        end: reported.end,
        text: text.slice(reported.start, reported.end),
        kind: "reported" as const,
        speaker: reported.speaker,
        speakerEntity: null,
        cue: reported.cue,
      },
      cueAt: reported.cueAt,
      opensParagraph: false,
    }));
}
/**
 * A quotation that runs to the end of its paragraph and goes on in the next one is attributed at its end
 * (“…\n“…,” he said): such an unattributed quote takes the speaker of the next paragraph's opening quote.
 */
function fillRunOnSpeakers(quotes: Quote[], paragraphs: readonly Paragraph[]): Quote[] {
  const lengths = new Map(paragraphs.map((paragraph) => [paragraph.n, paragraph.text.trimEnd().length]));
  for (let i = quotes.length - 2; i >= 0; i--) {
    const quote = quotes[i]!;
    const next = quotes[i + 1]!;
    if (quote.kind !== "direct" || quote.speaker !== null || next.kind !== "direct") continue;
    const runsOn = quote.end >= (lengths.get(quote.paragraph) ?? 0) - 2;
    if (runsOn && next.paragraph > quote.paragraph && next.start <= 1) quote.speaker = next.speaker;
  }
  return quotes;
}
