import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createCaller } from "@parallax/api";
import { closeDatabase, createDatabase, type Database, getArticle } from "@parallax/db";
import { createIngestQueue, createRedis, type IngestJob, type Redis } from "@parallax/queue";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../../tooling/vitest/services";
import { type RunningWorkers, reconcile, startWorkers } from "../index";

const seed = (name: string) =>
  readFileSync(new URL(`../../../../../shared/seeds/${name}`, import.meta.url), "utf8");

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour reopens after storm | Coast Gazette</title>
<meta property="og:site_name" content="Coast Gazette"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour at Port Ellis reopened on Tuesday after a three-day closure caused by the storm, the port authority said.</p>
<p>Fishing crews returned to their moorings early in the morning, and the first ferry left shortly after nine.</p>
<p>Repairs to the northern breakwater will take several more weeks, according to the authority's engineers.</p>
</article><footer>© Coast Gazette</footer></body></html>`;

let server: Server;
let origin: string;
let db: Database;
let redis: Redis;
let queue: Queue<IngestJob>;
let workers: RunningWorkers | undefined;
const services = testServices();

async function waitForFinal(id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const article = await getArticle(db, id);
    if (article && ["ready", "failed", "duplicate"].includes(article.status)) return article;
    if (Date.now() > deadline)
      throw new Error(`article ${id} still ${article?.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/harbour.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (req.url === "/report.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n");
    } else if (req.url === "/moved") {
      res.writeHead(301, { location: "/harbour.html" }).end();
    } else {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  db = createDatabase(services.databaseUrl);
  redis = createRedis(services.redisUrl, "producer");
  // Short backoff so a transient failure exhausts its attempts within the test.
  queue = createIngestQueue(
    { connection: redis, prefix: services.prefix },
    { backoff: { type: "fixed", delay: 50 } },
  );
});

afterAll(async () => {
  await workers?.close();
  await queue?.close();
  await redis?.quit();
  await closeDatabase(db);
  await new Promise((resolve) => server.close(resolve));
});

function startTestWorkers() {
  return startWorkers({
    db,
    redisUrl: services.redisUrl,
    prefix: services.prefix,
    concurrency: 2,
    fetchLimits: { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3 },
    log: () => {},
  });
}

describe("ingest pipeline on real Postgres and Redis", () => {
  const api = () => createCaller({ db, ingestQueue: queue, log: () => {} });

  it("reconciles: an article whose job vanished with Redis's data is enqueued again and ends ready", async () => {
    const submitted = await api().article.submit({ text: seed("002_41147d8f43a0c177.txt") });
    expect(await queue.getJob(submitted.articleId)).toBeDefined();
    // Redis losing its data: every key of this queue prefix gone.
    const keys = await redis.keys(`${services.prefix}:*`);
    if (keys.length) await redis.del(...keys);
    expect(await queue.getJob(submitted.articleId)).toBeUndefined();

    const report = await reconcile(db, queue);
    expect(report.enqueued).toBeGreaterThanOrEqual(1);
    workers = await startTestWorkers();
    const article = await waitForFinal(submitted.articleId);
    expect(article.status).toBe("ready");
    expect(article.title).toMatch(/^Analysis: Japan’s New Leader/);
  });

  it("takes pasted text through the worker to a ready article with its headings", async () => {
    const submitted = await api().article.submit({ text: seed("000_692c35d782a7bbcb.txt") });
    expect(submitted.created).toBe(true);
    const article = await waitForFinal(submitted.articleId);
    expect(article.status).toBe("ready");
    expect(article.titleSource).toBe("derived");
    expect(article.publishedAt?.slice(0, 10)).toBe("2026-03-12");
    const headings = article.paragraphs.filter((p) => p.kind === "heading").map((p) => p.text);
    expect(headings).toContain("Staying in Trump’s Favor");
    expect(article.paragraphs.map((p) => p.n)).toEqual(article.paragraphs.map((_, i) => i + 1));
  });

  it("returns the existing article for the same text or URL: no second row, no second job", async () => {
    const text = seed("000_692c35d782a7bbcb.txt");
    const first = await api().article.submit({ text });
    const again = await api().article.submit({ text: `  ${text.replace(/\n\n/g, "\n\n\n")}  ` });
    expect(again).toMatchObject({ articleId: first.articleId, created: false });

    const byUrl = await api().article.submit({ url: `${origin}/harbour.html?utm_source=feed` });
    const byUrlAgain = await api().article.submit({ url: `${origin}/harbour.html#comments` });
    expect(byUrlAgain).toMatchObject({ articleId: byUrl.articleId, created: false });

    const rows = await db.$client.query(
      "select count(*)::int as n from articles where url_key = $1 or id = $2",
      [`${origin}/harbour.html`, first.articleId],
    );
    expect(rows.rows[0].n).toBe(2);
    const jobs = await queue.getJobs(["waiting", "active", "completed", "delayed", "failed"]);
    expect(jobs.filter((j) => j.id === byUrl.articleId)).toHaveLength(1);
  });

  it("fetches a URL through a redirect, keeps the fetched bytes, and extracts the article", async () => {
    const submitted = await api().article.submit({ url: `${origin}/moved` });
    const article = await waitForFinal(submitted.articleId);
    expect(article.status).toBe("ready");
    expect(article.paragraphs.map((p) => p.text).join(" ")).toContain("breakwater");
    expect(article.paragraphs.map((p) => p.text).join(" ")).not.toContain("Home");
    const raw = await db.$client.query(
      "select kind, http_status from raw_documents where article_id = $1 order by created_at",
      [submitted.articleId],
    );
    expect(raw.rows.map((r) => r.kind)).toEqual(["url", "fetch"]);
  });

  it("marks a 404 page failed with a reason a person can read", async () => {
    const submitted = await api().article.submit({ url: `${origin}/gone` });
    const article = await waitForFinal(submitted.articleId);
    expect(article.status).toBe("failed");
    expect(article.error).toMatch(/HTTP 404/);
  });

  it("refuses non-article content types by name", async () => {
    const submitted = await api().article.submit({ url: `${origin}/report.pdf` });
    const article = await waitForFinal(submitted.articleId);
    expect(article.status).toBe("failed");
    expect(article.error).toMatch(/unsupported content \(application\/pdf\)/);
  });

  it("retries an unreachable host, then fails with the reason", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const submitted = await api().article.submit({ url: `http://127.0.0.1:${port}/story` });
    const article = await waitForFinal(submitted.articleId);
    expect(article.status).toBe("failed");
    expect(article.error).toMatch(/connection refused/);
    const job = await queue.getJob(submitted.articleId);
    expect(job?.attemptsMade).toBe(4);
  });

  it("puts a failed article back in the queue when it is submitted again", async () => {
    const submitted = await api().article.submit({ url: `${origin}/later` });
    expect((await waitForFinal(submitted.articleId)).status).toBe("failed");
    const again = await api().article.submit({ url: `${origin}/later` });
    expect(again).toMatchObject({ articleId: submitted.articleId, status: "queued", created: false });
    expect((await waitForFinal(submitted.articleId)).status).toBe("failed");
  });

  it("validates submissions at the boundary", async () => {
    await expect(api().article.submit({ text: "   " })).rejects.toThrow(/text is empty/);
    await expect(api().article.submit({ url: "file:///etc/passwd" } as never)).rejects.toThrow();
  });
});
