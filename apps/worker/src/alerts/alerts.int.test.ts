import type { IncomingHttpHeaders } from "node:http";
import { enrichArticle } from "@parallax/core/enrich";
import { normalize } from "@parallax/core/normalize";
import { type Alert, zNewWatch } from "@parallax/core";
import { verifyWebhookSignature } from "@parallax/core/watch";
import { createWatch, listAlerts, storyOfArticle } from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, seed, startHarness, waitFor } from "../__fixtures__/harness";
import { type RunningWorkers, startWorkers } from "../index";
import { matchAlerts } from "./worker";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const received: Received[] = [];
const flakyCalls = { count: 0 };
let h: Harness;
let workers: RunningWorkers;

beforeAll(async () => {
  h = await startHarness((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      if (path === "/hook-slow") return; // never answers: the worker's timeout must end the attempt
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      if (path === "/hook-flaky" && ++flakyCalls.count === 1) return res.writeHead(500).end("busy");
      if (path === "/hook-gone") return res.writeHead(410).end();
      res.writeHead(204).end();
    });
  });
  workers = await startWorkers({
    db: h.db,
    redisUrl: h.services.redisUrl,
    prefix: h.services.prefix,
    concurrency: 2,
    fetchLimits: { timeoutMs: 5_000, maxBytes: 1_000_000, maxRedirects: 3 },
    publicUrl: "https://parallax.example",
    webhookTimeoutMs: 500,
    webhookJobOptions: { attempts: 3, backoff: { type: "fixed", delay: 100 } },
    // The receivers are on loopback; hooks.example stands for a name whose DNS points inside the network.
    net: {
      allow: "127.0.0.1",
      resolve: async (hostname) => {
        if (hostname === "hooks.example") return [{ address: "192.168.1.9", family: 4 }];
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
      },
    },
    log: () => {},
  });
});

afterAll(async () => {
  await workers?.close();
  await h.close();
});

const watch = (input: Record<string, unknown>) => createWatch(h.db, zNewWatch.parse(input));
const alertsOf = async (watchId: string) => (await listAlerts(h.db, { watchId, limit: 50 })).items;
const waitForAlerts = (
  watchId: string,
  what: string,
  predicate: (a: Alert[]) => boolean = (a) => a.length > 0,
) =>
  waitFor(
    async () => {
      const list = await alertsOf(watchId);
      return predicate(list) ? list : null;
    },
    what,
    60_000,
  );

describe("watches and alerts in the worker", () => {
  it("records each matching watch's alert once, posts signed webhooks, retries a failing receiver, and alerts on briefing changes", async () => {
    const text = seed("000_692c35d782a7bbcb.txt");
    // The entity the pipeline will find most in this article, computed as the worker computes it.
    const offline = enrichArticle(
      normalize({ kind: "text", text }, { title: "Takaichi goes to Washington" }),
    );
    const slug = [...offline.enrichment.entities].sort((a, b) => b.mentions - a.mentions)[0]!.slug;

    // An outlet is watched by its source id, known once a first article from it is stored.
    const first = await h.api().article.submit({
      text: "The Port Ellis harbour reopened on Tuesday after the storm.",
      sourceName: "Ellis Gazette",
    });
    await h.waitForFinal(first.articleId);
    const [{ source_id: sourceId }] = (
      await h.db.$client.query<{ source_id: string }>("select source_id from articles where id = $1", [
        first.articleId,
      ])
    ).rows as [{ source_id: string }];

    const entity = await watch({ kind: "entity", value: slug, webhookUrl: `${h.origin}/hook-ok` });
    const query = await watch({
      kind: "query",
      value: "Takaichi -zyxwvut",
      webhookUrl: `${h.origin}/hook-flaky`,
    });
    const outlet = await watch({ kind: "outlet", value: sourceId, webhookUrl: `${h.origin}/hook-slow` });
    const gone = await watch({
      kind: "query",
      value: "Takaichi Washington",
      webhookUrl: `${h.origin}/hook-gone`,
    });
    const unrelated = await watch({ kind: "query", value: "harbour ferries" });
    // Webhooks that would reach inside the network: never sent, failed at once with the reason.
    const internal = await watch({
      kind: "query",
      value: "Takaichi",
      webhookUrl: "http://10.0.0.5:8080/hook",
    });
    const metadata = await watch({
      kind: "query",
      value: "Washington",
      webhookUrl: "http://169.254.169.254/latest/meta-data/iam/",
    });
    const resolvedInside = await watch({
      kind: "query",
      value: "Takaichi Washington",
      webhookUrl: "https://hooks.example/parallax",
    });

    const { articleId } = await h
      .api()
      .article.submit({ text, title: "Takaichi goes to Washington", sourceName: "Ellis Gazette" });
    await h.waitForFinal(articleId);

    const [entityAlert] = await waitForAlerts(entity.watch.id, "the entity watch's alert");
    expect(entityAlert).toMatchObject({
      kind: "new-article",
      articleId,
      title: "Takaichi goes to Washington",
    });
    await waitForAlerts(query.watch.id, "the query watch's alert");
    await waitForAlerts(outlet.watch.id, "the outlet watch's alert");
    // The harbour article came before the watches: it is not news to them, and the unrelated query never matched.
    expect((await alertsOf(outlet.watch.id)).map((a) => a.articleId)).toEqual([articleId]);
    expect(await alertsOf(unrelated.watch.id)).toEqual([]);

    // Matching again records nothing new.
    expect(await matchAlerts(h.db, { kind: "article", articleId }, undefined)).toEqual({
      recorded: 0,
      webhooks: 0,
    });
    expect((await alertsOf(entity.watch.id)).filter((a) => a.kind === "new-article")).toHaveLength(1);

    // The webhook: correctly signed; the same signature over a tampered body is refused.
    const hook = await waitFor(async () => received.find((r) => r.path === "/hook-ok"), "the webhook POST");
    expect(hook.headers["content-type"]).toBe("application/json");
    expect(hook.headers["x-parallax-event"]).toBe("new-article");
    expect(hook.headers["x-parallax-delivery"]).toBe(entityAlert!.id);
    const signed = {
      secret: entity.secret,
      body: hook.body,
      signature: hook.headers["x-parallax-signature"] as string,
      timestamp: hook.headers["x-parallax-timestamp"] as string,
    };
    expect(verifyWebhookSignature(signed)).toEqual({ ok: true });
    expect(
      verifyWebhookSignature({ ...signed, body: hook.body.replace("Washington", "Moscow") }),
    ).toMatchObject({ ok: false });
    expect(verifyWebhookSignature({ ...signed, secret: query.secret })).toMatchObject({ ok: false });
    expect(JSON.parse(hook.body)).toMatchObject({
      id: entityAlert!.id,
      kind: "new-article",
      url: `https://parallax.example/articles/${articleId}`,
      watch: { id: entity.watch.id, kind: "entity", value: slug },
      article: { id: articleId },
    });
    const delivered = await waitForAlerts(entity.watch.id, "the entity webhook delivered", (a) =>
      a.some((x) => x.kind === "new-article" && x.delivery?.status === "delivered"),
    );
    expect(delivered.find((x) => x.kind === "new-article")!.delivery).toMatchObject({
      attempts: 1,
      lastError: null,
    });

    // 500 first, then 204: delivered on the second attempt.
    const flaky = await waitForAlerts(
      query.watch.id,
      "the flaky webhook delivered",
      (a) => a[0]?.delivery?.status === "delivered",
    );
    expect(flaky[0]!.delivery).toMatchObject({ status: "delivered", attempts: 2 });
    const flakyBodies = received.filter((r) => r.path === "/hook-flaky");
    expect(
      verifyWebhookSignature({
        secret: query.secret,
        body: flakyBodies[1]!.body,
        signature: flakyBodies[1]!.headers["x-parallax-signature"] as string,
        timestamp: flakyBodies[1]!.headers["x-parallax-timestamp"] as string,
      }),
    ).toEqual({ ok: true });

    // A receiver that never answers: every attempt times out, the delivery ends failed, the pipeline went on.
    const slow = await waitForAlerts(outlet.watch.id, "the slow webhook given up", (a) =>
      a.some((x) => x.kind === "new-article" && x.delivery?.status === "failed"),
    );
    expect(slow.find((x) => x.kind === "new-article")!.delivery).toMatchObject({
      attempts: 3,
      lastError: "no answer within 0.5 s",
    });
    // 410 is a refusal: one attempt, no retry.
    const refused = await waitForAlerts(
      gone.watch.id,
      "the refused webhook",
      (a) => a[0]?.delivery?.status === "failed",
    );
    expect(refused[0]!.delivery).toMatchObject({
      attempts: 1,
      lastError: "the receiver refused the alert with HTTP 410",
    });
    expect(
      received.filter((r) => r.path === "/hook-gone" && r.headers["x-parallax-event"] === "new-article"),
    ).toHaveLength(1);

    for (const [inside, reason] of [
      [internal, "http://10.0.0.5:8080/hook refused: 10.0.0.5 is a private address"],
      [
        metadata,
        "http://169.254.169.254/latest/meta-data/iam/ refused: 169.254.169.254 is a cloud metadata address",
      ],
      [
        resolvedInside,
        "https://hooks.example/parallax refused: hooks.example resolves to 192.168.1.9, a private address",
      ],
    ] as const) {
      const alerts = await waitForAlerts(
        inside.watch.id,
        `the internal webhook ${inside.watch.value} refused`,
        (a) => a.some((x) => x.kind === "new-article" && x.delivery?.status === "failed"),
      );
      expect(alerts.find((x) => x.kind === "new-article")!.delivery).toMatchObject({
        status: "failed",
        attempts: 1,
        lastError: reason,
      });
    }

    // The story's briefing is built (debounced) and every watch of its articles hears about it.
    const { storyId } = await waitFor(() => storyOfArticle(h.db, articleId), "the article's story", 60_000);
    const withBriefing = await waitForAlerts(entity.watch.id, "the briefing-changed alert", (a) =>
      a.some((x) => x.kind === "briefing-changed"),
    );
    const briefingAlert = withBriefing.find((x) => x.kind === "briefing-changed")!;
    expect(briefingAlert).toMatchObject({ storyId, version: 1, articleId: null });
    expect(await matchAlerts(h.db, { kind: "briefing", storyId, version: 1 }, undefined)).toEqual({
      recorded: 0,
      webhooks: 0,
    });
    const briefingHook = await waitFor(
      async () =>
        received.find((r) => r.path === "/hook-ok" && r.headers["x-parallax-event"] === "briefing-changed"),
      "the briefing webhook",
    );
    expect(JSON.parse(briefingHook.body)).toMatchObject({
      story: { id: storyId, version: 1 },
      article: null,
    });
  }, 180_000);
});
