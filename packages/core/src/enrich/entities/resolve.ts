import type { EntityType } from "../../schemas/enrichment";
import { abbreviates } from "./acronyms";
import { ORG_HEADS } from "./data/lexicon";
import type { GazetteerEntry, PlaceKind } from "./gazetteer";
import { nameParts, personSlug } from "./person-names";
import { isAcronym, isCommonWord, nameKey, slugify } from "./text";
import type { Candidate } from "./types";

/** One entity of the article as resolution builds it: its mentions and what it knows of its names. */
export interface Cluster {
  slug: string;
  name: string;
  type: EntityType;
  placeKind: PlaceKind | null;
  entry: GazetteerEntry | null;
  members: Candidate[];
  /** Name parts of persons ("takaichi", "sanae"); distinctive words of other names ("murata", "ishin"). */
  parts: Set<string>;
}

// Company forms that vary between mentions of one company ("Hitachi Ltd." / "Hitachi").
const COMPANY_FORMS = /(?:,?\s+(?:corp|inc|ltd|co|llc|plc|ag|gmbh|nv|sa|holdings)\.?)+$/i;
const orgKey = (text: string) => nameKey(text.replace(/\./g, "").replace(COMPANY_FORMS, ""));

const distinctive = (text: string): string[] =>
  nameParts(text.replace(COMPANY_FORMS, "")).filter(
    (w) => w.length > 2 && !isCommonWord(w) && !ORG_HEADS.has(w) && !/^(?:of|for|and|the|no|de)$/.test(w),
  );

/** Groups an article's candidates into entities: known names by slug, names by their parts, short forms to long. */
export function resolveCandidates(
  candidates: readonly Candidate[],
  paragraphs: ReadonlyMap<number, string>,
): Cluster[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const assigned = new Map<Candidate, Cluster>();
  // Clusters by name part, so short forms are looked up, not searched for (texts with thousands of names).
  const byPart = new Map<string, Cluster[]>();
  const open = (c: Candidate, type: EntityType, key: string): Cluster => {
    const cluster: Cluster = {
      slug: "",
      name: c.text,
      type,
      placeKind: c.entry?.placeKind ?? (type === "place" ? (c.placeKind ?? "other") : null),
      entry: c.entry,
      members: [],
      parts: new Set(),
    };
    clusters.push(cluster);
    byKey.set(key, cluster);
    return cluster;
  };
  const join = (cluster: Cluster, c: Candidate) => {
    cluster.members.push(c);
    assigned.set(c, cluster);
    const key = cluster.type === "person" || c.entry ? nameKey(c.text) : orgKey(c.text);
    byKey.set(`${cluster.type}:${key}`, cluster);
    byKey.set(`any:${key}`, cluster);
    if (c.entry || c.form === "acronym") return;
    const words = c.text.split(/\s+/);
    if (words.length < 2) return;
    for (const p of cluster.type === "person" ? nameParts(c.text) : distinctive(c.text)) {
      if (cluster.parts.has(p)) continue;
      cluster.parts.add(p);
      byPart.set(p, [...(byPart.get(p) ?? []), cluster]);
    }
  };

  // 1. Known names, by slug.
  for (const c of candidates) {
    if (!c.entry) continue;
    const key = `slug:${c.entry.slug}`;
    join(byKey.get(key) ?? open(c, c.entry.type, key), c);
  }

  // 2. Full names: persons by their set of name parts (either order), others by their words.
  const consumed = new Set<Candidate>();
  const multi = splitRunTogether(
    candidates.filter((c) => !c.entry && !c.weak && c.form !== "acronym" && /\s/.test(c.text)),
    candidates,
    consumed,
  );
  // Longest names first; the part counts are worked out once per name, not in every comparison.
  const partCount = new Map(multi.map((c) => [c, nameParts(c.text).length]));
  multi.sort((a, b) => partCount.get(b)! - partCount.get(a)!);
  for (const c of multi) {
    const type = c.type ?? "organization";
    if (type === "person") {
      const parts = nameParts(c.text);
      // A shorter form joins a fuller one ("Donald Trump" ~ "Donald J. Trump"), but a son is not his father.
      const found = (byPart.get(parts[0]!) ?? []).find((k) => k.type === "person" && isFormOf(parts, k));
      const key = `person:${[...parts].sort().join(" ")}`;
      join(found ?? byKey.get(key) ?? open(c, "person", key), c);
      continue;
    }
    const key = `${type}:${orgKey(c.text)}`;
    join(byKey.get(key) ?? open(c, type, key), c);
  }

  // 3. Acronyms: defined in the text ("Long Name (ACR)"), or spelling out a long name of the article.
  const longForms = new Map<string, Cluster[]>();
  for (const k of clusters) {
    if (k.type === "person" || k.type === "place" || k.entry || !/\s/.test(k.name)) continue;
    const initial = k.name.replace(/^The\s+/, "")[0]!.toLowerCase();
    longForms.set(initial, [...(longForms.get(initial) ?? []), k]);
  }
  for (const [i, c] of candidates.entries()) {
    if (c.entry || c.form !== "acronym" || c.weak) continue;
    const defined = definedBy(candidates, i, paragraphs);
    const target =
      (defined && assigned.get(defined)) ??
      byKey.get(`any:${nameKey(c.text)}`) ??
      longForms.get(c.text[0]!.toLowerCase())?.find((k) => abbreviates(c.text, k.name));
    join(target ?? open(c, "organization", `organization:${nameKey(c.text)}`), c);
  }

  // 4. Short forms, then weak names: only to what the article has established, or alone if strong.
  // Names with a person cue first ("Prime Minister Takaichi"), so "the Takaichi administration" before it finds him.
  const order = [...candidates.entries()];
  const rank = ([, c]: [number, Candidate]) => (c.weak ? 2 : c.person ? 0 : 1);
  for (const [i, c] of order.sort((a, b) => rank(a) - rank(b) || a[0] - b[0])) {
    if (c.entry || assigned.has(c) || consumed.has(c)) continue;
    const clusterAt = (j: number) => assigned.get(candidates[j]!);
    const target = shortFormTarget(byPart, byKey, c, clusterAt, i);
    if (target) {
      join(target, c);
      continue;
    }
    // "Trump-Abe summit", "Kim-Trump talks": two names the article knows, joined by a hyphen.
    const pieces = compoundParts(c);
    const targets = pieces.map((p) => shortFormTarget(byPart, byKey, p, clusterAt, i));
    if (pieces.length > 1 && targets.every((k) => k !== undefined)) {
      for (const [k, p] of pieces.entries()) join(targets[k]!, p);
      continue;
    }
    if (c.weak) continue;
    const type = c.type ?? (isAcronym(c.text) || c.determiner ? "organization" : "person");
    const key = `${type}:${type === "person" ? nameKey(c.text) : orgKey(c.text)}`;
    join(byKey.get(key) ?? open(c, type, key), c);
  }

  for (const cluster of clusters) {
    cluster.members.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start);
    name(cluster);
  }
  return clusters.filter((k) => k.members.length > 0);
}

/**
 * Whether a person's name parts are a form of a fuller name: the same parts in any order ("Sanae Takaichi" ~
 * "Takaichi Sanae"), or the same first and last parts ("Sarah Sanders" ~ "Sarah Huckabee Sanders"). A son is
 * not his father ("Jr.").
 */
function isFormOf(parts: readonly string[], k: Cluster): boolean {
  if (k.parts.size === 0 || !parts.every((p) => k.parts.has(p))) return false;
  // Distinct texts only: a name repeated a thousand times would otherwise be re-split for every other mention.
  const full = [...new Set(k.members.map((m) => m.text))]
    .map(nameParts)
    .reduce((a, b) => (b.length > a.length ? b : a), []);
  const generation = (list: readonly string[]) => list.filter((p) => p === "jr" || p === "sr").join();
  if (generation(full) !== generation(parts)) return false;
  return parts.length === full.length || (parts[0] === full[0] && parts.at(-1) === full.at(-1));
}

/**
 * Headlines run names together ("meet with PM Theresa May Trump, May reaffirm …"): a name of three or more words
 * whose first words are a name the article writes alone and whose last word stands alone elsewhere is two names.
 */
function splitRunTogether(
  multi: Candidate[],
  all: readonly Candidate[],
  consumed: Set<Candidate>,
): Candidate[] {
  const texts = new Set(all.map((c) => c.text));
  return multi.flatMap((c) => {
    const words = c.text.split(/\s+/);
    const head = words.slice(0, -1).join(" ");
    const last = words.at(-1)!;
    if (words.length < 3 || !texts.has(head) || all.filter((o) => o.text === last).length < 2) return [c];
    consumed.add(c);
    const cut = c.start + head.length;
    const tailStart = c.start + c.text.lastIndexOf(last);
    return [
      { ...c, end: cut, text: head },
      { ...c, start: tailStart, text: last, role: null, weak: true },
    ];
  });
}

function compoundParts(c: Candidate): Candidate[] {
  if (/\s/.test(c.text) || !/\p{Lu}[\p{L}.]*[-‐]\p{Lu}/u.test(c.text)) return [];
  const out: Candidate[] = [];
  for (const m of c.text.matchAll(/[^-‐]+/g)) {
    const start = c.start + m.index;
    out.push({ ...c, start, end: start + m[0].length, text: m[0], weak: true, person: null });
  }
  return out;
}

/** "Asia Pacific Economic Cooperation (APEC)" or "APEC (Asia Pacific Economic Cooperation)". */
function definedBy(
  candidates: readonly Candidate[],
  i: number,
  paragraphs: ReadonlyMap<number, string>,
): Candidate | null {
  const c = candidates[i]!;
  for (const other of [candidates[i - 1], candidates[i + 1]]) {
    if (!other || other.paragraph !== c.paragraph || other.form === "acronym") continue;
    const [a, b] = other.start < c.start ? [other, c] : [c, other];
    const gap = paragraphs.get(a.paragraph)?.slice(a.end, b.start) ?? null;
    if (gap !== null && /^\s*\(\s*$/.test(gap) && abbreviates(c.text, other.text)) return other;
  }
  return null;
}

function shortFormTarget(
  byPart: ReadonlyMap<string, Cluster[]>,
  byKey: ReadonlyMap<string, Cluster>,
  c: Candidate,
  clusterAt: (index: number) => Cluster | undefined,
  index: number,
): Cluster | undefined {
  const exact = byKey.get(`any:${nameKey(c.text)}`) ?? byKey.get(`any:${orgKey(c.text)}`);
  if (exact) return exact;
  const parts = nameParts(c.text);
  if (parts.length === 0 || parts.length > 2) return undefined;
  const holders = byPart.get(parts[0]!) ?? [];
  const persons = holders.filter((k) => k.type === "person" && parts.every((p) => k.parts.has(p)));
  if (persons.length === 1) return persons[0];
  if (persons.length > 1) return nearestBefore(persons, clusterAt, index);
  if (c.person) return undefined;
  const others = holders.filter((k) => k.type !== "person" && parts.every((p) => k.parts.has(p)));
  return others.length === 1 ? others[0] : undefined;
}

/**
 * Of several persons sharing a name part ("Trump": Donald, Melania, Donald Jr.), the one the text names most —
 * a bare surname is the story's main bearer of it — and on a tie the one named last before this mention.
 */
function nearestBefore(options: Cluster[], clusterAt: (index: number) => Cluster | undefined, index: number) {
  const most = Math.max(...options.map((k) => k.members.length));
  const leaders = options.filter((k) => k.members.length === most);
  if (leaders.length === 1) return leaders[0]!;
  for (let j = index - 1; j >= 0; j--) {
    const hit = clusterAt(j);
    if (hit && leaders.includes(hit)) return hit;
  }
  return leaders[0]!;
}

/** A name with no Latin letters ("Путин") still needs a stable slug: a hash of its text. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text.normalize("NFC")) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** The canonical name and slug: the fullest form written, or the gazetteer's name. */
function name(cluster: Cluster): void {
  if (cluster.entry) {
    cluster.name = cluster.entry.name;
    cluster.slug = cluster.entry.slug;
    return;
  }
  const names = cluster.members.filter((m) => m.form !== "acronym" && m.form !== "demonym");
  const pool = names.length ? names : cluster.members;
  const counts = new Map<string, number>();
  for (const m of pool) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const best = [...counts.keys()].reduce((a, b) => {
    const score = (t: string) => nameParts(t).length * 1000 + counts.get(t)!;
    return score(b) > score(a) ? b : a;
  });
  cluster.name = best.replace(/^The\s+/, "");
  const slugged =
    cluster.type === "person" ? personSlug(cluster.name) : slugify(cluster.name.replace(COMPANY_FORMS, ""));
  cluster.slug = slugged || slugify(cluster.name) || `name-${fnv1a(cluster.name)}`;
}
