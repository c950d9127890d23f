/** Query parameters that only say how a reader arrived, never which page it is. */
const TRACKING_PARAM =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ref_src|cmpid|ncid|ito|spm)$/i;

/**
 * The URL in the form we compare and store: lower-cased host without default port, no fragment, no tracking
 * parameters, remaining parameters sorted. Returns null for anything that is not an absolute http(s) URL.
 */
export function comparableUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  url.hash = "";
  url.username = "";
  url.password = "";
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAM.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  // URL already lower-cases the host and drops default ports.
  return url.toString();
}

/** The outlet's domain for a URL: host without `www.` (or `m.`/`amp.` mobile prefixes). */
export function domainOf(input: string): string | null {
  try {
    const host = new URL(input).hostname.toLowerCase();
    return host.replace(/^(www\d?|m|mobile|amp)\./, "") || null;
  } catch {
    return null;
  }
}
