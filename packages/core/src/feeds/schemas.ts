import { z } from "zod";

export const zFeedUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(2048, "URL is longer than 2048 characters");

/** One entry of a feed, the same shape whatever the format (RSS 2.0, Atom, JSON Feed, RDF). */
export const zFeedItem = z.object({
  /** The item's own id (guid, atom:id, JSON Feed id), else its URL. */
  guid: z.string().min(1).max(2048),
  url: zFeedUrl,
  title: z.string().nullable(),
  /** Plain text, for when the page itself cannot be fetched. */
  summary: z.string().nullable(),
  publishedAt: z.date().nullable(),
});
export type FeedItem = z.infer<typeof zFeedItem>;

export const feedFormats = ["rss", "atom", "json", "rdf"] as const;
export type FeedFormat = (typeof feedFormats)[number];

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  /** RSS `<ttl>` in minutes, when the feed states one. */
  ttlMinutes: number | null;
  items: FeedItem[];
}

/** A feed as the app shows it; the same shape for tRPC output and `parallax feeds list --json`. */
export const zFeedStatus = z.enum(["new", "ok", "failing"]);
export const zFeed = z.object({
  id: z.uuid(),
  url: z.string(),
  title: z.string().nullable(),
  siteUrl: z.string().nullable(),
  intervalMinutes: z.number().int(),
  lastPolledAt: z.date().nullable(),
  nextPollAt: z.date().nullable(),
  consecutiveFailures: z.number().int(),
  lastError: z.string().nullable(),
  itemCount: z.number().int(),
  createdAt: z.date(),
  status: zFeedStatus,
});
export type Feed = z.infer<typeof zFeed>;

/** Default poll interval and its bounds: no faster than a minute, no slower than a day. */
export const DEFAULT_INTERVAL_MINUTES = 15;
export const zIntervalMinutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export const zAddFeed = z.object({
  url: zFeedUrl,
  title: z.string().trim().min(1).max(500).optional(),
  intervalMinutes: zIntervalMinutes.optional(),
});
export type AddFeed = z.infer<typeof zAddFeed>;
