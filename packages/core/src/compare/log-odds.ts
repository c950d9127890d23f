/**
 * Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words",
 * Political Analysis 16(4), eq. 16–22): which words one group of texts uses more than another, neither ranking
 * by raw counts (where frequent words always win) nor by plain ratios (where words seen once win). Each word's
 * counts are smoothed by a prior proportional to its frequency in a background (here, by default, all texts
 * being compared), and the log-odds difference is divided by its estimated standard deviation, giving a z-score.
 */

export interface LogOddsTerm {
  term: string;
  /** Count in the focal texts and in the rest. */
  count: number;
  otherCount: number;
  /** δ: log-odds of the term in the focal texts minus log-odds in the rest. */
  logOdds: number;
  /** δ / σ(δ); beyond ±1.96 the difference is conventionally significant. */
  z: number;
}

export interface LogOddsOptions {
  /**
   * α₀, the prior's total pseudo-count. Larger shrinks more: a word then needs more occurrences to stand out.
   * Default: a tenth of the words counted, so the prior weighs like a tenth of the data on every word.
   */
  priorStrength?: number;
  /** Background counts for the prior (a corpus's term frequencies); default: focal and rest together. */
  background?: ReadonlyMap<string, number>;
}

const sum = (counts: ReadonlyMap<string, number>) => {
  let total = 0;
  for (const n of counts.values()) total += n;
  return total;
};

/** Every term of either side with its weighted log-odds (focal vs rest) and z-score, highest z first. */
export function weightedLogOdds(
  focal: ReadonlyMap<string, number>,
  rest: ReadonlyMap<string, number>,
  options: LogOddsOptions = {},
): LogOddsTerm[] {
  const nFocal = sum(focal);
  const nRest = sum(rest);
  if (nFocal === 0 || nRest === 0) return [];
  const background = options.background;
  const pooled = (term: string) =>
    background ? (background.get(term) ?? 0) : (focal.get(term) ?? 0) + (rest.get(term) ?? 0);
  const terms = new Set([...focal.keys(), ...rest.keys()]);
  let backgroundTotal = 0;
  if (background) backgroundTotal = sum(background);
  else backgroundTotal = nFocal + nRest;
  const alpha0 = options.priorStrength ?? 0.1 * (nFocal + nRest);
  // A word absent from the background still gets a sliver of prior mass, or its log-odds would be undefined.
  const floor = 0.5 / Math.max(1, backgroundTotal);
  const out: LogOddsTerm[] = [];
  for (const term of terms) {
    const y1 = focal.get(term) ?? 0;
    const y2 = rest.get(term) ?? 0;
    const alpha = alpha0 * Math.max(floor, pooled(term) / Math.max(1, backgroundTotal));
    const delta =
      Math.log((y1 + alpha) / (nFocal + alpha0 - y1 - alpha)) -
      Math.log((y2 + alpha) / (nRest + alpha0 - y2 - alpha));
    const variance = 1 / (y1 + alpha) + 1 / (y2 + alpha);
    out.push({ term, count: y1, otherCount: y2, logOdds: delta, z: delta / Math.sqrt(variance) });
  }
  return out.sort((a, b) => b.z - a.z || a.term.localeCompare(b.term));
}
