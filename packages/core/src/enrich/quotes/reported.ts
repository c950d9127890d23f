import { splitSentences } from "../text/sentences";
import { objectLength, REPORTING_CUES, speakerAfter, speakerBefore, WEAK_CUES } from "./speaker";

/** Reported speech: "X said (that) …", "…, said X", "According to X, …", "…, as noted by X, …". */
export interface Reported {
  start: number;
  end: number;
  speaker: string;
  cue: string;
  /** Offset of the cue in the paragraph. */
  cueAt: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;
const LEADING_ACCORDING = /^According[ \u00a0]+to[ \u00a0]+([^,]{2,80}),[ \u00a0]*/u;
const PARENTHETICAL =
  /,[ \u00a0]*as[ \u00a0]+(?:(\p{Ll}+)[ \u00a0]+by[ \u00a0]+([^,]{2,80})|([^,]{2,60}?)[ \u00a0]+(\p{Ll}+)),/u;
const QUOTE_START = /^["“‘'«「]/u;
// A clause of reported speech has a subject; "warned of …", "added to …" continue with a preposition instead.
const NOT_A_CLAUSE =
  /^(?:of|against|about|on|for|in|to|with|by|at|from|into|over|him|her|them|me|us|it|so|no|before|after|during|last|earlier|later|when|while)(?![\p{L}])/iu;
const SUBJECT_PRONOUN = /^(?:he|she|they|we|i|it|there|this|these|those)(?![\p{L}])/iu;
const MIN_CLAUSE_WORDS = 4;

// Every attribution below needs a reporting cue as a word of the sentence ("according to" aside); most sentences
// hold none, and one search for the cues' letters rules them out before any word-by-word work.
const ANY_CUE = new RegExp([...REPORTING_CUES].join("|"));

const wordCount = (text: string) => text.match(WORD)?.length ?? 0;
// Attribution sits within a few words of the cue; sentences longer than this are no prose (lists, dumps).
const TAIL_CHARS = 240;
const MAX_SENTENCE = 3000;

function firstWords(text: string, max: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const pattern = new RegExp(WORD.source, "gu");
  for (let match = pattern.exec(text); match && out.length < max; match = pattern.exec(text)) out.push(match);
  return out;
}

/** Offsets of a clause with its edge spaces, trailing punctuation and a leading "that" removed. */
function clause(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /[\s,:]/.test(text[s]!)) s++;
  if (/^that[ \u00a0]/.test(text.slice(s, s + 5))) s += 5;
  while (e > s && /[\s.,;:!?]/.test(text[e - 1]!)) e--;
  if (wordCount(text.slice(s, e)) < MIN_CLAUSE_WORDS || QUOTE_START.test(text.slice(s, s + 1))) return null;
  return { start: s, end: e };
}

/** "…, said Gui Yongtao, deputy dean …" / "…, two people briefed on the trip said on Tuesday." */
function trailingAttribution(
  sentence: string,
): (Omit<Reported, "start" | "end"> & { clauseEnd: number }) | null {
  const commas: number[] = [];
  for (let i = sentence.lastIndexOf(","); i > 0 && commas.length < 5; i = sentence.lastIndexOf(",", i - 1))
    commas.push(i);
  for (const comma of commas) {
    const tail = sentence.slice(comma + 1, comma + 1 + TAIL_CHARS);
    const lead = /^[ \u00a0]*/.exec(tail)![0].length;
    const first = /^(\p{Ll}+)[ \u00a0]+/u.exec(tail.slice(lead));
    if (first && REPORTING_CUES.has(first[1]!)) {
      const named = tail.slice(lead + first[0].length);
      const speaker = speakerAfter(named);
      // Only an appositive may follow the name: "said Gui Yongtao, deputy dean …", not "said Abe is …".
      const rest = speaker
        ? named.slice(named.indexOf(speaker.split(" ").pop()!) + speaker.split(" ").pop()!.length)
        : "";
      if (speaker && /^[ \u00a0]*(?:[,.!?;]|$)/.test(rest))
        return { speaker, cue: first[1]!, cueAt: comma + 1 + lead, clauseEnd: comma };
    }
    const according = /^according[ \u00a0]+to[ \u00a0]+/u.exec(tail.slice(lead));
    if (according) {
      const speaker = speakerAfter(tail.slice(lead + according[0].length));
      if (speaker) return { speaker, cue: "according to", cueAt: comma + 1 + lead, clauseEnd: comma };
    }
    const words = firstWords(tail, 12);
    for (let k = 1; k < words.length && k <= 8; k++) {
      const cue = words[k]!;
      if (!REPORTING_CUES.has(cue[0])) continue;
      const rest = tail.slice(cue.index + cue[0].length);
      // What follows the cue is only a time or place ("said on Tuesday"), not a clause of its own.
      if (wordCount(rest) > 6 || /[,;:]/.test(rest) || /\bthat\b/.test(rest)) break;
      const found = speakerBefore(tail.slice(0, cue.index).trimEnd());
      if (found)
        return { speaker: found.speaker, cue: cue[0], cueAt: comma + 1 + cue.index, clauseEnd: comma };
      break;
    }
  }
  return null;
}

/** "Mr. Trump also said on Tuesday that …": the first cue with a speaker before it and a clause after it. */
function leadingAttribution(
  sentence: string,
): (Omit<Reported, "start" | "end"> & { clauseStart: number }) | null {
  const words = firstWords(sentence, 80);
  for (let k = 1; k < words.length; k++) {
    const cue = words[k]!;
    if (!REPORTING_CUES.has(cue[0])) continue;
    const afterCue = cue.index + cue[0].length;
    // "All of that said, …" and "Having said that" are no speech; a quote right after is direct speech.
    if (/^[ \u00a0]*[,:]/.test(sentence.slice(afterCue)) && !/^[ \u00a0]*:/.test(sentence.slice(afterCue)))
      continue;
    if (/^(?:that|having)$/i.test(words[k - 1]![0])) continue;
    const found = speakerBefore(sentence.slice(0, cue.index).trimEnd());
    if (!found) continue;
    // The object of "told" ("reporters", "Mr. Comey"), then "that" within a few words ("on Tuesday that").
    const told = /^(?:tells?|told)$/.test(cue[0]);
    const objectEnd = told ? afterCue + objectLength(sentence.slice(afterCue)) : afterCue;
    let clauseStart = objectEnd;
    const ahead = firstWords(sentence.slice(objectEnd, objectEnd + 100), told ? 8 : 5);
    const that = ahead.find((word) => word[0] === "that");
    // Commas may set off the object's appositive ("told the Prime Minister, Theresa May, that …").
    const between = that ? sentence.slice(objectEnd, objectEnd + that.index) : "";
    if (that && !(told ? /[;:"“]/ : /[,;:"“]/).test(between)) clauseStart = objectEnd + that.index + 4;
    const opening = sentence.slice(clauseStart).trimStart();
    if (!(that && clauseStart > objectEnd) && WEAK_CUES.has(cue[0]) && !SUBJECT_PRONOUN.test(opening))
      continue;
    if (NOT_A_CLAUSE.test(opening)) continue;
    return { speaker: found.speaker, cue: cue[0], cueAt: cue.index, clauseStart };
  }
  return null;
}

/** Reported speech in one paragraph; cues already used by a direct quote's attribution are skipped. */
export function reportedSpeech(text: string, paragraph: number, usedCues: ReadonlySet<number>): Reported[] {
  const out: Reported[] = [];
  for (const sentence of splitSentences(text, paragraph)) {
    const s = sentence.text;
    if (s.length > MAX_SENTENCE) continue;
    const at = sentence.start;
    const according = LEADING_ACCORDING.exec(s);
    if (according) {
      const speaker = speakerAfter(according[1]!);
      const span = clause(text, at + according[0].length, sentence.end);
      if (speaker && span) {
        out.push({ ...span, speaker, cue: "according to", cueAt: at });
        continue;
      }
    }
    const cued = ANY_CUE.test(s);
    const trailing = cued || s.includes("according") ? trailingAttribution(s) : null;
    if (trailing && !usedCues.has(at + trailing.cueAt)) {
      const span = clause(text, at, at + trailing.clauseEnd);
      if (span) {
        out.push({ ...span, speaker: trailing.speaker, cue: trailing.cue, cueAt: at + trailing.cueAt });
        continue;
      }
    }
    const aside = cued ? PARENTHETICAL.exec(s) : null;
    if (aside) {
      const verb = aside[1] ?? aside[4]!;
      const speaker = aside[2] ? speakerAfter(aside[2]) : (speakerBefore(aside[3]!)?.speaker ?? null);
      const span = clause(text, at, sentence.end);
      if (REPORTING_CUES.has(verb) && speaker && span) {
        out.push({ ...span, speaker, cue: verb, cueAt: at + aside.index });
        continue;
      }
    }
    const leading = cued ? leadingAttribution(s) : null;
    if (leading && !usedCues.has(at + leading.cueAt)) {
      const span = clause(text, at + leading.clauseStart, sentence.end);
      if (span) out.push({ ...span, speaker: leading.speaker, cue: leading.cue, cueAt: at + leading.cueAt });
    }
  }
  return out;
}
