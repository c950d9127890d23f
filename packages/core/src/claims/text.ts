import { porterStep1 } from "../cluster/stem";
import { stopwordsFor } from "../cluster/stopwords";
import { lookupPlace } from "../enrich/entities/gazetteer";
import { tokenSpans } from "../enrich/text/tokens";

/**
 * Paraphrases that news copy swaps freely and a stemmer cannot join (derivations and near-synonyms): "a summit"
 * / "talks" / "to meet", "pledge" / "commitment", "investment" / "invest". Small on purpose: each entry must
 * keep the meaning of a factual claim, so "win"/"lead" or "said"/"claimed" are not here.
 */
const PARAPHRASE_TABLE: Record<string, string> = {
  summit: "meet",
  meet: "meet",
  meeting: "meet",
  met: "meet",
  talk: "meet",
  pledg: "pledge",
  pledge: "pledge",
  commitment: "pledge",
  commit: "pledge",
  promis: "pledge",
  promise: "pledge",
  investment: "invest",
  invest: "invest",
  investor: "invest",
  victory: "win",
  won: "win",
  win: "win",
  landslid: "win",
  landslide: "win",
  trip: "visit",
  visit: "visit",
  travel: "visit",
  criticiz: "criticize",
  criticis: "criticize",
  criticism: "criticize",
  critic: "criticize",
  condemn: "criticize",
  administration: "government",
  government: "government",
  lawsuit: "sue",
  sue: "sue",
  agreement: "deal",
  deal: "deal",
  pact: "deal",
  election: "election",
  elect: "election",
  electoral: "election",
  vote: "election",
  parliamentary: "parliament",
  parliament: "parliament",
  legislature: "parliament",
  congress: "parliament",
  congressional: "parliament",
  tension: "tension",
  tense: "tension",
  strain: "tension",
  announc: "announce",
  announce: "announce",
  announcement: "announce",
  sanction: "sanction",
  tariff: "tariff",
  levy: "tariff",
};

// A Map, not the object: "constructor" and "toString" are words too.
const PARAPHRASES = new Map(Object.entries(PARAPHRASE_TABLE));

/** A word's stem: Porter step 1, a trailing "e" dropped ("balance" ~ "balancing"), then the paraphrase table. */
export function stemWord(word: string): string {
  const stem = porterStep1(word);
  const bare = stem.length > 4 && stem.endsWith("e") ? stem.slice(0, -1) : stem;
  return PARAPHRASES.get(word) ?? PARAPHRASES.get(stem) ?? PARAPHRASES.get(bare) ?? bare;
}

// Function words the shared list lacks; "US" the country is caught before this, by its capitals.
const MORE_STOPWORDS = new Set(["us", "since", "yet", "also", "however", "although", "though", "whether"]);

/** Content words: not a stopword, not a lone letter or digit (a date's "19" stays, "a" and "3" go). */
function isContentWord(term: string, stop: ReadonlySet<string>): boolean {
  if (stop.has(term) || MORE_STOPWORDS.has(term)) return false;
  return term.length > 1 || /^\p{Script=Han}$/u.test(term);
}

export interface ContentWords {
  /** Content words in order, as tokenized (a country's name as one token, its slug with an "@"). */
  tokens: string[];
  /**
   * Distinct stems of the content words; a hyphenated compound stands as its parts ("ldp-ishin" → ldp, ishin),
   * and every way of naming a country is one stem ("U.S.", "US", "United States", "American" → "@united-states").
   */
  stems: string[];
}

// Longest country name tried, in words ("Democratic Republic of the Congo" is rare enough to miss).
const COUNTRY_SPAN = 4;

/**
 * A country named by the surface text (name, acronym, demonym, or its capital: news writes "Beijing said" for
 * China's government), as the gazetteer knows it.
 */
function countryOf(surface: string): string | null {
  if (!/^\p{Lu}/u.test(surface)) return null;
  let found = countries.get(surface);
  if (found === undefined) {
    const entry = lookupPlace(surface);
    found = !entry
      ? null
      : entry.type === "place" && entry.placeKind === "country"
        ? `@${entry.slug}`
        : entry.capitalOf
          ? `@${entry.capitalOf}`
          : null;
    // Bounded: a long-running worker sees endless capitalized phrases.
    if (countries.size > 50_000) countries.clear();
    countries.set(surface, found);
  }
  return found;
}
const countries = new Map<string, string | null>();

// The same sentences are read for claims, support passages and titles; a bounded memo saves re-tokenizing them.
const memo = new Map<string, ContentWords>();

/** The content words and stems of a text; the same function serves claims, support checks and titles. */
export function contentStems(text: string, language?: string | null): ContentWords {
  const key = `${language ?? ""}\u0000${text}`;
  const known = memo.get(key);
  if (known) return { tokens: [...known.tokens], stems: [...known.stems] };
  const found = readContentStems(text, language);
  if (memo.size > 20_000) memo.clear();
  memo.set(key, found);
  return { tokens: [...found.tokens], stems: [...found.stems] };
}

function readContentStems(text: string, language?: string | null): ContentWords {
  const stop = stopwordsFor(language);
  const tokens: string[] = [];
  const stems = new Set<string>();
  const spans = tokenSpans(text, language);
  for (let i = 0; i < spans.length; i++) {
    let country: string | null = null;
    let width = 0;
    for (let len = Math.min(COUNTRY_SPAN, spans.length - i); len >= 1 && !country; len--) {
      // Country names end in a capitalized word ("Republic of Korea"); a window ending lower case names none.
      if (len > 1 && !/^\p{Lu}/u.test(text[spans[i + len - 1]!.start] ?? "")) continue;
      const surface = text.slice(spans[i]!.start, spans[i + len - 1]!.end).replace(/['’]s$/u, "");
      if (/[.!?;:,]\s/.test(surface)) continue;
      country = countryOf(surface);
      width = len;
    }
    if (country) {
      tokens.push(country);
      stems.add(country);
      i += width - 1;
      continue;
    }
    const { term, start, end } = spans[i]!;
    if (/[-‐]/.test(term)) {
      // "Japan-US", "U.S.-Japan": each part may name a country.
      const raw = text.slice(start, end).split(/[-‐]/);
      const parts = term.split(/[-‐]/);
      const named = raw.map((part) => countryOf(part.replace(/['’]s$/u, "")));
      if (named.some(Boolean)) {
        parts.forEach((part, k) => {
          const slug = named[k];
          if (slug) stems.add(slug);
          else if (isContentWord(part, stop)) stems.add(stemWord(part));
        });
        tokens.push(term);
        continue;
      }
    }
    if (!isContentWord(term, stop)) continue;
    tokens.push(term);
    // A compound counts by its parts ("two-thirds" → two, third): the whole again would weigh it twice.
    const parts = /[-‐]/.test(term) ? term.split(/[-‐]/).filter((part) => isContentWord(part, stop)) : [];
    if (parts.length === 0) stems.add(stemWord(term));
    for (const part of parts) stems.add(stemWord(part));
  }
  return { tokens, stems: [...stems] };
}
