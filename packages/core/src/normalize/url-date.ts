import { isoDay } from "./dates";

// Years a news URL can carry: the web's publishing era, up to a bound far enough ahead not to age.
const YEAR = "(199\\d|20[0-4]\\d)";
const MONTH = "(0?[1-9]|1[0-2])";
const DAY = "(0?[1-9]|[12]\\d|3[01])";

// /2016/12/23/, -2016-12-23-, _2016_12_23; the separators must agree, so /2016/12-23 is not a date, and a
// slashed day ends its path segment: in /2012/10/02-innovation the "02" starts a slug under a monthly archive.
const YEAR_FIRST = new RegExp(
  `(?<![\\p{N}])${YEAR}(?:(/)${MONTH}/${DAY}(?=[/.?#]|$)|([_-])${MONTH}\\5${DAY}(?![\\p{N}]))`,
  "u",
);
// /20161223-title: eight digits standing alone (a longer run is an id or a crawl timestamp).
const COMPACT = new RegExp(
  `(?<![\\p{L}\\p{N}])${YEAR}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?![\\p{N}])`,
  "u",
);
// /29-10-2021, ~02-01-2022-title: day first, as the sites that write dates this way do.
const DAY_FIRST = new RegExp(`(?<![\\p{N}])${DAY}([-_.])${MONTH}\\2${YEAR}(?![\\p{N}])`, "u");
const YEAR_MONTH = new RegExp(`/${YEAR}/(0[1-9]|1[0-2])/`);

/**
 * The part of a URL that is the page's own address: the web archive's "/web/20110106023242/" prefix is the
 * crawl time, not the article's, and the host never carries a date.
 */
function pathOf(url: string): string | null {
  const unwrapped = url.replace(/^https?:\/\/web\.archive\.org\/web\/\d+[a-z_]*\//i, "");
  const m = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/?#]*(.*)$/i.exec(unwrapped.trim().slice(0, 2048));
  return m ? m[1]! : null;
}

/**
 * The publication day a URL spells out in full (/2016/12/23/, /20161223-…, -2016-12-23-, /23-12-2016), as
 * midnight UTC; null when the URL has no complete date. Partial dates (/2016/12/) are not days: see
 * monthFromUrl.
 */
export function dateFromUrl(url: string | null | undefined): string | null {
  const path = url ? pathOf(url) : null;
  if (!path) return null;
  let m = YEAR_FIRST.exec(path);
  if (m) return isoDay(Number(m[1]), Number(m[3] ?? m[6]), Number(m[4] ?? m[7]));
  m = COMPACT.exec(path);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(path);
  if (m) return isoDay(Number(m[4]), Number(m[3]), Number(m[1]));
  return null;
}

/** "2016-12" from /2016/12/slug: not a day, but it tells which of a page's dates can be the right one. */
export function monthFromUrl(url: string | null | undefined): string | null {
  const path = url ? pathOf(url) : null;
  const m = path ? YEAR_MONTH.exec(path) : null;
  return m ? `${m[1]}-${m[2]}` : null;
}

/**
 * The page's own date reconciled with the date in its URL: a complete URL date is the publication day on
 * nearly every site that writes one, so it wins over a different day found in the page (often a
 * modification date); when the page's date falls on the URL's day, the page's (which may carry a time) is kept.
 */
export function reconcileUrlDate(found: string | null, url: string | null | undefined): string | null {
  const fromUrl = dateFromUrl(url);
  if (!fromUrl) return found;
  if (found && found.slice(0, 10) === fromUrl.slice(0, 10)) return found;
  return fromUrl;
}
