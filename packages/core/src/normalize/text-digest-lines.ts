import { endsLikeSentence, wordCount } from "./blocks";
import { parseDateText } from "./dates";

// "[para. 1]", "[para 3]", "[¶4]", "[paras. 4-6]", "(para. 5)", "[paragraphs 4 and 6]", "[¶¶ 4–6]". The inner part
// is a bounded run of digits, separators and "and", so a hostile line cannot make the pattern backtrack.
const CITATION =
  /\s*[[(]\s*(?:para(?:graph)?s?\.?|¶{1,2})\s*((?:\d{1,4}|\s|,|&|and|[-–—]){1,80}?)\s*[\])]/giu;
// Citations name paragraphs of one article; a "range" wider than this is a typo, not a hundred citations.
const MAX_RANGE = 100;

/** Paragraph numbers cited as `[para. N]` and its variants, ranges expanded, in order, each once. */
export function parseCitations(text: string): number[] {
  const cited = new Set<number>();
  for (const m of text.matchAll(CITATION)) {
    for (const part of m[1]!.split(/\s*(?:,|&|\band\b)\s*/)) {
      const range = /^(\d{1,6})(?:\s*[-–—]\s*(\d{1,6}))?$/.exec(part.trim());
      if (!range) continue;
      const from = Number(range[1]);
      const to = range[2] === undefined ? from : Number(range[2]);
      if (from < 1 || to < from || to - from > MAX_RANGE) {
        if (from >= 1) cited.add(from);
        continue;
      }
      for (let n = from; n <= to; n++) cited.add(n);
    }
  }
  return [...cited];
}

/** The text without its citation markers. */
export function stripCitations(text: string): string {
  return text
    .replace(CITATION, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

const HAS_CITATION = new RegExp(CITATION.source, "iu");

export function hasCitations(text: string): boolean {
  return HAS_CITATION.test(text);
}

export interface DateLabel {
  /** As printed, without the colon: "February 10, 2026", "September 2025". */
  label: string;
  /** ISO 8601 to the printed precision: "2026-02-10", "2025-09", "2025". */
  date: string;
}

// Seasons, quarters and halves name a year, not a month: the schema's year precision fits them.
const YEAR_ONLY =
  /^(?:(?:early|mid|late|spring|summer|autumn|fall|winter|[QH][1-4]|first half|second half)[ -]?,? )?(\d{4})$/i;
const MONTH_YEAR = /^(\p{L}{3,12}\.?),? (\d{4})$/u;
const CJK_MONTH_YEAR = /^(\d{4}) ?[年년] ?(\d{1,2}) ?[月월]$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const MAX_LABEL_CHARS = 40;

const validYear = (year: number) => year >= 1900 && year <= 2100;

/** A date on its own ("February 10, 2026", "September 2025", "2025年9月", "Q3 2025"), to its printed precision. */
export function parseDateLabel(text: string): DateLabel | null {
  const label = text.trim();
  if (!label || label.length > MAX_LABEL_CHARS || !/\d{4}/.test(label)) return null;
  const day = parseDateText(label);
  if (day) return { label, date: day.slice(0, 10) };
  const year = YEAR_ONLY.exec(label);
  if (year) return validYear(Number(year[1])) ? { label, date: year[1]! } : null;
  const iso = ISO_MONTH.exec(label);
  if (iso) {
    const month = Number(iso[2]);
    return month >= 1 && month <= 12 && validYear(Number(iso[1])) ? { label, date: label } : null;
  }
  // A month and year is the first of that month to the day parser, which knows the month names.
  const cjk = CJK_MONTH_YEAR.exec(label);
  const probe = cjk
    ? `${label}1${label.includes("년") ? "일" : "日"}`
    : MONTH_YEAR.test(label)
      ? `1 ${label}`
      : null;
  const first = probe ? parseDateText(probe) : null;
  return first ? { label, date: first.slice(0, 7) } : null;
}

/**
 * "February 10, 2026:" (a label for the next line, `rest` empty) or "February 10, 2026: the event" (both on one
 * line): the date and whatever follows the colon or dash.
 */
export function matchDatedLine(text: string): (DateLabel & { rest: string }) | null {
  const m = /^(.{4,40}?)\s*(?::|：| [-–—] )\s*/u.exec(text.slice(0, 48));
  const date = m ? parseDateLabel(m[1]!) : null;
  return date ? { ...date, rest: text.slice(m![0].length).trim() } : null;
}

// Company-form words that a description often drops ("SoftBank Corp." → "SoftBank is …").
const CORPORATE_SUFFIX =
  /(?:,? (?:Corp|Corporation|Co|Company|Ltd|Limited|Inc|Incorporated|LLC|PLC|Plc|AG|SA|SE|NV|GmbH|KK|K\.K|Group|Holdings?))\.?$/;
const MAX_NAME_WORDS = 8;

/** A short line that names something: capitalized, at most eight words, not a sentence. */
export function looksLikeName(text: string): boolean {
  const words = wordCount(text);
  if (words === 0 || words > MAX_NAME_WORDS || text.length > 80) return false;
  return /^[\p{Lu}\p{Lo}\p{N}]/u.test(text) && !endsLikeSentence(text) && !/[:;]$/.test(text);
}

/** The name without company-form suffixes: "Murata Manufacturing Co. Ltd." → "Murata Manufacturing". */
function nameCore(name: string): string {
  let core = name;
  for (let previous = ""; previous !== core; ) {
    previous = core;
    core = core.replace(CORPORATE_SUFFIX, "");
  }
  return core.trim() || name;
}

/**
 * Whether `description` is about `name`: it starts with it, or mentions the name, its core or one of its
 * distinctive words ("Takaichi" for "Sanae Takaichi"). Descriptions are sentences, longer than the name.
 */
export function describes(name: string, description: string): boolean {
  if (wordCount(description) < Math.max(4, wordCount(name) + 2)) return false;
  const text = description.toLowerCase();
  const core = nameCore(name);
  if (text.includes(name.toLowerCase()) || text.includes(core.toLowerCase())) return true;
  return core
    .split(" ")
    .some((word) => word.length >= 4 && /^\p{Lu}/u.test(word) && description.includes(word));
}
