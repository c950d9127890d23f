import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { FetchGuard } from "@parallax/net";
import { createRedis, createStageQueues, type RedisConnection, type StageQueues } from "@parallax/queue";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../../tooling/vitest/services";
import { createCaller } from "../root";

let db: Database;
let drop: () => Promise<void>;
let redis: RedisConnection;
let queues: StageQueues;
let server: Server;
let origin: string;
let api: ReturnType<typeof createCaller>;
/** The test site is on loopback, which discovery reaches only through the allow-list. */
const fetchGuard = new FetchGuard({ allow: "127.0.0.1" });

const atom = (
  title: string,
) => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title>
<link href="ORIGIN/"/><entry><id>urn:1</id><title>One</title><link href="ORIGIN/one"/></entry></feed>`;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 2 });
  const services = testServices();
  redis = createRedis(services.redisUrl, "producer");
  queues = createStageQueues({ connection: redis, prefix: services.prefix });
  server = createServer((req, res) => {
    const body = (text: string) => text.replaceAll("ORIGIN", origin);
    if (req.url === "/")
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          body(
            `<!doctype html><html><head><link rel="alternate" type="application/atom+xml" title="Site news" href="/news.atom"></head><body>Home</body></html>`,
          ),
        );
    if (req.url === "/gzipped.atom")
      return void res
        .writeHead(200, { "content-type": "application/atom+xml", "content-encoding": "gzip" })
        .end(gzipSync(body(atom("Squeezed news"))));
    if (req.url === "/intranet-links")
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          `<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="http://169.254.169.254/latest/feed.xml"><link rel="alternate" type="application/rss+xml" href="http://10.0.0.5/rss"></head><body>Intranet</body></html>`,
        );
    if (req.url === "/to-private") return void res.writeHead(302, { location: "http://10.0.0.5/rss" }).end();
    if (req.url === "/news.atom")
      return void res.writeHead(200, { "content-type": "application/atom+xml" }).end(body(atom("Site news")));
    if (req.url === "/feed.json")
      return void res
        .writeHead(200, { "content-type": "application/feed+json" })
        .end(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "JSON side", items: [] }));
    if (req.url === "/words")
      return void res.writeHead(200, { "content-type": "text/plain" }).end("just some words");
    if (req.url === "/binary")
      return void res
        .writeHead(200, { "content-type": "application/octet-stream" })
        .end(Buffer.from([0, 1, 2, 3, 0]));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = createCaller({
    db,
    ingestQueue: queues.ingest as never,
    queues,
    fetchGuard,
    log: () => {},
    viewer: { kind: "local" },
  });
});

afterAll(async () => {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
  await redis.quit();
  await new Promise((resolve) => server.close(resolve));
  await fetchGuard.close();
  await closeDatabase(db);
  await drop();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof TRPCError ? { code: error.code, message: error.message } : error),
  );

describe("subscription router", () => {
  it("subscribes to a feed URL with a scheduler, and removing it removes the scheduler", async () => {
    const added = await api.subscription.add({ url: `${origin}/news.atom` });
    expect(added).toMatchObject({ status: "added", created: true, scheduled: true });
    if (added.status !== "added") throw new Error("not added");
    expect(added.feed).toMatchObject({ title: "Site news", intervalMinutes: 15, status: "new" });
    expect((await queues.feeds.getJobScheduler(added.feed.id))?.every).toBe(15 * 60_000);
    expect(await api.subscription.add({ url: `${origin}/news.atom` })).toMatchObject({ created: false });

    await api.subscription.remove({ id: added.feed.id });
    expect(await queues.feeds.getJobScheduler(added.feed.id)).toBeUndefined();
    expect(await api.subscription.list()).toEqual([]);
  });

  it("offers the feeds discovered on a home page, linked and at common paths", async () => {
    const added = await api.subscription.add({ url: `${origin}/` });
    expect(added).toEqual({
      status: "choose",
      candidates: [
        { url: `${origin}/news.atom`, title: "Site news", itemCount: 1 },
        { url: `${origin}/feed.json`, title: "JSON side", itemCount: 0 },
      ],
    });
  });

  it("refuses what is not a feed, naming the problem", async () => {
    expect(await failure(api.subscription.add({ url: `${origin}/words` }))).toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/not an RSS, Atom, RDF or JSON feed/),
    });
    expect(await failure(api.subscription.add({ url: `${origin}/binary` }))).toMatchObject({
      message: expect.stringMatching(/binary/),
    });
    expect(await failure(api.subscription.add({ url: `${origin}/missing` }))).toMatchObject({
      message: expect.stringMatching(/HTTP 404/),
    });
    expect(await failure(api.subscription.importOpml({ opml: "<html>nope</html>" }))).toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("round-trips subscriptions through OPML export and import", async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
      <outline text="World"><outline text="Wire &amp; Co" xmlUrl="https://wire.test/rss" htmlUrl="https://wire.test/"/></outline>
      <outline text="Blog" xmlUrl="https://blog.test/atom.xml"/><outline text="Broken" xmlUrl="javascript:alert(1)"/></body></opml>`;
    const first = await api.subscription.importOpml({ opml });
    expect(first).toMatchObject({ added: 2, existing: 0, skipped: [{ text: "Broken" }] });
    const exported = await api.subscription.exportOpml();
    const before = (await api.subscription.list()).map(({ url, title, siteUrl }) => ({
      url,
      title,
      siteUrl,
    }));
    expect(before).toEqual([
      { url: "https://blog.test/atom.xml", title: "Blog", siteUrl: null },
      { url: "https://wire.test/rss", title: "Wire & Co", siteUrl: "https://wire.test/" },
    ]);
    for (const feed of await api.subscription.list()) await api.subscription.remove({ id: feed.id });
    expect(await api.subscription.importOpml({ opml: exported })).toMatchObject({ added: 2, skipped: [] });
    const after = (await api.subscription.list()).map(({ url, title, siteUrl }) => ({ url, title, siteUrl }));
    expect(after).toEqual(before);
    expect(await api.subscription.importOpml({ opml: exported })).toMatchObject({ added: 0, existing: 2 });
  });

  it("decodes a gzip-compressed feed", async () => {
    const added = await api.subscription.add({ url: `${origin}/gzipped.atom` });
    expect(added).toMatchObject({ status: "added", feed: { title: "Squeezed news" } });
  });

  it("never fetches a private, loopback or metadata address, nor follows a redirect to one", async () => {
    const closed = createCaller({
      db,
      ingestQueue: queues.ingest as never,
      queues,
      log: () => {},
      viewer: { kind: "local" },
    });
    expect(await failure(closed.subscription.add({ url: `${origin}/news.atom` }))).toEqual({
      code: "BAD_REQUEST",
      message: `${origin}/news.atom refused: 127.0.0.1 is a loopback address`,
    });
    expect(await failure(api.subscription.add({ url: "http://169.254.169.254/latest/meta-data/" }))).toEqual({
      code: "BAD_REQUEST",
      message:
        "http://169.254.169.254/latest/meta-data/ refused: 169.254.169.254 is a cloud metadata address",
    });
    expect(await failure(api.subscription.discover({ url: `${origin}/to-private` }))).toEqual({
      code: "BAD_REQUEST",
      message: "http://10.0.0.5/rss refused: 10.0.0.5 is a private address",
    });
    // Feeds a page links to inside the network are refused when probed, so never offered; the site's own
    // /feed.json (a common path) still is.
    expect(await api.subscription.add({ url: `${origin}/intranet-links` })).toEqual({
      status: "choose",
      candidates: [{ url: `${origin}/feed.json`, title: "JSON side", itemCount: 0 }],
    });
  });
});
