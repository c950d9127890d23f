import "server-only";
import { ANONYMOUS, type Viewer, viewerOfApiToken, viewerOfSession } from "@parallax/api";
import type { Database } from "@parallax/db";
import { bearerToken, crossSiteReason, isHttps, readCookie, sessionCookieName } from "./credentials";

/**
 * Who sent the request: an API token (`Authorization: Bearer pxt_…`) first, then the session cookie. A token
 * cannot be forged across sites (a page cannot add the header to another site's request without its consent),
 * a cookie can: a cookie on a cross-site request that changes something is ignored, with the reason kept for the
 * refusal message. Credentials that do not check out leave the caller anonymous.
 */
export async function resolveViewer(
  db: Database,
  headers: Headers,
  { method, trustProxy }: { method: string; trustProxy: boolean },
): Promise<Viewer> {
  const token = bearerToken(headers);
  if (token) {
    return (
      (await viewerOfApiToken(db, token)) ?? {
        kind: "anonymous",
        refused: "the API token is unknown or revoked",
      }
    );
  }
  const session = readCookie(headers, sessionCookieName(isHttps(headers, trustProxy)));
  if (!session) return ANONYMOUS;
  const crossSite = crossSiteReason(method, headers, trustProxy);
  if (crossSite) return { kind: "anonymous", refused: crossSite };
  return (
    (await viewerOfSession(db, session)) ?? {
      kind: "anonymous",
      refused: "the session has expired; sign in again",
    }
  );
}
