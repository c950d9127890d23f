import "server-only";
import { renderComparisonMarkdown } from "@parallax/core/compare";
import { parseCompareParams } from "../compare-params";
import { requestOrigin, searchParamsRecord } from "../export-params";
import { documentResponse, EXPORT_TYPES, withCaller } from "./exports";
import { jsonError } from "./http";

export type ComparisonFormat = "md" | "json";

/** `/compare/export.md|json?…`: the comparison `/compare?…` shows, with the same parameters. */
export async function comparisonExport(request: Request, format: ComparisonFormat): Promise<Response> {
  const url = new URL(request.url);
  const compare = parseCompareParams(searchParamsRecord(url.searchParams));
  if (compare.kind === "none")
    return jsonError(400, "say what to compare: ids=<article id>,<article id>… or story=<story id>");
  if (compare.kind === "invalid") return jsonError(400, compare.message);
  const grouping = compare.labels ? { labels: compare.labels } : { by: compare.by };
  return withCaller(request, async (caller) => {
    const result =
      compare.kind === "story"
        ? await caller.compare.story({ storyId: compare.storyId, ...grouping })
        : await caller.compare.articles({ articleIds: compare.articleIds, ...grouping });
    const subject =
      compare.kind === "story"
        ? `story-${compare.storyId.slice(0, 8)}`
        : `${compare.articleIds.length}-articles`;
    const filename = `comparison-${subject}-by-${compare.labels ? "label" : compare.by}.${format}`;
    if (format === "json")
      return documentResponse(`${JSON.stringify(result, null, 2)}\n`, EXPORT_TYPES.json, filename);
    const page = `${requestOrigin(request)}/compare${url.search}`;
    const footer = `\n\n---\n\nParallax comparison, computed ${result.builtAt}: ${page}\n`;
    return documentResponse(`${renderComparisonMarkdown(result)}${footer}`, EXPORT_TYPES.markdown, filename);
  });
}
