import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueKeyPrefix } from "@parallax/queue";
import { type Harness, seed, startHarness } from "../__fixtures__/harness";
import { reconcile } from "../index";

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour reopens after storm | Coast Gazette</title>
<meta property="og:site_name" content="Coast Gazette"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour reopens after storm</h1>
<p>The harbour at Port Ellis reopened on Tuesday after a three-day closure caused by the storm, the port authority said.</p>
<p>Fishing crews returned to their moorings early in the morning, and the first ferry left shortly after nine.</p>
<p>Repairs to the northern breakwater will take several more weeks, according to the authority's engineers.</p>
</article><footer>© Coast Gazette</footer></body></html>`;

const GZIP_PAGE = `<!doctype html><html lang="en"><head><title>Council approves ferry budget | Coast Gazette</title>
</head><body><article><h1>Council approves ferry budget</h1>
<p>The town council approved next year's ferry budget on Monday evening after a debate that lasted four hours.</p>
<p>Two new vessels will be leased from a shipyard in the north, and timetables will change from the first of May.</p>
<p>Opposition members said fares would rise by a tenth, which the transport committee disputed in a statement.</p>
</article></body></html>`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness((req, res) => {
    if (req.url === "/harbour.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (req.url === "/report.pdf") {
      res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n");
    } else if (req.url === "/harbour-gzip.html") {
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-encoding": "gzip" })
        .end(gzipSync(GZIP_PAGE));
    } else if (req.url === "/bomb.html") {
      // 2 GB of spaces would come out of these ~2 MB; the worker's cap is 1 MB.
      const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, " "));
      res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      for (let i = 0; i < 32; i++) res.write(member);
      res.on("error", () => {});
      res.end();
    } else if (req.url === "/to-intranet") {
      res.writeHead(302, { location: "http://192.168.1.1/admin" }).end();
    } else if (req.url === "/moved") {
      res.writeHead(301, { location: "/harbour.html" }).end();
    } else {
      res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
    }
  });
});

afterAll(() => h.close());

describe("ingest pipeline on real Postgres and Redis", () => {
  const api = () => h.api();

  it("reconciles: an article whose job vanished with Redis's data is enqueued again and ends ready", async () => {
    const submitted = await api().article.submit({ text: seed("002_41147d8f43a0c177.txt") });
    expect(await h.queue.getJob(submitted.articleId)).toBeDefined();
    // Redis losing its data: every key of this queue prefix gone.
    const keys = await h.redis.keys(`${queueKeyPrefix(h.services.prefix)}:*`);
    if (keys.length) await h.redis.del(...keys);
    expect(await h.queue.getJob(submitted.articleId)).toBeUndefined();

    const report = await reconcile(h.db, h.queue);
    expect(report.enqueued).toBeGreaterThanOrEqual(1);
    await h.startWorkers();
    const article = await h.waitForFinal(submitted.articleId);
    expect(article.status).toBe("ready");
    expect(article.title).toMatch(/^Analysis: Japan’s New Leader/);
  });

  it("takes pasted text through the worker to a ready article with its headings", async () => {
    const submitted = await api().article.submit({ text: seed("000_692c35d782a7bbcb.txt") });
    expect(submitted.created).toBe(true);
    const article = await h.waitForFinal(submitted.articleId);
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

    const byUrl = await api().article.submit({ url: `${h.origin}/harbour.html?utm_source=feed` });
    const byUrlAgain = await api().article.submit({ url: `${h.origin}/harbour.html#comments` });
    expect(byUrlAgain).toMatchObject({ articleId: byUrl.articleId, created: false });

    const rows = await h.db.$client.query(
      "select count(*)::int as n from articles where url_key = $1 or id = $2",
      [`${h.origin}/harbour.html`, first.articleId],
    );
    expect(rows.rows[0].n).toBe(2);
    const jobs = await h.queue.getJobs(["waiting", "active", "completed", "delayed", "failed"]);
    expect(jobs.filter((j) => j.id === byUrl.articleId)).toHaveLength(1);
  });

  it("fetches a URL through a redirect, keeps the fetched bytes, and extracts the article", async () => {
    const submitted = await api().article.submit({ url: `${h.origin}/moved` });
    const article = await h.waitForFinal(submitted.articleId);
    expect(article.status).toBe("ready");
    expect(article.paragraphs.map((p) => p.text).join(" ")).toContain("breakwater");
    expect(article.paragraphs.map((p) => p.text).join(" ")).not.toContain("Home");
    const raw = await h.db.$client.query(
      "select kind, http_status from raw_documents where article_id = $1 order by created_at",
      [submitted.articleId],
    );
    expect(raw.rows.map((r) => r.kind)).toEqual(["url", "fetch"]);
  });

  it("marks a 404 page failed with a reason a person can read", async () => {
    const submitted = await api().article.submit({ url: `${h.origin}/gone` });
    const article = await h.waitForFinal(submitted.articleId);
    expect(article.status).toBe("failed");
    expect(article.error).toMatch(/HTTP 404/);
  });

  it("refuses non-article content types by name", async () => {
    const submitted = await api().article.submit({ url: `${h.origin}/report.pdf` });
    const article = await h.waitForFinal(submitted.articleId);
    expect(article.status).toBe("failed");
    expect(article.error).toMatch(/unsupported content \(application\/pdf\)/);
  });

  it("retries an unreachable host, then fails with the reason", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const submitted = await api().article.submit({ url: `http://127.0.0.1:${port}/story` });
    const article = await h.waitForFinal(submitted.articleId);
    expect(article.status).toBe("failed");
    expect(article.error).toMatch(/connection refused/);
    const job = await h.queue.getJob(submitted.articleId);
    expect(job?.attemptsMade).toBe(4);
  });

  it("fails a URL on a private address, or redirected to one, at once with the reason and no retry", async () => {
    for (const [url, reason] of [
      ["http://10.0.0.5/story.html", "http://10.0.0.5/story.html refused: 10.0.0.5 is a private address"],
      ["http://[::ffff:169.254.169.254]/latest/", "refused: ::ffff:a9fe:a9fe is a cloud metadata address"],
      [`${h.origin}/to-intranet`, "http://192.168.1.1/admin refused: 192.168.1.1 is a private address"],
    ] as const) {
      const submitted = await api().article.submit({ url });
      const article = await h.waitForFinal(submitted.articleId);
      expect(article.status).toBe("failed");
      expect(article.error).toContain(reason);
      const job = await h.queue.getJob(submitted.articleId);
      expect(job?.attemptsMade).toBe(1);
    }
  });

  it("decodes a gzip page, and fails a gzip bomb at the byte cap without retrying", async () => {
    const page = await api().article.submit({ url: `${h.origin}/harbour-gzip.html` });
    const article = await h.waitForFinal(page.articleId);
    expect(article.status).toBe("ready");
    expect(article.title).toBe("Council approves ferry budget");

    const bomb = await api().article.submit({ url: `${h.origin}/bomb.html` });
    const failed = await h.waitForFinal(bomb.articleId);
    expect(failed.status).toBe("failed");
    expect(failed.error).toBe(`too large: ${h.origin}/bomb.html is over 1000000 bytes after decompression`);
    expect((await h.queue.getJob(bomb.articleId))?.attemptsMade).toBe(1);
  });

  it("puts a failed article back in the queue when it is submitted again", async () => {
    const submitted = await api().article.submit({ url: `${h.origin}/later` });
    expect((await h.waitForFinal(submitted.articleId)).status).toBe("failed");
    const again = await api().article.submit({ url: `${h.origin}/later` });
    expect(again).toMatchObject({ articleId: submitted.articleId, status: "queued", created: false });
    expect((await h.waitForFinal(submitted.articleId)).status).toBe("failed");
  });

  it("validates submissions at the boundary", async () => {
    await expect(api().article.submit({ text: "   " })).rejects.toThrow(/text is empty/);
    await expect(api().article.submit({ url: "file:///etc/passwd" } as never)).rejects.toThrow();
  });
});
