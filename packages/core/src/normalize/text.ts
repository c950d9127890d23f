import {
  type Block,
  cleanText,
  type Extraction,
  endsLikeSentence,
  isPromoLine,
  isSectionLabel,
  isTitleCase,
  wordCount,
  emptyMetadata,
} from "./blocks";
import { parseByline } from "./byline";
import { matchLeadingDate } from "./dates";

/** One paragraph-sized piece of the text; `standalone` when blank lines (or the lack of any) set it apart. */
interface Unit {
  text: string;
  standalone: boolean;
}

const MARKER = /^(?:[-*•·▪–—]|\d{1,3}[.)]|#{1,6}|>) /;
const BULLET = /^[-*•·▪–—] (.+)$/;
const NUMBERED = /^\d{1,3}[.)] (.+)$/;
const MARKDOWN_HEADING = /^#{1,6} (.+)$/;
const QUOTE = /^> ?(.+)$/;
const HEADER_WINDOW = 6;
const MAX_HEADING_WORDS = 12;

function toGroups(text: string): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split(/\r\n?|[\n\u2028\u2029\u0085]/)) {
    const line = cleanText(raw);
    if (line) current.push(line);
    else if (current.length > 0) {
      groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Text wrapped at a fixed width (e-mail, terminals) splits paragraphs over lines of similar length; pasted web
 * text puts one paragraph on each line. Wrapped when almost every non-final line of a group is near the width.
 */
function isHardWrapped(groups: string[][]): boolean {
  let width = 0;
  for (const group of groups) for (const line of group) width = Math.max(width, line.length);
  if (width < 40 || width > 100) return false;
  let inner = 0;
  let long = 0;
  for (const group of groups) {
    for (const line of group.slice(0, -1)) {
      inner++;
      if (line.length >= width * 0.6) long++;
    }
  }
  return inner >= 2 && long / inner >= 0.8;
}

function toUnits(text: string): Unit[] {
  const groups = toGroups(text);
  // Fewer than three groups means blank lines are not how this text separates paragraphs.
  const usesBlankLines = groups.length >= 3;
  const wrapped = usesBlankLines && isHardWrapped(groups);
  const units: Unit[] = [];
  for (const group of groups) {
    const standalone = group.length === 1 || !usesBlankLines;
    if (!wrapped || group.length === 1) {
      for (const line of group) units.push({ text: line, standalone });
      continue;
    }
    let current: Unit | null = null;
    for (const line of group) {
      if (current && !MARKER.test(line)) {
        current.text += ` ${line}`;
        continue;
      }
      current = { text: line, standalone: false };
      units.push(current);
    }
  }
  return units;
}

/** The document's own headline: a short line that does not read as a sentence, followed by longer text. */
function isHeadline(text: string, next: string | undefined): boolean {
  if (/^#{1,2} /.test(text)) return true;
  if (MARKER.test(text) || isSectionLabel(text)) return false;
  const words = wordCount(text);
  if (words < 2 || words > 30 || text.length > 250) return false;
  if (text.endsWith("?") ? !isTitleCase(text) : endsLikeSentence(text)) return false;
  return next !== undefined && wordCount(next) > words;
}

function nextContent(units: readonly Unit[], from: number): string | undefined {
  for (let i = from; i < units.length && i < from + HEADER_WINDOW; i++) {
    const text = units[i]!.text;
    if (isPromoLine(text) || parseByline(text)) continue;
    const date = matchLeadingDate(text);
    if (date && !date.rest) continue;
    return date ? date.rest : text;
  }
  return undefined;
}

const sameText = (a: string, b: string) => cleanText(a).toLowerCase() === cleanText(b).toLowerCase();

interface Header {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  bodyStart: number;
}

/** Headline, byline and dateline among the first lines; the lead paragraph loses a dateline it starts with. */
function readHeader(units: Unit[], givenTitle: string | undefined): Header {
  const header: Header = { title: null, byline: null, publishedAt: null, bodyStart: 0 };
  let titleSeen = false;
  let index = 0;
  for (; index < units.length && index < HEADER_WINDOW; index++) {
    const unit = units[index]!;
    if (isPromoLine(unit.text)) continue;
    // A kicker above the headline ("ANALYSIS", "OPINION") labels the page, not a section of the body.
    if (index === 0 && isSectionLabel(unit.text) && !MARKER.test(unit.text)) continue;
    const date = matchLeadingDate(unit.text);
    if (date) {
      if (!date.updated) header.publishedAt ??= date.iso;
      if (date.rest) {
        unit.text = date.rest;
        break;
      }
      continue;
    }
    const byline = header.byline ? null : parseByline(unit.text);
    if (byline) {
      header.byline = byline.name;
      header.publishedAt ??= byline.date;
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
    break;
  }
  header.bodyStart = index;
  return header;
}

type Candidate = Block & { label?: boolean; standalone: boolean };

function classify(unit: Unit): Candidate | null {
  const { text, standalone } = unit;
  if (isPromoLine(text)) return null;
  const heading = MARKDOWN_HEADING.exec(text);
  if (heading) return { kind: "heading", text: heading[1]!, standalone };
  const bullet = BULLET.exec(text);
  if (bullet) {
    const inner = bullet[1]!;
    // A bulleted all-caps label ("- DIGEST HUB") names the section below it; its text is kept as printed.
    return isSectionLabel(inner)
      ? { kind: "heading", text: inner, label: true, standalone }
      : { kind: "list-item", text: inner, standalone };
  }
  const numbered = NUMBERED.exec(text);
  if (numbered) return { kind: "list-item", text: numbered[1]!, standalone };
  const quote = QUOTE.exec(text);
  if (quote) return { kind: "quote", text: quote[1]!, standalone };
  if (isSectionLabel(text)) return { kind: "heading", text, label: true, standalone };
  return { kind: "paragraph", text, standalone };
}

function looksLikeHeading(candidate: Candidate, next: Candidate | undefined): boolean {
  if (candidate.kind !== "paragraph" || !candidate.standalone || !next) return false;
  const words = wordCount(candidate.text);
  if (words === 0 || words > MAX_HEADING_WORDS || endsLikeSentence(candidate.text)) return false;
  if (!isTitleCase(candidate.text)) return false;
  return next.kind !== "heading" && wordCount(next.text) > words;
}

/** Blocks from the body lines: list markers, section labels and title-cased standalone lines recognised. */
function toBlocks(units: readonly Unit[]): Block[] {
  const candidates = units.map(classify).filter((c): c is Candidate => c !== null);
  // An all-caps label introduces a section only if real content follows; trailing ones are page furniture.
  let lastContent = -1;
  candidates.forEach((c, i) => {
    if (!c.label) lastContent = i;
  });
  const blocks: Block[] = [];
  candidates.forEach((candidate, i) => {
    if (candidate.label && i > lastContent) return;
    const kind = looksLikeHeading(candidate, candidates[i + 1]) ? "heading" : candidate.kind;
    blocks.push({ kind, text: candidate.text });
  });
  return blocks;
}

/** Plain text (pasted articles, e-mails, markdown-ish notes) to blocks and whatever metadata its first lines give. */
export function extractText(text: string, givenTitle?: string): Extraction {
  const units = toUnits(text);
  const header = readHeader(units, givenTitle);
  return {
    ...emptyMetadata(),
    title: header.title,
    byline: header.byline,
    authors: header.byline ? [header.byline] : [],
    publishedAt: header.publishedAt,
    blocks: toBlocks(units.slice(header.bodyStart)),
    captions: [],
    digest: null,
  };
}
