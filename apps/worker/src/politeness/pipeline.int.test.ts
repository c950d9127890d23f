import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../__fixtures__/harness";

const page = (
  title: string,
) => `<!doctype html><html lang="en"><head><title>${title} | Coast Gazette</title></head>
<body><article><h1>${title}</h1>
<p>The harbour at Port Ellis reopened on Tuesday after a three-day closure caused by the storm, the port authority said.</p>
<p>Fishing crews returned to their moorings early in the morning, and the first ferry left shortly after nine.</p>
<p>Repairs to the northern breakwater will take several more weeks, according to the authority's engineers.</p>
</article></body></html>`;

/** Three unrelated stories, so the pipeline keeps all three rather than calling two of them duplicates. */
const SLOW: Record<string, string> = {
  "/slow/1.html": `<html><head><title>Council votes on budget</title></head><body><article><h1>Council votes on budget</h1>
<p>The city council approved next year's budget on Monday evening after a debate that lasted more than four hours.</p>
<p>Spending on road repairs rises by a tenth, while the library service keeps its current opening hours.</p></article></body></html>`,
  "/slow/2.html": `<html><head><title>Rail line closes for works</title></head><body><article><h1>Rail line closes for works</h1>
<p>Trains between Ashford and the coast will not run for two weekends in May while engineers replace a bridge.</p>
<p>Replacement buses will call at every station, and tickets remain valid on the ferry across the estuary.</p></article></body></html>`,
  "/slow/3.html": `<html><head><title>Orchard harvest starts early</title></head><body><article><h1>Orchard harvest starts early</h1>
<p>Growers in the valley began picking apples a fortnight earlier than usual after an unusually warm spring.</p>
<p>Cooperative managers expect a large crop but warn that prices paid to farmers could fall as a result.</p></article></body></html>`,
};

let h: Harness;
const userAgents = new Set<string>();
let active = 0;
let maxActive = 0;

beforeAll(async () => {
  h = await startHarness((req, res) => {
    userAgents.add(String(req.headers["user-agent"]));
    if (req.url === "/robots.txt") {
      res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: Parallax\nDisallow: /private/\n");
    } else if (req.url === "/moved") {
      res.writeHead(301, { location: "/private/harbour.html" }).end();
    } else if (req.url?.startsWith("/slow/")) {
      active++;
      maxActive = Math.max(maxActive, active);
      setTimeout(() => {
        active--;
        res.writeHead(200, { "content-type": "text/html" }).end(SLOW[req.url ?? ""] ?? "");
      }, 400);
    } else {
      res.writeHead(200, { "content-type": "text/html" }).end(page("Harbour reopens"));
    }
  });
  // One fetch per host at a time and a short wait for it: two ingest jobs of one site must take turns.
  await h.startWorkers({
    concurrency: 3,
    politeness: {
      maxConcurrent: 1,
      minIntervalMs: 0,
      maxWaitMs: 100,
      userAgent: "Parallax/0.1 (+https://news.example.org/about; self-hosted news reader)",
    },
  });
});

afterAll(() => h.close());

describe("politeness in the ingest pipeline", () => {
  it("fails an article robots.txt disallows, for good, saying so", async () => {
    const submitted = await h.api().article.submit({ url: `${h.origin}/private/harbour.html` });
    const article = await h.waitForFinal(submitted.articleId);
    expect(article.status).toBe("failed");
    expect(article.error).toBe("robots.txt of 127.0.0.1 disallows /private/harbour.html for Parallax");
    const job = await h.queue.getJob(submitted.articleId);
    expect(job?.failedReason).toBe(article.error);
    expect(job?.attemptsMade).toBeLessThanOrEqual(1);
  });

  it("checks robots.txt again where a redirect leads", async () => {
    const submitted = await h.api().article.submit({ url: `${h.origin}/moved` });
    const article = await h.waitForFinal(submitted.articleId);
    expect(article.error).toBe("robots.txt of 127.0.0.1 disallows /private/harbour.html for Parallax");
  });

  it("delays jobs for a busy host without using up their attempts, and sends the configured User-Agent", async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(
        async (n) => (await h.api().article.submit({ url: `${h.origin}/slow/${n}.html` })).articleId,
      ),
    );
    const articles = await Promise.all(ids.map((id) => h.waitForFinal(id, 30_000)));
    expect(articles.map((a) => a.status)).toEqual(["ready", "ready", "ready"]);
    expect(maxActive).toBe(1);
    const jobs = await Promise.all(ids.map((id) => h.queue.getJob(id)));
    // Some jobs were started more than once (stepped aside for the busy host), yet none used a retry.
    expect(Math.max(...jobs.map((j) => j?.attemptsStarted ?? 0))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...jobs.map((j) => j?.attemptsMade ?? 99))).toBeLessThanOrEqual(1);
    expect([...userAgents]).toEqual([
      "Parallax/0.1 (+https://news.example.org/about; self-hosted news reader)",
    ]);
  });
});
