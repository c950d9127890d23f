import "server-only";
import { z } from "zod";
import { atomFeed, FEED_TYPES, type FeedDescription, jsonFeed } from "../feeds";
import { withCaller } from "./exports";
import { jsonError } from "./http";

export type FeedFormat = "atom" | "json";

/** How many stories a feed carries: enough for a reader polling hourly on a busy day. */
const FEED_LENGTH = 50;

function feedResponse(format: FeedFormat, meta: FeedDescription, items: Parameters<typeof atomFeed>[1]) {
  const body = format === "atom" ? atomFeed(meta, items) : jsonFeed(meta, items);
  return new Response(body, {
    headers: {
      "Content-Type": FEED_TYPES[format],
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "public, max-age=300",
    },
  });
}

/** `/feeds/stories.atom|json`: the latest briefing of the most recently briefed stories. */
export function storiesFeed(request: Request, format: FeedFormat): Promise<Response> {
  const { origin } = new URL(request.url);
  return withCaller(async (caller) => {
    const { items } = await caller.feed.stories({ limit: FEED_LENGTH });
    return feedResponse(
      format,
      {
        origin,
        title: "Parallax: latest stories",
        description: "The latest briefing of each story, every point cited to its sources.",
        pagePath: "/",
        feedPath: "/feeds/stories",
      },
      items,
    );
  });
}

/** `<slug>.atom` or `<slug>.json`, the slug as entity slugs are written. */
export const zEntityFeedFile = z
  .string()
  .regex(/^([a-z0-9]+(?:-[a-z0-9]+)*)\.(atom|json)$/)
  .max(205)
  .transform((file) => {
    const dot = file.lastIndexOf(".");
    return { slug: file.slice(0, dot), format: file.slice(dot + 1) as FeedFormat };
  });

/** `/feeds/entities/<slug>.atom|json`: the stories in which an entity is named. */
export function entityFeed(request: Request, file: string): Promise<Response> {
  const parsed = zEntityFeedFile.safeParse(file);
  if (!parsed.success)
    return Promise.resolve(jsonError(404, "no such feed: /feeds/entities/<slug>.atom or .json"));
  const { slug, format } = parsed.data;
  const { origin } = new URL(request.url);
  return withCaller(async (caller) => {
    const { entity, items } = await caller.feed.entity({ slug, limit: FEED_LENGTH });
    return feedResponse(
      format,
      {
        origin,
        title: `Parallax: ${entity.name}`,
        description: `Stories in which ${entity.name} is named, with their latest briefing.`,
        pagePath: `/entities/${entity.slug}`,
        feedPath: `/feeds/entities/${entity.slug}`,
      },
      items,
    );
  });
}
