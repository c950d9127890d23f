import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../tooling/vitest/services";
import { type RunningNext, startNext } from "./next-server";
import { signIn } from "./stack";

// The alerts page reads and writes Postgres only: the built app on a database of its own, no workers.
let next: RunningNext;
let db: Database;
let drop: () => Promise<void>;
let browser: Browser;
const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

beforeAll(async () => {
  const { redisUrl, prefix } = testServices();
  const own = await isolatedDatabase();
  drop = own.drop;
  db = createDatabase(own.url);
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

describe("/alerts", () => {
  it("saves a watch from the form, names a bad value, lists the watch with its feed, and passes axe at 375 px in both schemes", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      // Saving watches is for administrators; anonymous visitors are offered the sign-in link instead.
      await page.goto(`${next.baseUrl}/alerts`);
      expect(await page.getByRole("button", { name: "Save watch" }).count()).toBe(0);
      expect(await page.locator(".sign-in-to").textContent()).toMatch(/Sign in to save, remove/);
      await signIn(page, next.baseUrl, db);
      expect((await page.goto(`${next.baseUrl}/alerts`))?.status()).toBe(200);
      expect(await page.locator("h1").allTextContents()).toEqual(["Alerts"]);
      await page.getByLabel("What to watch").selectOption("entity");
      await page.getByLabel("Entity", { exact: true }).fill("Shigeru Ishiba");
      await page.getByRole("button", { name: "Save watch" }).click();
      await expect.poll(() => page.locator("#watch-value-error").textContent()).toMatch(/not an entity slug/);
      expect(await page.getByLabel("Entity", { exact: true }).getAttribute("aria-invalid")).toBe("true");

      await page.getByLabel("Entity", { exact: true }).fill("shigeru-ishiba");
      await page.getByLabel("Webhook URL (optional)").fill("https://hooks.example/parallax");
      await page.getByRole("button", { name: "Save watch" }).click();
      await expect.poll(() => page.locator(".watch-secret").first().textContent()).toMatch(/^[0-9a-f]{64}$/);
      await expect.poll(() => page.locator(".watch-item").count()).toBe(1);
      const feed = await page.locator(".watch-item a", { hasText: "Atom feed" }).getAttribute("href");
      expect(feed).toMatch(/^\/alerts\/feeds\/[0-9a-f-]{36}\.atom$/);
      const atom = await fetch(`${next.baseUrl}${feed}`);
      expect(atom.status).toBe(200);
      expect(atom.headers.get("content-type")).toContain("application/atom+xml");
      expect(await atom.text()).toContain("Parallax alerts: Entity: shigeru-ishiba");
      expect((await fetch(`${next.baseUrl}/alerts/feeds/nope.atom`)).status).toBe(404);
    } finally {
      await page.close();
    }

    const { rows } = await db.$client.query<{ id: string }>("select id from watches");
    expect(rows).toHaveLength(1);
    // An alert with a failed delivery, as the worker would record it, so the list itself is checked too.
    await db.$client.query(
      `with s as (insert into stories (size, terms, norm, norm_documents) values (1, '[]', 1, 1) returning id),
            a as (insert into alerts (watch_id, kind, story_id, version, title, summary)
                  select $1, 'briefing-changed', s.id, 2, 'Ishiba <b>resigns</b>', 'Briefing version 2, from 3 articles' from s
                  returning id)
       insert into webhook_deliveries (alert_id, watch_id, status, attempts, last_error)
       select a.id, $1, 'failed', 8, 'the receiver answered HTTP 503' from a`,
      [rows[0]!.id],
    );
    for (const colorScheme of ["light", "dark"] as const) {
      const view = await browser.newPage({ viewport: { width: 375, height: 800 }, colorScheme });
      try {
        await view.goto(`${next.baseUrl}/alerts`);
        expect(await view.locator(".alert-item").textContent()).toContain(
          "Webhook: failed after 8 attempts (the receiver answered HTTP 503)",
        );
        expect(await view.locator(".alert-item a").textContent()).toBe("Ishiba <b>resigns</b>");
        expect(await view.locator(".alert-item .alert-badge").textContent()).toBe("Unread");
        expect(await view.evaluate(() => document.querySelector("main")!.scrollWidth)).toBeLessThanOrEqual(
          375,
        );
        await view.addScriptTag({ content: axe });
        const violations = await view.evaluate(async () => {
          // biome-ignore lint/suspicious/noExplicitAny: axe's global
          const result = await (window as any).axe.run(document.querySelector("main"), {
            runOnly: ["wcag2a", "wcag2aa"],
          });
          return result.violations.map((v: { id: string }) => v.id);
        });
        expect(violations).toEqual([]);
      } finally {
        await view.close();
      }
    }
  });
});
