import type { Figure } from "../../schemas/enrichment";

/**
 * Digits the text states: "350" 3, "1,200" 4, "$550 billion" 3, "3.25" 3. A written number is as precise as it
 * is written; a round one meant loosely says so ("about 1,000", "over 1,000"), and the qualifier widens it.
 */
function significantDigits(text: string): number {
  const number = /\d[\d,.]*/.exec(text)?.[0]?.replace(/,/g, "").replace(/\.$/, "") ?? "";
  return number.replace(".", "").replace(/^0+/, "").length || 1;
}

/** The values a figure's text allows: exact to its stated precision, or open or widened by its qualifier. */
function interval(figure: Figure): [number, number] {
  const v = figure.value;
  const digits = significantDigits(figure.text);
  const magnitude = v === 0 ? 0 : 10 ** (Math.floor(Math.log10(Math.abs(v))) - digits + 1);
  const rounding = figure.kind === "fraction" || figure.kind === "ratio" ? 0.005 : magnitude / 2;
  switch (figure.qualifier) {
    case "over":
    case "at-least":
      return [v, Number.POSITIVE_INFINITY];
    case "under":
    case "at-most":
      return [Number.NEGATIVE_INFINITY, v];
    // The usual reading of approximate counts in news copy: within a tenth.
    case "about":
      return [v - Math.max(rounding, Math.abs(v) * 0.1), v + Math.max(rounding, Math.abs(v) * 0.1)];
    case "nearly":
      return [v - Math.abs(v) * 0.1, v];
    default:
      return [v - rounding, v + rounding];
  }
}

export const sameValue = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Whether two statements of one quantity can both be true, the one rule for briefings' key figures and
 * comparisons' conflicts. "Compatible" when the values each allows meet — a difference of precision: "over 1,000"
 * and "1,200", "$550 billion" and "$550.3 billion" (the first is rounded); equal values with the same qualifier
 * agree; "352 killed" and "350 killed" conflict (a number written without a qualifier is stated as exact).
 */
export function compareFigures(a: Figure, b: Figure): "agree" | "compatible" | "conflict" {
  if (sameValue(a.value, b.value) && a.qualifier === b.qualifier) return "agree";
  const [alo, ahi] = interval(a);
  const [blo, bhi] = interval(b);
  return alo <= bhi && blo <= ahi ? "compatible" : "conflict";
}

/** Two figures that can both be true (`compareFigures` is not "conflict"). */
export const valuesCompatible = (a: Figure, b: Figure): boolean => compareFigures(a, b) !== "conflict";
