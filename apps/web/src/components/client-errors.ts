import { TRPCClientError } from "@trpc/client";

export interface FieldIssue {
  path: string;
  message: string;
}

/** Field-level problems the API's error formatter attaches to a BAD_REQUEST. */
export function errorIssues(error: unknown): FieldIssue[] {
  if (!(error instanceof TRPCClientError)) return [];
  const issues = (error.data as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
}

/** A sentence for a person: server failures become advice, never a raw driver message. */
export function clientErrorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; httpStatus?: number } | undefined;
    if (data?.code === "INTERNAL_SERVER_ERROR" || (data?.httpStatus ?? 0) >= 500) {
      // The server replaces internal messages with "database unavailable, …" or "internal error".
      return error.message === "internal error"
        ? "something went wrong on the server; try again shortly."
        : error.message;
    }
    if (!data) return "could not reach Parallax; check your connection and try again.";
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
