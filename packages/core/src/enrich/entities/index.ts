import type { Entity, Mention } from "../../schemas/enrichment";
import type { Paragraph } from "../../schemas/paragraph";
import { type Sentence, splitSentences } from "../text/sentences";
import { findCandidates } from "./candidates";
import { describe } from "./describe";
import { standsFor } from "./metonymy";
import { type Cluster, resolveCandidates } from "./resolve";
import type { Candidate } from "./types";

export { mergeCorpusEntities } from "./corpus";
export { nameResolver, resolveName } from "./lookup";
export { personSlug } from "./person-names";
export { slugify } from "./text";

export interface ExtractEntitiesOptions {
  /**
   * BCP 47 language of the text. Names are recognised from capitals in English, and in text of unknown language
   * that is mostly in Latin script; otherwise only known names (the gazetteers) and persons with a title count.
   */
  language?: string | null;
}

/**
 * People, organisations, places, events and laws named in an article, each with a slug that is the same in every
 * article (`united-states`, `sanae-takaichi`, `liberal-democratic-party`), and every mention resolved to one.
 * Pure and deterministic; time grows with the text, not with how many capitals it has.
 */
export function extractEntities(
  paragraphs: readonly Paragraph[],
  options: ExtractEntitiesOptions = {},
): { entities: Entity[]; mentions: Mention[] } {
  const texts = new Map(paragraphs.map((p) => [p.n, p.text]));
  let candidates = findCandidates(paragraphs);
  const language = options.language?.toLowerCase() ?? null;
  if (language ? !language.startsWith("en") : !mostlyLatin(paragraphs)) {
    // Other languages capitalize differently (German nouns, French titles): keep known names and titled persons.
    candidates = candidates.filter((c) => c.entry || c.person === "honorific" || c.person === "role");
  }
  const clusters = uniqueSlugs(resolveCandidates(candidates, texts));
  // Sentences of a paragraph, split once however many entities it defines.
  const split = new Map<number, Sentence[]>();
  const sentences = (n: number) => {
    if (!split.has(n)) split.set(n, splitSentences(texts.get(n) ?? "", n));
    return split.get(n)!;
  };
  const entities = clusters.map((cluster): Entity => toEntity(cluster, texts, sentences));
  const mentions = clusters
    .flatMap((cluster) => cluster.members.map((m) => toMention(m, cluster.slug)))
    .sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return { entities, mentions };
}

/** Without a language, a text mostly in another script (Cyrillic, Greek) is not read by English capitals. */
function mostlyLatin(paragraphs: readonly Paragraph[]): boolean {
  let latin = 0;
  let letters = 0;
  for (const p of paragraphs) {
    latin += p.text.match(/\p{Script=Latin}/gu)?.length ?? 0;
    letters += p.text.match(/\p{L}/gu)?.length ?? 0;
  }
  return latin * 2 >= letters;
}

function toEntity(
  cluster: Cluster,
  texts: ReadonlyMap<number, string>,
  sentences: (paragraph: number) => Sentence[],
): Entity {
  const aliases = new Map<string, number>();
  for (const m of cluster.members) aliases.set(m.text, (aliases.get(m.text) ?? 0) + 1);
  return {
    slug: cluster.slug,
    name: cluster.name,
    type: cluster.type,
    placeKind: cluster.type === "place" ? (cluster.placeKind ?? "other") : null,
    aliases: [...aliases].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count),
    mentions: cluster.members.length,
    description: describe(cluster, texts, sentences),
    standsFor: cluster.type === "place" || cluster.entry?.seat ? standsFor(cluster, texts) : null,
  };
}

function toMention(m: Candidate, entity: string): Mention {
  return { paragraph: m.paragraph, start: m.start, end: m.end, text: m.text, entity, form: m.form };
}

/** Two entities of one article never share a slug: same type merges, different types get the type appended. */
function uniqueSlugs(clusters: Cluster[]): Cluster[] {
  const bySlug = new Map<string, Cluster>();
  const out: Cluster[] = [];
  for (const cluster of clusters) {
    const same = bySlug.get(cluster.slug);
    if (same && same.type === cluster.type) {
      same.members.push(...cluster.members);
      same.members.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
      continue;
    }
    if (same) cluster.slug = `${cluster.slug}-${cluster.type}`;
    bySlug.set(cluster.slug, cluster);
    out.push(cluster);
  }
  const first = (k: Cluster) => k.members[0]!;
  return out.sort((a, b) => first(a).paragraph - first(b).paragraph || first(a).start - first(b).start);
}
