import "server-only";
import { z } from "zod";
import {
  atomFeed,
  FEED_TYPES,
  type FeedDescription,
  type FeedFormat,
  jsonFeed,
  storyTitle,
  zEntityFeedFile,
} from "../feeds";
import { watchAtomFeed, zWatchFeedFile } from "../alert-feed";
import { requestOrigin } from "../export-params";
import { withCaller } from "./exports";
import { jsonError } from "./http";

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

/**
 * `/feeds/stories.atom|json`: the latest briefing of the most recently briefed stories; `?story=<id>`: every
 * briefing version of that one story.
 */
export function storiesFeed(request: Request, format: FeedFormat): Promise<Response> {
  const origin = requestOrigin(request);
  const story = new URL(request.url).searchParams.get("story");
  if (story !== null) {
    const storyId = z.guid().safeParse(story.trim());
    if (!storyId.success)
      return Promise.resolve(jsonError(400, `“${story.slice(0, 60)}” is not a story id (a UUID)`));
    return withCaller(request, async (caller) => {
      const { storyId: id, items } = await caller.feed.story({ storyId: storyId.data, limit: FEED_LENGTH });
      const title = items[0] ? storyTitle(items[0]) : "Untitled story";
      return feedResponse(
        format,
        {
          origin,
          title: `Parallax: ${title}`,
          description: "Each version of this story's briefing as it was rebuilt.",
          pagePath: `/stories/${id}`,
          feedPath: `/feeds/stories`,
          perVersion: true,
          feedQuery: `?story=${id}`,
        },
        items,
      );
    });
  }
  return withCaller(request, async (caller) => {
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

/** `/feeds/entities/<slug>.atom|json`: the stories in which an entity is named. */
export function entityFeed(request: Request, file: string): Promise<Response> {
  const parsed = zEntityFeedFile.safeParse(file);
  if (!parsed.success)
    return Promise.resolve(jsonError(404, "no such feed: /feeds/entities/<slug>.atom or .json"));
  const { slug, format } = parsed.data;
  const origin = requestOrigin(request);
  return withCaller(request, async (caller) => {
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

/** `/alerts/feeds/<watch id>.atom`: a watch's latest alerts. */
export function watchFeed(request: Request, file: string): Promise<Response> {
  const watchId = zWatchFeedFile.safeParse(file);
  if (!watchId.success) return Promise.resolve(jsonError(404, "no such feed: /alerts/feeds/<watch id>.atom"));
  const origin = requestOrigin(request);
  return withCaller(request, async (caller) => {
    const watch = await caller.watch.get({ id: watchId.data });
    const { items } = await caller.watch.alerts({ watchId: watch.id, limit: FEED_LENGTH });
    return new Response(watchAtomFeed(origin, watch, items), {
      headers: {
        "Content-Type": FEED_TYPES.atom,
        "X-Content-Type-Options": "nosniff",
        // Alerts are the point of this feed: a reader polling every minute should see a new one.
        "Cache-Control": "public, max-age=60",
      },
    });
  });
}
