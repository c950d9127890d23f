import { cleanText, endsLikeSentence, isPromoLine, isSectionLabel, isTitleCase, wordCount } from "./blocks";
import { parseByline } from "./byline";
import { type LeadingDate, matchLeadingDate } from "./dates";
import { matchLocationDateline } from "./text-dateline";

/** One paragraph-sized piece of the text; `standalone` when blank lines (or the lack of any) set it apart. */
export interface Unit {
  text: string;
  standalone: boolean;
}

export interface Header {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  /** The first unit of the body. */
  bodyStart: number;
  /** Header lines found inside the body's range: the byline or dateline printed under a standfirst. */
  skipped: Set<number>;
}

export const MARKER = /^(?:[-*•·▪–—]|\d{1,3}[.)]|#{1,6}|>) /;
const HEADER_WINDOW = 6;
// "Published", "Updated", "Posted on" on a line of their own, the date on the next (BBC).
const DATE_LABEL_LINE =
  /^(?:published|first published|posted|updated|last updated|modified|date|dated)(?: on)?\s*[:：]?$/i;
const UPDATE_LABEL = /^(?:updated|last updated|modified)/i;
// Kana, Han and Hangul: scripts written without spaces between words.
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/** Roughly how many words: spaces separate Latin words, and about two CJK characters make one. */
function size(text: string): number {
  const head = text.slice(0, 2000);
  return wordCount(head) + Math.floor((head.match(CJK)?.length ?? 0) / 2);
}

/**
 * What can follow a date on its line without being the lead: "Updated 3 hours ago", a site name ("| Caixin"),
 * a clock time the date parser left ("10時30分"). A sentence, or a longer title-like text, is the lead.
 */
function isDateTail(rest: string): boolean {
  return UPDATE_LABEL.test(rest) || /^\d/.test(rest) || (size(rest) <= 3 && !endsLikeSentence(rest));
}

/** A dateline that makes up the whole line, or the whole line but a tail. */
function wholeDateline(text: string): LeadingDate | null {
  const date = matchLeadingDate(text);
  return date && (!date.rest || isDateTail(date.rest)) ? date : null;
}

function isHeaderLine(text: string | undefined): boolean {
  if (text === undefined) return false;
  return DATE_LABEL_LINE.test(text) || parseByline(text) !== null || wholeDateline(text) !== null;
}

/** The document's own headline: a short line that does not read as a sentence, followed by longer text. */
function isHeadline(text: string, next: string | undefined): boolean {
  if (/^#{1,2} /.test(text)) return true;
  if (MARKER.test(text) || isSectionLabel(text) || matchLocationDateline(text)) return false;
  const words = size(text);
  if (words < 2 || words > 30 || text.length > 250) return false;
  if (text.endsWith("?") ? !isTitleCase(text) : endsLikeSentence(text)) return false;
  return next !== undefined && size(next) > words;
}

function nextContent(units: readonly Unit[], from: number): string | undefined {
  for (let i = from; i < units.length && i < from + HEADER_WINDOW; i++) {
    const text = units[i]!.text;
    if (isPromoLine(text) || isHeaderLine(text)) continue;
    return matchLeadingDate(text)?.rest || text;
  }
  return undefined;
}

const sameText = (a: string, b: string) => cleanText(a).toLowerCase() === cleanText(b).toLowerCase();

/**
 * Headline, byline and dateline among the first lines; the lead paragraph loses a dateline it starts with. A
 * standfirst between the headline and the byline or dateline (Guardian, magazines) stays in the body.
 */
export function readHeader(units: Unit[], givenTitle: string | undefined): Header {
  const header: Header = { title: null, byline: null, publishedAt: null, bodyStart: 0, skipped: new Set() };
  let titleSeen = false;
  let standfirst = -1;
  let updateLabel = false;
  let index = 0;
  const consume = () => {
    if (standfirst >= 0) header.skipped.add(index);
  };
  for (; index < units.length && index < HEADER_WINDOW; index++) {
    const unit = units[index]!;
    if (isPromoLine(unit.text)) {
      consume();
      continue;
    }
    // A kicker above the headline ("ANALYSIS", "OPINION") labels the page, not a section of the body.
    if (index === 0 && isSectionLabel(unit.text) && !MARKER.test(unit.text)) continue;
    if (DATE_LABEL_LINE.test(unit.text)) {
      updateLabel = UPDATE_LABEL.test(unit.text);
      consume();
      continue;
    }
    const date = matchLeadingDate(unit.text);
    if (date) {
      if (!date.updated && !updateLabel) header.publishedAt ??= date.iso;
      updateLabel = false;
      if (date.rest && !isDateTail(date.rest)) {
        unit.text = date.rest;
        break;
      }
      consume();
      continue;
    }
    const byline = header.byline ? null : parseByline(unit.text);
    if (byline) {
      header.byline = byline.name;
      header.publishedAt ??= byline.date;
      consume();
      continue;
    }
    if (!titleSeen && isHeadline(unit.text, nextContent(units, index + 1))) {
      titleSeen = true;
      const title = unit.text.replace(/^#{1,2} /, "");
      // A caller's title wins; the document's first line is dropped only when it says the same thing.
      if (givenTitle === undefined) header.title = title;
      else if (!sameText(givenTitle, title)) break;
      continue;
    }
    if (givenTitle !== undefined && sameText(givenTitle, unit.text)) continue;
    if (standfirst < 0 && (titleSeen || givenTitle !== undefined) && isHeaderLine(units[index + 1]?.text)) {
      standfirst = index;
      continue;
    }
    break;
  }
  header.bodyStart = standfirst >= 0 ? standfirst : index;
  return header;
}
