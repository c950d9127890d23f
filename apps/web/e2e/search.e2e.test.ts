import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { type Database, getArticle } from "@parallax/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningNext } from "./next-server";
import { artifacts, type E2eStack, repoRoot, startStack } from "./stack";

let stack: E2eStack;
let next: RunningNext;
let db: Database;
let browser: Browser;
const ids: Record<"seed" | "japanese", string> = { seed: "", japanese: "" };

const axeSource = readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2 A/AA violations axe-core finds on the page, as "rule: selector" lines. */
async function axeViolations(page: import("playwright-core").Page): Promise<string[]> {
  await page.addScriptTag({ content: await axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] })) as {
      violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>;
    };
    return result.violations.map((v) => `${v.id}: ${String(v.nodes[0]?.target)}`);
  });
}

async function submit(body: object): Promise<string> {
  const response = await fetch(`${next.baseUrl}/api/articles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return ((await response.json()) as { id: string }).id.toLowerCase();
}

beforeAll(async () => {
  stack = await startStack({ ownDatabase: true });
  ({ next, db, browser } = stack);
  const text = await readFile(path.join(repoRoot, "../shared/seeds/000_692c35d782a7bbcb.txt"), "utf8");
  ids.seed = await submit({ text, sourceName: "nippon.com" });
  const html = await readFile(
    path.join(repoRoot, "../shared/data/dates/pages/yomiuri.co.jp-gaza.html"),
    "utf8",
  );
  ids.japanese = await submit({ html, url: "https://www.yomiuri.co.jp/world/20231102-OYT1T50000/" });
  const deadline = Date.now() + 90_000;
  for (;;) {
    const states = await Promise.all(Object.values(ids).map((id) => getArticle(db, id)));
    if (states.every((a) => a?.status === "ready")) break;
    if (Date.now() > deadline) throw new Error(`articles not stored within 90 s${stack.logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
});

afterAll(() => stack?.close());

describe("/search in the browser", () => {
  it("finds Takaichi, marks the word and links to the paragraph", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${next.baseUrl}/search`);
      await page
        .getByRole("searchbox", { name: "Search articles, paragraphs and entities" })
        .fill("Takaichi");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/search\?q=Takaichi/);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Search");
      expect(await page.getByRole("status").textContent()).toMatch(/^1 article matches “Takaichi”/);
      expect(await page.locator(".search-hits mark").first().textContent()).toBe("Takaichi");
      const snippet = page.locator(".search-snippet-link").first();
      const href = (await snippet.getAttribute("href")) ?? "";
      expect(href).toMatch(new RegExp(`^/articles/${ids.seed}#p-\\d+$`));
      await page.screenshot({ path: path.join(artifacts, "search.png"), fullPage: true });
      await snippet.click();
      await page.waitForURL(`**${href}`);
      expect(await page.locator(`#${href.split("#")[1]}`).textContent()).toContain("Takaichi");
    } finally {
      await page.close();
    }
  });

  it("finds the Japanese article by a Japanese word, on a narrow screen, filtered by language", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(`${next.baseUrl}/search?q=${encodeURIComponent("退避")}`);
      const title = page.locator(".search-hit-title a");
      expect(await title.count()).toBe(1);
      expect(await title.getAttribute("href")).toBe(`/articles/${ids.japanese}`);
      expect(await page.locator(".search-hits mark").first().textContent()).toBe("退避");
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("main *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => `${e.tagName}.${e.className}`),
      );
      expect(wide).toEqual([]);
      await page.getByRole("link", { name: /^Japanese \(1\)$/ }).click();
      await page.waitForURL(/language=ja/);
      expect(await page.getByRole("link", { name: /Remove filter Japanese/ }).count()).toBe(1);
      await page.screenshot({ path: path.join(artifacts, "search-mobile.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it("has no WCAG A/AA violations in light and dark mode", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, colorScheme });
      try {
        await page.goto(`${next.baseUrl}/search?q=${encodeURIComponent("Takaichi OR 退避")}`);
        expect(await page.locator(".search-hit").count()).toBe(2);
        expect(await axeViolations(page), colorScheme).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  it("answers a hand-edited URL with the first page and no error", async () => {
    const response = await fetch(
      `${next.baseUrl}/search?q=${encodeURIComponent('"unbalanced -')}&page=-3&country=Japan&from=2025-99-01`,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("No articles match");
  });
});
