import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningNext } from "./next-server";
import { artifacts, type E2eStack, repoRoot, startStack } from "./stack";

const seedPath = path.join(repoRoot, "../shared/seeds/000_692c35d782a7bbcb.txt");

const sectionHeadings = [
  "New Mandate for Japan’s First Female Prime Minister",
  "Staying in Trump’s Favor",
  "Keeping Cool with Beijing",
  "Partnering with South Korea",
  "ASEAN and the Indo-Pacific",
  "Stepping Up to the Plate",
];

let stack: E2eStack;
let next: RunningNext;
let browser: Browser;
let seedText: string;
/** `/articles/<id>` of the seed once the browser test has stored it. */
let articlePath = "";

beforeAll(async () => {
  stack = await startStack({ ownDatabase: false });
  ({ next, browser } = stack);
  seedText = await readFile(seedPath, "utf8");
});

afterAll(() => stack?.close());

describe("submitting pasted text in the browser", () => {
  it("follows the job on /submit and opens the article with its sections as headings", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${next.baseUrl}/submit`);
      await page.getByRole("tab", { name: "Paste text" }).click();
      await expect
        .poll(() => page.getByRole("tab", { name: "Paste text" }).getAttribute("aria-selected"))
        .toBe("true");
      await page.getByRole("textbox", { name: "Text", exact: true }).fill(seedText);
      await page.screenshot({ path: path.join(artifacts, "submit.png"), fullPage: true });
      await page.getByRole("button", { name: "Add to Parallax" }).click();

      const readLink = page.getByRole("link", { name: "Read the article" });
      await readLink.waitFor({ timeout: 60_000 }).catch((error: Error) => {
        throw new Error(
          `${error.message}\nworker log:\n${stack.workerLog.join("\n")}\nnext log:\n${next.output()}`,
        );
      });
      await page.screenshot({ path: path.join(artifacts, "submit-ready.png"), fullPage: true });
      articlePath = (await readLink.getAttribute("href")) ?? "";
      expect(articlePath).toMatch(/^\/articles\/[0-9a-f-]{36}$/);

      await readLink.click();
      await page.waitForURL(`**${articlePath}`);
      for (const name of sectionHeadings) {
        await expect
          .poll(() => page.getByRole("heading", { name, exact: true }).count(), { message: name })
          .toBe(1);
      }
      const numbers = await page.locator(".article-body .pn").allTextContents();
      expect(numbers.length).toBeGreaterThan(20);
      expect(numbers.slice(0, 3)).toEqual(["¶1", "¶2", "¶3"]);
      expect(await page.locator("#p-1").count()).toBe(1);
      const opening = await page.locator(".article-body p").first().textContent();
      expect(opening).toContain("Takaichi");
      await page.screenshot({ path: path.join(artifacts, "article.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it("says the same text is already in Parallax when it is submitted again", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(`${next.baseUrl}/submit`);
      await page.getByRole("tab", { name: "URL" }).focus();
      await page.keyboard.press("ArrowRight");
      await page.getByRole("textbox", { name: "Text", exact: true }).fill(seedText);
      await page.getByRole("button", { name: "Add to Parallax" }).click();
      await page.getByText("Already in Parallax").waitFor({ timeout: 15_000 });
      expect(await page.getByRole("link", { name: "Read the article" }).getAttribute("href")).toBe(
        articlePath,
      );
      await page.screenshot({ path: path.join(artifacts, "submit-duplicate-mobile.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });
});

describe("POST /api/articles", () => {
  it("answers 200 with the existing article's id for text it already holds", async () => {
    const response = await fetch(`${next.baseUrl}/api/articles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: seedText }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { id: string; created: boolean; url: string };
    expect(body.created).toBe(false);
    expect(body.url).toBe(articlePath);

    const listed = (await (await fetch(`${next.baseUrl}/api/articles?limit=10`)).json()) as {
      items: { id: string }[];
    };
    expect(listed.items.map((item) => item.id)).toContain(body.id);
  });

  it("answers 400 with a readable message for an empty object", async () => {
    const response = await fetch(`${next.baseUrl}/api/articles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; issues: unknown[] };
    expect(body.error).toMatch(/url, text, html/);
    expect(body.issues.length).toBeGreaterThan(0);
  });

  it("refuses a body that is not JSON with 415", async () => {
    const response = await fetch(`${next.baseUrl}/api/articles`, { method: "POST", body: "text=hello" });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: string }).error).toMatch(/JSON/);
  });
});
