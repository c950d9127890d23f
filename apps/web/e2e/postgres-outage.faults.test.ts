import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { runMigrations } from "@parallax/db/migrate";
import { findFreePort, type RunningService, startPostgres } from "@parallax/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../tooling/vitest/services";
import { headlineArticles } from "../../worker/src/faults/__fixtures__/headline-articles";
import { waitFor } from "../../worker/src/__fixtures__/harness";
import { readLedger } from "../../worker/src/faults/__fixtures__/pipeline-ledger";
import { startWorkerProcess, type WorkerProcess } from "../../worker/src/faults/__fixtures__/worker-process";
import { type RunningNext, startNext } from "./next-server";
import { repoRoot } from "./stack";

/**
 * Fault 3: PostgreSQL stopped for 20 s while articles are being submitted and processed. Nothing lost means:
 * every submission either got an error answer the client saw (503 with a sentence, never a stack trace) or is
 * stored — and every stored article ends ready, enriched and in a story once the database is back, with
 * neither the web app nor the worker restarted.
 */
const OUTAGE_MS = 20_000;
const BEFORE = 30;
const articles = headlineArticles(400);
const UNAVAILABLE = "database unavailable, try again shortly";
const STACK_TRACE = /\n\s+at |node_modules|\.tsx?:\d+/;

let dataDir: string;
let port: number;
let postgres: RunningService | undefined;
let db: Database | undefined;
let next: RunningNext | undefined;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  const { redisUrl, prefix } = testServices();
  port = await findFreePort();
  // Under the repository (not /tmp): an embedded server run as another user must be able to reach it.
  dataDir = path.join(repoRoot, ".parallax", `faults-postgres-${randomBytes(4).toString("hex")}`);
  postgres = await startPostgres({ dataDir, port });
  await runMigrations(postgres.url);
  db = createDatabase(postgres.url);
  const env = { DATABASE_URL: postgres.url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix };
  [next, worker] = await Promise.all([
    startNext({ ...env, RATE_LIMIT_SUBMIT_PER_MIN: "0" }),
    startWorkerProcess(env),
  ]);
});

afterAll(async () => {
  await worker?.kill().catch(() => {});
  await next?.stop().catch(() => {});
  if (db) await closeDatabase(db).catch(() => {});
  await postgres?.stop().catch(() => {});
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Submission {
  index: number;
  status: number | "no answer";
  body: string;
  id?: string;
  at: number;
}

async function submit(index: number): Promise<Submission> {
  const article = articles[index]!;
  const at = Date.now();
  try {
    const response = await fetch(`${next!.baseUrl}/api/articles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: article.text, title: article.title }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.text();
    const id = response.ok ? (JSON.parse(body) as { id: string }).id : undefined;
    return { index, status: response.status, body, at, ...(id ? { id } : {}) };
  } catch (error) {
    return { index, status: "no answer", body: String(error), at };
  }
}

describe("PostgreSQL stopped for 20 s during ingestion", () => {
  it("answers 503 with a sentence meanwhile, recovers by itself, and loses nothing submitted", async () => {
    const submissions: Submission[] = [];
    for (let i = 0; i < BEFORE; i++) submissions.push(await submit(i));
    expect(submissions.map((s) => s.status)).toEqual(Array(BEFORE).fill(202));

    // Submissions keep coming, one every 200 ms, through the outage and after it.
    let submitting = true;
    let nextIndex = BEFORE;
    const submitter = (async () => {
      while (submitting && nextIndex < articles.length) {
        submissions.push(await submit(nextIndex++));
        await sleep(200);
      }
    })();

    await postgres!.stop();
    const stoppedAt = Date.now();
    const apiList = await waitFor(
      async () => {
        const response = await fetch(`${next!.baseUrl}/api/articles`);
        return response.status === 503 ? response : null;
      },
      "GET /api/articles answering 503",
      15_000,
    );
    expect(await apiList.json()).toEqual({ error: UNAVAILABLE });
    const trpc = await fetch(
      `${next!.baseUrl}/api/trpc/article.list?input=${encodeURIComponent(JSON.stringify({ json: {} }))}`,
    );
    expect(trpc.status).toBe(503);
    const trpcBody = await trpc.text();
    expect(trpcBody).toContain(UNAVAILABLE);
    expect(trpcBody).not.toMatch(STACK_TRACE);
    // Pages cannot set their status in the App Router: they answer with the page, saying what is wrong.
    for (const page of ["/articles", "/"]) {
      const response = await fetch(`${next!.baseUrl}${page}`);
      const html = await response.text();
      expect(html, page).toContain("Parallax cannot reach its database right now.");
      expect(html, page).not.toMatch(STACK_TRACE);
    }

    await sleep(Math.max(0, stoppedAt + OUTAGE_MS - Date.now()));
    postgres = await startPostgres({ dataDir, port });
    const restartedAt = Date.now();
    const firstAccepted = await waitFor(
      async () => submissions.find((s) => s.at >= restartedAt && s.status === 202),
      "a submission accepted after the restart",
      60_000,
      () => `\n${next!.output().slice(-3_000)}`,
    );
    const webRecoveredMs = firstAccepted.at - restartedAt;
    await sleep(2_000);
    submitting = false;
    await submitter;

    const accepted = submissions.filter((s) => s.status === 202);
    const refused = submissions.filter((s) => s.status !== 202);
    const duringOutage = submissions.filter((s) => s.at >= stoppedAt && s.at < restartedAt);
    // Every refusal was an answer the client could read: 503 and the sentence, nothing else.
    for (const s of refused) {
      expect(s.status, `${s.body}\nweb log:\n${next!.output().slice(-6_000)}`).toBe(503);
      expect(JSON.parse(s.body)).toEqual({ error: UNAVAILABLE });
    }
    expect(duringOutage.filter((s) => s.status === 503).length).toBeGreaterThan(0);

    const output = () =>
      `\nworker:\n${worker!.output().slice(-4_000)}\nweb:\n${next!.output().slice(-2_000)}`;
    const stored = async () => {
      const { rows } = await db!.$client.query<{ id: string; title: string }>(
        "select id, title from articles",
      );
      return rows;
    };
    await waitFor(
      async () => {
        if (worker!.hasExited()) throw new Error(`the worker process died:${output()}`);
        const { rows } = await db!.$client.query(
          `select count(*)::int as n from articles a
            where a.status <> 'ready' or not exists (select 1 from article_stories s where s.article_id = a.id)`,
        );
        return rows[0].n === 0 ? true : null;
      },
      "every stored article ready and in a story",
      180_000,
      output,
    );
    const pipelineRecoveredMs = Date.now() - restartedAt;

    const rows = await stored();
    const storedIds = new Set(rows.map((row) => row.id));
    for (const s of accepted)
      expect(storedIds.has(s.id!), `accepted submission ${s.index} is stored`).toBe(true);
    const expected = new Map(
      rows.map((row) => [row.id, articles.find((a) => a.title === row.title)?.paragraphs ?? -1]),
    );
    const ledger = await readLedger(db!, expected);
    expect(ledger, output()).toMatchObject({
      articles: rows.length,
      byStatus: { ready: rows.length },
      wrongParagraphs: [],
      wrongRevisions: [],
      unenriched: 0,
      inconsistentEntities: 0,
      withoutStory: 0,
      memberships: rows.length,
      storySizes: rows.length,
      corpusDocuments: rows.length,
    });
    // Jobs in flight failed, and waited for the database rather than using up their attempts.
    expect(worker!.output()).toMatch(/ingest job \S+: the database is unavailable/);
    const stepAsides = worker!.output().match(/the database is unavailable/g)?.length ?? 0;
    console.log(
      [
        `PostgreSQL stopped ${OUTAGE_MS / 1_000} s: ${submissions.length} submissions, ${accepted.length} accepted, ` +
          `${refused.length} refused with 503 (${duringOutage.length} sent during the outage), ${rows.length} stored, all ready.`,
        `Web app accepting submissions again ${webRecoveredMs} ms after the database was back; ` +
          `every stored article ready and in a story ${(pipelineRecoveredMs / 1_000).toFixed(1)} s after.`,
        `Worker jobs that waited for the database: ${stepAsides} times.`,
      ].join("\n"),
    );
  });
});
