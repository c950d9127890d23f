import { NormalizeError } from "./errors";

export interface NormalizeLimits {
  /** Characters of input; longer documents are refused before anything else is done. */
  maxChars: number;
  /** Elements (opening tags) of an HTML page; counted before parsing, so a huge tree is never built. */
  maxElements: number;
  /** Wall-clock time for one document; checked inside the passes that walk the page. */
  timeBudgetMs: number;
}

/**
 * The largest of the 297 real pages in ../shared/data has 10,126 elements and takes well under a second; these
 * are one to two orders of magnitude above anything real. 200,000 elements parse into about 100 MB of nodes.
 */
export const DEFAULT_NORMALIZE_LIMITS: NormalizeLimits = {
  maxChars: 16 * 1024 * 1024,
  maxElements: 200_000,
  timeBudgetMs: 10_000,
};

interface Budget {
  deadline: number;
  limitMs: number;
  now: () => number;
  ticks: number;
}

// normalize is synchronous, so one budget is active at a time on a thread; passing it through every helper of
// the extractor instead would thread a parameter through a dozen files that otherwise know nothing of limits.
let active: Budget | null = null;

/** Runs `fn` with a deadline that `tick` and `checkBudget` enforce. */
export function withBudget<T>(limitMs: number, now: () => number, fn: () => T): T {
  const previous = active;
  active = { deadline: now() + limitMs, limitMs, now, ticks: 0 };
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** Throws the documented NormalizeError once the deadline has passed. */
export function checkBudget(): void {
  if (active && active.now() >= active.deadline) {
    throw new NormalizeError(
      "timeout",
      `normalizing took longer than ${active.limitMs} ms (the limit); the page is too complex to process`,
    );
  }
}

// Reading the clock costs about as much as visiting a node; every 256th visit keeps the overhead negligible.
const TICKS_PER_CHECK = 256;

/** For the inner loops that visit nodes or lines: checks the deadline every few hundred calls. */
export function tick(): void {
  if (active && ++active.ticks % TICKS_PER_CHECK === 0) checkBudget();
}

/**
 * Whether `html` opens more than `limit` elements. Counts every `<` followed by a letter, inside scripts and
 * comments too: an upper bound on the tree htmlparser2 builds, found without building it.
 */
export function countsMoreElementsThan(html: string, limit: number): boolean {
  let count = 0;
  for (let at = html.indexOf("<"); at !== -1; at = html.indexOf("<", at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20;
    if (next >= 97 && next <= 122 && ++count > limit) return true;
  }
  return false;
}
