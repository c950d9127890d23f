import type { ClaimGroup } from "../claims/index";
import type { ArticleSimilarity } from "../schemas/comparison";
import type { Prepared } from "./prepare";

/**
 * How much story content two articles share, in [0, 1]: each article's claims are matched to their best
 * counterpart in the other, a match counting from nothing at `LOW` (claims that share a word or two) to in full
 * at `HIGH` (the same statement, reworded); the share of an article's claims so covered is averaged over both
 * directions. The same text twice gives 1, unrelated stories 0, and a short piece wholly inside a long one about
 * half. The thresholds sit around claims/'s paraphrase threshold (0.36).
 */
const LOW = 0.2;
const HIGH = 0.6;

const credit = (similarity: number) => Math.min(1, Math.max(0, (similarity - LOW) / (HIGH - LOW)));

export function articleSimilarities(prepared: Prepared, groups: readonly ClaimGroup[]): ArticleSimilarity[] {
  const { articles, claims, best } = prepared;
  const indexOf = new Map(claims.map((c, i) => [c, i]));
  const coverage = (from: number, to: number) => {
    const own = articles[from]!.claims.filter((c) => !c.question);
    if (own.length === 0) return 0;
    let sum = 0;
    for (const c of own) sum += credit(best[indexOf.get(c)!]!.get(to)?.similarity ?? 0);
    return sum / own.length;
  };
  const out: ArticleSimilarity[] = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      const a = articles[i]!.input.id;
      const b = articles[j]!.input.id;
      const similarity = (coverage(i, j) + coverage(j, i)) / 2;
      const sharedFacts = groups.filter((g) => g.articleIds.includes(a) && g.articleIds.includes(b)).length;
      out.push({ a, b, similarity: Math.round(similarity * 1000) / 1000, sharedFacts });
    }
  }
  return out;
}
