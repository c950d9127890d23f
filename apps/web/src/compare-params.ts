import { zArticleId } from "@parallax/core";
import { z } from "zod";

export const groupings = ["article", "outlet", "country"] as const;
export type Grouping = (typeof groupings)[number];

type SearchParams = Record<string, string | string[] | undefined>;

/** What `/compare` was asked for: articles by id, a story, or nothing yet (the form alone). */
export type CompareRequest =
  | { kind: "none" }
  | { kind: "invalid"; message: string }
  | { kind: "articles"; articleIds: string[]; by: Grouping; labels: Record<string, string> | null }
  | { kind: "story"; storyId: string; by: Grouping; labels: Record<string, string> | null };

const all = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const zStoryId = z.guid();

/**
 * Labels as typed in the form, one per line: an outlet's name or an article id, `=`, the side's label
 * (`nippon.com = Japan`). Returns the labels, or a message naming the first line it cannot read.
 */
export function parseLabels(text: string): Record<string, string> | string | null {
  const labels: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const cut = line.indexOf("=");
    const key = cut < 0 ? "" : line.slice(0, cut).trim();
    const label = cut < 0 ? "" : line.slice(cut + 1).trim();
    if (!key || !label)
      return `labels, line ${i + 1}: write an outlet's name or an article id, “=”, and a label (“nippon.com = Japan”)`;
    labels[key] = label;
  }
  return Object.keys(labels).length > 0 ? labels : null;
}

/**
 * Reads `/compare?ids=a,b&by=…` (ids comma- or space-separated, or repeated as the form's checkboxes send them)
 * and `/compare?story=<id>&by=…`, plus optional `labels`. A story wins over ids when both are given.
 */
export function parseCompareParams(params: SearchParams): CompareRequest {
  const byParam = all(params.by)[0];
  const by = (groupings as readonly string[]).includes(byParam ?? "") ? (byParam as Grouping) : null;
  const labelsText = all(params.labels).join("\n");
  const labels = parseLabels(labelsText);
  if (typeof labels === "string") return { kind: "invalid", message: labels };

  const story = all(params.story)[0]?.trim();
  if (story) {
    if (!zStoryId.safeParse(story).success)
      return { kind: "invalid", message: `“${story}” is not a story id (a UUID)` };
    return { kind: "story", storyId: story.toLowerCase(), by: by ?? "outlet", labels };
  }

  const ids = all(params.ids)
    .flatMap((value) => value.split(/[\s,]+/))
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  if (ids.length === 0) return { kind: "none" };
  const malformed = ids.find((id) => !zArticleId.safeParse(id).success);
  if (malformed) return { kind: "invalid", message: `“${malformed}” is not an article id (a UUID)` };
  return { kind: "articles", articleIds: [...new Set(ids)], by: by ?? "article", labels };
}

/** The `/compare` address of a request, with another grouping when `by` is given. */
export function compareHref(request: CompareRequest, by?: Grouping): string {
  if (request.kind === "story") return `/compare?story=${request.storyId}&by=${by ?? request.by}`;
  if (request.kind === "articles")
    return `/compare?ids=${request.articleIds.join(",")}&by=${by ?? request.by}`;
  return "/compare";
}

/**
 * Where a comparison's Markdown or JSON export is: `/compare/export.md?…` with the same parameters as the
 * `/compare` page (labels as the form writes them, one `key = label` per line).
 */
export function compareExportHref(request: CompareRequest, format: "md" | "json"): string | null {
  if (request.kind !== "story" && request.kind !== "articles") return null;
  const query = new URLSearchParams();
  if (request.kind === "story") query.set("story", request.storyId);
  else query.set("ids", request.articleIds.join(","));
  if (request.labels)
    query.set(
      "labels",
      Object.entries(request.labels)
        .map(([key, label]) => `${key} = ${label}`)
        .join("\n"),
    );
  else query.set("by", request.by);
  return `/compare/export.${format}?${query}`;
}
