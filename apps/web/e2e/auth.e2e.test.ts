import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createApiToken } from "@parallax/api";
import { revokeApiToken } from "@parallax/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { type RunningNext, startNext } from "./next-server";
import { E2E_ADMIN, type E2eStack, ensureAdmin, signIn, startStack } from "./stack";

// Two servers on one database: the default installation (public reading, open submitting) with the workers, and
// a private one (PUBLIC_READ=false, SUBMIT_ACCESS=token) beside it.
let stack: E2eStack;
let open: RunningNext;
let closed: RunningNext;
const axe = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

beforeAll(async () => {
  stack = await startStack({ ownDatabase: true });
  open = stack.next;
  const { redisUrl, prefix } = testServices();
  const { rows } = await stack.db.$client.query<{ url: string }>("select current_database() as url");
  const databaseUrl = new URL(testServices().databaseUrl);
  databaseUrl.pathname = `/${rows[0]!.url}`;
  closed = await startNext({
    DATABASE_URL: databaseUrl.toString(),
    REDIS_URL: redisUrl,
    // Its own rate-limit keys: the sign-in limit below is this server's alone.
    QUEUE_PREFIX: `${prefix}-private`,
    PUBLIC_READ: "false",
    SUBMIT_ACCESS: "token",
    RATE_LIMIT_SIGNIN_PER_MIN: "1",
  });
  await ensureAdmin(stack.db);
});

afterAll(async () => {
  await closed?.stop();
  await stack?.close();
});

/** A tRPC mutation over HTTP, as the web client sends it. */
function trpcMutation(base: string, path: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/trpc/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ json: input }),
  });
}

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { json: { message: string } } }).error.json.message;

async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "parallax_session");
  if (!cookie) throw new Error("no session cookie");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  return `${cookie.name}=${cookie.value}`;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe });
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe's global
    const result = await (window as any).axe.run(document, { runOnly: ["wcag2a", "wcag2aa"] });
    return result.violations.map((v: { id: string }) => v.id);
  });
}

describe("access control in the browser", () => {
  it("shows anonymous visitors no admin controls and refuses their mutations; an administrator signs in, retries and removes jobs, edits a source, and signs out", async () => {
    const base = open.baseUrl;
    // A job to act on: an article through the whole pipeline leaves completed jobs.
    const submitted = await fetch(`${base}/api/articles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        text: "Parliament met on Monday.\n\nIt passed the budget after a long debate.",
        title: "Budget passes",
      }),
    });
    expect(submitted.status).toBe(202);
    await stack.db.$client.query(
      "insert into sources (name, domain) values ('Kyodo', 'kyodonews.net') on conflict do nothing",
    );

    const page = await stack.browser.newPage({ viewport: { width: 1100, height: 900 } });
    try {
      await page.goto(`${base}/jobs?stage=ingest&state=completed`);
      await expect
        .poll(() => page.locator(".jobs-item").count(), { timeout: 60_000 })
        .toBeGreaterThanOrEqual(1);
      expect(await page.getByRole("button", { name: /^Retry/ }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /^Remove/ }).count()).toBe(0);
      expect(await page.locator(".sign-in-to").textContent()).toContain("Sign in to retry or remove jobs");
      await page.goto(`${base}/sources`);
      expect(await page.getByRole("button", { name: "Edit Kyodo" }).count()).toBe(0);
      expect(await page.getByRole("link", { name: "Sign in" }).count()).toBeGreaterThanOrEqual(1);

      // The API refuses what the page does not offer: anonymous → 401, a submit token → 403.
      const anonymous = await trpcMutation(base, "jobs.retry", { stage: "ingest", id: "1" });
      expect(anonymous.status).toBe(401);
      expect(await errorOf(anonymous)).toMatch(/sign in as an administrator or send an API token/);
      const { token: submitToken } = await createApiToken(stack.db, {
        name: "e2e submit",
        scope: "submit",
        createdBy: null,
      });
      const forbidden = await trpcMutation(
        base,
        "source.update",
        { id: crypto.randomUUID(), country: null, perspective: null, opinionSections: [] },
        {
          authorization: `Bearer ${submitToken}`,
        },
      );
      expect(forbidden.status).toBe(403);

      // A wrong password gets one sentence, whichever part was wrong.
      await page.goto(`${base}/signin`);
      await page.getByLabel("User name").fill(E2E_ADMIN.username);
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/signin" && url.search.includes("error=credentials"));
      expect(await page.locator("#signin-error").textContent()).toBe(
        "That user name and password do not match an account.",
      );
      expect(await axeViolations(page)).toEqual([]);

      await signIn(page, base, stack.db);
      const cookie = await sessionCookie(page);

      await page.goto(`${base}/jobs?stage=ingest&state=completed`);
      const retry = page.getByRole("button", { name: /^Retry/ }).first();
      await retry.waitFor({ timeout: 30_000 });
      await retry.click();
      await expect
        .poll(() => page.locator(".jobs-status").textContent(), { timeout: 15_000 })
        .toMatch(/will run again/);
      await page.goto(`${base}/jobs?stage=enrich&state=completed`);
      await expect
        .poll(() => page.locator(".jobs-item").count(), { timeout: 60_000 })
        .toBeGreaterThanOrEqual(1);
      const before = await page.locator(".jobs-item").count();
      await page
        .getByRole("button", { name: /^Remove/ })
        .first()
        .click();
      await page.getByRole("button", { name: /^Yes, remove job/ }).click();
      await expect
        .poll(() => page.locator(".jobs-status").textContent(), { timeout: 15_000 })
        .toMatch(/removed from enrich/);
      await expect.poll(() => page.locator(".jobs-item").count(), { timeout: 15_000 }).toBe(before - 1);

      await page.goto(`${base}/sources`);
      await page.getByRole("button", { name: "Edit Kyodo" }).click();
      await page.getByRole("textbox", { name: "Perspective" }).fill("Japanese wire service");
      await page.getByRole("button", { name: "Save" }).click();
      await expect
        .poll(
          async () =>
            (await stack.db.$client.query("select perspective from sources where name = 'Kyodo'")).rows[0]
              ?.perspective,
        )
        .toBe("Japanese wire service");

      // The session cookie sent from another site's page is not accepted for a change; from this site it is.
      const crossSite = await trpcMutation(
        base,
        "jobs.retry",
        { stage: "ingest", id: "no-such-job" },
        {
          cookie,
          origin: "https://evil.example",
          "sec-fetch-site": "cross-site",
        },
      );
      expect(crossSite.status).toBe(401);
      expect(await errorOf(crossSite)).toMatch(/cross-site request cannot use the session cookie/);
      const sameSite = await trpcMutation(
        base,
        "jobs.retry",
        { stage: "ingest", id: "no-such-job" },
        {
          cookie,
          origin: base,
          "sec-fetch-site": "same-origin",
        },
      );
      expect(sameSite.status).toBe(404);
      const loginCsrf = await fetch(`${base}/api/auth/signin`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
        body: `username=admin&password=x`,
        redirect: "manual",
      });
      expect(loginCsrf.status).toBe(403);

      // An admin token made on /admin is shown once and works; the list shows it was used.
      await page.goto(`${base}/admin`);
      await page
        .getByLabel("Token name")
        .waitFor({ timeout: 15_000 })
        .catch(async (error: Error) => {
          throw new Error(`${error.message}\n${await page.locator("main").textContent()}${stack.logs()}`);
        });
      await page.getByLabel("Token name").fill("nightly import");
      await page.getByLabel("Scope").selectOption("admin");
      await page.getByRole("button", { name: "Create token" }).click();
      const token = (await page.locator(".token-value").textContent({ timeout: 15_000 })) ?? "";
      expect(token).toMatch(/^pxt_[A-Za-z0-9_-]{43}$/);
      const withToken = await trpcMutation(
        base,
        "jobs.retry",
        { stage: "ingest", id: "no-such-job" },
        {
          authorization: `Bearer ${token}`,
        },
      );
      expect(withToken.status).toBe(404);
      await page.reload();
      const item = page.locator(".token-item", { hasText: "nightly import" });
      expect(await item.textContent()).toContain(token.slice(0, 12));
      expect(await item.textContent()).not.toContain(token);
      expect(await item.locator("dd").nth(3).textContent()).not.toBe("never");
      expect(await axeViolations(page)).toEqual([]);
      expect(stack.logs()).not.toContain(token);
      expect(stack.logs()).not.toContain(E2E_ADMIN.password);

      // Sign out: the header offers sign-in again, the controls are gone, the old cookie opens nothing.
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      expect(await page.getByRole("link", { name: "Sign in" }).count()).toBe(1);
      await page.goto(`${base}/jobs?stage=ingest&state=completed`);
      expect(await page.getByRole("button", { name: /^Retry/ }).count()).toBe(0);
      const stale = await trpcMutation(
        base,
        "jobs.retry",
        { stage: "ingest", id: "1" },
        { cookie, origin: base },
      );
      expect(stale.status).toBe(401);
      expect(await errorOf(stale)).toMatch(/session has expired/);
    } finally {
      await page.close();
    }
  });

  it("with PUBLIC_READ=false sends visitors to /signin and refuses feeds and the API without credentials", async () => {
    const base = closed.baseUrl;
    const page = await stack.browser.newPage({ viewport: { width: 375, height: 800 } });
    try {
      await page.goto(`${base}/articles?limit=5`);
      expect(new URL(page.url()).pathname).toBe("/signin");
      expect(new URL(page.url()).searchParams.get("next")).toBe("/articles?limit=5");
      expect(await page.locator(".lede").textContent()).toContain("This Parallax is private");
      const feed = await fetch(`${base}/feeds/stories.atom`);
      expect(feed.status).toBe(401);
      const list = await fetch(`${base}/api/articles`);
      expect(list.status).toBe(401);
      expect(((await list.json()) as { error: string }).error).toMatch(/read this Parallax/);
      const query = await fetch(`${base}/api/trpc/story.list`);
      expect(query.status).toBe(401);
      // A stale cookie gets past the quick gate but not the page's data load.
      await page.context().addCookies([{ name: "parallax_session", value: "x".repeat(43), url: base }]);
      await page.goto(`${base}/sources`);
      expect(new URL(page.url()).pathname).toBe("/signin");

      await page.getByLabel("User name").fill(E2E_ADMIN.username);
      await page.getByLabel("Password").fill(E2E_ADMIN.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.goto(`${base}/articles`);
      expect(new URL(page.url()).pathname).toBe("/articles");
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Articles");
      expect(await page.locator(".site-account-name").textContent()).toContain(E2E_ADMIN.username);
    } finally {
      await page.close();
    }
  });

  it("with SUBMIT_ACCESS=token refuses /api/articles and /api/uploads without a token and accepts them with one", async () => {
    const base = closed.baseUrl;
    const body = JSON.stringify({
      text: "A token-only submission.\n\nIt has two paragraphs.",
      title: "Token only",
    });
    const json = { "content-type": "application/json" };
    const refused = await fetch(`${base}/api/articles`, { method: "POST", headers: json, body });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(
      /submitting needs an API token \(Authorization: Bearer pxt_…\) or a signed-in administrator/,
    );
    const upload = (headers: Record<string, string>) =>
      fetch(`${base}/api/uploads?name=note.txt`, {
        method: "POST",
        headers,
        body: "An uploaded note.\n\nSecond paragraph.",
      });
    expect((await upload({})).status).toBe(401);
    const bogus = await fetch(`${base}/api/articles`, {
      method: "POST",
      headers: { ...json, authorization: `Bearer pxt_${"A".repeat(43)}` },
      body,
    });
    expect(bogus.status).toBe(401);
    expect(((await bogus.json()) as { error: string }).error).toMatch(/unknown or revoked/);

    const { token, record } = await createApiToken(stack.db, {
      name: "uploader",
      scope: "submit",
      createdBy: null,
    });
    const bearer = { authorization: `Bearer ${token}` };
    const accepted = await fetch(`${base}/api/articles`, {
      method: "POST",
      headers: { ...json, ...bearer },
      body,
    });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    expect((await upload(bearer)).status).toBe(202);
    // A submit token also reads (the article's progress) on a private installation.
    expect((await fetch(`${base}/api/articles/${id}`, { headers: bearer })).status).toBe(200);
    expect((await fetch(`${base}/api/articles/${id}`)).status).toBe(401);

    await revokeApiToken(stack.db, record.id);
    expect(
      (await fetch(`${base}/api/articles`, { method: "POST", headers: { ...json, ...bearer }, body })).status,
    ).toBe(401);
  });

  it("limits sign-in attempts per client and says when to try again", async () => {
    const base = closed.baseUrl;
    const attempt = () =>
      fetch(`${base}/api/auth/signin`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
        body: new URLSearchParams({
          username: E2E_ADMIN.username,
          password: "guess",
          next: "/jobs",
        }).toString(),
        redirect: "manual",
      });
    // One attempt a minute here: the second in a row is refused before the password is looked at.
    await attempt();
    const limited = await attempt();
    expect(limited.status).toBe(303);
    const location = new URL(limited.headers.get("location") ?? "", base);
    expect(location.pathname).toBe("/signin");
    expect(location.searchParams.get("error")).toBe("limited");
    expect(location.searchParams.get("next")).toBe("/jobs");
    expect(Number(location.searchParams.get("retry"))).toBeGreaterThan(0);
    const page = await stack.browser.newPage();
    try {
      await page.goto(location.toString());
      expect(await page.locator("#signin-error").textContent()).toMatch(
        /^Too many sign-in attempts from here; try again in \d+ s\.$/,
      );
    } finally {
      await page.close();
    }
  });
});
