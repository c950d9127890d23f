import type { ComparisonCitation, Emphasis } from "../schemas/comparison";
import { citation, type Prepared } from "./prepare";
import { sentenceTone } from "./tone";

export interface EmphasisOptions {
  /** Main entities shown: the most mentioned over all sides. */
  maxEntities?: number;
}

// Sentences scoring within this of zero are neutral for the positive/negative counts.
const NEUTRAL = 0.05;
const MAX_CITATIONS = 3;
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Emphasis and tone: each main entity's share of a side's entity mentions, and the mean lexicon tone of the
 * side's sentences (claims) that mention it, citing the most strongly toned of them.
 */
export function compareEmphasis(prepared: Prepared, options: EmphasisOptions = {}): Emphasis[] {
  const totals = new Map<string, number>();
  const perSide = new Map<string, Map<string, number>>();
  const sideTotal = new Map<string, number>();
  for (const a of prepared.articles) {
    const counts = perSide.get(a.side) ?? new Map<string, number>();
    perSide.set(a.side, counts);
    for (const m of a.mentions) {
      counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      totals.set(m.entity, (totals.get(m.entity) ?? 0) + 1);
      sideTotal.set(a.side, (sideTotal.get(a.side) ?? 0) + 1);
    }
  }
  const main = [...totals.entries()]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.maxEntities ?? 8)
    .map(([slug]) => slug);
  const toned = new Map(prepared.claims.map((c) => [c, sentenceTone(c.text)]));
  return main.map((entity) => {
    let name = entity;
    for (const a of prepared.articles) {
      const e = a.entities.get(entity);
      if (e) {
        name = e.name;
        break;
      }
    }
    const sides = prepared.sides.map((side) => {
      const mentions = perSide.get(side)?.get(entity) ?? 0;
      const total = sideTotal.get(side) ?? 0;
      const about = prepared.articles
        .filter((a) => a.side === side)
        .flatMap((a) =>
          a.claims.filter((c) => c.entities.includes(entity)).map((c) => ({ a, c, t: toned.get(c)! })),
        );
      const scored = about.filter((x) => x.t.hits > 0);
      const tone = about.length
        ? {
            mean: round(about.reduce((s, x) => s + x.t.score, 0) / about.length),
            sentences: about.length,
            positive: scored.filter((x) => x.t.score > NEUTRAL).length,
            negative: scored.filter((x) => x.t.score < -NEUTRAL).length,
          }
        : null;
      const citations: ComparisonCitation[] = [...scored]
        .sort((x, y) => Math.abs(y.t.score) - Math.abs(x.t.score) || x.c.position - y.c.position)
        .slice(0, MAX_CITATIONS)
        .map((x) => citation(x.a, x.c.paragraph));
      if (citations.length === 0 && about[0]) citations.push(citation(about[0].a, about[0].c.paragraph));
      return { side, mentions, share: total ? round(mentions / total) : 0, tone, citations };
    });
    return { entity, name, sides };
  });
}
