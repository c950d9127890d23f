import type { Figure } from "../../schemas/enrichment";
import { NOMINALIZATIONS } from "./lexicon";
import { type NounPhrase, nounPhraseAfter, nounPhraseBefore, withNamedComplement } from "./phrase";

/** What a figure counts or measures, read from the words around it. */

const OF =
  /[ \u00a0]+(?:of|out of)[ \u00a0]+(?:(?:the|its|their|his|her|our|all|all the|those|these)[ \u00a0]+)?/iy;
// Fractions also take their noun without "of": "half the seats".
const FRACTION_OF =
  /[ \u00a0]+(?:(?:of|out of)[ \u00a0]+)?(?:(?:the|its|their|his|her|our|all|all the|those|these)[ \u00a0]+)?/iy;
// "investment of $550 billion", "a tariff at 25%", "strength by 120 seats", "exports rose to …".
const LINK =
  /(?:^|[^\p{L}])(of|at|to|by|worth|totaling|totalling|valued at|amounting to|estimated at|put at|is|was|are|were|stood at|reached|hit|rose to|fell to|jumped to|climbed to|dropped to|grew to|increased to|decreased to|rose by|fell by|rose|fell|grew|jumped|dropped|climbed)[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?$/iu;
const NOMINALIZED =
  /(?:^|[^\p{L}])([a-z]+?)(?:s|es|ed|d|ing)?[ \u00a0]+(?:(?:a|an|the|another|up to)[ \u00a0]+)?$/u;
const IN_WHAT = /[ \u00a0]+in[ \u00a0]+(?=\p{Ll})/uy;
const VERB_STEMS: Record<string, string> = {
  paid: "pay",
  spent: "spend",
  lent: "lend",
  lost: "lose",
  sold: "sell",
};

/** "of the seats in the House of Councillors" after "over half" → that phrase and where it ends. */
export function ofPhrase(text: string, end: number, fraction = false): NounPhrase | null {
  const pattern = fraction ? FRACTION_OF : OF;
  pattern.lastIndex = end;
  const match = pattern.exec(text);
  if (!match) return null;
  const phrase = nounPhraseAfter(text, end + match[0].length);
  return phrase ? withNamedComplement(text, phrase) : null;
}

/** Where a fraction's own words end: "two-thirds majority", "over half of the seats" (without the name after). */
export function fractionExtent(text: string, end: number): number {
  FRACTION_OF.lastIndex = end;
  const of = FRACTION_OF.exec(text);
  const phrase = nounPhraseAfter(text, of ? end + of[0].length : end);
  return phrase ? phrase.end : end;
}

/** The noun phrase a linking word ties to the figure: "investment" in "investment of $550 billion". */
export function linkedPhraseBefore(text: string, start: number, onlyBy = false): NounPhrase | null {
  const window = text.slice(Math.max(0, start - 40), start);
  const match = LINK.exec(window);
  if (!match || (onlyBy && match[1]!.toLowerCase() !== "by")) return null;
  const linkStart = start - window.length + match.index + match[0].indexOf(match[1]!);
  return nounPhraseBefore(text, linkStart);
}

/** "invest $550 billion" → "investment": the noun of a spending verb right before an amount. */
export function nominalizedVerbBefore(text: string, start: number): string | null {
  const window = text.slice(Math.max(0, start - 30), start);
  const irregular = /(?:^|[^\p{L}])(paid|spent|lent|lost|sold)[ \u00a0]+$/u.exec(window);
  if (irregular) return NOMINALIZATIONS[VERB_STEMS[irregular[1]!]!] ?? null;
  const match = NOMINALIZED.exec(window);
  if (!match) return null;
  const stem = match[1]!;
  return (
    NOMINALIZATIONS[stem] ??
    NOMINALIZATIONS[`${stem}e`] ??
    NOMINALIZATIONS[stem.replace(/(.)\1$/, "$1")] ??
    null
  );
}

const cap = (phrase: string) => (phrase.length > 80 ? phrase.slice(0, 80).replace(/\s+\S*$/, "") : phrase);

export interface SubjectInput {
  kind: Figure["kind"];
  /** Where the figure's words start (after any qualifier) and end (after its sign, scale or unit). */
  start: number;
  end: number;
  /** For counts: the phrase holding the counted noun, already read. */
  counted: NounPhrase | null;
}

/** The subject of one figure, or null when the text does not say. */
export function subjectOf(text: string, input: SubjectInput): string | null {
  const { kind, start, end, counted } = input;
  const before = () => linkedPhraseBefore(text, start)?.text ?? null;
  if (kind === "count" || kind === "ratio") {
    // Only a change names something other than the counted noun: "boosted its strength by 120 seats".
    const changed = linkedPhraseBefore(text, start, true)?.text ?? null;
    if (!counted) return changed;
    const full = withNamedComplement(text, counted);
    if (full.end > counted.end) return cap(full.text);
    return changed ?? counted.text;
  }
  const of = ofPhrase(text, end, kind === "fraction");
  if (of) return cap(of.text);
  const after = nounPhraseAfter(text, end);
  if (after && kind !== "percent") return cap(after.text);
  // "25% tariff" names its subject after it; "25% in May" does not.
  if (after && kind === "percent" && /^\p{Ll}/u.test(after.text)) return cap(after.text);
  if (kind === "money") {
    // "¥1.2 trillion in spending", "$1.8 billion in cash" (but not "in the United States").
    IN_WHAT.lastIndex = end;
    const what = IN_WHAT.exec(text) ? nounPhraseAfter(text, IN_WHAT.lastIndex) : null;
    if (what && /^\p{Ll}/u.test(what.text)) return cap(what.text);
    const verb = nominalizedVerbBefore(text, start);
    if (verb) return verb;
  }
  return before();
}
