import { readFile } from "node:fs/promises";
import path from "node:path";
import { createApiToken, createCaller } from "@parallax/api";
import { storyOfArticle } from "@parallax/db";
import { createBriefQueue, createIngestQueue, createRedis } from "@parallax/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { type E2eStack, repoRoot, signIn, startStack } from "./stack";

/**
 * The rendered-page cache of anonymous readers (src/server/page-html.ts) against the real app: a story page is
 * served from it, a briefing version the worker builds shows once its page has rendered (the previous render
 * serving the readers meanwhile), and what a signed-in administrator sees never reaches an anonymous reader.
 */

let stack: E2eStack;
let redis: ReturnType<typeof createRedis>;
let api: ReturnType<typeof createCaller>;
const queues: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  stack = await startStack({ ownDatabase: true });
  const { redisUrl } = testServices();
  const { prefix } = stack;
  redis = createRedis(redisUrl, "producer");
  const ingestQueue = createIngestQueue({ connection: redis, prefix });
  const briefQueue = createBriefQueue({ connection: redis, prefix });
  queues.push(ingestQueue, briefQueue);
  // Changes made in this test process, not through the web app: the web app learns of them only from the data.
  api = createCaller({ db: stack.db, ingestQueue, briefQueue, log: () => {}, viewer: { kind: "local" } });
});

afterAll(async () => {
  await Promise.all(queues.map((q) => q.close().catch(() => {})));
  await redis?.quit().catch(() => redis.disconnect());
  await stack?.close();
});

async function submit(file: string, sourceName: string): Promise<string> {
  const text = await readFile(path.join(repoRoot, "../shared/seeds", file), "utf8");
  const response = await fetch(`${stack.next.baseUrl}/api/articles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text, sourceName }),
  });
  expect(response.status, await response.clone().text()).toBe(202);
  return ((await response.json()) as { id: string }).id;
}

async function poll<T>(read: () => Promise<T | null | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await read().catch(() => null);
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${stack.logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const latestVersion = async (storyId: string) => (await api.story.briefing({ id: storyId })).version;

/** What a browser asks for when it loads a page (the cache serves page loads only). */
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** An anonymous reader's view: the HTML with React's text separators taken out, and whether the cache served it. */
async function view(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT, ...headers } });
  const html = (await response.text()).replaceAll("<!-- -->", "");
  return { status: response.status, cache: response.headers.get("x-parallax-page-cache"), html };
}

const shownVersion = (html: string) => /class="meta briefing-version"><span>Version (\d+)</.exec(html)?.[1];

describe("the page cache of anonymous readers", () => {
  let nippon = "";
  let caixin = "";
  let storyId = "";

  it("serves a story page from the cache, and a briefing version built by a worker once it has rendered", async () => {
    nippon = await submit("000_692c35d782a7bbcb.txt", "nippon.com");
    caixin = await submit("002_41147d8f43a0c177.txt", "Caixin");
    storyId = (await poll(() => storyOfArticle(stack.db, nippon), "nippon.com's story")).storyId;
    await poll(() => storyOfArticle(stack.db, caixin), "Caixin's story");
    const before = await poll(() => latestVersion(storyId), "the first briefing");
    const url = `${stack.next.baseUrl}/stories/${storyId}`;

    const first = await view(url);
    expect(first.status).toBe(200);
    expect(shownVersion(first.html)).toBe(String(before));
    const again = await view(url);
    expect(again.cache).toBe("hit");
    expect(again.html).toBe(first.html);

    // A change the web app does not make itself: Caixin's article moved into (or split off from) the story.
    const together = (await storyOfArticle(stack.db, caixin))?.storyId === storyId;
    if (together) await api.story.split({ storyId, articleIds: [caixin] });
    else await api.story.moveArticle({ articleId: caixin, toStoryId: storyId });
    const after = await poll(async () => {
      const version = await latestVersion(storyId);
      return version !== null && version > before ? version : null;
    }, "the rebuilt briefing");

    // The first view after the change: the new version rendered for it, or, while that render runs, the page
    // as it was (rendered seconds ago) — never a page that is neither.
    const next = await view(url);
    if (next.cache === "stale") expect(next.html).toBe(first.html);
    else {
      expect(next.cache).toBe("miss");
      expect(shownVersion(next.html)).toBe(String(after));
    }
    const rebuilt = await poll(async () => {
      const seen = await view(url);
      return seen.cache === "hit" ? seen : null;
    }, "the rebuilt page in the cache");
    expect(shownVersion(rebuilt.html)).toBe(String(after));
    expect(rebuilt.html).not.toBe(first.html);

    // A change made through the web app itself clears every kept page: no reader is served the page as it was.
    const { token } = await createApiToken(stack.db, { name: "page cache", scope: "admin", createdBy: null });
    const nowTogether = (await storyOfArticle(stack.db, caixin))?.storyId === storyId;
    const change = await fetch(
      `${stack.next.baseUrl}/api/trpc/${nowTogether ? "story.split" : "story.moveArticle"}`,
      {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({
          json: nowTogether ? { storyId, articleIds: [caixin] } : { articleId: caixin, toStoryId: storyId },
        }),
      },
    );
    expect(change.status, await change.clone().text()).toBe(200);
    const changed = await view(url);
    expect(changed.cache).toBe("miss");
    expect(changed.html.includes(`id="title-${caixin}"`)).toBe(!nowTogether);
  });

  it("never shows an administrator's controls to an anonymous reader, nor serves an administrator from it", async () => {
    const url = `${stack.next.baseUrl}/stories/${storyId}`;
    const page = await stack.browser.newPage();
    try {
      await signIn(page, stack.next.baseUrl, stack.db);
      const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      // The administrator views the page first, then anonymous readers do, then the administrator again.
      for (const admin of [await view(url, { cookie }), null, await view(url, { cookie })]) {
        if (admin === null) {
          const anonymous = await view(url);
          expect(anonymous.status).toBe(200);
          expect(anonymous.html).not.toContain("Move to story");
          expect(anonymous.html).not.toContain("Split selected articles");
          expect(anonymous.html).not.toContain("site-account-name");
          expect(anonymous.html).toContain("Sign in");
          continue;
        }
        expect(admin.cache).toBeNull();
        expect(admin.html).toContain("Move to story");
        expect(admin.html).toContain("site-account-name");
      }
      // In the browser too: the signed-in page is the administrator's own.
      await page.goto(url);
      await expect.poll(() => page.getByRole("button", { name: /^Move “/ }).count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it("serves the home page from the cache, but not a filtered or paged one", async () => {
    const base = stack.next.baseUrl;
    expect((await view(`${base}/`)).status).toBe(200);
    // Stale while the home page's newer version renders (the stories changed above), then from the cache.
    await poll(async () => ((await view(`${base}/`)).cache === "hit" ? true : null), "the home page cached");
    expect((await view(`${base}/?language=en`)).cache).toBeNull();
    expect((await view(`${base}/stories/${storyId}?articles=all`)).cache).toBeNull();
    // The router's own requests for a page's data (a prefetch, a client navigation) are never answered with HTML.
    for (const path of ["/", `/stories/${storyId}`]) {
      const flight = await fetch(`${base}${path}?_rsc=abc12`, {
        headers: { rsc: "1", "next-router-prefetch": "1", accept: "*/*" },
        signal: AbortSignal.timeout(20_000),
      });
      expect(flight.headers.get("x-parallax-page-cache")).toBeNull();
      expect(flight.headers.get("content-type")).toContain("text/x-component");
      await flight.arrayBuffer();
    }
  });
});
