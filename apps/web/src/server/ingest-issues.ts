import { zIngestHtml, zIngestText, zIngestUrl } from "@parallax/core";
import { type Issue, zodIssues } from "./errors";

/**
 * zIngestRequest is a union, and a union's own error says only "Invalid input". This explains a rejected
 * body against the form it was evidently meant to be: `text` → pasted text, `html` → a document, else a URL.
 */
export function explainIngestIssues(body: unknown): { error: string; issues: Issue[] } {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    const issues = [{ path: "", message: "request body must be a JSON object" }];
    return { error: issues[0]!.message, issues };
  }
  const schema =
    "text" in body ? zIngestText : "html" in body ? zIngestHtml : "url" in body ? zIngestUrl : null;
  if (!schema) {
    const issues = [{ path: "", message: "request must include one of: url, text, html" }];
    return { error: issues[0]!.message, issues };
  }
  const parsed = schema.safeParse(body);
  const issues = parsed.success ? [{ path: "", message: "invalid request" }] : zodIssues(parsed.error);
  const first = issues[0]!;
  return { error: first.path ? `${first.path}: ${first.message}` : first.message, issues };
}
