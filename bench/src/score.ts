/** Whitespace folded and typographic quotes unified, so a snippet matches however the page spaced it. */
export function comparable(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** trafilatura's protocol: a `with` snippet found is a true positive, a `without` snippet found a false positive. */
export function scoreSnippets(
  text: string,
  expected: { with: string[]; without: string[] },
  into: SnippetCounts,
): void {
  const haystack = comparable(text);
  for (const snippet of expected.with) {
    if (haystack.includes(comparable(snippet))) into.tp++;
    else into.fn++;
  }
  for (const snippet of expected.without) {
    if (haystack.includes(comparable(snippet))) into.fp++;
    else into.tn++;
  }
}

export function prf(c: { tp: number; fp: number; fn: number }) {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface DateCounts {
  correct: number;
  wrong: number;
  missing: number;
}

/** htmldate's protocol: a wrong date is a false positive, no date a false negative; accuracy is correct / all. */
export function dateScores(c: DateCounts) {
  const total = c.correct + c.wrong + c.missing;
  const precision = c.correct + c.wrong ? c.correct / (c.correct + c.wrong) : 0;
  const recall = c.correct + c.missing ? c.correct / (c.correct + c.missing) : 0;
  return { accuracy: total ? c.correct / total : 0, precision, recall };
}

export function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
