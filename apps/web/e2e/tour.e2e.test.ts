import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type Database, getArticle, storyOfArticle } from "@parallax/db";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "./axe";
import { seedCorpus } from "./corpus";
import type { RunningNext } from "./next-server";
import { artifacts, type E2eStack, signIn, startStack } from "./stack";

/**
 * The whole web experience on a corpus the real workers built: the seeds, NewsWCL50 and a Japanese page,
 * submitted over HTTP. One reader's path through the pages, then every page checked for accessibility in
 * light and dark mode and at phone width, with screenshots kept in test-artifacts/tour.
 */

let stack: E2eStack;
let next: RunningNext;
let db: Database;
let browser: Browser;
let ids: Map<string, string>;
const shots = path.join(artifacts, "tour");

beforeAll(async () => {
  stack = await startStack({ ownDatabase: true });
  ({ next, db, browser } = stack);
  await mkdir(shots, { recursive: true });
  ids = await seedCorpus(next.baseUrl, db, () => stack.logs());
}, 400_000);

afterAll(() => stack?.close());

const id = (label: string) => {
  const value = ids.get(label);
  if (!value) throw new Error(`nothing submitted as ${label}`);
  return value;
};
const NIPPON = "000_692c35d782a7bbcb.txt";
const CAIXIN = "002_41147d8f43a0c177.txt";
const JAPANESE = "yomiuri.co.jp-gaza.html";

async function storyIdOf(label: string): Promise<string> {
  const found = await storyOfArticle(db, id(label));
  if (!found) throw new Error(`${label} is in no story`);
  return found.storyId;
}

/** Waits for the story's briefing: the brief queue is debounced, so it may trail the last assignment. */
async function openBriefedStory(page: Page, storyId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(`${next.baseUrl}/stories/${storyId}`);
        return page.locator(".key-points li").count();
      },
      { timeout: 90_000, interval: 2_000 },
    )
    .toBeGreaterThan(0);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

describe("the web experience, page by page", () => {
  it("home → story → a citation opens its paragraph in place → compare → entity → search", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    try {
      // Home lists the latest stories; a story five outlets covered is one click away.
      const storyId = await storyIdOf("event0-L.txt");
      await page.goto(next.baseUrl);
      await expect
        .poll(() => page.locator(`a[href="/stories/${storyId}"]`).count(), { timeout: 60_000 })
        .toBeGreaterThan(0);
      await shoot(page, "home");
      await openBriefedStory(page, storyId);
      await expect(page.locator("h1").first().textContent()).resolves.not.toBe("");

      // A citation chip opens the paragraph it cites right there, without leaving the page. Once the page is
      // interactive the chips are buttons named "<outlet> paragraph <n>".
      const chip = page
        .locator(".key-points")
        .getByRole("button", { name: / paragraph \d+$/ })
        .first();
      await chip.waitFor({ timeout: 30_000 });
      const before = page.url();
      await chip.click();
      const panel = page.getByRole("group", { name: /^Cited: .+ paragraph \d+$/ });
      const full = panel.getByRole("link", { name: "Read it in the full article" });
      await full.waitFor({ timeout: 15_000 });
      const [, articleId, n] =
        /^\/articles\/([0-9a-f-]+)#p-(\d+)$/.exec((await full.getAttribute("href")) ?? "") ?? [];
      expect(articleId, "the open citation links its paragraph in the full article").toBeDefined();
      const paragraph = (await getArticle(db, articleId!))?.paragraphs.find((p) => p.n === Number(n));
      expect(paragraph, `article ${articleId} has a paragraph ${n}`).toBeDefined();
      await expect
        .poll(() => panel.textContent(), { timeout: 15_000 })
        .toContain(paragraph!.text.slice(0, 60));
      expect(page.url()).toBe(before);
      await shoot(page, "story-citation-open");

      // Its outlets side by side.
      await page
        .getByRole("link", { name: /compare/i })
        .first()
        .click();
      await page.waitForURL(/\/compare/);
      await expect
        .poll(() => page.getByRole("heading", { name: "Shared facts" }).count(), { timeout: 60_000 })
        .toBeGreaterThan(0);
      await shoot(page, "story-compare");

      // Takaichi's page, from the people of the seed's story.
      await openBriefedStory(page, await storyIdOf(NIPPON));
      await page
        .getByRole("link", { name: /Takaichi/ })
        .first()
        .click();
      await page.waitForURL(/\/entities\//);
      await expect(page.locator("h1").textContent()).resolves.toMatch(/Takaichi/);
      await shoot(page, "entity");

      // Search finds her by name, and Japanese text by a Japanese word.
      await page.goto(`${next.baseUrl}/search?q=Takaichi`);
      await expect.poll(() => page.locator(`a[href^="/articles/${id(NIPPON)}"]`).count()).toBeGreaterThan(0);
      await shoot(page, "search");
      await page.goto(`${next.baseUrl}/search?q=${encodeURIComponent("ガザ")}`);
      await expect
        .poll(() => page.locator(`a[href^="/articles/${id(JAPANESE)}"]`).count())
        .toBeGreaterThan(0);
      await shoot(page, "search-japanese");
    } finally {
      await page.close();
    }
  });

  it("every page has no serious accessibility violation in light or dark mode and fits a 375 px phone", async () => {
    const storyId = await storyIdOf(NIPPON);
    const takaichi = await page0EntityHref(storyId);
    const pages: Record<string, string> = {
      home: "/",
      articles: "/articles",
      article: `/articles/${id(NIPPON)}`,
      "article-japanese": `/articles/${id(JAPANESE)}`,
      story: `/stories/${storyId}`,
      "story-compare": `/stories/${storyId}/compare`,
      compare: `/compare?ids=${id(NIPPON)},${id(CAIXIN)}`,
      entity: takaichi,
      search: "/search?q=Takaichi",
      sources: "/sources",
      submit: "/submit",
      jobs: "/jobs",
      feeds: "/feeds",
      alerts: "/alerts",
      revisions: `/articles/${id(NIPPON)}/revisions`,
      admin: "/admin",
    };
    const problems: string[] = [];
    // Signed in once, so that the administrator's controls (retry, edit, move, tokens) are checked too.
    const signedIn = await browser.newContext();
    await signIn(await signedIn.newPage(), next.baseUrl, db);
    const storageState = await signedIn.storageState();
    await signedIn.close();
    for (const scheme of ["light", "dark"] as const) {
      for (const width of [1200, 375]) {
        const context = await browser.newContext({
          colorScheme: scheme,
          viewport: { width, height: 900 },
          storageState,
        });
        const page = await context.newPage();
        try {
          for (const [name, href] of Object.entries(pages)) {
            const response = await page.goto(`${next.baseUrl}${href}`);
            if ((response?.status() ?? 0) >= 400) {
              problems.push(`${name} (${href}): HTTP ${response?.status()}`);
              continue;
            }
            await page.waitForLoadState("networkidle").catch(() => {});
            for (const violation of await seriousViolations(page))
              problems.push(`${name} ${scheme} ${width}px: ${violation}`);
            if (width === 375) {
              const overflow = await page.evaluate(() => {
                const width = document.documentElement.clientWidth;
                const excess = document.scrollingElement!.scrollWidth - width;
                if (excess <= 1) return null;
                // Name the widest elements that stick out, for the failure message.
                const culprits = [...document.querySelectorAll("body *")]
                  .filter((el) => el.getBoundingClientRect().right > width + 1)
                  .filter(
                    (el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= width + 1,
                  )
                  .slice(0, 3)
                  .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
                return `${excess}px wider than a 375 px phone (${culprits.join(", ")})`;
              });
              if (overflow) problems.push(`${name} ${scheme}: ${overflow}`);
            }
            await shoot(page, `${name}-${scheme}-${width}`);
          }
        } finally {
          await context.close();
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000); // 68 page loads with axe each: past the default 120 s when two cores carry other test runs too
});

/** The entity page of Takaichi as the story page links it. */
async function page0EntityHref(storyId: string): Promise<string> {
  const page = await browser.newPage();
  try {
    await openBriefedStory(page, storyId);
    const href = await page
      .getByRole("link", { name: /Takaichi/ })
      .first()
      .getAttribute("href");
    if (!href?.startsWith("/entities/"))
      throw new Error(`no entity link for Takaichi on the story page: ${href}`);
    return href;
  } finally {
    await page.close();
  }
}
