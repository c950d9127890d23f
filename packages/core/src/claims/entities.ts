import { mergeCorpusEntities } from "../enrich/entities/index";
import { fold } from "../enrich/entities/text";
import type { Entity } from "../schemas/enrichment";

/**
 * Per article, the entity slugs to rename so that one entity has one slug across the story: enrichment's corpus
 * merge (a bare "Takaichi" into the full name, "LDP" into the party), then persons whose name words are the same
 * in another order ("Takaichi Sanae" ~ "Sanae Takaichi": Japanese outlets write family name first, others do not).
 */
export function storyEntityAliases(articles: ReadonlyArray<readonly Entity[]>): Array<Map<string, string>> {
  const { entities, renamed } = mergeCorpusEntities(articles);
  const byKey = new Map<string, string>();
  const reorder = new Map<string, string>();
  const ordered = [...entities].sort((a, b) => b.mentions - a.mentions || a.slug.localeCompare(b.slug));
  for (const entity of ordered) {
    if (entity.type !== "person") continue;
    const words = fold(entity.name)
      .split(/[\s-‐]+/)
      .filter(Boolean)
      .sort();
    if (words.length < 2) continue;
    const key = words.join(" ");
    const first = byKey.get(key);
    if (first) reorder.set(entity.slug, first);
    else byKey.set(key, entity.slug);
  }
  return articles.map((list, i) => {
    const map = new Map(renamed[i]);
    for (const entity of list) {
      const merged = map.get(entity.slug) ?? entity.slug;
      const final = reorder.get(merged) ?? merged;
      if (final !== entity.slug) map.set(entity.slug, final);
    }
    return map;
  });
}
