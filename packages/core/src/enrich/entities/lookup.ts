import type { Entity } from "../../schemas/enrichment";
import { abbreviates } from "./acronyms";
import { findCandidates } from "./candidates";
import { nameParts, personSlug } from "./person-names";
import { isAcronym, nameKey } from "./text";
import type { Candidate } from "./types";

/**
 * The slug of the entity a name as written refers to — a quote's speaker "Gui Yongtao, deputy dean …", "Prime
 * Minister Takaichi", "Mr. Kim", "LDP", "U.S." — or null when the text is no name ("the prime minister",
 * "officials") or names nothing among `entities`.
 */
export function resolveName(entities: readonly Entity[], name: string): string | null {
  return nameResolver(entities)(name);
}

/**
 * `resolveName` for many names against the same entities (every quote's speaker in an article): each entity's
 * name keys and name parts are worked out once, on first need, instead of once per name looked up.
 */
export function nameResolver(entities: readonly Entity[]): (name: string) => string | null {
  let keys: Set<string>[] | null = null;
  let parts: Set<string>[] | null = null;
  const index: EntityIndex = {
    entities,
    keys: () => {
      keys ??= entities.map((e) => new Set([e.name, ...e.aliases.map((a) => a.text)].map(nameKey)));
      return keys;
    },
    parts: () => {
      parts ??= entities.map((e) => new Set([e.name, ...e.aliases.map((a) => a.text)].flatMap(nameParts)));
      return parts;
    },
  };
  return (name) => {
    const text = name.trim();
    if (!text || entities.length === 0) return null;
    const candidates = findCandidates([{ n: 1, kind: "paragraph", text }]).filter(
      (c) => c.form !== "demonym",
    );
    // The name the phrase is about comes first; an appositive's own names ("Peking University") come after it.
    const first = candidates.find((c) => c.type === "person" || c.entry) ?? candidates[0];
    return first ? match(index, first) : null;
  };
}

interface EntityIndex {
  entities: readonly Entity[];
  /** Per entity, the name keys of its name and aliases. */
  keys: () => Set<string>[];
  /** Per entity, the name parts of its name and aliases. */
  parts: () => Set<string>[];
}

function match({ entities, keys, parts: partsOf }: EntityIndex, c: Candidate): string | null {
  if (c.entry) return entities.some((e) => e.slug === c.entry!.slug) ? c.entry.slug : null;
  const key = nameKey(c.text);
  const exact = entities.find((_, i) => keys()[i]!.has(key));
  if (exact) return exact.slug;
  const slug = personSlug(c.text);
  if (entities.some((e) => e.slug === slug)) return slug;
  const parts = nameParts(c.text);
  if (parts.length > 0) {
    const holders = entities.filter((e, i) => {
      if (c.type === "person" && e.type !== "person") return false;
      const own = partsOf()[i]!;
      return parts.every((p) => own.has(p));
    });
    if (holders.length > 0) {
      return holders.reduce((a, b) => (b.mentions > a.mentions ? b : a)).slug;
    }
  }
  if (isAcronym(c.text)) {
    const expanded = entities.filter((e) => e.type !== "person" && abbreviates(c.text, e.name));
    if (expanded.length === 1) return expanded[0]!.slug;
  }
  return null;
}
