import { zNewWatch } from "@parallax/core";
import { createWatch, listAlerts } from "@parallax/db";
import { createMaintenanceQueue, queueKeyPrefix } from "@parallax/queue";
import type { Job, Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, waitFor } from "./__fixtures__/harness";
import { createLog } from "./log";

// Every line the workers log in this file, through the worker's real logger.
const logged: string[] = [];
const hooks: string[] = [];
let h: Harness;

beforeAll(async () => {
  h = await startHarness((req, res) => {
    req.resume();
    req.on("end", () => {
      hooks.push(req.url ?? "/");
      res.writeHead(204).end();
    });
  });
  await h.startWorkers({
    log: createLog((text) => logged.push(text)),
    normalizeLimits: { maxElements: 50 },
    webhookJobOptions: { attempts: 3, backoff: { type: "fixed", delay: 100 } },
  });
});

afterAll(async () => {
  await h?.close();
});

async function finished(queue: Queue, id: string): Promise<Job> {
  return waitFor(async () => {
    const job = await queue.getJob(id);
    const state = await job?.getState();
    return state === "failed" || state === "completed" ? job : null;
  }, `job ${id} of ${queue.name} to finish`);
}

describe("job payloads", () => {
  it("fails a malformed payload at once, without retries, naming the field; good jobs still complete", async () => {
    const w = h.workers();
    const maintenance = createMaintenanceQueue({ connection: h.redis, prefix: h.services.prefix });
    const cases: Array<[Queue, string, unknown, RegExp]> = [
      [
        w.ingestQueue,
        "ingest",
        { articleId: "not-a-uuid" },
        /invalid ingest job payload \(ingest\): articleId: /,
      ],
      [w.ingestQueue, "ingest", { articleId: crypto.randomUUID(), runId: 7 }, /runId: /],
      [w.enrichQueue, "enrich", {}, /invalid enrich job payload \(enrich\): articleId: /],
      [
        w.clusterQueue,
        "cluster",
        { articleId: "../../etc" },
        /invalid cluster job payload \(cluster\): articleId: /,
      ],
      [w.briefQueue, "brief", { storyId: null }, /invalid brief job payload \(brief\): storyId: /],
      [w.feedsQueue, "poll", { feedId: 42 }, /invalid feeds job payload \(poll\): feedId: /],
      [
        w.alertsQueue,
        "article",
        { kind: "story", articleId: crypto.randomUUID() },
        /invalid alerts job payload \(article\): kind: /,
      ],
      [
        w.webhooksQueue,
        "webhook",
        { alertId: "x", secret: "s" },
        /invalid webhooks job payload \(webhook\): alertId: /,
      ],
      [
        maintenance,
        "reconcile",
        { extra: true },
        /invalid maintenance job payload \(reconcile\): \(payload\): /,
      ],
      [w.ingestQueue, "ingest", "a string", /invalid ingest job payload \(ingest\): \(payload\): /],
    ];
    const added = await Promise.all(
      cases.map(([queue, name, data]) =>
        // Several attempts allowed: the failure must not use them.
        (queue as Queue<unknown>).add(name, data, { attempts: 5, backoff: { type: "fixed", delay: 50 } }),
      ),
    );
    const { articleId } = await h.api().article.submit({
      text: "The Port Ellis harbour reopened on Tuesday after the storm, the harbour master said.",
    });
    for (const [i, [queue, , , reason]] of cases.entries()) {
      const job = await finished(queue, added[i]!.id!);
      expect(await job.getState(), `${queue.name} ${JSON.stringify(cases[i]![2])}`).toBe("failed");
      expect(job.failedReason).toMatch(reason);
      expect(job.attemptsMade).toBe(1);
    }
    expect((await h.waitForFinal(articleId)).status).toBe("ready");
    await maintenance.close();
  });

  it("applies the worker's normalizer limits to submitted documents", async () => {
    const html = `<html><body><article>${"<p>The harbour reopened on Tuesday after a long storm closed it.</p>".repeat(60)}</article></body></html>`;
    const { articleId } = await h.api().article.submit({ html });
    const article = await h.waitForFinal(articleId);
    expect(article.status).toBe("failed");
    expect(article.error).toBe("page too complex: more than 50 elements (the limit)");
  });
});

describe("secrets", () => {
  it("keeps the webhook secret out of job data, the raw job hash and the log", async () => {
    const { watch, secret } = await createWatch(
      h.db,
      zNewWatch.parse({ kind: "query", value: "lighthouse", webhookUrl: `${h.origin}/hook` }),
    );
    const { articleId } = await h.api().article.submit({
      text: "The old lighthouse at Port Ellis was relit on Friday after twenty years, the harbour board said.",
      title: "Lighthouse relit",
    });
    expect((await h.waitForFinal(articleId)).status).toBe("ready");
    const alert = await waitFor(
      async () => (await listAlerts(h.db, { watchId: watch.id, limit: 5 })).items[0],
      "the lighthouse alert",
    );
    await waitFor(async () => (hooks.includes("/hook") ? true : null), "the webhook delivery");

    const { webhooksQueue, alertsQueue } = h.workers();
    const webhookJob = await finished(webhooksQueue, `webhook-${alert.id}`);
    expect(webhookJob.data).toEqual({ alertId: alert.id });
    const raw = await h.redis.hgetall(`${queueKeyPrefix(h.services.prefix)}:webhooks:webhook-${alert.id}`);
    expect(Object.keys(raw)).toContain("data");
    expect(JSON.stringify(raw)).not.toContain(secret);

    // The alerts job that recorded it, and everything else in this prefix, carry ids only.
    const alertsJobs = await alertsQueue.getJobs(["completed", "failed", "waiting", "active"]);
    expect(alertsJobs.length).toBeGreaterThan(0);
    for (const job of alertsJobs) expect(JSON.stringify(job.data)).not.toContain(secret);
    const keys = await h.redis.keys(`*${h.services.prefix}*`);
    for (const key of keys) {
      if ((await h.redis.type(key)) !== "hash") continue;
      expect(JSON.stringify(await h.redis.hgetall(key)), key).not.toContain(secret);
    }
    expect(logged.join("")).not.toContain(secret);
  });
});
