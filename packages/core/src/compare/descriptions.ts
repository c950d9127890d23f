import { ORG_HEADS } from "../enrich/entities/data/lexicon";
import type { Entity, Mention } from "../schemas/enrichment";
import type { Paragraph } from "../schemas/paragraph";
import type { Label } from "./labels";
import { bareWord, capitalized, collapse, isVerbLike, possessive, type Word, wordsOf } from "./label-words";

/** What a description needs to know of an entity. */
export type EntityInfo = Pick<Entity, "type" | "placeKind" | "name" | "aliases">;

const OPENERS = /^(?:the|that|its|their|his|her|whose)$/i;
// Nouns that stand for a state or its government once the text has named one ("the country", "the regime").
const STATE_HEADS = new Set(
  "country nation state regime government administration kingdom republic leadership dynasty".split(" "),
);
// Nouns that extend a state noun into the people acting for it ("the administration officials").
const AGENT_HEADS = new Set("officials official leaders spokesman spokeswoman".split(" "));
const COMPASS = new Set(["north", "south", "east", "west"]);
const MAX_MODIFIERS = 2;
// Paragraphs back to look for an antecedent beside the description's own.
const WINDOW = 2;

const isCountry = (e: EntityInfo | undefined) => e?.type === "place" && e.placeKind === "country";

/** The head noun of an organization's name: "Committee" in "Democratic National Committee", "Bureau" in "Federal Bureau of Investigation". */
function nameHead(name: string): string | null {
  const words = name.split(/\s+/);
  const of = words.findIndex((w) => /^(?:of|for|on)$/i.test(w));
  const head = bareWord(words[(of > 0 ? of : words.length) - 1] ?? "");
  return ORG_HEADS.has(head) ? head : null;
}

/**
 * Descriptions that stand for a state or an organization once the text has named it, without naming it again:
 * "the country", "the isolated regime", "his administration", "the North" (North Korea), "the Kim regime" (the
 * state whose titles the person carries: "North Korean leader Kim"), "the department" (the Justice Department),
 * "the party". Each resolves to the most recent mention before it of an entity the head fits (a country for
 * state nouns, an organization whose name the head ends for organization nouns), the way a reader resolves it.
 * A noun right before another noun heads nothing ("the state media", "the country music") and is left alone.
 */
export function describedEntities(
  paragraphs: readonly Paragraph[],
  mentions: readonly Mention[],
  labels: readonly Label[],
  entityOf: (slug: string) => EntityInfo | undefined,
  stop: ReadonlySet<string>,
): Label[] {
  const ordered = [...mentions].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const frequency = new Map<string, number>();
  for (const m of mentions) frequency.set(m.entity, (frequency.get(m.entity) ?? 0) + 1);
  // The antecedent: among the fitting entities named in this paragraph and the two before it, the one the
  // article names most (its topic, "the communist state" after a passing "U.S. leader"), else the latest named.
  const before = (paragraph: number, at: number, accept: (m: Mention) => boolean): Mention | null => {
    let best: Mention | null = null;
    for (let i = ordered.length - 1; i >= 0; i--) {
      const m = ordered[i]!;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.end > at) || !accept(m)) continue;
      if (!best) best = m;
      else if (m.paragraph < paragraph - WINDOW) break;
      else if ((frequency.get(m.entity) ?? 0) > (frequency.get(best.entity) ?? 0)) best = m;
    }
    return best;
  };
  // The state a person acts for: the country named inside the person's titles ("U.S. President Donald Trump").
  const stateOf = new Map<string, Map<string, number>>();
  for (const l of labels) {
    if (l.bare || entityOf(l.entity)?.type !== "person") continue;
    for (const m of mentions) {
      if (m.paragraph !== l.paragraph || m.start < l.start || m.end > l.end || !isCountry(entityOf(m.entity)))
        continue;
      const counts = stateOf.get(l.entity) ?? new Map<string, number>();
      stateOf.set(l.entity, counts);
      counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
    }
  }
  const stateOfPerson = (slug: string) => {
    const ranked = [...(stateOf.get(slug) ?? new Map<string, number>()).entries()].sort(
      (a, b) => b[1] - a[1],
    );
    return ranked.length === 1 || (ranked[0] && ranked[0][1] > ranked[1]![1]) ? ranked[0]![0] : null;
  };
  const taken = (n: number, start: number, end: number) =>
    labels.some((l) => !l.bare && l.paragraph === n && l.start < end && l.end > start);

  const out: Label[] = [];
  for (const paragraph of paragraphs) {
    const text = paragraph.text;
    const words = wordsOf(text);
    const mentionAt = (w: Word) =>
      mentions.find((m) => m.paragraph === paragraph.n && m.start <= w.start && w.start < m.end);
    const adjacent = (a: Word, b: Word) => /^\s+$/.test(text.slice(a.end, b.start));
    for (let i = 0; i < words.length; i++) {
      if (!OPENERS.test(words[i]!.text)) continue;
      let owner: string | null = null;
      let j = i + 1;
      let modifiers = 0;
      let found: { entity: string; end: number } | null = null;
      for (; j < words.length && j <= i + 1 + MAX_MODIFIERS && !found; j++) {
        const w = words[j]!;
        if (!adjacent(words[j - 1]!, w)) break;
        const bare = bareWord(w.text);
        const inside = mentionAt(w);
        if (inside) {
          // A person's name before a state noun: "the Kim regime", "the Trump administration".
          if (j !== i + 1 || entityOf(inside.entity)?.type !== "person") break;
          owner = inside.entity;
          while (j + 1 < words.length && words[j + 1]!.start < inside.end) j++;
          continue;
        }
        if (stop.has(bare) || isVerbLike(bare) || /^\p{N}/u.test(bare)) break;
        const next = words[j + 1];
        const compound =
          !possessive(w.text) &&
          next &&
          adjacent(w, next) &&
          !stop.has(bareWord(next.text)) &&
          !isVerbLike(bareWord(next.text)) &&
          !/ly$/.test(next.text);
        let entity: string | null = null;
        if (STATE_HEADS.has(bare) && !capitalized(w.text)) {
          entity = owner
            ? stateOfPerson(owner)
            : (before(paragraph.n, w.start, (m) => isCountry(entityOf(m.entity)))?.entity ?? null);
          // "the state" after a region names the region's state, not a country.
          if (entity && bare === "state") {
            const last = before(paragraph.n, w.start, (m) => entityOf(m.entity)?.type === "place");
            if (last && last.entity !== entity) entity = null;
          }
        } else if (COMPASS.has(bare) && capitalized(w.text) && !owner && modifiers === 0) {
          entity =
            before(paragraph.n, w.start, (m) => {
              const e = entityOf(m.entity);
              return isCountry(e) && e!.name.toLowerCase().split(/\s+/).includes(bare);
            })?.entity ?? null;
        } else if (!owner && !capitalized(w.text) && ORG_HEADS.has(bare)) {
          entity =
            before(paragraph.n, w.start, (m) => {
              const e = entityOf(m.entity);
              return e?.type === "organization" && nameHead(e.name) === bare;
            })?.entity ?? null;
        }
        if (!entity) {
          if (capitalized(w.text) || owner) break;
          modifiers++;
          continue;
        }
        let end = w.end - (possessive(w.text) ? 2 : w.text.endsWith(".") ? 1 : 0);
        if (compound) {
          // "the administration officials" still name the state; "the state media" do not.
          if (!AGENT_HEADS.has(bareWord(next.text)) || !STATE_HEADS.has(bare)) break;
          end = next.end - (possessive(next.text) ? 2 : next.text.endsWith(".") ? 1 : 0);
        } else if (next && adjacent(w, next) && capitalized(next.text)) break;
        found = { entity, end };
      }
      if (!found) continue;
      const start = words[i]!.start;
      if (taken(paragraph.n, start, found.end)) continue;
      out.push({
        entity: found.entity,
        paragraph: paragraph.n,
        start,
        end: found.end,
        text: collapse(text.slice(start, found.end)),
        bare: false,
        name: "",
      });
    }
  }
  return out;
}
