import { contentStems } from "../claims/text";
import type { Citation, KeyFigure } from "../schemas/briefing";
import { valuesCompatible } from "../enrich/figures/compatible";
import type { Figure } from "../schemas/enrichment";
import type { BriefingArticle } from "./input";
import type { ParagraphStems } from "./support";

interface Sighting {
  figure: Figure;
  articleId: string;
  order: number;
  citation: Citation;
  subject: string[];
}

export interface FiguresInput {
  articles: readonly BriefingArticle[];
  labels: readonly string[];
  stems: ParagraphStems;
  max: number;
}

// Subjects sharing this share of the smaller one's words measure the same thing ("investment" ~ "strategic
// investment deal"); "lower house strength" and "seats in the House of Representatives" do not.
const SAME_SUBJECT = 0.5;

function sameSubject(a: Sighting, b: Sighting): boolean {
  if (a.figure.kind !== b.figure.kind || a.figure.unit !== b.figure.unit) return false;
  if (a.subject.length === 0 || b.subject.length === 0) return a.figure.value === b.figure.value;
  const bs = new Set(b.subject);
  const shared = a.subject.filter((s) => bs.has(s)).length;
  return shared / Math.min(a.subject.length, b.subject.length) >= SAME_SUBJECT;
}

const KIND_ORDER: Record<Figure["kind"], number> = { money: 0, percent: 1, count: 2, fraction: 3, ratio: 4 };

/**
 * The story's key figures: each quantity (same kind, unit and subject) with every value the sources state and
 * the paragraphs that state it; values that cannot both be true, from different sources, flag a conflict.
 */
export function buildFigures(input: FiguresInput): KeyFigure[] {
  const sightings: Sighting[] = [];
  input.articles.forEach((article, order) => {
    for (const figure of article.enrichment.figures) {
      // A small bare count ("two people", "three documents") is rarely a figure the story turns on.
      if (figure.kind === "count" && figure.value < 10 && !figure.subject) continue;
      if (!input.stems.supports(figure.text, article.id, figure.paragraph)) continue;
      sightings.push({
        figure,
        articleId: article.id,
        order,
        citation: { articleId: article.id, source: input.labels[order]!, paragraph: figure.paragraph },
        subject: figure.subject ? contentStems(figure.subject, article.language).stems : [],
      });
    }
  });
  const groups: Sighting[][] = [];
  for (const s of sightings) {
    const home = groups.find(
      (g) =>
        sameSubject(g[0]!, s) &&
        (g.some((x) => valuesCompatible(x.figure, s.figure)) || g.every((x) => x.articleId !== s.articleId)),
    );
    if (home) home.push(s);
    else groups.push([s]);
  }
  const figures = groups.map((group) => figureOf(group));
  return figures
    .map((figure, i) => ({ figure, i, group: groups[i]! }))
    .sort(
      (a, b) =>
        b.figure.articleIds.length - a.figure.articleIds.length ||
        b.group.length - a.group.length ||
        KIND_ORDER[a.figure.kind] - KIND_ORDER[b.figure.kind] ||
        a.i - b.i,
    )
    .slice(0, input.max)
    .map(({ figure }) => figure);
}

function figureOf(group: Sighting[]): KeyFigure {
  // One value per way of stating it: a citation must hold the very number it is cited for.
  const values: Array<{ sightings: Sighting[] }> = [];
  const statement = (f: Figure) => `${f.value}\u0000${f.qualifier}\u0000${f.text.toLowerCase()}`;
  for (const s of group) {
    const same = values.find((v) => statement(v.sightings[0]!.figure) === statement(s.figure));
    if (same) same.sightings.push(s);
    else values.push({ sightings: [s] });
  }
  const first = group[0]!;
  const conflict = group.some((a) =>
    group.some((b) => a.articleId !== b.articleId && !valuesCompatible(a.figure, b.figure)),
  );
  const subject = group.find((s) => s.figure.subject)?.figure.subject ?? null;
  return {
    subject,
    kind: first.figure.kind,
    unit: first.figure.unit,
    values: values.map(({ sightings }) => {
      const best = sightings[0]!;
      const seen = new Set<string>();
      const citations: Citation[] = [];
      for (const s of [...sightings].sort(
        (a, b) => a.order - b.order || a.citation.paragraph - b.citation.paragraph,
      )) {
        const key = `${s.articleId}\u0000${s.citation.paragraph}`;
        if (seen.has(key)) continue;
        seen.add(key);
        citations.push(s.citation);
      }
      return {
        text: best.figure.text,
        value: best.figure.value,
        qualifier: best.figure.qualifier,
        citations,
      };
    }),
    conflict,
    articleIds: [...new Set(group.sort((a, b) => a.order - b.order).map((s) => s.articleId))],
  };
}
