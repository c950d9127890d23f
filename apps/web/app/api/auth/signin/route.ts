import { signIn, signOut } from "@parallax/api";
import { clientIdentity } from "~/server/client-id";
import { log, services } from "~/server/context";
import {
  crossSiteReason,
  isHttps,
  readCookie,
  safeNextPath,
  sessionCookie,
  sessionCookieName,
} from "~/server/credentials";
import { describeError } from "~/server/errors";
import { jsonError, jsonReply } from "~/server/http";
import { readBodyBytes } from "~/server/upload-body";

const seeOther = (location: string, headers: Record<string, string> = {}) =>
  new Response(null, {
    status: 303,
    headers: { Location: location, "Cache-Control": "no-store", ...headers },
  });

const backToForm = (next: string, query: string) =>
  seeOther(`/signin?${query}${next === "/" ? "" : `&next=${encodeURIComponent(next)}`}`);

/**
 * The sign-in form posts here (`username`, `password`, `next`). Success sets the session cookie and goes to
 * `next`; any wrong name or password goes back to the form with one sentence for both, so the form does not tell
 * which names exist. Attempts count against the `signin` rate limit per client before the password is checked.
 */
export async function POST(request: Request) {
  const { db, rateLimiter, trustProxy } = services();
  // A page on another site must not sign the visitor into an account of its choosing (login CSRF).
  const crossSite = crossSiteReason("POST", request.headers, trustProxy);
  if (crossSite) return jsonError(403, `sign-in refused: ${crossSite}`);
  const body = await readBodyBytes(request, 16 * 1024, "the sign-in form is larger than 16 KB");
  if (!body.ok) return body.response;
  const form = new URLSearchParams(Buffer.from(body.bytes).toString("utf8"));
  const next = safeNextPath(form.get("next"));
  const username = form.get("username") ?? "";
  const password = form.get("password") ?? "";
  try {
    const decision = await rateLimiter.take("signin", clientIdentity(request.headers, trustProxy));
    if (!decision.allowed)
      return backToForm(next, `error=limited&retry=${Math.max(1, Math.ceil(decision.retryAfterMs / 1000))}`);
    const session = await signIn(db, username, password);
    // Never the password, nor the name typed (people type passwords into the name field).
    if (!session) {
      log("sign-in refused: wrong user name or password");
      return backToForm(next, "error=credentials");
    }
    log(`${session.username} signed in`);
    // A session this browser held before is ended, not left behind valid.
    const https = isHttps(request.headers, trustProxy);
    const previous = readCookie(request.headers, sessionCookieName(https));
    if (previous) await signOut(db, previous);
    return seeOther(next, { "Set-Cookie": sessionCookie(session.token, session.cookieExpiresAt, https) });
  } catch (error) {
    return jsonReply(describeError(error, log));
  }
}
