import { cleanText } from "./blocks";
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
  "bin",
  "al",
  "la",
  "le",
]);
const MAX_NAME_WORDS = 10;
// Ten names and a date fit easily; longer lines are body text and are not worth splitting.
const MAX_BYLINE_CHARS = 300;

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
