import type { Claim } from "./claim";
import { ClaimComparer, type ClaimContext } from "./similarity";

/** Claims that say the same thing: one from each article that says it, or several where one repeats itself. */
export interface ClaimGroup {
  claims: Claim[];
  /** Distinct article ids of the claims, in the order the claims were given. */
  articleIds: string[];
  /** Mean similarity of the pairs the group was built from (1 for a single claim). */
  cohesion: number;
}

export interface GroupClaimsOptions {
  /** Two claims are linked at or above this similarity. */
  threshold?: number;
  /** Two groups merge only while their mean pairwise similarity stays at or above this (stops chaining). */
  linkage?: number;
  /** Link claims of the same article too (a story repeats its key fact); off for pure cross-article alignment. */
  sameArticle?: boolean;
  /** Stems in more than this share of claims ("japan" in a story about Japan) do not propose candidates. */
  maxStemShare?: number;
}

export const DEFAULT_GROUP_OPTIONS: Required<GroupClaimsOptions> = {
  threshold: 0.36,
  linkage: 0.27,
  sameArticle: true,
  maxStemShare: 0.2,
};

/** Pairwise similarities above the threshold, found through an inverted index on the rarer stems. */
export function similarPairs(
  claims: readonly Claim[],
  ctx: ClaimContext,
  options: GroupClaimsOptions = {},
): Pair[] {
  const o = { ...DEFAULT_GROUP_OPTIONS, ...options };
  // Claim numbers ascending per stem; `passed` counts those already compared, so that a claim's candidates are
  // read from after its own place in the list (the earlier ones compared with it already).
  const postings = new Map<string, { claims: number[]; passed: number }>();
  claims.forEach((claim, i) => {
    if (claim.question) return;
    for (const stem of claim.stems) {
      const list = postings.get(stem);
      if (list) list.claims.push(i);
      else postings.set(stem, { claims: [i], passed: 0 });
    }
  });
  const cap = Math.max(2, Math.ceil(claims.length * o.maxStemShare));
  const similarity = similarityOfContents(claims, ctx);
  // Which claim last proposed each candidate: a claim meets the same candidate through several stems.
  const proposedBy = new Int32Array(claims.length).fill(-1);
  const found = new PairsBySimilarity(claims.length);
  claims.forEach((claim, i) => {
    if (claim.question) return;
    for (const stem of claim.stems) {
      const list = postings.get(stem)!;
      // Step past claim i's own entry: everything before it was compared with i already.
      if (list.claims[list.passed] === i) list.passed++;
      if (list.claims.length > cap) continue;
      for (let k = list.passed; k < list.claims.length; k++) {
        const j = list.claims[k]!;
        if (j <= i || proposedBy[j] === i) continue;
        proposedBy[j] = i;
        const other = claims[j]!;
        if (!o.sameArticle && other.articleId === claim.articleId) continue;
        const value = similarity(i, j);
        if (value >= o.threshold) found.add(i, j, value);
      }
    }
  });
  return found.strongestFirst();
}

type Pair = { a: number; b: number; similarity: number };

/**
 * Pairs listed strongest first, then by `a`, then by `b` (the order of `(x, y) => y.similarity - x.similarity ||
 * x.a - y.a || x.b - y.b`) without a comparator: each pair is the number `a * count + b`, placed in the segment
 * of its similarity (segments strongest first), and each segment sorted as numbers. A story has hundreds of
 * thousands of pairs, and a comparator sort of that many objects took longer than finding them.
 */
class PairsBySimilarity {
  private readonly keys: number[] = [];
  /** Per pair, its similarity as a number of `values` (in order of first sight). */
  private readonly valueOf: number[] = [];
  private readonly values: number[] = [];
  private readonly numberOf = new Map<number, number>();

  constructor(private readonly count: number) {}

  add(a: number, b: number, similarity: number): void {
    let n = this.numberOf.get(similarity);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(similarity);
      this.numberOf.set(similarity, n);
    }
    this.keys.push(a * this.count + b);
    this.valueOf.push(n);
  }

  strongestFirst(): Pair[] {
    // Rank of each distinct similarity, strongest 0, and where its segment starts.
    const byRank = Float64Array.from(this.values).sort().reverse();
    const rankOf = new Int32Array(this.values.length);
    byRank.forEach((value, rank) => {
      rankOf[this.numberOf.get(value)!] = rank;
    });
    const start = new Int32Array(byRank.length + 1);
    for (const n of this.valueOf) start[rankOf[n]! + 1]!++;
    for (let r = 0; r < byRank.length; r++) start[r + 1]! += start[r]!;
    const order = new Float64Array(this.keys.length);
    const next = start.slice(0, byRank.length);
    for (let k = 0; k < this.keys.length; k++) order[next[rankOf[this.valueOf[k]!]!]!++] = this.keys[k]!;
    const out: Pair[] = [];
    for (let r = 0; r < byRank.length; r++) {
      if (start[r + 1]! - start[r]! > 1) order.subarray(start[r]!, start[r + 1]!).sort();
      const similarity = byRank[r]!;
      for (let k = start[r]!; k < start[r + 1]!; k++) {
        const a = Math.floor(order[k]! / this.count);
        out.push({ a, b: order[k]! - a * this.count, similarity });
      }
    }
    return out;
  }
}

/**
 * `claimSimilarity` of claims i and j, computed once per pair of contents: it reads only a claim's stems,
 * entities, figures and dates, and wire copies of a story repeat the same sentences article after article.
 */
function similarityOfContents(claims: readonly Claim[], ctx: ClaimContext): (i: number, j: number) => number {
  const comparer = new ClaimComparer(claims, ctx);
  const ids = new Map<string, number>();
  const contentOf = claims.map((c) => {
    const key = JSON.stringify([c.stems, c.entities, c.figures, c.dates]);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  });
  const copies = new Int32Array(ids.size);
  for (const id of contentOf) copies[id]!++;
  const known = new Map<number, number>();
  return (i, j) => {
    const ci = contentOf[i]!;
    const cj = contentOf[j]!;
    // Two contents seen once each meet only here: nothing to remember.
    if (copies[ci] === 1 && copies[cj] === 1) return comparer.similarity(i, j);
    // Ordered: the similarity's sums run over the first claim's stems, so (a, b) and (b, a) may differ in the last bit.
    const key = ci * ids.size + cj;
    let value = known.get(key);
    if (value === undefined) {
      value = comparer.similarity(i, j);
      known.set(key, value);
    }
    return value;
  };
}

/**
 * Groups of claims saying the same thing, by average-linkage agglomeration over the linked pairs (strongest pair
 * first); every claim ends in exactly one group, unlinked ones alone. Deterministic for the same input order.
 */
export function groupClaims(
  claims: readonly Claim[],
  ctx: ClaimContext,
  options: GroupClaimsOptions = {},
): ClaimGroup[] {
  return groupPairs(claims, similarPairs(claims, ctx, options), options);
}

/**
 * `groupClaims` from pairs already computed (`similarPairs` at this threshold or a lower one: pairs under the
 * threshold are ignored), for callers that need the pairs too.
 */
export function groupPairs(
  claims: readonly Claim[],
  allPairs: ReadonlyArray<{ a: number; b: number; similarity: number }>,
  options: GroupClaimsOptions = {},
): ClaimGroup[] {
  const o = { ...DEFAULT_GROUP_OPTIONS, ...options };
  const pairs = allPairs.filter(
    (p) =>
      p.similarity >= o.threshold && (o.sameArticle || claims[p.a]!.articleId !== claims[p.b]!.articleId),
  );
  const sim = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * claims.length + b : b * claims.length + a);
  for (const p of pairs) sim.set(key(p.a, p.b), p.similarity);
  const groupOf = claims.map((_, i) => i);
  const members = new Map<number, number[]>(claims.map((_, i) => [i, [i]]));
  const pairSums = new Map<number, { sum: number; count: number }>();
  // Two groups that did not merge meet again through each of their other pairs; their linkage stays the same
  // until one of them grows, so it is summed once per version of the two (in the same order every time).
  const version = claims.map(() => 0);
  const totals = new Map<number, { left: number; right: number; total: number }>();
  for (const { a, b } of pairs) {
    const ga = groupOf[a]!;
    const gb = groupOf[b]!;
    if (ga === gb) continue;
    const left = members.get(ga)!;
    const right = members.get(gb)!;
    const known = totals.get(ga * claims.length + gb);
    let total = 0;
    if (known && known.left === version[ga] && known.right === version[gb]) total = known.total;
    else {
      for (const x of left) for (const y of right) total += sim.get(key(x, y)) ?? 0;
      totals.set(ga * claims.length + gb, { left: version[ga]!, right: version[gb]!, total });
    }
    if (total / (left.length * right.length) < o.linkage) continue;
    const [keep, drop] = ga < gb ? [ga, gb] : [gb, ga];
    const merged = [...members.get(keep)!, ...members.get(drop)!].sort((x, y) => x - y);
    members.set(keep, merged);
    members.delete(drop);
    version[keep]!++;
    for (const x of merged) groupOf[x] = keep;
    const before = pairSums.get(keep) ?? { sum: 0, count: 0 };
    const other = pairSums.get(drop) ?? { sum: 0, count: 0 };
    pairSums.set(keep, {
      sum: before.sum + other.sum + total,
      count: before.count + other.count + left.length * right.length,
    });
    pairSums.delete(drop);
  }
  return [...members.entries()]
    .sort(([a], [b]) => a - b)
    .map(([id, list]) => {
      const group = list.map((i) => claims[i]!);
      const stats = pairSums.get(id);
      return {
        claims: group,
        articleIds: [...new Set(group.map((c) => c.articleId))],
        cohesion: stats?.count ? stats.sum / stats.count : 1,
      };
    });
}
