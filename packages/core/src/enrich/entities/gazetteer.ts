import type { EntityType } from "../../schemas/enrichment";
import { COUNTRY_ROWS } from "./data/countries";
import { KNOWN_ORG_ROWS, SEATS_OF_GOVERNMENT } from "./data/orgs";
import { CITY_ROWS, REGION_DEMONYMS, REGION_ROWS } from "./data/places";
import { isAcronym, nameKey, slugify } from "./text";

export type PlaceKind = "country" | "city" | "region" | "other";

/** What a known name stands for. */
export interface GazetteerEntry {
  slug: string;
  /** The canonical name ("United States"), not the form matched. */
  name: string;
  type: EntityType;
  placeKind: PlaceKind | null;
  form: "name" | "demonym" | "acronym";
  /** For capitals: the country they can stand for; for seats of government, always used so. */
  capitalOf: string | null;
  seat: boolean;
}

const entries = new Map<string, GazetteerEntry>();
const caseSensitive = new Set<string>();
let longest = 1;

function add(surface: string, entry: GazetteerEntry): void {
  const key = nameKey(surface);
  if (!key || entries.has(key)) return;
  entries.set(key, entry);
  if (isAcronym(surface.replace(/-/g, ""))) caseSensitive.add(key);
  longest = Math.max(longest, key.split(" ").length);
}

/** "American" → "Americans"; "Chinese", "Swiss", "British" have no plural form of their own. */
function plural(demonym: string): string | null {
  if (/(?:ese|ss|sh|ch|[sxz]|Thai)$/.test(demonym)) return null;
  return `${demonym}s`;
}

for (const row of COUNTRY_ROWS) {
  const [slug = "", names = "", demonyms = "", capitals = "", flag] = row.split(";");
  const all = names.split("|");
  const name = all[0]!;
  const isOrg = flag === "o";
  const base = {
    slug,
    name,
    type: (isOrg ? "organization" : "place") as EntityType,
    placeKind: isOrg ? null : flag === "r" ? ("region" as const) : ("country" as const),
    capitalOf: null,
    seat: false,
  };
  for (const alias of all) add(alias, { ...base, form: isAcronym(alias) ? "acronym" : "name" });
  for (const demonym of demonyms.split("|").filter(Boolean)) {
    add(demonym, { ...base, form: "demonym" });
    const many = plural(demonym);
    if (many) add(many, { ...base, form: "demonym" });
  }
  for (const capital of capitals.split("|").filter(Boolean)) {
    const spellings = capital.split("=");
    for (const city of spellings) {
      add(city, {
        slug: slugify(spellings[0]!),
        name: spellings[0]!,
        type: "place",
        placeKind: "city",
        form: isAcronym(city) ? "acronym" : "name",
        capitalOf: isOrg ? null : slug,
        seat: false,
      });
    }
  }
}

for (const row of CITY_ROWS) {
  const [places = ""] = row.split(":");
  for (const place of places.split("|")) {
    const names = place.split("=");
    const entry = {
      slug: slugify(names[0]!),
      name: names[0]!,
      type: "place" as const,
      placeKind: "city" as const,
      form: "name" as const,
      capitalOf: null,
      seat: false,
    };
    for (const name of names) add(name, entry);
  }
}

for (const row of REGION_ROWS) {
  for (const region of row.split("|")) {
    const names = region.split("=");
    const name = names[0]!.replace(/^the /, "");
    const entry = {
      slug: slugify(name),
      name,
      type: "place" as const,
      placeKind: "region" as const,
      form: "name" as const,
      capitalOf: null,
      seat: false,
    };
    for (const alias of names) add(alias.replace(/^the /, ""), entry);
  }
}

for (const [demonym, region] of REGION_DEMONYMS) {
  const entry = entries.get(nameKey(region));
  if (entry) add(demonym, { ...entry, form: "demonym" });
}

for (const row of KNOWN_ORG_ROWS) {
  const [names = "", type = "organization"] = row.split(":");
  const all = names.split("=");
  const name = all[0]!;
  const slug = slugify(name);
  const seat = SEATS_OF_GOVERNMENT.get(name);
  for (const alias of all) {
    add(alias, {
      slug,
      name,
      type: type as EntityType,
      placeKind: null,
      form: isAcronym(alias) ? "acronym" : "name",
      capitalOf: seat ?? null,
      seat: seat !== undefined,
    });
  }
}

for (const [name, country] of SEATS_OF_GOVERNMENT) {
  const known = entries.get(nameKey(name));
  if (known) {
    if (known.type === "place" && known.placeKind === "city") known.capitalOf = country;
    continue;
  }
  add(name, {
    slug: slugify(name),
    name,
    type: "organization",
    placeKind: null,
    form: "name",
    capitalOf: country,
    seat: true,
  });
}

/** Longest number of words in a known name: how far a match is tried from each token. */
export const GAZETTEER_SPAN = longest;

/** The entry for a name as written (any case for words, exact capitals for acronyms: "US" but not "Us"). */
export function lookupPlace(surface: string): GazetteerEntry | null {
  const key = nameKey(surface);
  const entry = entries.get(key);
  if (!entry) return null;
  if (caseSensitive.has(key) && !isAcronym(surface.replace(/[\s-]/g, ""))) return null;
  return entry;
}

/** Country or organisation names by slug, to name an entity whose text only had a variant. */
export function canonicalName(slug: string): string | null {
  for (const entry of entries.values()) if (entry.slug === slug) return entry.name;
  return null;
}
