import { gzipSync } from "node:zlib";
import { addFeed, getFeed, listArticles, setArticleStatus, storeSubmission } from "@parallax/db";
import { FetchGuard } from "@parallax/net";
import { createFeedsQueue, type FeedPollJob, scheduleFeed } from "@parallax/queue";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, waitFor } from "../__fixtures__/harness";
import { Politeness } from "../politeness";
import { type PollDeps, pollFeed } from "./poll";

const MIN = 60_000;
const page = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>
<p>${title} was reported on Tuesday by the harbour authority, which said the work would take several weeks.</p>
<p>Crews returned to the northern breakwater early in the morning, and the first ferry left shortly after nine.</p>
<p>Engineers said the repairs would cost more than the budget allowed, and asked the council for more money.</p>
</article></body></html>`;

/** The feed's items change between polls: tests move `published` forward. */
let published = 2;
const etagRequests: (string | undefined)[] = [];
let brokenHits = 0;
const userAgents: string[] = [];

function rss(origin: string, count: number): string {
  const items = Array.from({ length: count }, (_, i) => i + 1)
    .map(
      (
        n,
      ) => `<item><title>Story ${n}</title><link>${origin}/story/${n}</link><guid isPermaLink="false">story-${n}</guid>
      <description>Summary of story ${n}.</description></item>`,
    )
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title><link>${origin}/</link>${items}</channel></rss>`;
}

let h: Harness;
let feedsQueue: Queue<FeedPollJob>;
let deps: PollDeps;
/** The feeds are served on loopback, which fetches reach only through the allow-list. */
const guard = new FetchGuard({ allow: "127.0.0.1" });

beforeAll(async () => {
  h = await startHarness((req, res) => {
    const origin = `http://${req.headers.host}`;
    if (req.url?.startsWith("/wire.xml")) {
      etagRequests.push(req.headers["if-none-match"] as string | undefined);
      const etag = `"v${published}"`;
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { "content-type": "application/rss+xml", etag, "cache-control": "max-age=3600" });
      return void res.end(rss(origin, published));
    }
    if (req.url === "/robots.txt")
      return void res
        .writeHead(200, { "content-type": "text/plain" })
        .end("User-agent: *\nDisallow: /private/\n");
    if (req.url?.startsWith("/private/")) {
      userAgents.push(String(req.headers["user-agent"]));
      return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(origin, 1));
    }
    if (req.url === "/mirror.xml")
      return void res
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end(
          `<rss version="2.0"><channel><title>Mirror</title><item><title>Again</title><link>${origin}/story/1</link><guid>mirror-1</guid></item></channel></rss>`,
        );
    if (req.url === "/open.xml") {
      userAgents.push(String(req.headers["user-agent"]));
      return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(origin, 1));
    }
    if (req.url === "/to-metadata.xml")
      return void res.writeHead(302, { location: "http://169.254.169.254/latest/feed.xml" }).end();
    if (req.url === "/gzipped.xml")
      return void res
        .writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" })
        .end(gzipSync(rss(origin, 1)));
    if (req.url === "/bomb.xml")
      return void res
        .writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" })
        .end(gzipSync(Buffer.alloc(3_000_000, " ")));
    if (req.url === "/broken.xml") {
      brokenHits++;
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end("<!doctype html><html><body>Oops</body></html>");
    }
    if (req.url === "/gone.xml") {
      return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(
        `<rss version="2.0"><channel><title>Gone</title><item><title>Vanished page</title><link>${origin}/missing</link>
        <description>&lt;p&gt;The council approved the harbour budget on Monday after a long debate about the breakwater repairs.&lt;/p&gt;&lt;p&gt;Members said the money would come from the reserve fund, and work would begin next month.&lt;/p&gt;</description></item></channel></rss>`,
      );
    }
    const story = /^\/story\/(\d+)$/.exec(req.url ?? "");
    if (story)
      return void res.writeHead(200, { "content-type": "text/html" }).end(page(`Story number ${story[1]}`));
    res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
  });
  feedsQueue = createFeedsQueue({ connection: h.redis, prefix: h.services.prefix });
  deps = {
    db: h.db,
    feedsQueue,
    ingestQueue: h.queue,
    fetchLimits: { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3, guard },
    log: () => {},
  };
});

afterAll(async () => {
  await feedsQueue.close();
  await h.close();
  await guard.close();
});

const ingestJobs = async () =>
  (await h.queue.getJobs(["waiting", "delayed", "active", "completed", "failed"])).length;

describe("feed polling on real Postgres and Redis", () => {
  it("submits new items once and only once over several polls; a 304 costs no ingestion", async () => {
    const { feed } = await addFeed(h.db, { url: `${h.origin}/wire.xml` });

    const first = await pollFeed(feed.id, deps);
    expect(first).toMatchObject({ status: "fetched", items: 2, submitted: 2 });
    // The feed's Cache-Control max-age (1 h) outlasts its 15 min interval.
    expect(first.status === "fetched" && first.nextPollInMs).toBe(60 * MIN);
    expect(await ingestJobs()).toBe(2);

    const second = await pollFeed(feed.id, deps);
    expect(second.status).toBe("not-modified");
    expect(etagRequests.at(-1)).toBe('"v2"');
    expect(await ingestJobs()).toBe(2);

    published = 4;
    const third = await pollFeed(feed.id, deps);
    expect(third).toMatchObject({ status: "fetched", items: 4, submitted: 2 });
    // The same content again without the validator (a server that ignores ETags) adds nothing.
    await h.db.execute(`update feeds set etag = null where id = '${feed.id}'`);
    expect(await pollFeed(feed.id, deps)).toMatchObject({ status: "fetched", items: 4, submitted: 0 });
    expect(await ingestJobs()).toBe(4);

    const urls = (await listArticles(h.db, { limit: 50 })).map((a) => a.url).sort();
    expect(urls).toEqual([1, 2, 3, 4].map((n) => `${h.origin}/story/${n}`));
    const stored = await getFeed(h.db, feed.id);
    expect(stored).toMatchObject({ title: "Local Wire", itemCount: 4, status: "ok", consecutiveFailures: 0 });
    // The poll left the feed's scheduler set to its next delay.
    const scheduler = await feedsQueue.getJobScheduler(feed.id);
    expect(scheduler?.every).toBe(60 * MIN);
  });

  it("backs off a broken feed, doubling its delay, and records its error", async () => {
    const { feed } = await addFeed(h.db, { url: `${h.origin}/broken.xml`, intervalMinutes: 10 });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const outcome = await pollFeed(feed.id, deps);
      expect(outcome.status).toBe("failed");
      if (outcome.status === "failed") delays.push(outcome.nextPollInMs);
    }
    expect(delays).toEqual([20 * MIN, 40 * MIN, 80 * MIN]);
    expect(brokenHits).toBe(3);
    const stored = await getFeed(h.db, feed.id);
    expect(stored?.status).toBe("failing");
    expect(stored?.consecutiveFailures).toBe(3);
    expect(stored?.lastError).toMatch(/HTML page, not a feed/);
    expect((await feedsQueue.getJobScheduler(feed.id))?.every).toBe(80 * MIN);
  });

  it("fails a feed on a private address, or redirected to one, with the reason and never fetches it", async () => {
    const { feed: inside } = await addFeed(h.db, { url: "http://10.0.0.5/rss.xml" });
    expect(await pollFeed(inside.id, deps)).toMatchObject({
      status: "failed",
      error: "http://10.0.0.5/rss.xml refused: 10.0.0.5 is a private address",
    });
    expect((await getFeed(h.db, inside.id))?.lastError).toBe(
      "http://10.0.0.5/rss.xml refused: 10.0.0.5 is a private address",
    );
    const { feed: bounced } = await addFeed(h.db, { url: `${h.origin}/to-metadata.xml` });
    expect(await pollFeed(bounced.id, deps)).toMatchObject({
      status: "failed",
      error: "http://169.254.169.254/latest/feed.xml refused: 169.254.169.254 is a cloud metadata address",
    });
  });

  it("decodes a gzip feed, and refuses one that decompresses past the byte cap", async () => {
    const { feed } = await addFeed(h.db, { url: `${h.origin}/gzipped.xml` });
    expect(await pollFeed(feed.id, deps)).toMatchObject({ status: "fetched", items: 1 });
    const { feed: bomb } = await addFeed(h.db, { url: `${h.origin}/bomb.xml` });
    expect(await pollFeed(bomb.id, deps)).toMatchObject({
      status: "failed",
      error: `too large: ${h.origin}/bomb.xml is over 1000000 bytes after decompression`,
    });
  });

  it("keeps the feed's summary as the article when the item's page cannot be fetched", async () => {
    const { feed } = await addFeed(h.db, { url: `${h.origin}/gone.xml` });
    expect(await pollFeed(feed.id, deps)).toMatchObject({ status: "fetched", submitted: 1 });
    const [article] = (await listArticles(h.db, { limit: 50 })).filter(
      (a) => a.url === `${h.origin}/missing`,
    );
    expect(article).toBeDefined();
    await h.startWorkers();
    const final = await h.waitForFinal(article!.id);
    expect(final.status).toBe("ready");
    expect(final.title).toBe("Vanished page");
    expect(final.paragraphs.map((p) => p.text).join(" ")).toMatch(/council approved the harbour budget/);
  });

  it("polls through the feed's job scheduler in the running worker, and a removed feed's poll drops it", async () => {
    published = 5;
    const { feed } = await addFeed(h.db, { url: `${h.origin}/wire.xml?scheduled`, intervalMinutes: 15 });
    await scheduleFeed(feedsQueue, feed.id, 15 * MIN, new Date());
    const polled = await waitFor(async () => {
      const current = await getFeed(h.db, feed.id);
      return current?.lastPolledAt ? current : null;
    }, "the scheduled poll");
    expect(polled.status).toBe("ok");
    expect((await feedsQueue.getJobScheduler(feed.id))?.every).toBe(60 * MIN);

    await h.db.execute(`delete from feeds where id = '${feed.id}'`);
    expect(await pollFeed(feed.id, deps)).toEqual({ status: "gone" });
    expect(await feedsQueue.getJobScheduler(feed.id)).toBeUndefined();
  });

  it("asks robots.txt and names Parallax like page fetches do: a disallowed feed fails with the reason", async () => {
    const politeness = new Politeness(h.redis, `${h.services.prefix}-feeds`, { minIntervalMs: 0, guard });
    const polite: PollDeps = { ...deps, fetchLimits: { ...deps.fetchLimits, politeness } };
    const { feed: open } = await addFeed(h.db, { url: `${h.origin}/open.xml` });
    expect(await pollFeed(open.id, polite)).toMatchObject({ status: "fetched", items: 1 });
    expect(userAgents.at(-1)).toMatch(/^Parallax\//);

    const { feed: hidden } = await addFeed(h.db, { url: `${h.origin}/private/feed.xml` });
    const seen = userAgents.length;
    const outcome = await pollFeed(hidden.id, polite);
    expect(outcome.status).toBe("failed");
    expect((await getFeed(h.db, hidden.id))?.lastError).toMatch(
      /robots\.txt of .* disallows \/private\/feed\.xml/,
    );
    expect(userAgents.length).toBe(seen);
  });

  it("asks for a known, readable article's page again when another feed lists its URL (a possible new revision)", async () => {
    const { articleId } = await storeSubmission(h.db, { url: `${h.origin}/story/1` });
    await setArticleStatus(h.db, articleId, "ready");
    const { feed } = await addFeed(h.db, { url: `${h.origin}/mirror.xml` });
    expect(await pollFeed(feed.id, deps)).toMatchObject({ status: "fetched", items: 1, submitted: 0 });
    const jobs = await h.queue.getJobs(["waiting", "delayed", "active", "completed", "failed"]);
    expect(jobs.filter((j) => j.name === "refetch" && j.data.articleId === articleId)).toHaveLength(1);
  });
});
