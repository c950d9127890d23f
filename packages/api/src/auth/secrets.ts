import { createHash, randomBytes } from "node:crypto";

/** What every API token starts with, so that scanners and people can tell one apart from other secrets. */
export const API_TOKEN_PREFIX = "pxt_";
const API_TOKEN = /^pxt_[A-Za-z0-9_-]{43}$/;
const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** SHA-256, hex: how session and API tokens are stored and looked up (they are random, so no salt is needed). */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** The part of a token that may be shown and logged: `pxt_` and 8 characters, 48 bits of its 256. */
export function tokenPrefix(token: string): string {
  return token.slice(0, API_TOKEN_PREFIX.length + 8);
}

export function looksLikeApiToken(value: string): boolean {
  return API_TOKEN.test(value);
}

export function looksLikeSessionToken(value: string): boolean {
  return SESSION_TOKEN.test(value);
}
