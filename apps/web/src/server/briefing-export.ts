import "server-only";
import { renderBriefingMarkdown } from "@parallax/core/brief";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { requestOrigin } from "../export-params";
import { documentResponse, EXPORT_TYPES, isUuid, withCaller } from "./exports";
import { jsonError } from "./http";

const zVersion = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, "version must be a whole number from 1")
  .transform(Number)
  .optional();

export type BriefingFormat = "md" | "json";

/**
 * `/stories/[id]/briefing.md|json[?version=N]`: the latest briefing or the version asked for. A merged story's
 * id redirects to the story it is part of now, as its page does.
 */
export async function briefingExport(
  request: Request,
  id: string,
  format: BriefingFormat,
): Promise<Response> {
  if (!isUuid(id)) return jsonError(404, `no story ${id.slice(0, 64)}`);
  const url = new URL(request.url);
  const version = zVersion.safeParse(url.searchParams.get("version") ?? undefined);
  if (!version.success) return jsonError(400, "version must be a whole number from 1");
  return withCaller(request, async (caller) => {
    const result = await caller.story
      .briefing({ id, ...(version.data !== undefined ? { version: version.data } : {}) })
      .catch(async (error: unknown) => {
        // A merged story's version numbers are not its new story's: its id redirects whatever version was asked.
        if (version.data === undefined || !(error instanceof TRPCError) || error.code !== "NOT_FOUND")
          throw error;
        const latest = await caller.story.briefing({ id });
        if (latest.redirectedFrom) return latest;
        throw error;
      });
    if (result.redirectedFrom)
      return new Response(null, {
        status: 307,
        headers: { Location: `/stories/${result.storyId}/briefing.${format}` },
      });
    if (!result.briefing || result.version === null)
      return jsonError(
        404,
        `story ${result.storyId} has no briefing yet: it is built shortly after the story changes`,
      );
    const filename = `briefing-${result.storyId.slice(0, 8)}-v${result.version}.${format}`;
    if (format === "json")
      return documentResponse(`${JSON.stringify(result.briefing, null, 2)}\n`, EXPORT_TYPES.json, filename);
    const builtAt = result.builtAt ? `, built ${result.builtAt}` : "";
    const footer = `\n\n---\n\nParallax briefing, version ${result.version}${builtAt}: ${requestOrigin(request)}/stories/${result.storyId}\n`;
    return documentResponse(
      `${renderBriefingMarkdown(result.briefing)}${footer}`,
      EXPORT_TYPES.markdown,
      filename,
    );
  });
}
