import type { TimeExpression, TimelineEvent, TimePrecision } from "../../schemas/enrichment";
import type { Paragraph } from "../../schemas/paragraph";
import { type Sentence, splitSentences } from "../text/sentences";
import { addMonths, type Day, daysInMonth, parseReference } from "./calendar";
import { SEASON_START } from "./lexicon";
import { eventPhrase } from "./phrase";
import { tenseNear } from "./tense";

export interface TimelineOptions {
  /** The publication date: events after it are `expected`. */
  referenceDate: string | null;
  /** Entity mentions (from entity recognition): the entities named in a dated sentence are its actors. */
  mentions?: Array<{ paragraph: number; start: number; end: number; entity: string }>;
}

/** Precisions at which a date can anchor an event; weeks, decades and centuries are too vague to plot. */
const EVENT_PRECISIONS = new Set<TimePrecision>(["day", "month", "season", "quarter", "year"]);

// A dateline ("WASHINGTON, Aug. 11 (Xinhua) --", "date 2026-03-12") says when the story was filed: the
// publication date, never an event of the story.
const DATELINE_BEFORE = /^\s*\p{Lu}[\p{Lu}\s.'’-]{1,40}(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30})?,\s*$/u;
const DATELINE_AFTER = /^\s*(?:,\s*\d{4}\s*)?(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-|_|:|\/|$)/u;
const DATE_LABEL = /^\s*(?:date|dated|published|posted|updated|last updated)\s*:?\s*$/i;

export function isDateline(text: string, start: number, end: number, firstParagraph: boolean): boolean {
  if (start > 80) return false;
  const before = text.slice(0, start);
  if (DATE_LABEL.test(before)) return true;
  if (firstParagraph && !before.trim() && !text.slice(end).trim()) return true;
  return DATELINE_BEFORE.test(before) && DATELINE_AFTER.test(text.slice(end, end + 50));
}

/** The first day of the period a TimeML date value names, or null when it names none on the calendar. */
export function periodStart(value: string): Day | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-(SP|SU|FA|WI)|-Q([1-4])|-H([12]))?(?:T.*)?$/.exec(value);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) return { y, m: Number(m[2]), d: Math.min(Number(m[3]), daysInMonth(y, Number(m[2]))) };
  if (m[2]) return { y, m: Number(m[2]), d: 1 };
  if (m[4]) return { y, m: SEASON_START[m[4]] ?? 1, d: 1 };
  if (m[5]) return { y, m: addMonths(y, 1, (Number(m[5]) - 1) * 3).m, d: 1 };
  if (m[6]) return { y, m: m[6] === "1" ? 1 : 7, d: 1 };
  return { y, m: 1, d: 1 };
}

const dayKey = (d: Day) => d.y * 10_000 + d.m * 100 + d.d;

/** After the reference date at the event's own precision: a month counts from its first day, so "March" in March is not ahead. */
export function isExpected(value: string, reference: Day | null): boolean {
  const start = periodStart(value);
  return !!start && !!reference && dayKey(start) > dayKey(reference);
}

const PRESENT_WORDS = /^(?:today|tonight|now|nowadays|these days|this (?:morning|afternoon|evening))$/i;

/** Inside quotation marks that open before `at` in the paragraph and have not closed. */
function insideQuote(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 400), at);
  const curly = (before.match(/[“«]/g)?.length ?? 0) - (before.match(/[”»]/g)?.length ?? 0);
  const straight = (before.match(/"/g)?.length ?? 0) % 2;
  return curly > 0 || straight === 1;
}

type Mention = NonNullable<TimelineOptions["mentions"]>[number];

/** Longest sentence kept whole; a longer run without sentence punctuation is cut to a window around the date. */
const MAX_SENTENCE = 1_000;

/** The sentence (or, in a run-on wall of text, a word-bounded window of it) an event is told in. */
function eventSentence(text: string, sentence: Sentence, t: TimeExpression): Sentence {
  if (sentence.end - sentence.start <= MAX_SENTENCE) return sentence;
  let start = Math.max(sentence.start, t.start - MAX_SENTENCE / 2);
  let end = Math.min(sentence.end, t.end + MAX_SENTENCE / 2);
  while (start > sentence.start && /\S/.test(text[start - 1]!) && t.start - start < MAX_SENTENCE) start--;
  while (end < sentence.end && /\S/.test(text[end]!) && end - t.end < MAX_SENTENCE) end++;
  return { ...sentence, start, end, text: text.slice(start, end) };
}

/** Entities mentioned inside [start, end) of a paragraph, in order, once each; `sorted` by start. */
function actorsIn(sorted: Mention[], start: number, end: number): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  const out = new Set<string>();
  for (let i = lo; i < sorted.length && sorted[i]!.start < end; i++)
    if (sorted[i]!.end <= end) out.add(sorted[i]!.entity);
  return [...out];
}

/**
 * The dated events of an article: every sentence with a date (day, month, season, quarter or year) that
 * anchors something, one event per distinct date in it, ordered by date. Durations, sets, vague references
 * ("recently"), datelines, and a bare "today" that only sets the scene of an opinion or a quote are no events.
 */
export function buildTimeline(
  paragraphs: Paragraph[],
  times: TimeExpression[],
  options: TimelineOptions,
): TimelineEvent[] {
  const reference = parseReference(options.referenceDate);
  const byParagraph = new Map<number, TimeExpression[]>();
  for (const t of times) {
    if (t.type !== "date" && t.type !== "time") continue;
    const precision = t.type === "time" ? "day" : t.precision;
    if (!precision || !EVENT_PRECISIONS.has(precision) || !periodStart(t.value)) continue;
    const list = byParagraph.get(t.paragraph);
    if (list) list.push(t);
    else byParagraph.set(t.paragraph, [t]);
  }
  const mentions = new Map<number, Mention[]>();
  for (const m of options.mentions ?? []) {
    const list = mentions.get(m.paragraph);
    if (list) list.push(m);
    else mentions.set(m.paragraph, [m]);
  }
  for (const list of mentions.values()) list.sort((a, b) => a.start - b.start);

  const events: Array<TimelineEvent & { order: number }> = [];
  paragraphs.forEach((paragraph, index) => {
    const dated = byParagraph.get(paragraph.n)?.sort((a, b) => a.start - b.start);
    if (!dated) return;
    const text = paragraph.text;
    let next = 0;
    for (const whole of splitSentences(text, paragraph.n)) {
      const seen = new Set<string>();
      while (next < dated.length && dated[next]!.start < whole.start) next++;
      for (let i = next; i < dated.length && dated[i]!.start < whole.end; i++) {
        const t = dated[i]!;
        if (t.end > whole.end) continue;
        if (isDateline(text, t.start, t.end, index === 0)) continue;
        if (PRESENT_WORDS.test(t.text) && (insideQuote(text, t.start) || !isEventTense(text, t))) continue;
        const date = t.type === "time" ? t.value.slice(0, 10) : t.value;
        if (seen.has(date)) continue;
        seen.add(date);
        const sentence = eventSentence(text, whole, t);
        // A date that is only a label ("- September 2025:") heads the item after it, as digests and
        // timelines write them: the event is that item's first sentence.
        const following = isLabel(sentence.text, t.start - sentence.start, t.end - sentence.start)
          ? paragraphs[index + 1]
          : undefined;
        const first = following
          ? splitSentences(following.text.slice(0, 4 * MAX_SENTENCE), following.n)[0]
          : undefined;
        const source = first
          ? eventSentence(following!.text, first, { ...t, start: first.start, end: first.start })
          : sentence;
        events.push({
          paragraph: source.paragraph,
          start: source.start,
          end: source.end,
          date,
          precision: t.type === "time" ? "day" : t.precision!,
          phrase: first
            ? eventPhrase(source.text, 0, 0)
            : eventPhrase(sentence.text, t.start - sentence.start, t.end - sentence.start),
          actors: actorsIn(mentions.get(source.paragraph) ?? [], source.start, source.end),
          expected: isExpected(date, reference),
          sentence: source.text,
          order: events.length,
        });
      }
    }
  });
  // "their first call of 2026" under a "February 4, 2026:" label: the finer date of one sentence wins.
  const datesOf = new Map<string, string[]>();
  for (const e of events)
    datesOf.set(`${e.paragraph}:${e.start}`, [...(datesOf.get(`${e.paragraph}:${e.start}`) ?? []), e.date]);
  const kept = events.filter(
    (e) => !datesOf.get(`${e.paragraph}:${e.start}`)!.some((d) => d.startsWith(`${e.date}-`)),
  );
  kept.sort((a, b) => dayKey(periodStart(a.date)!) - dayKey(periodStart(b.date)!) || a.order - b.order);
  return kept.map(({ order: _order, ...event }) => event);
}

function isLabel(sentence: string, start: number, end: number): boolean {
  return (
    start < 8 &&
    sentence.length - end <= 3 &&
    /^[\s\-–—•*]*$/u.test(sentence.slice(0, start)) &&
    /^\s*:?\s*$/.test(sentence.slice(end))
  );
}

function isEventTense(text: string, t: TimeExpression): boolean {
  const tense = tenseNear(text, t.start, t.end);
  return tense === "past" || tense === "future";
}
