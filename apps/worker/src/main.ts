import { closeDatabase, createDatabase } from "@parallax/db";
import { runMigrations } from "@parallax/db/migrate";
import { redactSecrets } from "@parallax/core/redact";
import { readEnv } from "./env";
import { createLog } from "./log";
import { buildUserAgent } from "./politeness";
import { startWorkers } from "./index";

const log = createLog();

async function main() {
  const env = readEnv();
  await runMigrations(env.DATABASE_URL);
  const db = createDatabase(env.DATABASE_URL, { max: env.INGEST_CONCURRENCY + 2 });
  const workers = await startWorkers({
    db,
    redisUrl: env.REDIS_URL,
    prefix: env.QUEUE_PREFIX,
    concurrency: env.INGEST_CONCURRENCY,
    enrichConcurrency: env.ENRICH_CONCURRENCY,
    fetchLimits: {
      timeoutMs: env.FETCH_TIMEOUT_MS,
      maxBytes: env.FETCH_MAX_BYTES,
      maxRedirects: env.FETCH_MAX_REDIRECTS,
    },
    net: { allow: env.FETCH_ALLOW_HOSTS },
    normalizeLimits: { maxElements: env.NORMALIZE_MAX_ELEMENTS, timeBudgetMs: env.NORMALIZE_TIME_BUDGET_MS },
    publicUrl: env.PUBLIC_URL,
    politeness: {
      userAgent: buildUserAgent(env.PARALLAX_CONTACT_URL),
      maxConcurrent: env.FETCH_HOST_CONCURRENCY,
      minIntervalMs: env.FETCH_HOST_INTERVAL_MS,
    },
    ...(env.JOB_LOCK_MS
      ? { jobLock: { lockDuration: env.JOB_LOCK_MS, stalledInterval: env.JOB_LOCK_MS } }
      : {}),
    normalizerLimits: { memoryMb: env.NORMALIZE_MEMORY_MB, timeoutMs: env.NORMALIZE_TIMEOUT_MS },
    log,
  });
  log(`worker ready (queue prefix "${env.QUEUE_PREFIX}", concurrency ${env.INGEST_CONCURRENCY})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing active jobs`);
    await workers.close();
    await closeDatabase(db);
    log("worker stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`worker: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
