import { comparableUrl, domainOf } from "../url/canonical";

/**
 * The canonical URL: the one the document names (canonical link, og:url) resolved against the page's URL, else
 * the page's URL itself, both in the form the rest of Parallax compares and stores (see ../url).
 */
export function canonicalUrl(declared: string | null, pageUrl: string | null): string | null {
  const resolved = declared ? comparableUrl(declared, pageUrl ?? undefined) : null;
  return resolved ?? (pageUrl ? comparableUrl(pageUrl) : null);
}

/** The name to show for an outlet when neither the caller nor the document names one: its domain. */
export function siteNameFromUrl(url: string | null): string | null {
  return url ? domainOf(url) : null;
}
