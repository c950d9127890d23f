import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { ConfigError } from "../env";

export const UNAVAILABLE_MESSAGE = "database unavailable, try again shortly";

// Node socket errors, and Postgres SQLSTATE class 08 (connection exception) and 57P0x (server shutting down).
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
// "not queryable": a client whose connection died mid-transaction, as its rollback reports it (seen when
// PostgreSQL stopped under submissions); "timeout expired": pg's own connect timeout.
const unavailableMessages =
  /timeout exceeded when trying to connect|connection terminated|connection is closed|stream isn't writeable|cannot use a pool after calling end|connection error and is not queryable|timeout expired/i;

/** Whether the error, or anything it wraps, says Postgres or Redis could not be reached. */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || error === null || typeof error !== "object") return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08"))) return true;
  if (typeof message === "string" && unavailableMessages.test(message)) return true;
  if (Array.isArray(errors) && errors.some((inner) => isUnavailable(inner, depth + 1))) return true;
  return isUnavailable(cause, depth + 1);
}

export interface Issue {
  path: string;
  message: string;
}

export function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

export interface ErrorReply {
  status: number;
  body: { error: string; issues?: Issue[] };
}

/**
 * What a client is told about a failure: a status and a readable sentence. Unexpected errors are logged
 * here and answered with a generic message, never a stack trace.
 */
export function describeError(error: unknown, log: (line: string) => void): ErrorReply {
  if (error instanceof TRPCError) {
    if (error.code === "BAD_REQUEST") {
      const issues = error.cause instanceof ZodError ? zodIssues(error.cause) : undefined;
      const first = issues?.[0];
      const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : error.message;
      return { status: 400, body: { error: message, ...(issues ? { issues } : {}) } };
    }
    if (error.code === "NOT_FOUND") return { status: 404, body: { error: error.message } };
    if (error.code === "UNAUTHORIZED") return { status: 401, body: { error: error.message } };
    if (error.code === "FORBIDDEN") return { status: 403, body: { error: error.message } };
    if (error.code === "TOO_MANY_REQUESTS") return { status: 429, body: { error: error.message } };
  }
  if (error instanceof ConfigError || (error instanceof TRPCError && error.cause instanceof ConfigError)) {
    // The message names the variables to fix, never their values.
    const message = error instanceof ConfigError ? error.message : (error.cause as ConfigError).message;
    log(message);
    return { status: 500, body: { error: message } };
  }
  if (isUnavailable(error)) return { status: 503, body: { error: UNAVAILABLE_MESSAGE } };
  log(`unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { status: 500, body: { error: "internal error" } };
}

/**
 * What a page's data load does with an error: the database or Redis is away ("unavailable", the page says so),
 * the thing asked for does not exist ("missing", a 404), anything else is a bug and goes to the error page.
 */
export function loadFailure(error: unknown): "unavailable" | "missing" {
  if (error instanceof TRPCError && error.code === "NOT_FOUND") return "missing";
  if (isUnavailable(error)) return "unavailable";
  throw error;
}
