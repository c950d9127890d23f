import type { ComparisonArticleInput, ComparisonSideInput } from "../schemas/comparison";

/**
 * How a story's articles become the sides of a comparison: one side per article, per outlet, per outlet country
 * (Japanese vs. Chinese media), or by labels a user gives (keyed by article id or by source name, e.g.
 * `{ "nippon.com": "Japan", "Caixin": "China" }`; articles with no label are left out of the comparison).
 */
export type SideGrouping = "article" | "outlet" | "country" | { labels: Readonly<Record<string, string>> };

const UNKNOWN_OUTLET = "Unknown outlet";
const UNKNOWN_COUNTRY = "Unknown country";

function labelOf(article: ComparisonArticleInput, by: SideGrouping): string | null {
  if (by === "article") return article.source?.name ?? (article.title.trim() || article.id);
  if (by === "outlet") return article.source?.name ?? UNKNOWN_OUTLET;
  if (by === "country") return article.source?.country?.toUpperCase() ?? UNKNOWN_COUNTRY;
  const labels = by.labels;
  const label =
    (Object.hasOwn(labels, article.id) ? labels[article.id] : undefined) ??
    (article.source && Object.hasOwn(labels, article.source.name) ? labels[article.source.name] : undefined);
  return label?.trim() || null;
}

/** Sides in the order their first article comes; per-article labels that repeat get a number ("Caixin (2)"). */
export function formSides(
  articles: readonly ComparisonArticleInput[],
  by: SideGrouping,
): ComparisonSideInput[] {
  const sides = new Map<string, ComparisonArticleInput[]>();
  for (const article of articles) {
    let label = labelOf(article, by);
    if (label === null) continue;
    if (by === "article" && sides.has(label)) {
      let n = 2;
      while (sides.has(`${label} (${n})`)) n++;
      label = `${label} (${n})`;
    }
    sides.set(label, [...(sides.get(label) ?? []), article]);
  }
  return [...sides.entries()].map(([label, list]) => ({ label, articles: list }));
}
