import { signOut } from "@parallax/api";
import { log, services } from "~/server/context";
import {
  clearedSessionCookie,
  crossSiteReason,
  isHttps,
  readCookie,
  sessionCookieName,
} from "~/server/credentials";
import { describeError } from "~/server/errors";
import { jsonError, jsonReply } from "~/server/http";

/** Ends the session of the cookie sent, clears the cookie and goes to the home page. */
export async function POST(request: Request) {
  const { db, trustProxy } = services();
  const crossSite = crossSiteReason("POST", request.headers, trustProxy);
  if (crossSite) return jsonError(403, `sign-out refused: ${crossSite}`);
  const https = isHttps(request.headers, trustProxy);
  const token = readCookie(request.headers, sessionCookieName(https));
  try {
    if (token) await signOut(db, token);
  } catch (error) {
    return jsonReply(describeError(error, log));
  }
  return new Response(null, {
    status: 303,
    headers: { Location: "/", "Set-Cookie": clearedSessionCookie(https), "Cache-Control": "no-store" },
  });
}
