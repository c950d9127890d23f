import { createCaller } from "@parallax/api";
import { zIngestRequest } from "@parallax/core";
import { createContext, log } from "~/server/context";
import { describeError } from "~/server/errors";
import { limitRequest } from "~/server/rate-limit";
import { submittedReply, withSubmitTurn } from "~/server/submit-gate";
import { jsonError, jsonReply, readJsonBody } from "~/server/http";
import { explainIngestIssues } from "~/server/ingest-issues";

/**
 * Submit an article: `{url}`, `{html, url?}` or `{text, title?, url?, sourceName?}`. 202 when it is new and
 * queued, 200 when Parallax already holds the same URL or document; the body has the article's id either way.
 */
export async function POST(request: Request) {
  const limited = await limitRequest(request, "submit");
  if (!limited.ok) return limited.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  return withSubmitTurn(async () => {
    const parsed = zIngestRequest.safeParse(body.value);
    if (!parsed.success) return Response.json(explainIngestIssues(body.value), { status: 400 });
    try {
      const caller = createCaller(limited.context);
      const result = await caller.article.submit(parsed.data);
      return submittedReply(result);
    } catch (error) {
      return jsonReply(describeError(error, log));
    }
  });
}

/** Newest first; `?limit=` (1–100, default 50) and `?cursor=` (the previous page's `nextCursor`). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const limitParam = params.get("limit");
  const limit = limitParam === null ? undefined : Number(limitParam);
  if (limit !== undefined && !Number.isInteger(limit)) return jsonError(400, "limit must be a whole number");
  const cursor = params.get("cursor");
  try {
    const caller = createCaller(await createContext(request.headers));
    return Response.json(await caller.article.list({ ...(limit !== undefined ? { limit } : {}), cursor }));
  } catch (error) {
    return jsonReply(describeError(error, log));
  }
}
