import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { comparisonArticleStates, type Database, notComparableReason, storyOfArticle } from "@parallax/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningNext } from "./next-server";
import { artifacts, type E2eStack, repoRoot, startStack } from "./stack";

const seeds = [
  { file: "000_692c35d782a7bbcb.txt", outlet: "nippon.com" },
  { file: "002_41147d8f43a0c177.txt", outlet: "Caixin Global" },
];
const sections = [
  "Overview",
  "Similarity",
  "Shared facts",
  "Only here",
  "Conflicts",
  "Word choice",
  "Voices",
  "Emphasis and tone",
];

let stack: E2eStack;
let next: RunningNext;
let db: Database;
let browser: Browser;
/** The seeds' article ids, in `seeds` order. */
let ids: string[] = [];

beforeAll(async () => {
  stack = await startStack({ ownDatabase: true });
  ({ next, db, browser } = stack);
  for (const seed of seeds) {
    const text = await readFile(path.join(repoRoot, "../shared/seeds", seed.file), "utf8");
    const response = await fetch(`${next.baseUrl}/api/articles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, sourceName: seed.outlet }),
    });
    ids.push(((await response.json()) as { id: string }).id);
  }
  const deadline = Date.now() + 90_000;
  for (;;) {
    const states = await comparisonArticleStates(db, ids);
    if (states.filter((s) => notComparableReason(s) === null).length === 2) break;
    if (Date.now() > deadline)
      throw new Error(`the seeds were not enriched within 90 s\nworker log:\n${stack.workerLog.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  ids = ids.map((id) => id.toLowerCase());
});

afterAll(() => stack?.close());

describe("/compare in the browser", () => {
  it("shows two articles side by side, every section under its heading, citations leading to the paragraph", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${next.baseUrl}/compare?ids=${ids.join(",")}&by=outlet`);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("Comparison: nippon.com vs Caixin Global");
      for (const name of sections)
        expect(await page.getByRole("heading", { level: 2, name, exact: true }).count(), name).toBe(1);

      const similarity = page.getByRole("table", { name: /How much of their story content/ });
      expect(await similarity.getByRole("columnheader", { name: "Similarity" }).count()).toBe(1);
      const score = Number(await similarity.locator("tbody td.num").first().textContent());
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(await page.getByRole("table", { name: /Words nippon.com uses more/ }).count()).toBe(1);
      expect(await page.getByText(/AFINN-165 word valences/).count()).toBeGreaterThan(0);
      // The nippon.com piece argues in its own voice: its shared passages say "opinion".
      const shared = page.getByRole("region", { name: "Shared facts" });
      expect(await shared.locator(".label-genre-opinion").count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(artifacts, "compare.png"), fullPage: true });

      const overview = page.getByRole("region", { name: "Overview" });
      const cite = overview.getByRole("link", { name: /^nippon\.com paragraph \d+$/ }).first();
      const href = (await cite.getAttribute("href")) ?? "";
      expect(href).toMatch(new RegExp(`^/articles/${ids[0]}#p-\\d+$`));
      await cite.click();
      await page.waitForURL(`**${href}`);
      expect(await page.locator(`#${href.split("#")[1]}`).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it("compares the articles picked in the form, from the cache the second time, on a narrow screen", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(`${next.baseUrl}/compare`);
      for (const id of ids) await page.locator(`input[name="ids"][value="${id}"]`).check();
      await page.getByRole("combobox", { name: "Sides" }).first().selectOption("outlet");
      await page.getByRole("button", { name: "Compare articles" }).click();
      await page.waitForURL(/\/compare\?ids=/);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toBe("Comparison: nippon.com vs Caixin Global");
      expect(await page.getByText(/kept from an earlier request/).count()).toBe(1);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter(
            (e) => !e.closest(".cmp-table-wrap") && e.getBoundingClientRect().right > window.innerWidth + 1,
          )
          .slice(0, 8)
          .map(
            (e) =>
              `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)} ${(e.textContent ?? "").slice(0, 60)}`,
          ),
      );
      expect(overflow, wide.join("\n")).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(artifacts, "compare-mobile.png"), fullPage: true });

      await page.getByRole("link", { name: "article", exact: true }).click();
      await page.waitForURL(/by=article/);
      expect(
        await page.getByRole("link", { name: "article", exact: true }).getAttribute("aria-current"),
      ).toBe("page");
    } finally {
      await page.close();
    }
  });

  it("says why it cannot compare: an unknown id, a single article, a story of one article", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // Next's route announcer is an alert too.
    const refusal = page.getByRole("alert").filter({ hasText: "Parallax cannot compare these." });
    try {
      const unknown = randomUUID();
      await page.goto(`${next.baseUrl}/compare?ids=${ids[0]},${unknown}`);
      expect(await refusal.textContent()).toContain(`no article ${unknown}`);

      await page.goto(`${next.baseUrl}/compare?ids=${ids[0]}`);
      expect(await refusal.textContent()).toContain("a comparison needs at least two articles");

      const storyOf = async (id: string) => {
        await expect
          .poll(async () => (await storyOfArticle(db, id))?.storyId ?? null, { timeout: 60_000 })
          .not.toBeNull();
        return (await storyOfArticle(db, id))!.storyId;
      };
      const storyId = await storyOf(ids[0]!);
      const together = (await storyOf(ids[1]!)) === storyId;
      await page.goto(`${next.baseUrl}/compare`);
      await page.getByRole("textbox", { name: "Story id" }).fill(storyId);
      await page.getByRole("button", { name: "Compare the story" }).click();
      await page.waitForURL(/\/compare\?story=/);
      if (together) {
        // Clustering put both seeds in one story: then it compares by outlet.
        await expect
          .poll(() => page.getByRole("heading", { level: 1 }).textContent())
          .toMatch(/^Comparison: /);
      } else {
        expect(await refusal.textContent()).toContain(
          `only 1 of the 1 article of story ${storyId} is readable and enriched, and a comparison needs two`,
        );
      }

      // The story's own comparison page, reached from the story.
      await page.goto(`${next.baseUrl}/stories/${storyId}`);
      await page.getByRole("link", { name: "Compare how outlets cover this" }).click();
      await page.waitForURL((url) => url.pathname === `/stories/${storyId}/compare`);
      await expect
        .poll(() => page.getByRole("heading", { level: 1 }).textContent())
        .toMatch(/^How outlets cover: /);
      if (together) {
        for (const name of ["Shared facts", "Only here", "Conflicts", "Voices"])
          expect(await page.getByRole("heading", { level: 2, name, exact: true }).count(), name).toBe(1);
        const exported = await page.getByRole("link", { name: "Comparison as JSON" }).getAttribute("href");
        expect(exported).toBe(`/compare/export.json?story=${storyId}&by=outlet`);
        await page.setViewportSize({ width: 375, height: 800 });
        await page.screenshot({ path: path.join(artifacts, "story-compare-375.png"), fullPage: true });
      } else {
        const storyRefusal = page.getByRole("alert").filter({ hasText: "cannot compare this story" });
        expect(await storyRefusal.textContent()).toContain("a comparison needs two");
      }
    } finally {
      await page.close();
    }
  });
});
