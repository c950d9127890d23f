import {
  type Block,
  cleanText,
  type Extraction,
  emptyMetadata,
  endsLikeSentence,
  hasTerminalPunctuation,
  isPromoLine,
  isSectionLabel,
  isTitleCase,
  wordCount,
} from "./blocks";
import { checkBudget, tick } from "./budget";
import { extractDigest } from "./digest";
import { captionInNote, findCaptions } from "./text-captions";
import { matchLocationDateline } from "./text-dateline";
import { MARKER, readHeader, type Unit } from "./text-header";
import { isNote } from "./text-notes";

const BULLET = /^[-*•·▪–—] (.+)$/;
const NUMBERED = /^\d{1,3}[.)] (.+)$/;
const MARKDOWN_HEADING = /^#{1,6} (.+)$/;
const QUOTE = /^> ?(.+)$/;
// "**Schools First**": chat tools and markdown editors mark headings in bold rather than with "#".
const BOLD_HEADING = /^(?:\*\*|__)([^*_]{1,150})(?:\*\*|__)$/;
const MAX_HEADING_WORDS = 12;
// Author biographies are notes only among the last paragraphs (see isNote).
const END_WINDOW = 3;

function toGroups(text: string): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const raw of text.split(/\r\n?|[\n\u2028\u2029\u0085]/)) {
    tick();
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
  return joinDatelines(units);
}

/** "WASHINGTON —" alone on a line opens the paragraph below it, as it does in print. */
function joinDatelines(units: Unit[]): Unit[] {
  const bare = units.map((unit) => matchLocationDateline(unit.text)?.rest === "");
  const joined: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const next = units[i + 1];
    // Never into another bare dateline: a run of them would grow one string line by line.
    if (next && bare[i] && !bare[i + 1]) {
      next.text = `${unit.text} ${next.text}`;
      continue;
    }
    joined.push(unit);
  }
  return joined;
}

// Link lists under "Related topics" run a dozen lines or so; a text of nothing but short lines is not one.
const MAX_TRAILING_LINKS = 30;
// A line of a link list: a few words, no sentence punctuation ("Japan", "United States", "Trade wars").
const isLinkLine = (text: string) => wordCount(text, 7) <= 6 && !hasTerminalPunctuation(text);

/**
 * "Related topics", "More on this story" and the like, followed by nothing but short link lines, close many
 * pasted pages (BBC, Guardian): the label and its links go. Only a promotional label opens such a run, so a
 * closing list under a real heading stays.
 */
function withoutTrailingLinks(units: Unit[]): Unit[] {
  let start = units.length;
  const limit = Math.max(0, units.length - MAX_TRAILING_LINKS);
  while (start > limit && isLinkLine(units[start - 1]!.text)) start--;
  if (start === limit && limit > 0) return units;
  for (let i = start; i < units.length - 1; i++) {
    if (isPromoLine(units[i]!.text.replace(/^[-*•] /, ""))) return units.slice(0, i);
  }
  return units;
}

type Candidate = Block & { label?: boolean; standalone: boolean };

function classify(unit: Unit): Candidate | null {
  const { text, standalone } = unit;
  if (isPromoLine(text)) return null;
  const heading = MARKDOWN_HEADING.exec(text) ?? BOLD_HEADING.exec(text);
  if (heading && wordCount(heading[1]!) <= MAX_HEADING_WORDS) {
    return { kind: "heading", text: heading[1]!.trim(), standalone };
  }
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
    let kind = looksLikeHeading(candidate, candidates[i + 1]) ? "heading" : candidate.kind;
    if (kind === "paragraph" && isNote(candidate.text, i > lastContent - END_WINDOW)) kind = "note";
    blocks.push({ kind, text: candidate.text });
  });
  return blocks;
}

/** Plain text (pasted articles, e-mails, markdown-ish notes) to blocks and whatever metadata its first lines give. */
export function extractText(text: string, givenTitle?: string): Extraction {
  const lines = toUnits(text);
  checkBudget();
  // Photo captions and credits can sit anywhere, above the headline too; they are kept apart from the body.
  const { captions, taken } = findCaptions(lines.map((unit) => unit.text));
  const units = lines.filter((_, i) => !taken.has(i));
  const header = readHeader(units, givenTitle);
  const body = withoutTrailingLinks(units.filter((_, i) => i >= header.bodyStart && !header.skipped.has(i)));
  checkBudget();
  const blocks = toBlocks(body);
  checkBudget();
  for (const block of blocks) {
    const caption = block.kind === "note" ? captionInNote(block.text) : null;
    if (caption) captions.push(caption);
  }
  return {
    ...emptyMetadata(),
    title: header.title,
    byline: header.byline,
    authors: header.byline ? [header.byline] : [],
    publishedAt: header.publishedAt,
    blocks,
    captions,
    digest: extractDigest(body.map((unit) => unit.text)),
  };
}
