import type { TokenScope } from "@parallax/db";

/**
 * Who is calling. `user` signed in through the web form (a session cookie), `token` presented an API token,
 * `local` is a command run on the machine itself (the CLI, with the database's own credentials, which already
 * allow everything), `anonymous` is everyone else; `refused` says why credentials sent were not accepted.
 */
export type Viewer =
  | { kind: "anonymous"; refused?: string }
  | { kind: "user"; userId: string; username: string; sessionId: string }
  | { kind: "token"; tokenId: string; name: string; prefix: string; scope: TokenScope }
  | { kind: "local" };

export const ANONYMOUS: Viewer = { kind: "anonymous" };
export const LOCAL: Viewer = { kind: "local" };

/** The installation's access settings (PUBLIC_READ, SUBMIT_ACCESS). */
export interface AccessPolicy {
  /** Anyone may read pages, exports, feeds and read procedures; false: only signed-in callers and tokens. */
  publicRead: boolean;
  /** `open`: anyone may submit articles; `token`: only an administrator or a token (scope submit or admin). */
  submit: "open" | "token";
}

export const DEFAULT_ACCESS: AccessPolicy = { publicRead: true, submit: "open" };

export function isAdmin(viewer: Viewer): boolean {
  return (
    viewer.kind === "user" || viewer.kind === "local" || (viewer.kind === "token" && viewer.scope === "admin")
  );
}

export function canRead(viewer: Viewer, policy: AccessPolicy): boolean {
  return policy.publicRead || viewer.kind !== "anonymous";
}

export function canSubmit(viewer: Viewer, policy: AccessPolicy): boolean {
  return policy.submit === "open" || viewer.kind !== "anonymous";
}
