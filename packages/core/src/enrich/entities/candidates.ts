import type { Paragraph } from "../../schemas/paragraph";
import { splitSentences } from "../text/sentences";
import { CALENDAR, ROLE_NOUNS, SPEECH_VERBS } from "./data/lexicon";
import { GIVEN_NAMES, WORD_SURNAMES } from "./data/names";
import { nameOrigin } from "./person-names";
import { findRuns, isTitleCase } from "./runs";
import { candidate, type SentenceContext, segmentRun } from "./segment";
import { isCamelBrand, isCapitalized, isCommonWord } from "./text";
import { type Token, tokenize } from "./tokens";
import type { Candidate } from "./types";

/** Every name candidate of an article, in reading order, with the cues its context gives. */
export function findCandidates(paragraphs: readonly Paragraph[]): Candidate[] {
  const out: Candidate[] = [];
  let sentence = 0;
  for (const paragraph of paragraphs) {
    const heading = paragraph.kind === "heading" || isTitleCase(paragraph.text);
    for (const s of splitSentences(paragraph.text, paragraph.n)) {
      const tokens = tokenize(paragraph.text, s.start, s.end);
      const ctx: SentenceContext = {
        paragraph: paragraph.n,
        text: paragraph.text,
        tokens,
        sentence,
        heading,
      };
      const found: Candidate[] = [];
      for (const run of findRuns(tokens)) {
        for (const c of segmentRun(ctx, run.tokens, run.initial)) found.push(withContext(c, ctx));
      }
      found.push(...calendarNames(ctx, found));
      out.push(...found.sort((a, b) => a.start - b.start));
      sentence++;
    }
  }
  return out;
}

// Words before a month or weekday that make it a date ("in May", "last March", "on Monday").
const DATE_CONTEXT =
  /^(?:in|on|since|until|till|by|from|through|last|next|early|late|mid|this|of|during|before|after|every|each|until|between|and|or|to)$/;

/**
 * "May" in "May reaffirmed …" may be Theresa May: a capitalized month or weekday outside a date context is kept as
 * a weak name, which only survives if the article names a person with that name.
 */
function calendarNames(ctx: SentenceContext, found: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const [i, t] of ctx.tokens.entries()) {
    if (t.kind !== "word" || !isCapitalized(t.text) || !CALENDAR.has(t.text.toLowerCase())) continue;
    if (found.some((c) => c.start <= t.start && c.end >= t.end)) continue;
    const prev = ctx.tokens[i - 1];
    const next = ctx.tokens[i + 1];
    if (prev && (DATE_CONTEXT.test(prev.text.toLowerCase()) || prev.kind === "number")) continue;
    if (next?.kind === "number") continue;
    out.push(candidate(ctx, t.start, t.end, { weak: true }));
  }
  return out;
}

/** Index of the token starting at `offset` (or, with `next`, the first token at or after it); -1 if none. */
function tokenAt(ctx: SentenceContext, offset: number, next = false): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= ctx.tokens.length) return -1;
  return next || ctx.tokens[lo]!.start === offset ? lo : -1;
}

const lower = (t: Token | undefined) => (t && t.kind === "word" ? t.text.toLowerCase() : "");

/** Adds what the words around a name say: a role noun before it, a speech verb, a locative preposition. */
function withContext(c: Candidate, ctx: SentenceContext): Candidate {
  if (c.entry) return c;
  const tokens = ctx.tokens;
  const at = tokenAt(ctx, c.start);
  const after = tokenAt(ctx, c.end, true);
  const prev = at > 0 ? tokens[at - 1] : undefined;
  const next = after >= 0 ? tokens[after] : undefined;
  const named = c.type === null || c.type === "person";
  const result = { ...c };

  if (named && prev && ROLE_NOUNS.has(lower(prev)) && !isCapitalized(prev.text) && result.person === null) {
    // "Ministry of National Defense spokesman Jiang Bin": the role with the body it belongs to.
    let from = at - 1;
    while (
      from > 0 &&
      (isCapitalized(tokens[from - 1]!.text) || /^(?:of|the|for)$/.test(tokens[from - 1]!.text))
    )
      from--;
    while (from < at - 1 && !isCapitalized(tokens[from]!.text)) from++;
    const start = tokens[from]!.start;
    result.person = "role";
    result.role = { paragraph: c.paragraph, start, end: prev.end, text: ctx.text.slice(start, prev.end) };
  }
  const words = c.text.split(/\s+/).length;
  if (named && result.person === null && words <= 4 && c.form !== "acronym") {
    const saidAfter =
      SPEECH_VERBS.has(lower(next)) || (next?.text === "," && SPEECH_VERBS.has(lower(tokens[after + 1])));
    const saidBefore =
      SPEECH_VERBS.has(lower(prev)) || (lower(prev) === "to" && lower(tokens[at - 2]) === "according");
    if (saidAfter || saidBefore) result.person = "speech";
  }
  if (/^(?:in|at|near)$/.test(lower(prev)) && next?.kind !== "poss") result.locative = true;
  // "© Jiji" credits an organisation.
  if (prev?.text === "©" && result.type === null && !result.person) result.type = "organization";
  if (prev?.text === "the") result.determiner = true;
  if (result.person && !ctx.heading) result.weak = false;
  if (result.type === null) result.type = typeFromName(result);
  return result;
}

/** The type a name's own words give it, when no head word or title did; null for a bare unknown word. */
export function typeFromName(c: Candidate): Candidate["type"] {
  if (c.person) return "person";
  if (c.form === "acronym") return "organization";
  const words = c.text.split(/\s+/);
  if (/ no /.test(c.text) || words.some(isCamelBrand)) return "organization";
  if (words.length === 1) return c.locative && !isCommonWord(c.text) ? "place" : null;
  if (GIVEN_NAMES.has(words[0]!.toLowerCase()) || nameOrigin(words)) return "person";
  const lastIsSurname = WORD_SURNAMES.has(words.at(-1)!.toLowerCase()) && !isCommonWord(words[0]!);
  if (!lastIsSurname && words.some((w) => isCommonWord(w) && !GIVEN_NAMES.has(w.toLowerCase()))) {
    return "organization";
  }
  return "person";
}
