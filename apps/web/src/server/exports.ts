import "server-only";
import { createCaller } from "@parallax/api";
import { TRPCError } from "@trpc/server";
import { createContext, log } from "./context";
import { describeError } from "./errors";
import { safeFilename } from "../export-params";
import { jsonError, jsonReply } from "./http";

export const EXPORT_TYPES = {
  markdown: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
} as const;

/** A document shown in the browser, saved under `filename` when the reader saves it. */
export function documentResponse(body: string, type: string, filename: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": type,
      "Content-Disposition": `inline; filename="${safeFilename(filename)}"`,
      "X-Content-Type-Options": "nosniff",
      // Exports follow the stored briefings and comparisons; a minute old is current enough for a reader.
      "Cache-Control": "public, max-age=60",
    },
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export type Caller = ReturnType<typeof createCaller>;

/**
 * Runs a route handler's reads with an in-process caller, as the request's caller (a token or a session may be
 * needed to read: PUBLIC_READ=false); refusals become 400/401/404 with a sentence, an outage 503, anything else a
 * logged 500. A stored document this version cannot read says so instead of a bare 500.
 */
export async function withCaller(
  request: Request,
  run: (caller: Caller) => Promise<Response>,
): Promise<Response> {
  try {
    const context = await createContext(request.headers, request.method);
    const response = await run(createCaller(context));
    // What only signed-in readers may see must not be kept by a shared cache.
    if (!context.access?.publicRead && response.headers.has("Cache-Control"))
      response.headers.set("Cache-Control", "private, max-age=60");
    return response;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "INTERNAL_SERVER_ERROR" && /format/.test(error.message))
      return jsonError(500, `${error.message}; it is rebuilt at the story's next change`);
    return jsonReply(describeError(error, log));
  }
}
