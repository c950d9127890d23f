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
  const text = name.trim();
  if (!text || entities.length === 0) return null;
  const candidates = findCandidates([{ n: 1, kind: "paragraph", text }]).filter((c) => c.form !== "demonym");
  // The name the phrase is about comes first; an appositive's own names ("Peking University") come after it.
  const first = candidates.find((c) => c.type === "person" || c.entry) ?? candidates[0];
  return first ? match(entities, first) : null;
}

function match(entities: readonly Entity[], c: Candidate): string | null {
  if (c.entry) return entities.some((e) => e.slug === c.entry!.slug) ? c.entry.slug : null;
  const key = nameKey(c.text);
  const exact = entities.find(
    (e) => nameKey(e.name) === key || e.aliases.some((a) => nameKey(a.text) === key),
  );
  if (exact) return exact.slug;
  const slug = personSlug(c.text);
  if (entities.some((e) => e.slug === slug)) return slug;
  const parts = nameParts(c.text);
  if (parts.length > 0) {
    const holders = entities.filter((e) => {
      if (c.type === "person" && e.type !== "person") return false;
      const own = new Set([e.name, ...e.aliases.map((a) => a.text)].flatMap(nameParts));
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
