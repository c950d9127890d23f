import type { Genre } from "../schemas/article";

/** Sections compare case-insensitively, ignoring spacing and surrounding punctuation ("Opinion " = "opinion"). */
function normalizeSection(value: string): string {
  return value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^[\s\-–—|:/]+|[\s\-–—|:/]+$/g, "");
}

function pathOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return decodeURIComponent(new URL(url).pathname).toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Whether an article is in one of its outlet's opinion sections. An entry starting with "/" is a URL path
 * prefix ("/opinion/", "/commentisfree"); any other entry is a section name, matched against the article's
 * section ("Commentary", "Op-Ed").
 */
export function inOpinionSection(
  article: { section: string | null | undefined; url: string | null | undefined },
  opinionSections: readonly string[],
): boolean {
  if (opinionSections.length === 0) return false;
  const section = article.section ? normalizeSection(article.section) : null;
  const path = pathOf(article.url);
  return opinionSections.some((entry) => {
    const trimmed = entry.trim();
    if (!trimmed) return false;
    if (trimmed.startsWith("/")) {
      if (!path) return false;
      const prefix = trimmed.toLowerCase();
      // "/opinion" matches "/opinion/…" and "/opinion" but not "/opinions-poll/…".
      return prefix.endsWith("/")
        ? path.startsWith(prefix)
        : path === prefix || path.startsWith(`${prefix}/`);
    }
    return section !== null && section === normalizeSection(trimmed);
  });
}

/**
 * The genre briefings and comparisons read: the outlet's opinion sections are the editors' own word on what
 * is opinion, so they override what the page or the text suggested.
 */
export function genreWithOutletSections(
  genre: Genre | null,
  article: { section: string | null | undefined; url: string | null | undefined },
  opinionSections: readonly string[],
): Genre | null {
  return inOpinionSection(article, opinionSections) ? "opinion" : genre;
}
