import type { Enrichment } from "../schemas/enrichment";
import type { Paragraph } from "../schemas/paragraph";
import type { ClusterDoc } from "./types";

/**
 * The clustering input for an enriched article: canonical entity slugs repeated once per mention, figure keys
 * (`USD:550000000000`, `%:3.5`, `people:120`, three significant digits) and the exact days the text names. Counts under ten ("two people") and
 * dates without a day say little about which story it is, so they are left out.
 */
export function clusterInput(
  article: Pick<ClusterDoc, "id" | "title" | "text" | "publishedAt" | "language">,
  enrichment: Pick<Enrichment, "entities" | "figures" | "times">,
): ClusterDoc {
  const entities = enrichment.entities.flatMap((entity) =>
    Array.from({ length: Math.max(1, entity.mentions) }, () => entity.slug),
  );
  const figures = enrichment.figures
    .filter((figure) => figure.kind !== "count" || figure.value >= 10)
    .map((figure) => `${figure.unit ?? figure.kind}:${Number(figure.value.toPrecision(3))}`);
  const dates = enrichment.times
    .filter((time) => time.type === "date" && /^\d{4}-\d{2}-\d{2}$/.test(time.value))
    .map((time) => time.value);
  return { ...article, entities, figures, dates };
}

/** What `articleClusterDoc` reads of a normalized (or stored) article. */
export interface ClusterableArticle {
  title: string;
  paragraphs: readonly Pick<Paragraph, "kind" | "text">[];
  publishedAt: string | null;
  language: string | null;
}

/**
 * The one way an article becomes clustering input, shared by the worker and `parallax cluster` so that both
 * group alike: the title, the story's paragraphs (editors' notes left out, as enrichment leaves them out) and
 * enrichment's entities, figures and days.
 */
export function articleClusterDoc(
  id: string,
  article: ClusterableArticle,
  enrichment: Pick<Enrichment, "entities" | "figures" | "times">,
): ClusterDoc {
  const text = article.paragraphs
    .filter((paragraph) => paragraph.kind !== "note")
    .map((paragraph) => paragraph.text)
    .join("\n\n");
  return clusterInput(
    { id, title: article.title, text, publishedAt: article.publishedAt, language: article.language },
    enrichment,
  );
}
