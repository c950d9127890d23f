export type Tense = "past" | "present" | "future";

// Without a part-of-speech tagger, tense comes from cue words: auxiliaries, verbs of plan and schedule
// (their future outweighs a past "-ed" form: "planned to visit"), irregular past forms, and regular "-ed"
// verbs less the common words that only look like them.
const FUTURE = new Set(
  (
    "will 'll ’ll won't won’t shall going plan plans planned planning intend intends intended aim aims aimed hope hopes " +
    "expect expects expected scheduled slated set due poised upcoming next coming forthcoming tomorrow ahead until " +
    "later soon await awaits awaited"
  ).split(" "),
);
const PAST = new Set(
  (
    "was were had did said told came went took made won lost held met began saw gave left fell rose sold bought " +
    "paid spent got found thought brought built chose drove flew fought grew kept knew led meant ran sent shot " +
    "spoke stood struck taught wrote became ago earlier yesterday last previously formerly recently hit put cut " +
    "quit shut split spread beat bore broke caught dealt dug drew fled forgot froze hid hung laid lay lit " +
    "overcame rang rode sang sank sat slept slid sought stole stuck swore swept swam threw understood woke wore " +
    "withdrew"
  ).split(" "),
);
const PRESENT = new Set("is are am says say has have does do 's ’s".split(" "));
const NOT_PAST = new Set(
  (
    "need needed indeed speed seed feed weed breed bleed greed creed deed red bed shed hundred united limited " +
    "based related expected scheduled planned aimed intended interested concerned supposed used exceed proceed " +
    "succeed embed naked sacred wicked kindred"
  ).split(" "),
);

const WORD = /[\p{L}’']+/gu;

export function tenseOf(word: string): Tense | null {
  const w = word.toLowerCase();
  if (FUTURE.has(w)) return "future";
  if (PAST.has(w)) return "past";
  if (PRESENT.has(w)) return "present";
  if (w.length > 4 && w.endsWith("ed") && !NOT_PAST.has(w)) return "past";
  return null;
}

/** [start, end) of the sentence around `at`, found by looking at most `reach` characters each way. */
export function sentenceAround(text: string, at: number, end: number, reach = 240): [number, number] {
  let s = at;
  const floor = Math.max(0, at - reach);
  while (s > floor && !/[.!?\n]\s/.test(text.slice(s - 2, s))) s--;
  let e = end;
  const ceiling = Math.min(text.length, end + reach);
  while (e < ceiling && !/^[.!?](?:\s|$)/.test(text.slice(e, e + 2))) e++;
  return [s, e];
}

/**
 * The tense of the verb nearest to [start, end) in its sentence: what decides whether "Friday" is last
 * Friday or the coming one, and whether "March 19" written in April is this year's or next year's.
 */
export function tenseNear(text: string, start: number, end: number): Tense | null {
  const [s, e] = sentenceAround(text, start, end);
  let best: Tense | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  const window = text.slice(s, e);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(window); m; m = WORD.exec(window)) {
    const at = s + m.index;
    if (at >= start && at < end) continue;
    let tense = tenseOf(m[0]);
    // A participle after "be" ("to be held", "will be announced") is passive voice, not past tense.
    if (tense === "past" && /\b(?:be|being|been)\s+$/i.test(window.slice(Math.max(0, m.index - 7), m.index)))
      tense = null;
    if (!tense) continue;
    const distance = at < start ? start - (at + m[0].length) : at - end;
    // A cue after the expression counts a little less: the verb before it usually governs it.
    const weighted = at < start ? distance : distance * 1.2;
    if (weighted < bestDistance) {
      best = tense;
      bestDistance = weighted;
    }
  }
  return best;
}
