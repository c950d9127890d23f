import type { EntityType } from "../../schemas/enrichment";
import type { GazetteerEntry, PlaceKind } from "./gazetteer";

export interface TextSpan {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** How sure the text makes us that a name is a person. */
export type PersonCue = "honorific" | "role" | "speech" | null;

/** A name as found in one place of the text, before it is resolved to an entity. */
export interface Candidate extends TextSpan {
  /** Running number of the sentence in the article: for proximity and context. */
  sentence: number;
  /** A known name: country, city, region, demonym, well-known institution. */
  entry: GazetteerEntry | null;
  /** The type the text gives an unknown name, null when it gives none. */
  type: EntityType | null;
  placeKind: PlaceKind | null;
  form: "name" | "demonym" | "acronym";
  person: PersonCue;
  /** A title or role written before the name ("Economy Minister", "Canadian Prime Minister"). */
  role: TextSpan | null;
  /** Capitalized only by position or typography: kept only if it names something the text establishes. */
  weak: boolean;
  /** Preceded by "in"/"at"/"near": a place when nothing else decides. */
  locative: boolean;
  /** Preceded by "the" ("the Keidanren business lobby"): an organisation, not a person, when nothing else decides. */
  determiner: boolean;
}
