import type { EntityType } from "../../schemas/enrichment";
import {
  EVENT_HEADS,
  FUNCTION_WORDS,
  GROUP_WORDS,
  HONORIFICS,
  LAW_HEADS,
  ORG_HEADS,
  PLACE_HEADS,
  ROLE_HEADS,
  VESSEL_PREFIXES,
} from "./data/lexicon";
import { GIVEN_NAMES } from "./data/names";
import { GAZETTEER_SPAN, type GazetteerEntry, lookupPlace, type PlaceKind } from "./gazetteer";
import { isAcronym, isCapitalized, isCommonWord, isShouted } from "./text";
import type { Token } from "./tokens";
import { type Unit, units } from "./compounds";
import type { Candidate, TextSpan } from "./types";

export interface SentenceContext {
  paragraph: number;
  text: string;
  tokens: Token[];
  sentence: number;
  /** The paragraph is a heading or title-case line: its names are all weak. */
  heading: boolean;
}

type Piece = { units: Unit[]; initial: boolean };

const bare = (word: string) => word.toLowerCase().replace(/\.$/, "");
// The longest names news copy writes have about ten words ("Comprehensive and Progressive Agreement for …").
const MAX_NAME_WORDS = 12;
const TITLE_CASE_BREAKS = new Set(
  "And Or But Between With Without Against Among Amid Versus Vs Into Over Under After Before From By To In On At As".split(
    " ",
  ),
);
const SPLITTERS = new Set(["of", "for", "on", "and", "&", "the"]);

/** The type a head word gives the name it ends ("Party", "Act", "Summit", "Prefecture"). */
export function headType(word: string): { type: EntityType; placeKind: PlaceKind | null } | null {
  const w = bare(word);
  if (LAW_HEADS.has(w)) return { type: "law", placeKind: null };
  if (EVENT_HEADS.has(w)) return { type: "event", placeKind: null };
  if (ORG_HEADS.has(w)) return { type: "organization", placeKind: null };
  const place = PLACE_HEADS.get(w);
  return place ? { type: "place", placeKind: place } : null;
}

function spanOf(ctx: SentenceContext, start: number, end: number): TextSpan {
  return { paragraph: ctx.paragraph, start, end, text: ctx.text.slice(start, end) };
}

/** A candidate over [start, end) of the sentence, with every field at its neutral value unless `init` says otherwise. */
export function candidate(
  ctx: SentenceContext,
  start: number,
  end: number,
  init: Partial<Candidate>,
): Candidate {
  // Written out field by field rather than spread from defaults: spreading `init` over the defaults made this the
  // costliest line of entity extraction, and every candidate now has one shape.
  return {
    paragraph: ctx.paragraph,
    start,
    end,
    text: ctx.text.slice(start, end),
    sentence: ctx.sentence,
    entry: init.entry ?? null,
    type: init.type ?? null,
    placeKind: init.placeKind ?? null,
    form: init.form ?? "name",
    person: init.person ?? null,
    role: init.role ?? null,
    weak: init.weak ?? ctx.heading,
    locative: init.locative ?? false,
    determiner: init.determiner ?? false,
  };
}

function known(ctx: SentenceContext, start: number, end: number, entry: GazetteerEntry): Candidate {
  return candidate(ctx, start, end, { entry, form: entry.form, weak: false });
}

/**
 * Name candidates from the words of one capitalized run, in this order: a known name as a whole ("Republic of
 * Korea"); a name typed by its head word ("Liberal Democratic Party"); a title and the person it names ("Economy
 * Minister Ryosei Akazawa"); else the run cut at its joiners, known names taken longest first and what is left
 * kept as unknown names. candidates.ts then adds what the surrounding words say.
 */
export function segmentRun(ctx: SentenceContext, indices: readonly number[], initial: boolean): Candidate[] {
  let tokens = indices.map((i) => ctx.tokens[i]!);
  // Leading function words ("The", "When", "But") and trailing joiners are not part of a name.
  let dropped = false;
  while (tokens.length && (FUNCTION_WORDS.has(bare(tokens[0]!.text)) || !isCapitalized(tokens[0]!.text))) {
    tokens = tokens.slice(1);
    dropped = true;
  }
  while (tokens.length && !isCapitalized(tokens.at(-1)!.text)) tokens = tokens.slice(0, -1);
  if (!tokens.length) return [];
  if (VESSEL_PREFIXES.has(tokens[0]!.text.toLowerCase()) && isAcronym(tokens[0]!.text)) return [];
  // Longer than any name: typography (a title-case line, a list of names run together). Its words may only
  // confirm names found elsewhere, and it is cut at every joiner, which keeps the work linear.
  if (tokens.length > MAX_NAME_WORDS) {
    const weak = { ...ctx, heading: true };
    return splitAt(tokens, (t) => !isCapitalized(t.text)).flatMap((part) =>
      segmentKnown(weak, units(part), false),
    );
  }
  // Shouted words ("DIGEST HUB") name nothing unless they are a known place ("WASHINGTON —" in a dateline).
  if (tokens.some((t) => isShouted(t.text))) {
    const shouted = tokens.filter((t) => isShouted(t.text) || isAcronym(t.text));
    const place = shouted.length ? lookupPlace(ctx.text.slice(shouted[0]!.start, shouted.at(-1)!.end)) : null;
    const rest = tokens.filter((t) => !shouted.includes(t));
    return [
      ...(place && shouted.length === tokens.length
        ? [known(ctx, tokens[0]!.start, tokens.at(-1)!.end, place)]
        : []),
      ...(rest.length ? segmentWords(ctx, rest, false) : []),
    ];
  }
  // Title-case prepositions ("… Balancing Act Between China and …") end a name.
  const breaks = (t: Token, i: number) => i > 0 && TITLE_CASE_BREAKS.has(t.text);
  if (tokens.some(breaks)) {
    return splitAt(tokens, (t) => breaks(t, tokens.indexOf(t))).flatMap((part, i) =>
      segmentWords(ctx, part, initial && !dropped && i === 0),
    );
  }
  return segmentWords(ctx, tokens, initial && !dropped);
}

function splitAt(tokens: readonly Token[], isBreak: (t: Token) => boolean): Token[][] {
  const parts: Token[][] = [[]];
  for (const t of tokens) {
    if (isBreak(t)) parts.push([]);
    else parts.at(-1)!.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

function segmentWords(ctx: SentenceContext, tokens: Token[], initial: boolean): Candidate[] {
  while (tokens.length && !isCapitalized(tokens[0]!.text)) tokens = tokens.slice(1);
  while (tokens.length && !isCapitalized(tokens.at(-1)!.text)) tokens = tokens.slice(0, -1);
  if (!tokens.length) return [];
  const first = tokens[0]!;
  const last = tokens.at(-1)!;
  const whole = lookupPlace(ctx.text.slice(first.start, last.end));
  if (whole) return [known(ctx, first.start, last.end, whole)];
  const words = tokens.filter((t) => isCapitalized(t.text) || isAcronym(t.text));

  // Typed by its head word: "… Party", "Ministry of …", "… Agreement for …", "Kanagawa Prefecture".
  const cut = tokens.findIndex((t) => t.text === "of" || t.text === "for" || t.text === "on");
  // "World War II", "Expo 2025": a numeral after the head word.
  const numbered = cut > 0 ? tokens.slice(0, cut) : tokens;
  const headSegment =
    numbered.length > 1 && /^(?:[IVX]+|\d+)$/.test(numbered.at(-1)!.text) ? numbered.slice(0, -1) : numbered;
  const titled = tokens.some((t) => HONORIFICS.has(bare(t.text)));
  const head = words.length >= 2 && !titled ? headType(headSegment.at(-1)!.text) : null;

  // "X and Y …" is one name only when it has a head and X is one unknown word ("Comprehensive and Progressive
  // Agreement", "Department of Health and Human Services"); otherwise two ("Japan and South Korea").
  const and = tokens.findIndex((t) => t.text === "and");
  if (and > 0) {
    const before = tokens.slice(0, and);
    const left = before.slice(before.findLastIndex((t) => SPLITTERS.has(t.text)) + 1);
    const joinable =
      head !== null &&
      left.length === 1 &&
      !lookupPlace(left[0]!.text) &&
      !GIVEN_NAMES.has(left[0]!.text.toLowerCase()) &&
      tokens[and + 1]?.text !== "The" &&
      !lookupPlace(tokens[and + 1]?.text ?? "");
    if (!joinable)
      return [
        ...segmentWords(ctx, tokens.slice(0, and), initial),
        ...segmentWords(ctx, tokens.slice(and + 1), false),
      ];
  }
  if (head) return [candidate(ctx, first.start, last.end, { type: head.type, placeKind: head.placeKind })];

  // A title before a name: "Prime Minister Takaichi", "Secretary of State Mike Pompeo", "Mr. Kim".
  const title = findTitle(tokens);
  if (title) {
    const { end, honorific } = title;
    const prefix = tokens.slice(0, end + 1);
    let nameTokens = tokens.slice(end + 1);
    const stop = nameTokens.findIndex((t) => SPLITTERS.has(t.text));
    const rest = stop >= 0 ? nameTokens.slice(stop + 1) : [];
    if (stop >= 0) nameTokens = nameTokens.slice(0, stop);
    const out = knownOnly(ctx, prefix);
    if (nameTokens.length) {
      // A sentence's first word is no part of a title ("Receiving French President Emmanuel Macron, …").
      const opener = (t: Token) => initial && t === tokens[0] && /(?:ing|ed|ly)$/.test(t.text);
      const roleStart = honorific ? null : prefix.find((t) => isCapitalized(t.text) && !opener(t));
      const role = roleStart ? spanOf(ctx, roleStart.start, prefix.at(-1)!.end) : null;
      const person = honorific ? "honorific" : "role";
      const name = candidate(ctx, nameTokens[0]!.start, nameTokens.at(-1)!.end, {
        type: "person",
        person,
        role,
      });
      out.push({ ...name, weak: ctx.heading && !honorific });
    }
    return [...out, ...segmentWords(ctx, rest, false)];
  }

  if (tokens.some((t) => SPLITTERS.has(t.text))) {
    return splitAt(tokens, (t) => SPLITTERS.has(t.text)).flatMap((part, i) =>
      segmentWords(ctx, part, initial && i === 0),
    );
  }
  return segmentKnown(ctx, units(tokens), initial);
}

/** The last honorific or role word followed by a name; "of State" after "Secretary" belongs to the title. */
function findTitle(tokens: readonly Token[]): { end: number; honorific: boolean } | null {
  for (let h = tokens.length - 2; h >= 0; h--) {
    const word = bare(tokens[h]!.text);
    const honorific = HONORIFICS.has(word);
    if (!honorific && !(ROLE_HEADS.has(word) && isCapitalized(tokens[h]!.text))) continue;
    const next = tokens[h + 1]!;
    if (next.text === "of" && h + 3 < tokens.length && isCapitalized(tokens[h + 2]!.text)) {
      const two = /^(?:Foreign|Homeland|Veterans|Home|Internal|Public|National|Economic)$/.test(
        tokens[h + 2]!.text,
      );
      const end = two && h + 4 < tokens.length ? h + 3 : h + 2;
      if (end + 1 < tokens.length && isCapitalized(tokens[end + 1]!.text)) return { end, honorific: false };
      continue;
    }
    if (!isCapitalized(next.text) || ROLE_HEADS.has(bare(next.text))) continue;
    return { end: h, honorific };
  }
  return null;
}

/** Known names inside a title ("U.S." and "Canadian" in "Canadian Prime Minister"; "LDP" in "LDP President"). */
function knownOnly(ctx: SentenceContext, tokens: readonly Token[]): Candidate[] {
  return segmentKnown(ctx, units(tokens), false).filter((c) => c.entry);
}

/** Longest known names first; what is left between them are unknown names. */
function segmentKnown(ctx: SentenceContext, list: Unit[], initial: boolean): Candidate[] {
  const out: Candidate[] = [];
  let pending: Piece = { units: [], initial };
  const flush = () => {
    if (pending.units.length) out.push(...unknownName(ctx, pending));
    pending = { units: [], initial: false };
  };
  for (let i = 0; i < list.length; ) {
    let match: { entry: GazetteerEntry; end: number } | null = null;
    for (let j = Math.min(list.length, i + GAZETTEER_SPAN); j > i && !match; j--) {
      const text = ctx.text.slice(list[i]!.start, list[j - 1]!.end);
      const entry = lookupPlace(text);
      if (entry) match = { entry, end: j };
    }
    if (!match) {
      pending.units.push(list[i]!);
      i++;
      continue;
    }
    const rest = list.slice(match.end);
    // "Jordan Peterson", "Georgia Meloni": a place that is also a given name, before an unknown name, is a name.
    if (
      match.entry.form === "name" &&
      rest.length > 0 &&
      GIVEN_NAMES.has(ctx.text.slice(list[i]!.start, list[match.end - 1]!.end).toLowerCase()) &&
      !lookupPlace(rest[0]!.text)
    ) {
      pending.units.push(...list.slice(i, match.end));
      i = match.end;
      continue;
    }
    flush();
    out.push(known(ctx, list[i]!.start, list[match.end - 1]!.end, match.entry));
    i = match.end;
  }
  flush();
  return out;
}

/** An unknown name: dropped if it is only a capitalized common word at the start of a sentence. */
function unknownName(ctx: SentenceContext, piece: Piece): Candidate[] {
  let list = piece.units;
  if (
    piece.initial &&
    list.length > 1 &&
    isCommonWord(list[0]!.text) &&
    !GIVEN_NAMES.has(bare(list[0]!.text))
  ) {
    list = list.slice(1);
  }
  const first = list[0]!;
  const last = list.at(-1)!;
  // "Jr.", "Inc.", "Fla." alone, and words for peoples and faiths ("Korean", "Muslim"), name nothing.
  const abbreviation = /\.$/.test(first.text) && !/^(?:\p{L}\.){2,}$/u.test(first.text);
  if (list.length === 1 && (abbreviation || GROUP_WORDS.has(first.text.toLowerCase()))) return [];
  const allCommon = list.every((u) => isCommonWord(u.text));
  // A rare word opening a sentence is usually a name ("Takaichi is expected…"), unless it is an adverb or
  // a sentence adverbial set off by a comma ("Domestically, …").
  const adverbial = /ly$/.test(first.text) || /^\s*,/.test(ctx.text.slice(last.end, last.end + 2));
  const weak =
    ctx.heading || list.some((u) => u.weak) || allCommon || (piece.initial && list.length === 1 && adverbial);
  const form = list.length === 1 && isAcronym(first.text) ? "acronym" : "name";
  return [candidate(ctx, first.start, last.end, { weak, form })];
}
