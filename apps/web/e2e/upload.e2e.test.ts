import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningNext } from "./next-server";
import { artifacts, type E2eStack, repoRoot, signIn, startStack } from "./stack";

const seeds = ["000_692c35d782a7bbcb.txt", "002_41147d8f43a0c177.txt"];

let stack: E2eStack;
let next: RunningNext;
let browser: Browser;

beforeAll(async () => {
  // Its own database: the seeds must be new here, not already stored by another browser test.
  stack = await startStack({ ownDatabase: true });
  ({ next, browser } = stack);
});

afterAll(() => stack?.close());

/** A PNG's signature and header: binary whatever the file is called. */
const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
]);

describe("uploading files on /submit", () => {
  it("uploads the seeds and refuses a binary and an empty file, each with its own message", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    try {
      await page.goto(`${next.baseUrl}/submit`);
      const files = await Promise.all(
        seeds.map(async (name) => ({
          name,
          mimeType: "text/plain",
          buffer: await readFile(path.join(repoRoot, "../shared/seeds", name)),
        })),
      );
      await page
        .getByLabel("Choose files")
        .setInputFiles([
          ...files,
          { name: "chart.html", mimeType: "text/html", buffer: png },
          { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
        ]);

      const item = (name: string) => page.locator(".upload-item", { hasText: name });
      for (const name of seeds) {
        await item(name)
          .getByRole("link", { name: "Read the article" })
          .waitFor({ timeout: 90_000 })
          .catch((error: Error) => {
            throw new Error(`${name}: ${error.message}${stack.logs()}`);
          });
        const href = await item(name).getByRole("link", { name: "Read the article" }).getAttribute("href");
        expect(href).toMatch(/^\/articles\/[0-9a-f-]{36}$/);
      }
      await expect
        .poll(() => item("chart.html").getByRole("alert").textContent())
        .toContain("“chart.html” is not text or HTML");
      await expect
        .poll(() => item("empty.txt").getByRole("alert").textContent())
        .toBe("“empty.txt” is empty.");
      // The upload section fits the phone's screen (the site navigation is the header's concern).
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll(".upload, .upload *")]
          .filter((el) => el.getBoundingClientRect().right > 375.5)
          .map((el) => `${el.tagName}.${el.className}`),
      );
      expect(wide).toEqual([]);
      await page.screenshot({ path: path.join(artifacts, "upload.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it("refuses bad uploads on the server too, naming the file", async () => {
    const post = (name: string, body: BodyInit) =>
      fetch(`${next.baseUrl}/api/uploads?name=${encodeURIComponent(name)}`, { method: "POST", body });
    const binary = await post("chart.html", png);
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as { error: string }).error).toBe(
      "“chart.html” is not text or HTML: its content is a PNG file.",
    );
    const empty = await post("empty.md", "");
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toBe("“empty.md” is empty.");
    const big = await post("big.txt", "a".repeat(5 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/^“big\.txt” is larger than 5 MB/);
    const unnamed = await fetch(`${next.baseUrl}/api/uploads`, { method: "POST", body: "text" });
    expect(unnamed.status).toBe(400);
    const pdf = await post("paper.pdf", "%PDF-1.4");
    expect(((await pdf.json()) as { error: string }).error).toMatch(/not an \.html, \.htm, \.txt, \.md/);
  });

  it("shows the queue on /jobs and the outlets on /sources", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 900 } });
    try {
      await page.goto(`${next.baseUrl}/jobs?stage=ingest&state=completed`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Jobs");
      await page.getByRole("table", { name: /Jobs per stage/ }).waitFor();
      await expect
        .poll(() => page.locator(".jobs-item").count(), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(2);
      await page.getByLabel("State").selectOption("failed");
      await expect.poll(() => page.url()).toContain("state=failed");
      await page.screenshot({ path: path.join(artifacts, "jobs.png"), fullPage: true });

      const bad = await page.goto(`${next.baseUrl}/jobs?stage=%3Cscript%3E&page=-1`);
      expect(bad?.status()).toBe(200);

      await stack.db.$client.query(
        "insert into sources (name, domain, country, country_source) values ('NHK', 'nhk.or.jp', 'JP', 'inferred')",
      );
      await page.goto(`${next.baseUrl}/sources?page=abc`);
      expect(await page.getByRole("button", { name: "Edit NHK" }).count()).toBe(0);
      // Editing an outlet is an administrator's.
      await signIn(page, next.baseUrl, stack.db);
      await page.goto(`${next.baseUrl}/sources?page=abc`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sources");
      await page.getByRole("button", { name: "Edit NHK" }).click();
      const country = page.getByRole("textbox", { name: "Country" });
      await country.fill("Japan");
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => country.getAttribute("aria-invalid")).toBe("true");
      // Two letters pass the browser's check; the server's ISO 3166 check answers on the field.
      await country.fill("XX");
      await page.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(() => page.locator(".field-error").first().textContent())
        .toMatch(/ISO 3166-1 alpha-2/);
      await country.fill("gb");
      await page.getByRole("textbox", { name: "Perspective" }).fill("Japanese public broadcaster");
      await page.getByRole("textbox", { name: "Opinion sections" }).fill("/opinion/\nCommentary");
      await page.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(() => page.getByRole("status").first().textContent())
        .toBe("Saved the settings of NHK.");
      const row = page.getByRole("row", { name: /NHK/ });
      await expect.poll(() => row.textContent()).toContain("United Kingdom (GB)");
      expect(await row.textContent()).toContain("Japanese public broadcaster");
      await page.screenshot({ path: path.join(artifacts, "sources.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
