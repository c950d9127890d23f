/** A file name safe in a header: letters, digits, dots, dashes; anything else becomes a dash. */
export function safeFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 120) || "export";
}

/** Search parameters as the `/compare` page receives them: a repeated name gives an array. */
export function searchParamsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length === 1 ? values[0]! : values;
  }
  return record;
}

// A host as the Host header may carry it: a name or IPv4 address, or a bracketed IPv6 one, and a port.
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin a reader used, for the absolute URLs of feeds and exports: the Host header the request came
 * with (Next's `request.url` names the host the server bound to, e.g. localhost), and the scheme a proxy
 * reports in X-Forwarded-Proto. A malformed header falls back to the request URL's origin.
 */
export function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host")?.trim() ?? "";
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  const scheme = forwarded === "https" || forwarded === "http" ? forwarded : url.protocol.replace(/:$/, "");
  return HOST.test(host) ? `${scheme}://${host.toLowerCase()}` : url.origin;
}
