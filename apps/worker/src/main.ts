import { getPriority, setPriority } from "node:os";
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
  lowerPriority(env.WORKER_NICE);
  await runMigrations(env.DATABASE_URL);
  const db = createDatabase(env.DATABASE_URL, {
    max: env.INGEST_CONCURRENCY + 2,
    synchronousCommit: env.WORKER_SYNCHRONOUS_COMMIT === "on",
  });
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

/**
 * Readers wait on the web app while the pipeline has a backlog; on one box the workers should take what the web
 * process leaves. Set first, so that the threads started later inherit it. A process already started nicer (by
 * `nice`, say) keeps its setting; a refusal (a container without the capability) is noted, not fatal.
 */
function lowerPriority(nice: number) {
  try {
    if (getPriority() >= nice) return;
    setPriority(nice);
  } catch (error) {
    log(
      `worker priority left as it was (nice ${nice} refused): ${error instanceof Error ? error.message : error}`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`worker: ${redactSecrets(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
