import { startReprocess } from "@parallax/api";
import { closeDatabase, createDatabase, getReprocessReport, type ReprocessReport } from "@parallax/db";
import { createIngestQueue, createRedis } from "@parallax/queue";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import { serviceUrls } from "../runtime";

const zOptions = z
  .object({
    all: z.boolean().optional(),
    since: z.iso
      .date()
      .or(z.iso.datetime({ offset: true }))
      .optional(),
    outdated: z.boolean().optional(),
    wait: z.boolean(),
    json: z.boolean().optional(),
  })
  .refine((o) => [o.all, o.since, o.outdated].filter(Boolean).length === 1, {
    message: "choose exactly one of --all, --since DATE or --outdated",
  });

function printReport(report: ReprocessReport) {
  process.stdout.write(
    `reprocessed ${report.done} of ${report.total}: ${report.changed} changed, ${report.unchanged} unchanged, ${report.failed} failed (kept as they were)\n`,
  );
  for (const detail of report.details) {
    const what = detail.outcome === "failed" ? detail.error : detail.changes.join("; ");
    process.stdout.write(
      `  ${detail.outcome}\t${detail.articleId}\t${detail.title ?? "untitled"}\t${what}\n`,
    );
  }
}

async function reprocess(raw: unknown) {
  const parsed = zOptions.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  const options = parsed.data;
  const urls = serviceUrls();
  const db = createDatabase(urls.databaseUrl, { max: 2 });
  const redis = createRedis(urls.redisUrl, "producer");
  const ingestQueue = createIngestQueue({ connection: redis, prefix: urls.prefix });
  try {
    const scope = options.all
      ? ({ kind: "all" } as const)
      : options.since
        ? ({ kind: "since", since: options.since } as const)
        : ({ kind: "outdated" } as const);
    const run = await startReprocess({ db, ingestQueue }, scope);
    if (!options.json)
      process.stderr.write(
        `run ${run.runId}: ${run.total} articles queued for normalizer v${run.normalizerVersion}\n`,
      );
    let report = (await getReprocessReport(db, run.runId))!;
    const bar =
      options.wait && !options.json && process.stderr.isTTY
        ? new SingleBar({ format: "reprocess [{bar}] {value}/{total}", stream: process.stderr })
        : null;
    bar?.start(run.total, 0);
    while (options.wait && report.done < report.total) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      report = (await getReprocessReport(db, run.runId))!;
      bar?.update(report.done);
    }
    bar?.stop();
    if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else printReport(report);
  } finally {
    await ingestQueue.close();
    redis.disconnect();
    await closeDatabase(db);
  }
}

export function registerReprocess(program: Command): void {
  program
    .command("reprocess")
    .description(
      "rebuild stored articles from their raw documents with the current normalizer, through the queue",
    )
    .option("--all", "every stored article")
    .option("--since <date>", "articles submitted since this ISO date")
    .option("--outdated", "articles built by an older normalizer")
    .option("--no-wait", "return once queued instead of waiting for the report")
    .option("--json", "print the report as JSON")
    .action(reprocess);
}
