import type { Viewer } from "@parallax/api";

/**
 * Who a request counts against for rate limits. A Next route handler never sees the socket: `next start` copies
 * the peer address into `X-Forwarded-For` only when the client sent none, so that header is whatever the client
 * chose unless a proxy we trust rewrites it. Hence:
 * - behind a trusted proxy (TRUST_PROXY=true, and the proxy must overwrite, not append to, a client's header):
 *   the first address of `X-Forwarded-For`, else `X-Real-IP`;
 * - otherwise every request shares one "direct" identity. A self-hosted instance usually has one person or a
 *   small team on it, and a per-address key taken from a header the client writes would let a script dodge its
 *   limit by inventing addresses. The cost: one noisy client slows everyone, which is why the defaults are wide.
 * A valid API token comes ahead of both: each token is its own client, so a script has its own allowance and
 * does not use up that of the people on the site (nor they its).
 */
export function clientIdentity(headers: Headers, trustProxy: boolean, viewer?: Viewer): string {
  if (viewer?.kind === "token") return `token:${viewer.tokenId}`;
  if (!trustProxy) return "direct";
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || headers.get("x-real-ip")?.trim();
  return address ? `ip:${address.toLowerCase()}` : "direct";
}
