import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createCaller } from "@parallax/api";
import { normalize } from "@parallax/core/normalize";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { createIngestQueue, createRedis, type IngestJob, type RedisConnection } from "@parallax/queue";
import type { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../../tooling/vitest/services";
import { waitFor } from "../__fixtures__/harness";
import { readLedger } from "./__fixtures__/pipeline-ledger";
import { startWorkerProcess, type WorkerProcess } from "./__fixtures__/worker-process";

/**
 * Fault 1: a worker process is killed with SIGKILL while it holds an ingest job (its page fetch is held open by
 * the test's server). Nothing lost means: the job is taken over by another worker process once its lock lapses,
 * and the article ends `ready` exactly once — one stored revision, its paragraphs once, entities consistent with
 * their mentions, one story membership counted once.
 */
const PAGE = `<!doctype html><html lang="en"><head><title>Harbour reopens after storm | Coast Gazette</title>
<meta name="author" content="Mara Quinn"><meta property="article:published_time" content="2026-03-10T08:00:00Z"></head>
<body><article><h1>Harbour reopens after storm</h1>
<p>The harbour at Port Ellis reopened on Tuesday after a three-day closure caused by the storm, the port authority said.</p>
<p>Fishing crews returned to their moorings early in the morning, and the first ferry left for Dunmore shortly after nine.</p>
<p>"We lost two days of landings, but the boats are safe," said Tomas Reyes, who chairs the Port Ellis Fishermen's Association.</p>
<p>Repairs to the northern breakwater will cost about 4.2 million euros and take several more weeks, according to the authority's engineers.</p>
</article></body></html>`;
const LOCK_MS = 2_000;

let db: Database;
let dropDatabase: () => Promise<void>;
let redis: RedisConnection;
let queue: Queue<IngestJob>;
let origin: string;
const server = createServer((req, res) => {
  if (req.url !== "/harbour.html") return void res.writeHead(404).end();
  pageRequests++;
  // The first fetch never gets an answer: its worker is killed while waiting for it.
  if (pageRequests === 1) {
    held = res;
    return;
  }
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
});
let pageRequests = 0;
let held: ServerResponse | undefined;
const workers: WorkerProcess[] = [];
let workerEnv: Parameters<typeof startWorkerProcess>[0];

beforeAll(async () => {
  const services = testServices();
  const database = await isolatedDatabase();
  dropDatabase = database.drop;
  db = createDatabase(database.url);
  redis = createRedis(services.redisUrl, "producer");
  queue = createIngestQueue({ connection: redis, prefix: services.prefix });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: services.prefix,
    JOB_LOCK_MS: String(LOCK_MS),
    INGEST_CONCURRENCY: "1",
    FETCH_TIMEOUT_MS: "60000",
  };
  workerEnv = env;
  workers.push(await startWorkerProcess(env));
});

afterAll(async () => {
  for (const worker of workers) await worker.kill().catch(() => {});
  held?.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await queue?.close();
  await redis?.quit().catch(() => {});
  if (db) await closeDatabase(db);
  await dropDatabase?.().catch(() => {});
});

describe("a worker process killed in the middle of a job", () => {
  it("hands the job to another process after its lock lapses, and the article ends ready exactly once", async () => {
    const api = createCaller({ db, ingestQueue: queue, log: () => {} });
    const { articleId } = await api.article.submit({ url: `${origin}/harbour.html` });
    const first = workers[0]!;
    await waitFor(async () => held, "the first worker's page fetch", 60_000, first.output);

    const job = await queue.getJob(articleId);
    expect(await job?.getState()).toBe("active");
    await first.kill();
    const killedAt = Date.now();
    expect(first.hasExited()).toBe(true);

    const second = await startWorkerProcess(workerEnv);
    workers.push(second);
    const ready = async () => {
      const { rows } = await db.$client.query(
        `select a.status from articles a
           join article_enrichment e on e.article_id = a.id join article_stories s on s.article_id = a.id
          where a.id = $1`,
        [articleId],
      );
      return rows[0]?.status === "ready" ? true : null;
    };
    await waitFor(ready, "the article ready, enriched and in a story", 90_000, second.output);
    const recoveredMs = Date.now() - killedAt;

    const after = await queue.getJob(articleId);
    expect(await after?.getState()).toBe("completed");
    // Started twice (by the killed process, then by the second), finished once: a stall is not a failed attempt.
    expect(after?.attemptsStarted).toBe(2);
    expect(after?.attemptsMade).toBe(1);
    expect(after?.stalledCounter).toBe(1);
    expect(pageRequests).toBe(2);

    const expectedParagraphs = normalize({ kind: "html", html: PAGE, url: `${origin}/harbour.html` })
      .paragraphs.length;
    const ledger = await readLedger(db, new Map([[articleId, expectedParagraphs]]));
    expect(ledger).toMatchObject({
      articles: 1,
      byStatus: { ready: 1 },
      wrongParagraphs: [],
      wrongRevisions: [],
      unenriched: 0,
      inconsistentEntities: 0,
      withoutStory: 0,
      memberships: 1,
      storySizes: 1,
      corpusDocuments: 1,
    });
    const { rows: entities } = await db.$client.query(
      "select count(*)::int as n from article_entities where article_id = $1",
      [articleId],
    );
    expect(entities[0].n).toBeGreaterThan(0);
    console.log(
      `worker killed mid-fetch: job taken over and article ready ${recoveredMs} ms after SIGKILL (lock ${LOCK_MS} ms)`,
    );
  });
});
