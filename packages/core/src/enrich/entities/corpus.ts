import type { Entity, EntityType } from "../../schemas/enrichment";
import { abbreviates } from "./acronyms";
import { nameParts } from "./person-names";
import { isAcronym, nameKey } from "./text";

/** One entity across a corpus: its names in every article, and in how many articles it appears. */
export interface CorpusEntity {
  slug: string;
  name: string;
  type: EntityType;
  placeKind: Entity["placeKind"];
  aliases: Array<{ text: string; count: number }>;
  mentions: number;
  articles: number;
}

export interface CorpusMerge {
  entities: CorpusEntity[];
  /** Per article (in the order given): its slugs that were folded into another, old → corpus slug. */
  renamed: Array<Map<string, string>>;
}

/**
 * Corpus-level alias resolution. Slugs are already stable across articles for full names (either order of an East
 * Asian name gives one slug) and for known names; this folds what one article could not resolve on its own into
 * the entity another article names in full: a bare family name ("Takaichi") into the one person of the corpus
 * with that name part, a bare acronym ("LDP") into the organisation it abbreviates or lists as an alias.
 * Ambiguous short forms (two persons named Kim) stay as they are. Deterministic in the order of the input.
 */
export function mergeCorpusEntities(articles: ReadonlyArray<readonly Entity[]>): CorpusMerge {
  const merged = new Map<string, CorpusEntity>();
  for (const entities of articles) {
    for (const e of entities) {
      const into = merged.get(e.slug);
      if (into) add(into, e);
      else merged.set(e.slug, { ...pick(e), aliases: e.aliases.map((a) => ({ ...a })), articles: 1 });
    }
  }
  const all = [...merged.values()];
  const fullPersons = all.filter((e) => e.type === "person" && nameParts(e.name).length >= 2);
  const target = new Map<string, string>();
  for (const e of all) {
    const to = e.type === "person" ? shortPerson(e, fullPersons) : shortAcronym(e, all);
    if (to && to !== e.slug) target.set(e.slug, to);
  }
  for (const [from, to] of target) {
    const source = merged.get(from)!;
    const sink = merged.get(to)!;
    add(sink, source);
    sink.articles += source.articles - 1;
    merged.delete(from);
  }
  const renamed = articles.map((entities) => {
    const map = new Map<string, string>();
    for (const e of entities) {
      const to = target.get(e.slug);
      if (to) map.set(e.slug, to);
    }
    return map;
  });
  return { entities: [...merged.values()], renamed };
}

function pick(e: Entity) {
  return { slug: e.slug, name: e.name, type: e.type, placeKind: e.placeKind, mentions: e.mentions };
}

function add(into: CorpusEntity, e: Entity | CorpusEntity): void {
  into.mentions += e.mentions;
  into.articles += 1;
  for (const alias of e.aliases) {
    const same = into.aliases.find((a) => a.text === alias.text);
    if (same) same.count += alias.count;
    else into.aliases.push({ ...alias });
  }
  // The fullest name seen anywhere names the entity.
  if (nameParts(e.name).length > nameParts(into.name).length) into.name = e.name;
}

/**
 * A person known only by one name part, folded into the full-named person who has that part: the only one, or
 * one named at least three times as often as any other ("Trump": Donald rather than Melania).
 */
function shortPerson(e: CorpusEntity, full: readonly CorpusEntity[]): string | null {
  const parts = nameParts(e.name);
  if (parts.length !== 1) return null;
  const holders = full
    .filter((f) => nameParts(f.name).includes(parts[0]!))
    .sort((a, b) => b.mentions - a.mentions || a.slug.localeCompare(b.slug));
  if (holders.length === 1) return holders[0]!.slug;
  return holders.length > 1 && holders[0]!.mentions >= 3 * holders[1]!.mentions ? holders[0]!.slug : null;
}

/** An organisation or law known only by its acronym, folded into the one entity that spells it out. */
function shortAcronym(e: CorpusEntity, all: readonly CorpusEntity[]): string | null {
  if (e.type === "person" || e.type === "place" || !e.aliases.every((a) => isAcronym(a.text))) return null;
  const key = nameKey(e.name);
  const holders = all.filter(
    (o) =>
      o !== e &&
      o.type === e.type &&
      !isAcronym(o.name) &&
      (o.aliases.some((a) => nameKey(a.text) === key) || abbreviates(e.name, o.name)),
  );
  return holders.length === 1 ? holders[0]!.slug : null;
}
