import { cleanText } from "./blocks";
import { monthNumber } from "./date-words";
import { matchLeadingDate } from "./dates";

const NAME_CONNECTORS = new Set([
  "and",
  "de",
  "da",
  "di",
  "del",
  "van",
  "von",
  "der",
  "den",
  "bin",
  "al",
  "la",
  "le",
  "dos",
  "das",
  "du",
  "ter",
  "ten",
]);
const MAX_NAME_WORDS = 10;
// Ten names and a date fit easily; longer lines are body text and are not worth splitting.
const MAX_BYLINE_CHARS = 300;
const MAX_AUTHORS = 10;

/** "Jane Doe", "Jane Doe and John Roe", "Jane Doe, Reuters": capitalized words and name particles only. */
export function looksLikeNames(text: string): boolean {
  const tokens = text.split(/,? /);
  if (tokens.length > MAX_NAME_WORDS || !/^\p{Lu}/u.test(tokens[0] ?? "")) return false;
  return tokens.every((token) => /^\p{Lu}/u.test(token) || NAME_CONNECTORS.has(token));
}

/**
 * A byline line: "By Jane Doe", "By Jane Doe | March 12, 2026". The names, and the date when one follows.
 * "By contrast, the…" fails the names test, so body sentences starting with "By" are left alone.
 */
export function parseByline(line: string): { name: string; date: string | null } | null {
  if (line.length > MAX_BYLINE_CHARS) return null;
  const m = /^(?:[Bb]y|BY):? (.+)$/.exec(line);
  if (!m) return null;
  const [namePart = "", ...others] = m[1]!.split(/ [|·•] | [-–—] /);
  const name = namePart.replace(/[,;]$/, "");
  if (!looksLikeNames(name)) return null;
  let date: string | null = null;
  for (const part of others) {
    const found = matchLeadingDate(part);
    if (found && !found.rest && !found.updated) date ??= found.iso;
  }
  return { name, date };
}

/** A byline from metadata: "By " dropped, URLs (some CMSes put a profile link in meta author) refused. */
export function cleanByline(value: string | null | undefined): string | null {
  const text = cleanText(value ?? "").slice(0, 300);
  if (!text || /^(?:https?:|www\.)/i.test(text)) return null;
  return text.replace(/^by:? /i, "") || null;
}

// "By", "Von", "Par", "Por", "Di", "Door", "Av", "Автор" and a colon: the word that introduces the names.
const BY_PREFIX =
  /^(?:by|von|par|por|di|door|av|af|autor(?:in)?|author|auteur|text|texto|testo|автор|작성자|記者|文)\s*[:：]?\s+/i;
// Between two names: "and", "&", "und", "et", "y", "e", "en", "и", "、", a comma or a semicolon.
const NAME_SEPARATOR = /\s*(?:,|;|&|、|\s(?:and|und|et|y|e|en|och|og|i|и)\s)\s*/i;
const NOT_A_NAME =
  /(?:https?:|www\.|@|\d|\b(?:updated?|published|posted|min(?:ute)?s? read|comments?|share|follow|photo|staff|editor|redaktion|newsroom|team|admin|administrator|no author|unknown|anonymous|gmbh|inc|ltd|llc|veröffentlicht|aktualisiert|erstellt|publié|publicado|pubblicato)\b)/iu;

/** One person's name: one to five words, each capitalized or a particle ("Anna de Vries", "J. R. Tolkien"). */
function looksLikeName(text: string): boolean {
  if (text.length < 2 || text.length > 60 || NOT_A_NAME.test(text) || monthNumber(text) !== null)
    return false;
  const words = text.split(" ");
  if (words.length > 5) return false;
  // Scripts without case (CJK, Arabic, Hebrew…) have no capital letters to check.
  if (!/[\p{Lu}\p{Ll}]/u.test(text)) return /\p{L}/u.test(text);
  return (
    /^\p{Lu}/u.test(words[0]!) &&
    words.every((word) => /^[\p{Lu}\p{Lo}]/u.test(word) || NAME_CONNECTORS.has(word.toLowerCase()))
  );
}

/**
 * The people a byline or an author field names: "By Jane Doe and John Roe" → ["Jane Doe", "John Roe"].
 * Whatever follows the names (a date, "| Reuters", a job title after a dash) is cut first.
 */
export function splitAuthors(value: string | null | undefined): string[] {
  const text = cleanText(value ?? "").slice(0, MAX_BYLINE_CHARS);
  if (!text || /^(?:https?:|www\.)/i.test(text)) return [];
  const names = text
    .replace(BY_PREFIX, "")
    .split(/\s[|·•]\s|\s[-–—]\s|\s(?:am|on|le|el|il|op|den)\s+\d|\s\d/)[0]!
    .replace(/^(?:by|von|par|por)\s+/i, "");
  const parts = names
    .split(NAME_SEPARATOR)
    .map((name) =>
      name
        .replace(/^(?:by|and)\s+/i, "")
        .replace(/[.,;:]+$/, "")
        .trim(),
    )
    .filter((name) => name.length > 0);
  // One part that is no name means the value is not a list of names ("Ministerium für Wirtschaft und
  // Klimaschutz"); a one-word part after a full name is a place or an agency ("Jane Doe, Berlin").
  if (!parts.every(looksLikeName)) return [];
  const fullNames = parts.some((name) => name.includes(" "));
  return parts.filter((name, index) => index === 0 || !fullNames || name.includes(" "));
}

/** Where a page names its authors, most reliable first; the first source that yields a name wins. */
export interface AuthorSources {
  structured: readonly string[];
  meta: readonly (string | null | undefined)[];
  markup: readonly string[];
  bylines: readonly string[];
}

export function authorsFrom(sources: AuthorSources): string[] {
  const lists = [
    sources.structured.flatMap((name) => splitAuthors(name)),
    ...sources.meta.map(splitAuthors),
    sources.markup.flatMap((name) => splitAuthors(name)),
    ...sources.bylines.map(splitAuthors),
  ];
  const found = lists.find((list) => list.length > 0) ?? [];
  return [...new Set(found)].slice(0, MAX_AUTHORS);
}
