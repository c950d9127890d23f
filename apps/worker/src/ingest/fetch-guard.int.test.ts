import { getArticle } from "@parallax/db";
import type { ResolveHost } from "@parallax/net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, waitFor } from "../__fixtures__/harness";

const PAGE = `<!doctype html><html lang="en"><head><title>Tram line opens | Valley Courier</title></head><body>
<article><h1>Tram line opens</h1>
<p>The new tram line between the harbour and the university opened on Saturday, two months behind schedule.</p>
<p>About four thousand passengers rode it on the first day, according to the city's transport office.</p>
<p>Shops along the route said they hoped the line would bring back customers lost during the works.</p>
</article></body></html>`;

const MOVING = `<!doctype html><html lang="en"><head><title>Library reopens | Valley Courier</title></head><body>
<article><h1>Library reopens</h1>
<p>The central library reopened its reading rooms on Monday after a year of repairs to the roof and the heating.</p>
<p>Borrowers returned more than two thousand overdue books in the first week, without fines, the librarian said.</p>
<p>The council will decide in June whether the library keeps its longer opening hours on Sundays.</p>
</article></body></html>`;

/** news.example is the test server (allow-listed by name); intranet.example is a name whose DNS points inside. */
const resolve: ResolveHost = async (hostname) => {
  if (hostname === "news.example") return [{ address: "127.0.0.1", family: 4 }];
  if (hostname === "intranet.example") return [{ address: "10.0.0.9", family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
};

let h: Harness;
let movedInside = false;
const hosts: string[] = [];
const news = (path: string) => `http://news.example:${new URL(h.origin).port}${path}`;

beforeAll(async () => {
  h = await startHarness((req, res) => {
    if (req.url !== "/robots.txt") hosts.push(String(req.headers.host));
    if (req.url === "/story") return void res.writeHead(200, { "content-type": "text/html" }).end(PAGE);
    if (req.url === "/to-intranet")
      return void res.writeHead(302, { location: "http://intranet.example/admin" }).end();
    if (req.url === "/moving")
      return movedInside
        ? void res.writeHead(301, { location: "http://intranet.example/story" }).end()
        : void res.writeHead(200, { "content-type": "text/html" }).end(MOVING);
    res.writeHead(404).end();
  });
  await h.startWorkers({ net: { allow: "127.0.0.1,news.example", resolve } });
});

afterAll(() => h.close());

describe("the worker's fetches and the address guard", () => {
  it("fetches an allow-listed name at the address it resolves to, with the name in the Host header", async () => {
    const submitted = await h.api().article.submit({ url: news("/story") });
    const article = await h.waitForFinal(submitted.articleId);
    expect(article.status).toBe("ready");
    expect(hosts).toContain(`news.example:${new URL(h.origin).port}`);
  });

  it("fails a name that resolves to a private address, or a redirect to one, once and with the reason", async () => {
    for (const [url, reason] of [
      [
        "http://intranet.example/story",
        "http://intranet.example/story refused: intranet.example resolves to 10.0.0.9, a private address",
      ],
      [
        news("/to-intranet"),
        "http://intranet.example/admin refused: intranet.example resolves to 10.0.0.9, a private address",
      ],
    ] as const) {
      const submitted = await h.api().article.submit({ url });
      const article = await h.waitForFinal(submitted.articleId);
      expect(article.status, url).toBe("failed");
      expect(article.error, url).toBe(reason);
      expect((await h.queue.getJob(submitted.articleId))?.attemptsMade, url).toBe(1);
    }
  });

  it("ends a refetch whose page now redirects inside the network at once, and the article stays readable", async () => {
    const submitted = await h.api().article.submit({ url: news("/moving") });
    expect((await h.waitForFinal(submitted.articleId)).status).toBe("ready");
    movedInside = true;
    expect(await h.api().article.submit({ url: news("/moving") })).toMatchObject({ refetch: "queued" });
    const failed = await waitFor(async () => {
      const jobs = await h.queue.getJobs(["failed"]);
      return jobs.find((job) => job.name === "refetch" && job.data.articleId === submitted.articleId);
    }, "the failed refetch");
    expect(failed.failedReason).toBe(
      "http://intranet.example/story refused: intranet.example resolves to 10.0.0.9, a private address",
    );
    // Two attempts are allowed for a refetch; a refusal uses one.
    expect(failed.attemptsMade).toBe(1);
    expect((await getArticle(h.db, submitted.articleId))?.status).toBe("ready");
  });
});
