import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_HEADLINE, seedEntityCorpus } from "../../../packages/db/src/__fixtures__/entity-corpus";
import { isolatedDatabase, testServices } from "../../../tooling/vitest/services";
import { type RunningNext, startNext } from "./next-server";

// The entity page, feeds and exports only read Postgres: the built app on a database of its own, no workers
// (whose reconciler would re-enrich the seeded articles).
let next: RunningNext;
let db: Database;
let drop: () => Promise<void>;
let browser: Browser;
let corpus: Awaited<ReturnType<typeof seedEntityCorpus>>;
const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

beforeAll(async () => {
  const { redisUrl, prefix } = testServices();
  const own = await isolatedDatabase();
  drop = own.drop;
  db = createDatabase(own.url);
  corpus = await seedEntityCorpus(db);
  next = await startNext({ DATABASE_URL: own.url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
});

afterAll(async () => {
  await browser?.close().catch(() => {});
  await next?.stop();
  if (db) await closeDatabase(db);
  await drop?.();
});

const get = (path: string) => fetch(`${next.baseUrl}${path}`, { redirect: "manual" });

describe("/entities/[slug]", () => {
  it("shows one actor across the corpus, passes axe at 375 px in both schemes, with no sideways scroll", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 }, colorScheme });
      try {
        const response = await page.goto(`${next.baseUrl}/entities/shigeru-ishiba`);
        expect(response?.status()).toBe(200);
        expect(await page.locator("h1").allTextContents()).toEqual(["Shigeru Ishiba"]);
        for (const heading of ["Also called", "Mentions over time", "Stories", "How each outlet names it"])
          await expect(page.getByRole("heading", { name: heading, exact: true }).count()).resolves.toBe(1);
        expect(await page.getByRole("img", { name: /Mentions of Shigeru Ishiba per/ }).count()).toBe(1);
        expect(await page.locator(`a[href="/stories/${corpus.briefed}"]`).textContent()).toBe(
          HOSTILE_HEADLINE,
        );
        expect(await page.locator(`a[href="/articles/${corpus.nippon}#p-2"]`).count()).toBeGreaterThan(0);
        expect(
          await page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href"),
        ).toBe("/feeds/entities/shigeru-ishiba.atom");
        const main = await page.evaluate(() => document.querySelector("main")!.scrollWidth);
        expect(main).toBeLessThanOrEqual(375);
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          // biome-ignore lint/suspicious/noExplicitAny: axe's global
          const result = await (window as any).axe.run(document.querySelector("main"), {
            runOnly: ["wcag2a", "wcag2aa"],
          });
          return result.violations.map((v: { id: string }) => v.id);
        });
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it("answers 404 for an unknown or malformed slug", async () => {
    for (const slug of ["nobody-at-all", "Shigeru%20Ishiba", "%3Cscript%3E", "a".repeat(300)])
      expect((await get(`/entities/${slug}`)).status).toBe(404);
  });
});

describe("feeds", () => {
  it("serves the stories as Atom and JSON Feed with absolute links and escaped headlines", async () => {
    const atom = await get("/feeds/stories.atom");
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await atom.text();
    expect(xml).not.toContain("<script>");
    expect(xml).toContain(`<id>urn:uuid:${corpus.briefed}</id>`);
    expect(xml).toContain(`${next.baseUrl}/stories/${corpus.briefed}`);
    const json = await get("/feeds/stories.json");
    expect(json.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = (await json.json()) as { version: string; items: Array<{ id: string; title: string }> };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items.map((i) => i.id)).toEqual([
      `urn:uuid:${corpus.briefed}`,
      `urn:uuid:${corpus.unrelated}`,
    ]);
    expect(feed.items[0]!.title).toBe(HOSTILE_HEADLINE);
  });

  it("serves an entity's feed, and 404 for anything but <slug>.atom or .json of a known entity", async () => {
    const feed = (await (await get("/feeds/entities/shigeru-ishiba.json")).json()) as {
      items: Array<{ id: string }>;
    };
    expect(feed.items.map((i) => i.id)).toEqual([`urn:uuid:${corpus.briefed}`]);
    expect((await get("/feeds/entities/shigeru-ishiba.atom")).status).toBe(200);
    for (const file of ["shigeru-ishiba.rss", "shigeru-ishiba", "nobody.atom", "..%2Fx.atom"])
      expect((await get(`/feeds/entities/${file}`)).status, file).toBe(404);
  });
});

describe("exports", () => {
  it("gives the briefing as Markdown and JSON, an earlier version on request, 404 and 400 for bad ones", async () => {
    const md = await get(`/stories/${corpus.briefed}/briefing.md`);
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.headers.get("content-disposition")).toBe(
      `inline; filename="briefing-${corpus.briefed.slice(0, 8)}-v2.md"`,
    );
    // A headline's text stays visible, and its tag is escaped so that a Markdown renderer shows it, not runs it.
    const markdown = await md.text();
    expect(markdown).toMatch(/^# Ishiba \\<script>/);
    expect(markdown).not.toMatch(/(^|[^\\])<script>/);
    const json = await get(`/stories/${corpus.briefed}/briefing.json?version=1`);
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await json.json()) as { headline: { text: string } }).headline.text).toBe("Ishiba meets Xi");
    expect((await get(`/stories/${corpus.briefed}/briefing.md?version=9`)).status).toBe(404);
    expect((await get(`/stories/${corpus.briefed}/briefing.md?version=-1`)).status).toBe(400);
    expect((await get(`/stories/${corpus.unbriefed}/briefing.json`)).status).toBe(404);
    expect((await get("/stories/not-a-story/briefing.json")).status).toBe(404);
  });

  it("redirects a merged story's export to the story it is part of", async () => {
    const response = await get(`/stories/${corpus.merged}/briefing.md`);
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`/stories/${corpus.briefed}/briefing.md`);
  });

  it("refuses comparison exports it cannot read with a 400 that says why", async () => {
    const none = await get("/compare/export.md");
    expect(none.status).toBe(400);
    const bad = await get("/compare/export.json?ids=nope");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain("is not an article id");
  });
});
