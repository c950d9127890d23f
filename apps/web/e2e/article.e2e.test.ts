import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { type Database, getArticleEnrichment } from "@parallax/db";
import { defaultNavItems } from "@parallax/ui";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningNext } from "./next-server";
import { artifacts, type E2eStack, repoRoot, startStack } from "./stack";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const seedPath = path.join(repoRoot, "../shared/seeds/000_692c35d782a7bbcb.txt");

let stack: E2eStack;
let next: RunningNext;
let db: Database;
let browser: Browser;
let articlePath = "";

beforeAll(async () => {
  // Its own database and queue prefix: the seed stored here must not make submit.e2e's first submission a duplicate.
  stack = await startStack({ ownDatabase: true });
  ({ next, db, browser } = stack);
  const response = await fetch(`${next.baseUrl}/api/articles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text: await readFile(seedPath, "utf8") }),
  });
  const body = (await response.json()) as { id: string; url: string };
  articlePath = body.url;
  // expect.poll is for tests, not hooks: wait for the worker to enrich the article by hand.
  const deadline = Date.now() + 90_000;
  while ((await getArticleEnrichment(db, body.id)) === null) {
    if (Date.now() > deadline) throw new Error(`article ${body.id} was not enriched in 90 s${stack.logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

afterAll(() => stack?.close());

/** WCAG A/AA rule violations axe finds on the page as it is now, as "rule: target" lines. */
async function axeViolations(page: Page, include?: string[]): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(
    (include) =>
      (
        window as unknown as {
          axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> };
        }
      ).axe.run(include ? { include: include.map((selector) => [selector]) } : document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] },
      }),
    include,
  );
  return (result.violations as { id: string; nodes: { target: string[] }[] }[]).flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(" ")}`),
  );
}

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) - window.innerWidth);

describe("the article reading view", () => {
  it("marks names, dates and figures and fits a 375 px phone without horizontal scrolling", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(`${next.baseUrl}${articlePath}`);
      expect(await page.locator("h1").count()).toBe(1);
      const entityLinks = page.locator(".article-body a.mark-entity");
      expect(await entityLinks.count()).toBeGreaterThan(5);
      for (const href of await entityLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
        expect(href).toMatch(/^\/entities\/[a-z0-9-]+$/);
      }
      expect(await page.locator(".article-body time.mark-time[datetime]").count()).toBeGreaterThan(0);
      expect(await page.locator(".article-body data.mark-figure[value]").count()).toBeGreaterThan(0);
      expect(await page.getByRole("heading", { name: "In this article" }).count()).toBe(1);
      expect(await page.locator("#p-1 .pn").textContent()).toBe("¶1");
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(artifacts, "article-375.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it("turns highlights off and remembers it on the next visit", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${next.baseUrl}${articlePath}`);
      const toggle = page.getByRole("checkbox", { name: "Show highlights" });
      await expect.poll(() => toggle.isEnabled()).toBe(true);
      expect(await toggle.isChecked()).toBe(true);
      await toggle.uncheck();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.highlights)).toBe("off");
      const underline = () =>
        page
          .locator(".article-body a.mark-entity")
          .first()
          .evaluate((a) => getComputedStyle(a).textDecorationLine);
      expect(await underline()).toBe("none");
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.dataset.highlights)).toBe("off");
      await expect.poll(() => toggle.isEnabled()).toBe(true);
      expect(await toggle.isChecked()).toBe(false);
      await toggle.check();
      await expect.poll(underline).toBe("underline");
    } finally {
      await page.close();
    }
  });

  it("answers a malformed or unknown id with a 404 page, not an error", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      for (const id of [
        "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "00000000-0000-4000-8000-000000000000",
        "x".repeat(5000),
      ]) {
        const response = await page.goto(`${next.baseUrl}/articles/${id}`);
        expect(response?.status(), id.slice(0, 40)).toBe(404);
        expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Not found");
        expect(await page.locator("img").count()).toBe(0);
      }
    } finally {
      await page.close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no WCAG A/AA violations axe can find, contrast included, in ${colorScheme} mode`, async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
      try {
        await page.goto(`${next.baseUrl}${articlePath}#p-3`);
        await expect
          .poll(() => page.getByRole("checkbox", { name: "Show highlights" }).isEnabled())
          .toBe(true);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(artifacts, `article-${colorScheme}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});

describe("the shell", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`has no WCAG A/AA violations in its header and footer in ${colorScheme} mode`, async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
      try {
        await page.goto(`${next.baseUrl}/articles`);
        await page.getByRole("searchbox", { name: "Search articles and stories" }).focus();
        expect(await axeViolations(page, [".skip-link", ".site-header", ".site-footer"])).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it("prints an article without the navigation, the footer or the highlight switch", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${next.baseUrl}${articlePath}`);
      await page.emulateMedia({ media: "print" });
      const display = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).display);
      expect(await display(".site-header")).toBe("none");
      expect(await display(".site-footer")).toBe("none");
      expect(await display(".highlight-legend")).toBe("none");
      expect(await display(".article-body")).not.toBe("none");
      await page.pdf({ path: path.join(artifacts, "article-print.pdf") }).catch(() => {});
    } finally {
      await page.close();
    }
  });
});

describe("the shell on a phone", () => {
  it("wraps the navigation and the search box within 375 px, and searches with GET /search?q=", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(`${next.baseUrl}/articles`);
      const nav = page.getByRole("navigation", { name: "Main" });
      expect(await nav.getByRole("link").count()).toBe(defaultNavItems.length);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
      const box = page.getByRole("searchbox", { name: "Search articles and stories" });
      await box.fill("Takaichi <b>&");
      await box.press("Enter");
      await page.waitForURL((url) => url.pathname === "/search");
      expect(new URL(page.url()).searchParams.get("q")).toBe("Takaichi <b>&");
      await page.screenshot({ path: path.join(artifacts, "shell-375.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
