import type { ErrorReply } from "./errors";
import { readBodyBytes } from "./upload-body";

/** A pasted document may be 5 MB (MAX_PASTE_BYTES); JSON escaping and the other fields get the rest. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;

export function jsonReply(reply: ErrorReply): Response {
  return Response.json(reply.body, { status: reply.status });
}

export function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status });
}

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const type = header.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/**
 * Reads a JSON request body without trusting the client: the declared length is checked before anything is
 * read, and the stream is cut off at the limit for bodies that declare none.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return {
      ok: false,
      response: jsonError(415, "send the request body as JSON (Content-Type: application/json)"),
    };
  }
  const body = await readBodyBytes(
    request,
    maxBytes,
    `request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
  );
  if (!body.ok) return body;
  const text = Buffer.from(body.bytes).toString("utf8");
  if (text.trim() === "") return { ok: false, response: jsonError(400, "request body is empty") };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "request body is not valid JSON") };
  }
}
