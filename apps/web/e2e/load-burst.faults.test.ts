import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { createRedis, createStageQueues } from "@parallax/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../tooling/vitest/services";
import { seedCorpus } from "./corpus";
import { startBrowsing } from "./load/browse";
import { burstArticles } from "./load/burst-articles";
import { ms, summarize } from "./load/latency";
import { type PipelineProgress, pipelineProgress } from "./load/pipeline-progress";
import { type BurstRequest, type SubmitOutcome, submitBurst } from "./load/submit-burst";
import { startWorkerProcess, type WorkerProcess } from "../../worker/src/faults/__fixtures__/worker-process";
import { type RunningNext, startNext } from "./next-server";

/**
 * `pnpm test` runs a burst of 1,000, which fits CI's time; `PARALLAX_LOAD_SUBMISSIONS=10000 pnpm test:faults` runs
 * the full 10,000 of the issue (about 20 minutes on two cores; figures in the README).
 */
const SUBMISSIONS = Number(process.env.PARALLAX_LOAD_SUBMISSIONS ?? 1_000);
/**
 * Submissions in flight at once (clients waiting for their answer before sending the next). Sixteen already
 * submit faster than the pipeline can take them on two cores; more only queues requests inside the one web
 * process, in front of the readers'.
 */
const CONCURRENCY = 16;
/** Clients within their limit (60 a minute, bursts of 120): at 10,000 submissions each sends 50 or 51. */
const POLITE_CLIENTS = 196;
/** One client sends every other one of the first 400 submissions: 200 in seconds, past its allowance of 120. */
const GREEDY_SUBMISSIONS = 200;
const GREEDY_CLIENT = "198.51.100.250";
const READERS = 4;
const WORKER_PROCESSES = 2;
const PAGE_P95_MS = 300;
/**
 * From the first submission: within the faults project's 600 s for the 1,000 of `pnpm test`; a larger burst
 * gives the pipeline 0.12 s per submission (10,000: 20 minutes; two cores take 20–40 articles a second).
 */
const PIPELINE_DEADLINE_MS = Math.max(450_000, SUBMISSIONS * 120);

let own: { url: string; drop: () => Promise<void> };
let services: { redisUrl: string; prefix: string };
let next: RunningNext;
let workers: WorkerProcess[] = [];
let db: Database;

const logs = () =>
  `\nworker log:\n${workers.map((w) => w.output().slice(-10_000)).join("\n")}\nnext log:\n${next?.output() ?? ""}`;

beforeAll(async () => {
  const { redisUrl, prefix } = testServices();
  services = { redisUrl, prefix };
  own = await isolatedDatabase();
  const env = { DATABASE_URL: own.url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix };
  // Default rate limits, per client address as a trusted reverse proxy reports it.
  next = await startNext({ ...env, TRUST_PROXY: "true" });
  // Separate processes, as `pnpm start` runs them: their CPU competes with the web process, not with this clock.
  workers = await Promise.all(Array.from({ length: WORKER_PROCESSES }, () => startWorkerProcess(env)));
  db = createDatabase(own.url, { max: 2 });
});

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await next?.stop();
  if (db) await closeDatabase(db);
  await own?.drop().catch(() => {});
  if (services) await removeQueues(services.redisUrl, services.prefix);
});

/** The thousands of jobs a run may leave waiting are not left in the shared Redis. */
async function removeQueues(redisUrl: string, prefix: string) {
  const redis = createRedis(redisUrl, "worker");
  const queues = Object.values(createStageQueues({ connection: redis, prefix }));
  await Promise.all(queues.map((queue) => queue.obliterate({ force: true }).catch(() => {})));
  await Promise.all(queues.map((queue) => queue.close().catch(() => {})));
  await redis.quit().catch(() => redis.disconnect());
}

function clientOf(n: number): string {
  if (n < 2 * GREEDY_SUBMISSIONS && n % 2 === 1) return GREEDY_CLIENT;
  const k = n % POLITE_CLIENTS;
  return `203.0.${113 + Math.floor(k / 100)}.${(k % 100) + 1}`;
}

describe(`a burst of ${SUBMISSIONS} submissions while people read`, () => {
  it(
    "accepts or refuses every submission, brings every accepted one to ready, and measures the pages meanwhile",
    async () => {
      const seeded = await seedCorpus(next.baseUrl, db, logs);
      const seededStories = (
        await db.$client.query<{ id: string }>(
          "select distinct story_id::text as id from article_stories where article_id = any($1::uuid[])",
          [[...seeded.values()]],
        )
      ).rows.map((r) => r.id);
      const articlesBefore = Number(
        (await db.$client.query<{ n: string }>("select count(*) as n from articles")).rows[0]?.n,
      );

      const requests: BurstRequest[] = (await burstArticles(SUBMISSIONS)).map((article, n) => ({
        client: clientOf(n),
        body: JSON.stringify(article.body),
      }));

      const browsing = startBrowsing(next.baseUrl, READERS, seededStories);
      const burstStart = Date.now();
      const outcomes: SubmitOutcome[] = await submitBurst(next.baseUrl, requests, CONCURRENCY);
      const burstEnd = Date.now();

      const accepted = outcomes.filter((o) => o.kind === "accepted");
      const refused = outcomes.filter((o) => o.kind === "refused");
      const unexpected = outcomes.filter((o) => o.kind === "unexpected");
      const ids = accepted.map((o) => o.id);

      // Wait for the pipeline: every accepted article normalized (`ready`), then, while time allows, enriched
      // and placed in a story; readers keep reading all along.
      const samples: PipelineProgress[] = [];
      let readyAt: number | null = null;
      const deadline = burstStart + PIPELINE_DEADLINE_MS;
      for (;;) {
        const progress = await pipelineProgress(db, ids);
        samples.push(progress);
        if (readyAt === null && progress.unfinished === 0) readyAt = progress.at;
        if (progress.unfinished === 0 && progress.inStory >= ids.length) break;
        if (Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      const last = samples.at(-1)!;
      const doneAt = last.at;
      await browsing.stop();

      // Figures first, so a failing run still reports them.
      const inWindow = browsing.views.filter((v) => v.startedAt >= burstStart && v.startedAt <= doneAt);
      const during = (page: "home" | "story", until: number) =>
        summarize(inWindow.filter((v) => v.page === page && v.startedAt <= until).map((v) => v.ms));
      const home = during("home", doneAt);
      const story = during("story", doneAt);
      const homeSubmitting = during("home", burstEnd);
      const storySubmitting = during("story", burstEnd);
      const seconds = (a: number, b: number) => (b - a) / 1_000;
      const rows = [
        ["submissions", `${SUBMISSIONS} in ${seconds(burstStart, burstEnd).toFixed(1)} s`],
        [
          "accepted (202)",
          `${accepted.length} (${(accepted.length / seconds(burstStart, burstEnd)).toFixed(0)}/s)`,
        ],
        [
          "refused 429 / 503",
          `${refused.filter((o) => o.status === 429).length} / ${refused.filter((o) => o.status === 503).length}`,
        ],
        ["unexpected answers", `${unexpected.length}`],
        [
          "all ready after",
          readyAt
            ? `${seconds(burstStart, readyAt).toFixed(1)} s (${(ids.length / seconds(burstStart, readyAt)).toFixed(0)} articles/s)`
            : "not reached",
        ],
        [
          last.inStory >= ids.length ? "all in a story after" : "in a story when the wait ended",
          `${last.inStory} after ${seconds(burstStart, doneAt).toFixed(1)} s (${(last.inStory / seconds(burstStart, doneAt)).toFixed(0)} articles/s; ${last.enriched} enriched)`,
        ],
        [
          "home p50/p95/p99/max ms (n)",
          `${ms(home.p50)} / ${ms(home.p95)} / ${ms(home.p99)} / ${ms(home.max)} (${home.count})`,
        ],
        [
          "story p50/p95/p99/max ms (n)",
          `${ms(story.p50)} / ${ms(story.p95)} / ${ms(story.p99)} / ${ms(story.max)} (${story.count})`,
        ],
        [
          "… while submitting: home p95 / story p95",
          `${ms(homeSubmitting.p95)} / ${ms(storySubmitting.p95)}`,
        ],
        ...(["home", "story"] as const).map((page) => [
          `${page} by page cache answer: n, p95 ms`,
          ["hit", "stale", "miss", null]
            .map((cache) => {
              const of = summarize(
                inWindow.filter((v) => v.page === page && v.cache === cache).map((v) => v.ms),
              );
              return `${cache ?? "not cached"} ${of.count}, ${ms(of.p95)}`;
            })
            .join("; "),
        ]),
      ];
      console.log(
        `\nload burst figures\n| measure | value |\n| --- | --- |\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join("\n")}\n` +
          `pipeline samples (s: unfinished/enriched/in story): ${samples
            .filter((_, i) => i % 10 === 0)
            .map((s) => `${seconds(burstStart, s.at).toFixed(0)}: ${s.unfinished}/${s.enriched}/${s.inStory}`)
            .join(", ")}`,
      );

      // Every submission answered: accepted with an id, or refused in a way the client can act on.
      expect(unexpected, JSON.stringify(unexpected.slice(0, 5))).toEqual([]);
      expect(accepted.length + refused.length).toBe(SUBMISSIONS);
      expect(accepted.every((o) => o.status === 202)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      for (const o of refused) if (o.status === 429) expect(o.retryAfter).toMatch(/^[1-9]\d*$/);
      // The greedy client ran past its burst and was told to wait; nobody within their limit was refused.
      const greedyRefused = refused.filter((o) => o.client === GREEDY_CLIENT).length;
      expect(greedyRefused).toBeGreaterThan(0);
      expect(refused.filter((o) => o.client !== GREEDY_CLIENT)).toEqual([]);

      // Nothing lost and nothing extra: exactly the accepted articles were stored, each ready and in a story.
      const articlesAfter = Number(
        (await db.$client.query<{ n: string }>("select count(*) as n from articles")).rows[0]?.n,
      );
      expect(articlesAfter - articlesBefore).toBe(ids.length);
      expect(readyAt, `not all ready: ${JSON.stringify(last.statuses)}${logs()}`).not.toBeNull();
      expect(last.statuses).toEqual({ ready: ids.length });

      // Readers kept getting their pages. How fast is a figure against the goal, reported rather than asserted:
      // speed goals live in measurements, not in pass/fail tests that a busy machine would decide.
      expect(inWindow.filter((v) => v.status !== 200).map((v) => `${v.page} ${v.status}`)).toEqual([]);
      expect(home.count).toBeGreaterThan(10);
      expect(story.count).toBeGreaterThan(10);
      console.info(
        `page p95 goal ${PAGE_P95_MS} ms: home ${home.p95.toFixed(0)} ms, story ${story.p95.toFixed(0)} ms ` +
          `(${home.p95 < PAGE_P95_MS && story.p95 < PAGE_P95_MS ? "met" : "not met"})`,
      );
    },
    PIPELINE_DEADLINE_MS + 150_000,
  );
});
