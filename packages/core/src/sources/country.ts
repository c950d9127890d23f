/**
 * Country-code top-level domains whose outlets are, in practice, of that country. Left out: ccTLDs sold as
 * generic names (.io, .co, .tv, .me, .ai, .fm, .ly, .to, .cc, .ws, .gg, .sh, .app-like uses), whose sites
 * say nothing about where they are, and .eu, which is no country.
 */
const genericCcTlds = new Set([
  "ai",
  "am",
  "cc",
  "cd",
  "co",
  "fm",
  "gg",
  "io",
  "ly",
  "me",
  "ms",
  "nu",
  "sh",
  "so",
  "st",
  "tk",
  "to",
  "tv",
  "vc",
  "ws",
]);

/** TLDs that are not the ISO code of their country. */
const tldToCountry: Record<string, string> = { uk: "GB" };

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
/** Codes Intl knows that are not ISO 3166-1 countries (grouping or exceptionally reserved codes). */
const notCountries = new Set(["EU", "EZ", "UK", "UN", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA"]);

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case), such as "JP" or "GB". */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || notCountries.has(code)) return false;
  // User-assigned ranges (QM–QZ, XA–XZ) are no countries; Kosovo's XK is used as one everywhere.
  if (/^(Q[M-Z]|X[A-JL-Z])$/.test(code)) return false;
  return regionNames.of(code) !== code;
}

/** "Japan" for "JP"; the code itself when it is no known country. */
export function countryName(code: string): string {
  if (!isCountryCode(code)) return code;
  return regionNames.of(code) ?? code;
}

/**
 * The country an outlet's domain names, from its country-code TLD: nhk.or.jp → JP, bbc.co.uk → GB,
 * spiegel.de → DE. Null for generic TLDs (.com, .org, .net, .news…), for ccTLDs used as generic names (.io,
 * .tv, .co) and for anything that is not a host name.
 */
export function countryFromDomain(domain: string | null | undefined): string | null {
  if (!domain) return null;
  const host = domain.trim().toLowerCase().replace(/\.$/, "");
  if (host.length > 253 || !/^[a-z0-9.-]+$/.test(host)) return null;
  const labels = host.split(".");
  // A bare TLD or an IP address has no outlet country.
  if (labels.length < 2 || labels.every((label) => /^\d+$/.test(label))) return null;
  const tld = labels.at(-1) ?? "";
  if (tld.length !== 2 || genericCcTlds.has(tld)) return null;
  const code = tldToCountry[tld] ?? tld.toUpperCase();
  return isCountryCode(code) ? code : null;
}
