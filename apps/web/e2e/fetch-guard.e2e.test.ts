import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApiToken } from "@parallax/api";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../tooling/vitest/services";
import { type RunningNext, startNext } from "./next-server";
import { E2E_FETCH_ALLOW_HOSTS, signIn } from "./stack";

// Feed discovery runs in the web process, on any URL a visitor types: the built app must refuse addresses inside
// the network with the reason, and reach the allow-listed test server.
let next: RunningNext;
let browser: Browser;
let feeds: Server;
let feedOrigin: string;
let drop: () => Promise<void>;
let db: Database;
/** Discovery fetches any URL it is given, so it is for administrators: the test calls it with an admin token. */
let adminToken: string;

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback Wire</title><link>http://127.0.0.1/</link>
<item><title>One</title><link>http://127.0.0.1/one</link><guid>one</guid></item></channel></rss>`;

beforeAll(async () => {
  const { redisUrl, prefix } = testServices();
  const own = await isolatedDatabase();
  drop = own.drop;
  db = createDatabase(own.url);
  adminToken = (await createApiToken(db, { name: "fetch-guard test", scope: "admin", createdBy: null }))
    .token;
  feeds = createServer((req, res) => {
    if (req.url === "/rss.xml")
      return void res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss);
    if (req.url === "/to-metadata")
      return void res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => feeds.listen(0, "127.0.0.1", resolve));
  feedOrigin = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
  next = await startNext({
    DATABASE_URL: own.url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    FETCH_ALLOW_HOSTS: E2E_FETCH_ALLOW_HOSTS,
  });
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
  await new Promise((resolve) => feeds?.close(resolve));
  if (db) await closeDatabase(db);
  await drop?.().catch(() => {});
});

const discover = (url: string) =>
  fetch(`${next.baseUrl}/api/trpc/subscription.discover`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ json: { url } }),
  });

describe("feed discovery in the built app", () => {
  it("refuses private, loopback and metadata addresses with the reason, and reaches the allow-listed server", async () => {
    for (const [url, reason] of [
      ["http://10.0.0.5/rss", "http://10.0.0.5/rss refused: 10.0.0.5 is a private address"],
      // 127.0.0.1 is allowed; the rest of 127.0.0.0/8 is not.
      ["http://127.0.0.2/rss", "http://127.0.0.2/rss refused: 127.0.0.2 is a loopback address"],
      [
        `${feedOrigin}/to-metadata`,
        "http://169.254.169.254/latest/meta-data/ refused: 169.254.169.254 is a cloud metadata address",
      ],
    ] as const) {
      const response = await discover(url);
      expect(response.status, url).toBe(400);
      expect(await response.text(), url).toContain(reason);
    }
    const allowed = await discover(`${feedOrigin}/rss.xml`);
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("Loopback Wire");
  });

  it("shows the refusal under the address field of /feeds", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    try {
      await signIn(page, next.baseUrl, db);
      await page.goto(`${next.baseUrl}/feeds`);
      await page.getByRole("textbox", { name: "Feed or site address" }).fill("http://192.168.1.1/feed.xml");
      await page.getByRole("button", { name: "Add" }).click();
      await page
        .getByText("http://192.168.1.1/feed.xml refused: 192.168.1.1 is a private address")
        .waitFor({ timeout: 15_000 });

      await page.getByRole("textbox", { name: "Feed or site address" }).fill(`${feedOrigin}/rss.xml`);
      await page.getByRole("button", { name: "Add" }).click();
      await page.getByText("Subscribed to Loopback Wire").first().waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
    }
  });
});
