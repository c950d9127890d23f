import type { Digest } from "../schemas/digest";
import { isSectionLabel, wordCount } from "./blocks";
import {
  type DateLabel,
  describes,
  hasCitations,
  looksLikeName,
  matchDatedLine,
  parseCitations,
  parseDateLabel,
  stripCitations,
} from "./text-digest-lines";

interface Line {
  /** The line without its list marker. */
  text: string;
  bullet: boolean;
  /** The number printed before a numbered line ("3." → 3). */
  number: number | null;
}

const BULLET = /^[-*•·▪–—] (.+)$/;
const NUMBERED = /^(\d{1,3})[.)] (.+)$/;
// Names publishers give the summary box of a digest-style piece ("DIGEST HUB" at Caixin, "Key takeaways" …).
const DIGEST_LABEL =
  /^(?:digest(?: hub)?|summary|ai summary|article summary|key (?:points|takeaways|facts)|takeaways|highlights|at a glance|in brief|the gist|tl;? ?dr|quick (?:read|take)|what you need to know|in short|the big picture)[:：]?$/i;
// A plain paragraph this long after the digest's items means the article itself goes on.
const BODY_PARAGRAPH_WORDS = 40;
// Without a label, a dated list is a timeline only when it has a few entries.
const MIN_UNLABELLED_TIMELINE = 2;

function parseLine(raw: string): Line {
  const numbered = NUMBERED.exec(raw);
  if (numbered) return { text: numbered[2]!, bullet: false, number: Number(numbered[1]) };
  const bullet = BULLET.exec(raw);
  return bullet
    ? { text: bullet[1]!, bullet: true, number: null }
    : { text: raw, bullet: false, number: null };
}

function isDigestLabel(line: Line): boolean {
  return (
    line.number === null && wordCount(line.text) <= 5 && DIGEST_LABEL.test(line.text.replace(/^#+ /, ""))
  );
}

/**
 * A dated line: "February 10, 2026:" alone (the event follows), or with the event after the colon. A bare
 * date without the colon labels the next line only in a bulleted list; elsewhere it is a date stamp.
 */
function datedLine(line: Line): (DateLabel & { rest: string }) | null {
  const dated = matchDatedLine(line.text);
  if (dated || !line.bullet) return dated;
  const bare = parseDateLabel(line.text);
  return bare ? { ...bare, rest: "" } : null;
}

/**
 * The structured view of a digest-style text (Caixin's "Digest Hub"): summary bullets under a digest label,
 * numbered key points with their `[para. N]` citations, entity notes (a short name line, then a line about it)
 * and a dated timeline. Null when the text has none of this. `lines` are the body's lines in order, as
 * cleaned for paragraphs; the paragraphs themselves are built separately and keep their markers.
 */
export function extractDigest(lines: readonly string[]): Digest | null {
  const parsed = lines.map(parseLine);
  const labelAt = parsed.findIndex(isDigestLabel);
  const digest: Digest = { summary: [], keyPoints: [], entities: [], timeline: [] };
  // Between the label and the first item of another kind, bullets are the summary.
  let inSummary = labelAt >= 0;
  // Inside the labelled box, numbered lines are key points even without citations.
  let inBox = labelAt >= 0;
  for (let i = labelAt + 1; i < parsed.length; i++) {
    const line = parsed[i]!;
    const next = parsed[i + 1];
    if (isSectionLabel(line.text)) {
      inSummary = false;
      continue;
    }
    const cites = hasCitations(line.text);
    if ((line.number !== null && (inBox || cites)) || (line.bullet && cites)) {
      digest.keyPoints.push({
        n: line.number ?? digest.keyPoints.length + 1,
        text: stripCitations(line.text),
        citations: parseCitations(line.text),
      });
      inSummary = false;
      continue;
    }
    const dated = datedLine(line);
    if (dated && (dated.rest || (next && !datedLine(next) && !isSectionLabel(next.text)))) {
      digest.timeline.push({ label: dated.label, date: dated.date, text: dated.rest || next!.text });
      if (!dated.rest) i++;
      inSummary = false;
      continue;
    }
    if (
      line.bullet &&
      next &&
      looksLikeName(line.text) &&
      !datedLine(next) &&
      describes(line.text, next.text)
    ) {
      digest.entities.push({ name: line.text, description: next.text });
      i++;
      inSummary = false;
      continue;
    }
    if (inSummary && line.bullet) {
      digest.summary.push(line.text);
      continue;
    }
    inSummary = false;
    if (!line.bullet && line.number === null && wordCount(line.text) >= BODY_PARAGRAPH_WORDS) inBox = false;
  }
  return worthKeeping(digest, labelAt >= 0) ? digest : null;
}

/**
 * A labelled digest counts with anything in it. Without a label only cited key points or a timeline of a few
 * entries do: a numbered list or a "Name — description" pair alone is ordinary article structure.
 */
function worthKeeping(digest: Digest, labelled: boolean): boolean {
  const { summary, keyPoints, entities, timeline } = digest;
  if (labelled) return summary.length + keyPoints.length + entities.length + timeline.length > 0;
  return keyPoints.length > 0 || timeline.length >= MIN_UNLABELLED_TIMELINE;
}
