import type { Claim } from "./claim";

/**
 * What similarity needs to know about the claims being compared: how rare each stem is among them. Built once
 * per set of claims (a story, a comparison), so "Takaichi" weighs little in a story about her and a lot elsewhere.
 */
export interface ClaimContext {
  /** Inverse document frequency of a stem over the claims (each claim a document); unseen stems weigh most. */
  idf: (stem: string) => number;
  claims: number;
}

interface Weights {
  byStem: Map<string, number>;
  /** The keys and values of `byStem` in its order, as arrays: similarity walks them for every pair. */
  stems: string[];
  weights: number[];
  sum: number;
  squares: number;
}

// Per context and claim: similarity is asked for many pairs, and the weights of a claim never change.
const cache = new WeakMap<ClaimContext, WeakMap<Claim, Weights>>();

function weightsOf(claim: Claim, ctx: ClaimContext): Weights {
  let perContext = cache.get(ctx);
  if (!perContext) {
    perContext = new WeakMap();
    cache.set(ctx, perContext);
  }
  let found = perContext.get(claim);
  if (!found) {
    const byStem = new Map<string, number>();
    let sum = 0;
    let squares = 0;
    for (const stem of claim.stems) {
      const w = ctx.idf(stem);
      byStem.set(stem, w);
      sum += w;
      squares += w * w;
    }
    found = { byStem, stems: [...byStem.keys()], weights: [...byStem.values()], sum, squares };
    perContext.set(claim, found);
  }
  return found;
}

export function claimContext(claims: readonly Pick<Claim, "stems">[]): ClaimContext {
  const df = new Map<string, number>();
  for (const claim of claims) for (const stem of claim.stems) df.set(stem, (df.get(stem) ?? 0) + 1);
  const n = claims.length;
  // Smoothed so that a stem in every claim still weighs a little, and one in a single claim weighs ln(1 + n).
  const unseen = Math.log(1 + Math.max(1, n));
  return { idf: (stem) => (df.has(stem) ? Math.log(1 + n / df.get(stem)!) : unseen), claims: n };
}

/** Share of the smaller set found in the other (0 when either is empty). */
function containment(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  // A claim names a few entities, figures and dates: a scan beats building a set for every pair.
  if (b.length <= 8) for (const x of a) shared += b.includes(x) ? 1 : 0;
  else {
    const set = new Set(b);
    for (const x of a) if (set.has(x)) shared++;
  }
  return shared / Math.min(a.length, b.length);
}

export interface SimilarityParts {
  /** IDF-weighted overlap of stems: the mean of cosine (both sides) and containment (the shorter side). */
  lexical: number;
  entities: number;
  figures: number;
  dates: number;
  similarity: number;
}

/**
 * How far two claims say the same thing, in [0, 1], with its parts. Lexical overlap carries it (paraphrases
 * share their rare words: "coalition", "two-thirds", "majority"); shared figures and dates add to it, because
 * "$550 billion" in two sentences about investment is strong evidence of one fact, and shared entities a little.
 * Containment lets a short claim match the long sentence that includes it.
 */
export function similarityParts(a: Claim, b: Claim, ctx: ClaimContext): SimilarityParts {
  const wa = weightsOf(a, ctx);
  const wb = weightsOf(b, ctx);
  let shared = 0;
  let sharedSquares = 0;
  for (let k = 0; k < wa.stems.length; k++) {
    if (wb.byStem.has(wa.stems[k]!)) {
      const w = wa.weights[k]!;
      shared += w;
      sharedSquares += w * w;
    }
  }
  return partsOf(a, b, wa, wb, shared, sharedSquares);
}

/** The parts from the weight of a's stems found in b, summed over a's stems in a's order. */
function partsOf(
  a: Claim,
  b: Claim,
  wa: Weights,
  wb: Weights,
  shared: number,
  sharedSquares: number,
): SimilarityParts {
  const cosine = wa.squares && wb.squares ? sharedSquares / Math.sqrt(wa.squares * wb.squares) : 0;
  const smaller = Math.min(wa.sum, wb.sum);
  const contained = smaller ? shared / smaller : 0;
  const lexical = (cosine + contained) / 2;
  const entities = containment(a.entities, b.entities);
  const figures = containment(a.figures, b.figures);
  const dates = containment(a.dates, b.dates);
  // Anchors only confirm a lexical match: two claims naming Japan and the US say nothing alike by that alone.
  const anchors = Math.min(1, 0.25 * figures + 0.15 * dates + 0.1 * entities) * Math.min(1, lexical * 2.5);
  const similarity = Math.min(1, lexical + anchors * (1 - lexical));
  return { lexical, entities, figures, dates, similarity };
}

export function claimSimilarity(a: Claim, b: Claim, ctx: ClaimContext): number {
  return similarityParts(a, b, ctx).similarity;
}

// Positions of a's stems fit in the bits of a 32-bit integer below this many stems.
const MASK_STEMS = 31;

/**
 * `claimSimilarity` for many pairs among the same claims (`similarPairs`), equal to the last bit: every stem is
 * numbered once, a's stems are marked by number while a is compared, and each b's stems are looked up by number
 * (a typed array) instead of hashed for every pair. The positions found are summed in a's order, as
 * `similarityParts` sums them.
 */
export class ClaimComparer {
  private readonly weights: Weights[];
  private readonly numbers: Int32Array[];
  /** Per stem number: the claim that marked it last, and the stem's position in that claim. */
  private readonly markedBy: Int32Array;
  private readonly position: Int32Array;
  /** The claim whose stems are marked now (similarPairs compares one claim with all its candidates in a row). */
  private marked = -1;

  constructor(
    private readonly claims: readonly Claim[],
    private readonly ctx: ClaimContext,
  ) {
    const ids = new Map<string, number>();
    const numberOf = (stem: string) => {
      let id = ids.get(stem);
      if (id === undefined) {
        id = ids.size;
        ids.set(stem, id);
      }
      return id;
    };
    this.weights = claims.map((claim) => weightsOf(claim, ctx));
    this.numbers = this.weights.map((w) => Int32Array.from(w.stems, numberOf));
    this.markedBy = new Int32Array(ids.size).fill(-1);
    this.position = new Int32Array(ids.size);
  }

  similarity(i: number, j: number): number {
    const wa = this.weights[i]!;
    const wb = this.weights[j]!;
    if (wa.stems.length > MASK_STEMS) return claimSimilarity(this.claims[i]!, this.claims[j]!, this.ctx);
    if (this.marked !== i) {
      const own = this.numbers[i]!;
      for (let k = 0; k < own.length; k++) {
        this.markedBy[own[k]!] = i;
        this.position[own[k]!] = k;
      }
      this.marked = i;
    }
    let found = 0;
    for (const id of this.numbers[j]!) if (this.markedBy[id] === i) found |= 1 << this.position[id]!;
    let shared = 0;
    let sharedSquares = 0;
    while (found !== 0) {
      const bit = found & -found;
      const w = wa.weights[31 - Math.clz32(bit)]!;
      shared += w;
      sharedSquares += w * w;
      found ^= bit;
    }
    return partsOf(this.claims[i]!, this.claims[j]!, wa, wb, shared, sharedSquares).similarity;
  }
}
