import { STATE_NOUNS, STATE_PREPOSITIONS, STATE_VERBS } from "./data/lexicon";
import { lookupPlace } from "./gazetteer";
import type { Cluster } from "./resolve";
import { type Token, tokenize } from "./tokens";
import type { Candidate } from "./types";

// Adverbs that may stand between a subject and its verb ("Beijing will doubtless maintain", "Tokyo has already").
const ADVERB =
  /^(?:also|already|still|now|reportedly|doubtless|likely|then|quickly|repeatedly|recently|has|have)$/;
const PLACE_BEFORE = new Set([
  "in",
  "at",
  "to",
  "near",
  "into",
  "visit",
  "visited",
  "visiting",
  "trip",
  "across",
]);

type Use = "government" | "place" | null;

/**
 * Whether a capital or seat of government stands for its state in the text ("Washington might sideline Tokyo",
 * "between Washington and Beijing", "Japan has risen in Washington's esteem") rather than naming the city ("a
 * speech in Washington", "his visit to Beijing"). Seats of government ("the White House") always stand for it.
 * A capital stands for its country when at least one mention is a government use and such uses are not
 * outnumbered by place uses.
 */
export function standsFor(cluster: Cluster, paragraphs: ReadonlyMap<number, string>): string | null {
  const state = cluster.entry?.capitalOf ?? null;
  if (!state) return null;
  if (cluster.entry?.seat) return state;
  let government = 0;
  let place = 0;
  for (const m of cluster.members) {
    const use = useOf(m, paragraphs.get(m.paragraph) ?? "");
    if (use === "government") government++;
    else if (use === "place") place++;
  }
  return government > 0 && government >= place ? state : null;
}

function useOf(m: Candidate, text: string): Use {
  const before = tokenize(text, Math.max(0, m.start - 40), m.start).filter(
    (t) => t.kind !== "punct" || t.text === ",",
  );
  const after = tokenize(text, m.end, Math.min(text.length, m.end + 60));
  const prev = before.at(-1);
  const word = (t: Token | undefined) => (t && t.kind === "word" ? t.text.toLowerCase() : "");

  if (/^['’]s\b/.test(text.slice(m.end))) {
    // "Washington's esteem", "Beijing's growing pressure".
    const nouns = after
      .filter((t) => t.kind === "word")
      .slice(1, 4)
      .map(word);
    return nouns.some((n) => STATE_NOUNS.has(n)) ? "government" : null;
  }
  if (prev && PLACE_BEFORE.has(word(prev))) return "place";
  // Modifying a noun: "Beijing trip", "Tokyo office".
  if (after[0]?.kind === "word" && /^\p{Ll}/u.test(after[0].text) && !STATE_VERBS.has(word(after[0]))) {
    if (!ADVERB.test(word(after[0])) && word(after[0]) !== "and") return "place";
  }
  const verbs = after
    .filter((t) => t.kind === "word")
    .slice(0, 3)
    .map(word);
  const subject =
    STATE_VERBS.has(verbs[0] ?? "") || (ADVERB.test(verbs[0] ?? "") && STATE_VERBS.has(verbs[1] ?? ""));
  if (subject && after[0]?.kind === "word") return "government";
  // "between Washington and Beijing", "ties with Beijing", "Tokyo and Seoul should".
  if (prev && STATE_PREPOSITIONS.has(word(prev))) return "government";
  if (word(after[0]) === "and" && after[1] && lookupPlace(after[1].text)?.capitalOf) return "government";
  return null;
}
