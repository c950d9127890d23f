// Reading credentials off a request, and the session cookie's attributes. No I/O here: the lookups are in
// server/auth.ts; this part is small enough to test without a server.

export const SESSION_COOKIE = "parallax_session";
/** Over https the cookie takes the `__Host-` prefix: the browser then refuses it unless Secure, Path=/, no Domain. */
export const SECURE_SESSION_COOKIE = "__Host-parallax_session";
/** Either name: a request carrying one has credentials, whichever is valid. */
export const SESSION_COOKIES = [SESSION_COOKIE, SECURE_SESSION_COOKIE] as const;

/** Whether the client reached us over https: only a trusted proxy can say so, as Next itself serves plain http. */
export function isHttps(headers: Headers, trustProxy: boolean): boolean {
  return trustProxy && headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}

export function sessionCookieName(https: boolean): string {
  return https ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim() || null;
  }
  return null;
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Why a cookie-authenticated request that changes something must not be trusted: it came from another site
 * (cross-site request forgery). Browsers send `Sec-Fetch-Site` and/or `Origin` with every POST; older ones only
 * `Origin`, which must then name this host. A request with neither is not from a browser page, and a script holding the cookie could send anything anyway. Null when the
 * request is fine.
 */
export function crossSiteReason(method: string, headers: Headers, trustProxy: boolean): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  // Sec-Fetch-Site is set by the browser and cannot be forged by a page, so when present it decides alone (a
  // proxy that rewrites Host does not get in the way); `none` is the person's own action (a bookmark, the URL bar).
  const site = headers.get("sec-fetch-site");
  if (site === "same-origin" || site === "none") return null;
  if (site) return `a ${site} request cannot use the session cookie`;
  const origin = headers.get("origin");
  if (!origin) return null;
  const host =
    (trustProxy ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : null) || headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {}
  return originHost && host && originHost.toLowerCase() === host.toLowerCase()
    ? null
    : `a request from ${origin} cannot use the session cookie`;
}

/** `Set-Cookie` for a new session: HttpOnly (no script reads it), SameSite=Lax, Secure over https. */
export function sessionCookie(token: string, expiresAt: Date, https: boolean): string {
  return [
    `${sessionCookieName(https)}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    ...(https ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(https: boolean): string {
  return [
    `${sessionCookieName(https)}=`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    "Max-Age=0",
    ...(https ? ["Secure"] : []),
  ].join("; ");
}

/** Where to go after signing in: a path of this site only (`/jobs?x=1`), never `//evil.example` or a URL. */
export function safeNextPath(value: unknown): string {
  if (
    typeof value !== "string" ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    value.startsWith("/\\")
  )
    return "/";
  return /[\u0000-\u001f]/.test(value) ? "/" : value.slice(0, 2000);
}
