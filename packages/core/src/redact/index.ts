/**
 * Secrets that can end up in a log line: connection strings (DATABASE_URL, REDIS_URL carry their password in
 * the URL), HTTP credentials, webhook secrets and signatures, and Parallax API tokens (`pxt_…`). Errors from
 * drivers and fetches quote URLs and headers verbatim, so every logger passes its lines through `redactSecrets`.
 */
const REDACTED = "[redacted]";

// scheme://user:password@host — the password goes, the user and host stay (they say which service failed).
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*):([^\s/?#@]*)@/gi;
// Authorization: Bearer …, Proxy-Authorization, X-Api-Key, cookies, in headers or header-like dumps.
const CREDENTIAL_HEADER =
  /\b((?:proxy-)?authorization|x-api-key|cookie|set-cookie)(["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;}]+/gi;
// secret=…, "secret": "…", password, token, api_key, webhook_secret, client_secret as query or JSON fields.
const SECRET_FIELD =
  /\b([a-z_]*(?:secret|password|passwd|token|api[_-]?key|signature))(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi;
const API_TOKEN = /\bpxt_[A-Za-z0-9_-]{8,}/g;

/** `text` with every recognised secret replaced by "[redacted]"; the rest of the line is left as it was. */
export function redactSecrets(text: string): string {
  return text
    .replace(URL_PASSWORD, (_, head: string) => `${head}:${REDACTED}@`)
    .replace(CREDENTIAL_HEADER, (_, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(SECRET_FIELD, (_, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(API_TOKEN, `pxt_${REDACTED}`);
}

/** An error as one redacted log line: its stack when it has one (which starts with the message), else the message. */
export function describeForLog(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return redactSecrets(text);
}
