import { nameParts } from "../enrich/entities/person-names";
import type { BriefingEntity, Citation } from "../schemas/briefing";
import type { Entity } from "../schemas/enrichment";
import type { BriefingArticle } from "./input";
import type { ParagraphStems } from "./support";
import { isMeta } from "./wording";

export interface EntitiesInput {
  articles: readonly BriefingArticle[];
  labels: readonly string[];
  renamed: ReadonlyArray<ReadonlyMap<string, string>>;
  stems: ParagraphStems;
  max: number;
}

// A description longer than this is a whole sentence about something else that happens to name the entity
// (enrichment falls back to the defining sentence when there is no appositive).
const MAX_DESCRIPTION_WORDS = 14;
const MAIN_TYPES = new Set<Entity["type"]>(["person", "organization", "place"]);
const TYPE_WEIGHT: Record<Entity["type"], number> = {
  person: 1.5,
  organization: 1.2,
  place: 1,
  event: 1,
  law: 1,
};

interface Merged {
  slug: string;
  name: string;
  type: Entity["type"];
  counts: Map<number, number>;
  descriptions: Array<{ order: number; text: string; paragraph: number }>;
}

/**
 * Who's involved: the story's people, organisations and places across its articles (one slug per entity for the
 * story; a capital standing for its country counted as the country), ranked by how many sources name them and
 * how often, each with the shortest line the text gives about it and mention counts per source.
 */
export function buildEntities(input: EntitiesInput): BriefingEntity[] {
  const merged = new Map<string, Merged>();
  input.articles.forEach((article, order) => {
    const rename = (slug: string) => input.renamed[order]?.get(slug) ?? slug;
    const slugs = new Set(article.enrichment.entities.map((e) => rename(e.slug)));
    for (const entity of article.enrichment.entities) {
      const standsFor = entity.standsFor ? rename(entity.standsFor) : null;
      // "Beijing" for China's government counts as China when the article names China too.
      const slug = standsFor && slugs.has(standsFor) ? standsFor : rename(entity.slug);
      let into = merged.get(slug);
      if (!into) {
        into = { slug, name: entity.name, type: entity.type, counts: new Map(), descriptions: [] };
        merged.set(slug, into);
      }
      if (slug === rename(entity.slug) && nameParts(entity.name).length > nameParts(into.name).length)
        into.name = entity.name;
      into.counts.set(order, (into.counts.get(order) ?? 0) + entity.mentions);
      const d = entity.description;
      if (
        d &&
        slug === rename(entity.slug) &&
        d.text.split(/\s+/).length <= MAX_DESCRIPTION_WORDS &&
        // A sentence of its own is about something else that names the entity, not a line saying what it is.
        !/[.!?]["'”’)]*$/u.test(d.text) &&
        !isMeta(d.text)
      )
        into.descriptions.push({ order, text: d.text, paragraph: d.paragraph });
    }
  });
  const total = (m: Merged) => [...m.counts.values()].reduce((a, b) => a + b, 0);
  const score = (m: Merged) => total(m) * TYPE_WEIGHT[m.type] * (1 + 0.5 * (m.counts.size - 1));
  const ranked = [...merged.values()]
    .filter((m) => MAIN_TYPES.has(m.type) && total(m) > 0)
    .sort((a, b) => score(b) - score(a) || a.slug.localeCompare(b.slug));
  // Named once by a single source, an entity is a passing mention unless the story is that small.
  const kept = ranked.filter((m) => m.counts.size > 1 || total(m) > 1);
  // Places frame the story (every story here names Japan and the US); the people and organisations act in it.
  const maxPlaces = Math.max(1, Math.floor(input.max * 0.4));
  let places = 0;
  const chosen = (kept.length >= 3 ? kept : ranked).filter(
    (m) => m.type !== "place" || ++places <= maxPlaces,
  );
  return chosen.slice(0, input.max).map((m) => ({
    slug: m.slug,
    name: m.name,
    type: m.type,
    description: describe(m, input),
    mentions: [...m.counts.entries()]
      .sort(([a], [b]) => a - b)
      .map(([order, count]) => ({
        articleId: input.articles[order]!.id,
        source: input.labels[order]!,
        count,
      })),
    total: total(m),
  }));
}

function describe(m: Merged, input: EntitiesInput): BriefingEntity["description"] {
  if (m.descriptions.length === 0) return null;
  // The shortest line that still says something (a bare "President" is a title, not a description, if there is more).
  const sorted = [...m.descriptions].sort((a, b) => {
    const words = (t: string) => t.split(/\s+/).length;
    const informative = (t: string) => (words(t) >= 3 ? 0 : 1);
    return informative(a.text) - informative(b.text) || a.text.length - b.text.length || a.order - b.order;
  });
  for (const best of sorted) {
    const citations: Citation[] = [];
    for (const d of m.descriptions.sort((a, b) => a.order - b.order || a.paragraph - b.paragraph)) {
      const articleId = input.articles[d.order]!.id;
      if (citations.some((c) => c.articleId === articleId && c.paragraph === d.paragraph)) continue;
      if (input.stems.supports(best.text, articleId, d.paragraph))
        citations.push({ articleId, source: input.labels[d.order]!, paragraph: d.paragraph });
    }
    if (citations.length > 0) return { text: best.text, citations };
  }
  return null;
}
