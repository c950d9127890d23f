import type { EntityType, Enrichment, Figure, Quote, TimeExpression } from "@parallax/core";

/**
 * What the reading view marks inside a paragraph. Spans are UTF-16 offsets into the paragraph's text, as
 * enrichment stores them; `text` is what enrichment saw there, so a span that no longer lands on it (the article
 * was extracted again after it was enriched) is dropped rather than marking the wrong words.
 */
export type InlineMark =
  | {
      kind: "entity";
      start: number;
      end: number;
      text?: string;
      slug: string;
      name: string;
      entityType: EntityType;
    }
  | {
      kind: "time";
      start: number;
      end: number;
      text?: string;
      value: string;
      timeType: TimeExpression["type"];
    }
  | {
      kind: "figure";
      start: number;
      end: number;
      text?: string;
      value: number;
      unit: string | null;
      figureKind: Figure["kind"];
    };

export type Segment = { text: string; mark: InlineMark | null };

/** A quote is shown beside its paragraph (who said it), never inline: its span usually contains other marks. */
export type SpeakerNote = {
  speaker: string;
  /** The speaker's entity page, when enrichment resolved the speaker to an entity of this article. */
  slug: string | null;
  kind: Quote["kind"];
  cue: string | null;
};

export type ParagraphMarks = { inline: InlineMark[]; speakers: SpeakerNote[] };

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** An offset between the two halves of one astral character (an emoji, a rare CJK ideograph). */
function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Whether a span can be marked in `text`: inside it, not empty, on character boundaries, on the words it names. */
export function isUsableSpan(text: string, mark: { start: number; end: number; text?: string }): boolean {
  const { start, end } = mark;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return false;
  if (start < 0 || end > text.length || start >= end) return false;
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return false;
  return mark.text === undefined || text.slice(start, end) === mark.text;
}

// Among equally long overlapping spans, a name links somewhere, a figure carries a value, a date a value too.
const kindRank: Record<InlineMark["kind"], number> = { entity: 0, figure: 1, time: 2 };

/**
 * Splits a paragraph into plain and marked segments that never overlap. Overlaps resolve the same way every
 * time: the longest span wins (so the outer of two nested spans), then the earlier, then entity before figure
 * before date, then the first given. Unusable spans are dropped. Joining the segments' text gives `text` back.
 */
export function segmentParagraph(text: string, marks: readonly InlineMark[]): Segment[] {
  const candidates = marks
    .map((mark, index) => ({ mark, index }))
    .filter(({ mark }) => isUsableSpan(text, mark))
    .sort(
      (a, b) =>
        b.mark.end - b.mark.start - (a.mark.end - a.mark.start) ||
        a.mark.start - b.mark.start ||
        kindRank[a.mark.kind] - kindRank[b.mark.kind] ||
        a.index - b.index,
    );
  // Kept spans stay sorted by start and never overlap, so one binary search finds the only neighbours a new
  // span could collide with: a paragraph with thousands of marks stays O(n log n) to check.
  const kept: InlineMark[] = [];
  for (const { mark } of candidates) {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((kept[middle] as InlineMark).start < mark.start) low = middle + 1;
      else high = middle;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if ((before && before.end > mark.start) || (after && after.start < mark.end)) continue;
    kept.splice(low, 0, mark);
  }

  const segments: Segment[] = [];
  let cursor = 0;
  for (const mark of kept) {
    if (mark.start > cursor) segments.push({ text: text.slice(cursor, mark.start), mark: null });
    segments.push({ text: text.slice(mark.start, mark.end), mark });
    cursor = mark.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), mark: null });
  return segments;
}

export type EnrichmentMarks = Pick<Enrichment, "entities" | "mentions" | "times" | "figures" | "quotes">;

function entry(byParagraph: Map<number, ParagraphMarks>, n: number): ParagraphMarks {
  let marks = byParagraph.get(n);
  if (!marks) {
    marks = { inline: [], speakers: [] };
    byParagraph.set(n, marks);
  }
  return marks;
}

/**
 * Enrichment regrouped by paragraph number. A mention of an entity the article does not list is skipped (it
 * would link to a page with nothing on it); scare quotes and titles are not speech and get no speaker; one
 * speaker is named once per paragraph however many of their quotes it holds.
 */
export function marksByParagraph(
  enrichment: EnrichmentMarks | null | undefined,
): Map<number, ParagraphMarks> {
  const byParagraph = new Map<number, ParagraphMarks>();
  if (!enrichment) return byParagraph;
  const entities = new Map(enrichment.entities.map((entity) => [entity.slug, entity]));
  for (const mention of enrichment.mentions) {
    const entity = entities.get(mention.entity);
    if (!entity) continue;
    entry(byParagraph, mention.paragraph).inline.push({
      kind: "entity",
      start: mention.start,
      end: mention.end,
      text: mention.text,
      slug: entity.slug,
      name: entity.name,
      entityType: entity.type,
    });
  }
  for (const time of enrichment.times) {
    entry(byParagraph, time.paragraph).inline.push({
      kind: "time",
      start: time.start,
      end: time.end,
      text: time.text,
      value: time.value,
      timeType: time.type,
    });
  }
  for (const figure of enrichment.figures) {
    entry(byParagraph, figure.paragraph).inline.push({
      kind: "figure",
      start: figure.start,
      end: figure.end,
      text: figure.text,
      value: figure.value,
      unit: figure.unit,
      figureKind: figure.kind,
    });
  }
  for (const quote of enrichment.quotes) {
    const speaker = quote.speaker?.trim();
    if (!speaker || quote.kind === "scare" || quote.kind === "title") continue;
    const slug = quote.speakerEntity && entities.has(quote.speakerEntity) ? quote.speakerEntity : null;
    const speakers = entry(byParagraph, quote.paragraph).speakers;
    if (speakers.some((note) => (slug ? note.slug === slug : note.speaker === speaker))) continue;
    speakers.push({ speaker, slug, kind: quote.kind, cue: quote.cue });
  }
  return byParagraph;
}

const dateLike = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const weekLike = /^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$/;
const dateTimeLike = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?$/;
const timeLike = /^T?(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/;
const durationLike = /^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

/**
 * The TimeML value as an HTML `datetime` attribute, or null when HTML cannot say it: seasons (`2026-SU`),
 * underspecified (`199X`, `XXXX-WXX-1`), `PRESENT_REF`, and durations in weeks, months or years (`P1W`), which
 * HTML's duration syntax does not have. Those stay marked, with the value shown on hover instead.
 */
export function htmlDateTime(value: string): string | null {
  if (dateLike.test(value) || weekLike.test(value) || dateTimeLike.test(value)) return value;
  if (timeLike.test(value)) return value.replace(/^T/, "");
  if (durationLike.test(value) && value !== "P" && !value.endsWith("T")) return value;
  return null;
}
