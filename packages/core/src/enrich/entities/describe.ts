import type { Sentence } from "../text/sentences";
import { ROLE_NOUNS } from "./data/lexicon";
import type { Cluster } from "./resolve";
import type { TextSpan } from "./types";

// An appositive after a name: ", deputy dean of …", ", a former diplomat", ", the country's largest bank".
const APPOSITIVE =
  /^,\s+((?:a|an|the|former|then|now|its|his|her|their)?\s*[\p{Ll}][^,;:()“”"]*?)(?=\s*(?:[,;:)]|[.!?](?:\s|$)|$))/u;
const NOT_DESCRIPTIVE =
  /^(?:who|which|that|whose|where|when|while|said|says|and|but|or|as|in|on|at|for|to|with|by|had|has|have|is|was)\b/;

/**
 * One line from the text that says what an entity is. Persons: an appositive naming their role ("Gui Yongtao,
 * deputy dean of the School of International Relations at Peking University"), else the title written before
 * the name ("Economy Minister", "Canadian Prime Minister"). Organisations, laws and events: an appositive, else
 * the first sentence that names them in full. Places: none (the gazetteer says what they are).
 */
export function describe(
  cluster: Cluster,
  paragraphs: ReadonlyMap<number, string>,
  sentences: (paragraph: number) => Sentence[],
): TextSpan | null {
  if (cluster.type === "place") return null;
  const full = cluster.members.filter((m) => m.form === "name" && m.text.split(/\s+/).length > 1);
  for (const m of [...full, ...cluster.members.filter((c) => !full.includes(c))]) {
    const appositive = appositiveAfter(m, paragraphs.get(m.paragraph) ?? "", cluster.type === "person");
    if (appositive) return appositive;
  }
  if (cluster.type === "person") return cluster.members.find((m) => m.role)?.role ?? null;
  // The first sentence of some length that names it in full (list items and headings say too little).
  for (const m of full.length ? full : cluster.members.filter((c) => c.form === "name")) {
    if (m.weak) continue;
    const sentence = sentenceAround(sentences(m.paragraph), m.start, m.end);
    if (sentence && sentence.text.length <= 300 && sentence.text.split(/\s+/).length >= 6) {
      return { paragraph: m.paragraph, start: sentence.start, end: sentence.end, text: sentence.text };
    }
  }
  return null;
}

/** The sentence holding [start, end), by binary search (a paragraph may hold thousands). */
function sentenceAround(list: readonly Sentence[], start: number, end: number): Sentence | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (s.end < end) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return s;
  }
  return undefined;
}

function appositiveAfter(m: TextSpan, text: string, person: boolean): TextSpan | null {
  const rest = text.slice(m.end);
  const match = APPOSITIVE.exec(rest);
  if (!match?.[1]) return null;
  const phrase = match[1].trim();
  const words = phrase.split(/\s+/);
  if (words.length > 24 || NOT_DESCRIPTIVE.test(phrase)) return null;
  // A person's appositive names a role; an organisation's may be any noun phrase.
  if (person && !words.slice(0, 4).some((w) => ROLE_NOUNS.has(w.toLowerCase().replace(/[^a-z-]/g, ""))))
    return null;
  if (!person && !/^(?:a|an|the|one|its|their)\s/.test(phrase)) return null;
  const start = m.end + rest.indexOf(phrase, match.index);
  return { paragraph: m.paragraph, start, end: start + phrase.length, text: phrase };
}
