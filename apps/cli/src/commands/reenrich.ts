import { ENRICHMENT_VERSION } from "@parallax/core/enrich";
import { closeDatabase, createDatabase, listArticlesNeedingEnrichment } from "@parallax/db";
import { createEnrichQueue, createRedis, enqueueEnrich } from "@parallax/queue";
import type { Command } from "commander";
import { serviceUrls } from "../runtime";

/**
 * After an enrichment upgrade: queue every article whose stored enrichment is older than this engine. The
 * workers rewrite only the articles whose results actually change.
 */
async function reenrich(options: { limit: string }) {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new Error("--limit must be a positive whole number");
  const urls = serviceUrls();
  const db = createDatabase(urls.databaseUrl, { max: 2 });
  const redis = createRedis(urls.redisUrl, "producer");
  const queue = createEnrichQueue({ connection: redis, prefix: urls.prefix });
  try {
    const ids = await listArticlesNeedingEnrichment(db, ENRICHMENT_VERSION, limit);
    for (const id of ids) await enqueueEnrich(queue, id);
    process.stdout.write(`${ids.length} articles queued for enrichment v${ENRICHMENT_VERSION}\n`);
  } finally {
    await queue.close();
    redis.disconnect();
    await closeDatabase(db);
  }
}

export function registerReenrich(program: Command): void {
  program
    .command("reenrich")
    .description(
      "queue articles enriched by an older engine (or not at all) for enrichment by the current one",
    )
    .option("--limit <n>", "at most this many articles", "100000")
    .action(reenrich);
}
