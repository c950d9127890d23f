import { type Claim, type ClaimGroup, figureKey, groupClaims } from "../claims/index";
import type { ComparisonPassage, OnlyHere, OnlyHereClaim, SharedFact } from "../schemas/comparison";
import type { Figure } from "../schemas/enrichment";
import { citation, type Prepared, type PreparedArticle } from "./prepare";

export interface AlignOptions {
  /** Claims at or above this similarity say the same thing (claims/ calibrates 0.36 on paraphrases). */
  sharedThreshold?: number;
  /** A claim is only here when its best match on every other side stays below this. */
  onlyHereBelow?: number;
  /** Passages shown per article in one shared fact (an article may repeat a fact). */
  passagesPerArticle?: number;
}

export const DEFAULT_ALIGN_OPTIONS: Required<AlignOptions> = {
  sharedThreshold: 0.36,
  onlyHereBelow: 0.3,
  passagesPerArticle: 2,
};

export function passage(article: PreparedArticle, claim: Claim): ComparisonPassage {
  return { citation: citation(article, claim.paragraph), text: claim.text, genre: article.genre.genre };
}

/** The enrichment figures inside a claim's span. */
export function claimFigures(article: PreparedArticle, claim: Claim): Figure[] {
  return article.input.enrichment.figures.filter(
    (f) => f.paragraph === claim.paragraph && f.start >= claim.start && f.end <= claim.end,
  );
}

export interface Aligned {
  sharedFacts: SharedFact[];
  onlyHere: OnlyHere[];
  /** Groups spanning two or more sides, with their claims, for conflicts and similarity. */
  groups: ClaimGroup[];
}

const inCommon = (lists: string[][]): string[] => {
  const count = new Map<string, number>();
  for (const list of lists) for (const x of new Set(list)) count.set(x, (count.get(x) ?? 0) + 1);
  return [...count.entries()]
    .filter(([, n]) => n >= 2)
    .map(([x]) => x)
    .sort();
};

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Shared facts and what only one side says. Claims are grouped across all articles by `groupClaims` (average
 * linkage over paraphrase-tolerant claim similarity); a group reaching two sides is a shared fact. A claim is only
 * here when no other side has anything close (its best match anywhere else stays under `onlyHereBelow`), which
 * leaves out the grey zone between "partly said elsewhere" and "the same fact".
 */
export function alignClaims(prepared: Prepared, options: AlignOptions = {}): Aligned {
  const o = { ...DEFAULT_ALIGN_OPTIONS, ...options };
  const { articleOf } = prepared;
  const indexOf = new Map(prepared.claims.map((c, i) => [c, i]));
  const articleIndex = new Map(prepared.articles.map((a, i) => [a, i]));
  const groups = groupClaims(prepared.claims, prepared.ctx, { threshold: o.sharedThreshold });
  const sideOf = (c: Claim) => articleOf.get(c)!.side;
  // The best match of a claim on any side but its own.
  const closest = (c: Claim) => {
    const own = articleOf.get(c)!;
    let best = 0;
    for (const [article, match] of prepared.best[indexOf.get(c)!]!) {
      if (prepared.articles[article]!.side !== own.side) best = Math.max(best, match.similarity);
    }
    return best;
  };
  const sideEntities = new Map<string, Set<string>>();
  for (const a of prepared.articles) {
    const set = sideEntities.get(a.side) ?? new Set<string>();
    sideEntities.set(a.side, set);
    for (const m of a.mentions) set.add(m.entity);
  }

  const shared: Array<SharedFact & { order: number }> = [];
  const crossing: ClaimGroup[] = [];
  const only = new Map<string, Array<OnlyHereClaim & { order: number }>>(prepared.sides.map((s) => [s, []]));
  const seenFacts = new Set<string>();

  const addFact = (claims: Claim[], cohesion: number) => {
    const key = claims
      .map((c) => c.id)
      .sort()
      .join("\u0000");
    if (seenFacts.has(key)) return;
    seenFacts.add(key);
    const sides = [...new Set(claims.map(sideOf))];
    crossing.push({ claims, articleIds: [...new Set(claims.map((c) => c.articleId))], cohesion });
    const perArticle = new Map<PreparedArticle, Claim[]>();
    for (const c of claims) {
      const a = articleOf.get(c)!;
      perArticle.set(a, [...(perArticle.get(a) ?? []), c]);
    }
    const passages = [...perArticle.entries()]
      .sort(([a], [b]) => articleIndex.get(a)! - articleIndex.get(b)!)
      .flatMap(([a, list]) => list.slice(0, o.passagesPerArticle).map((c) => passage(a, c)));
    const bySide = (pick: (c: Claim) => string[]) =>
      inCommon(sides.map((s) => claims.filter((c) => sideOf(c) === s).flatMap(pick)));
    const entities = bySide((c) => c.entities);
    const figures = bySide((c) => c.figures).map((key) => {
      for (const c of claims) {
        const f = claimFigures(articleOf.get(c)!, c).find((x) => figureKey(x) === key);
        if (f) return f.text;
      }
      return key;
    });
    const dates = bySide((c) => c.dates);
    const earliest = Math.min(...claims.map((c) => c.relativePosition));
    const importance =
      sides.length + 0.4 * entities.length + figures.length + 0.6 * dates.length + (1 - earliest) + cohesion;
    shared.push({
      sides,
      passages,
      entities,
      figures,
      dates,
      similarity: round(Math.min(1, cohesion)),
      importance: round(importance),
      opinion: passages.some((p) => p.genre === "opinion"),
      order: Math.min(...claims.map((c) => indexOf.get(c)!)),
    });
  };

  const leftovers: Claim[] = [];
  for (const group of groups) {
    const claims = group.claims.filter((c) => !c.question);
    if (claims.length === 0) continue;
    if (new Set(claims.map(sideOf)).size >= 2) {
      addFact(claims, group.cohesion);
      continue;
    }
    leftovers.push(...claims);
  }
  // Average linkage keeps a group tight, so a claim close to one member of a group but not to the others stays
  // out of it; it still states that member's fact, and makes a shared fact of its own with its best matches.
  const grouped = new Set(crossing.flatMap((g) => g.claims));
  const remaining: Claim[] = [];
  for (const c of leftovers) {
    const own = articleOf.get(c)!;
    const partners = [...prepared.best[indexOf.get(c)!]!.entries()]
      .filter(
        ([article, m]) => prepared.articles[article]!.side !== own.side && m.similarity >= o.sharedThreshold,
      )
      .sort(([x], [y]) => x - y);
    if (partners.length === 0) {
      if (!grouped.has(c)) remaining.push(c);
      continue;
    }
    const sims = partners.map(([, m]) => m.similarity);
    addFact(
      [c, ...partners.map(([, m]) => prepared.claims[m.claim]!)],
      sims.reduce((x, y) => x + y, 0) / sims.length,
    );
  }

  // What is left is said on one side only; a group of one side's claims (an article repeating itself, two
  // articles of one side) counts once, by its first statement.
  const remainingSet = new Set(remaining);
  for (const group of groups) {
    const claims = group.claims.filter((c) => remainingSet.has(c));
    const first = claims[0];
    if (!first || claims.length !== group.claims.filter((c) => !c.question).length) continue;
    const best = Math.max(...claims.map(closest));
    if (best >= o.onlyHereBelow) continue;
    const article = articleOf.get(first)!;
    const others = new Set(
      [...sideEntities.entries()].filter(([s]) => s !== article.side).flatMap(([, set]) => [...set]),
    );
    const exclusive = first.entities.filter((e) => !others.has(e)).length;
    const importance =
      0.4 * first.entities.length +
      exclusive +
      first.figures.length +
      0.5 * first.dates.length +
      1.5 * (1 - first.relativePosition) +
      (first.attribution ? 0.5 : 0);
    only.get(article.side)!.push({
      passage: passage(article, first),
      entities: first.entities,
      figures: claimFigures(article, first).map((f) => f.text),
      dates: first.dates,
      importance: round(importance),
      closest: round(best),
      order: indexOf.get(first)!,
    });
  }
  shared.sort((a, b) => b.importance - a.importance || a.order - b.order);
  return {
    sharedFacts: shared.map(({ order: _, ...fact }) => fact),
    onlyHere: prepared.sides.map((side) => ({
      side,
      claims: only
        .get(side)!
        .sort((a, b) => b.importance - a.importance || a.order - b.order)
        .map(({ order: _, ...claim }) => claim),
    })),
    groups: crossing,
  };
}
