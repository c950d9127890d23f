import { createHash } from "node:crypto";
import { BRIEFING_BUILDER_VERSION, buildBriefing } from "@parallax/core/brief";
import { briefingSources, type Database, loadBriefingArticles, storeBriefing } from "@parallax/db";
import {
  type AlertsJob,
  BRIEF_QUEUE,
  type BriefJob,
  enqueueAlerts,
  type QueueSettings,
  zBriefJob,
  queueKeyPrefix,
  parseJobData,
} from "@parallax/queue";
import { type Job, type Queue, UnrecoverableError, Worker } from "bullmq";
import { outlastDatabaseOutages } from "../database-outage";
import type { JobLock } from "../job-lock";

export interface BriefWorkerOptions extends QueueSettings {
  db: Database;
  /** Where a new briefing version is matched against watches. */
  alertsQueue?: Queue<AlertsJob>;
  log: (line: string) => void;
  jobLock?: JobLock;
}

/**
 * A briefing reads at most this many of a story's articles (the earliest first, as the story page lists them):
 * enough for every angle of a big story, few enough that a rebuild stays well under a second.
 */
export const BRIEFING_ARTICLES = 60;

/** `built`: false when the inputs were those of the latest briefing's build, so nothing was loaded or built. */
type BriefResult = { storyId: string | null; version: number | null; changed: boolean; built: boolean };

/**
 * Rebuilds a story's briefing and stores it as a new version when its content changed. The hash is of the
 * output, so a rebuild that changes nothing readers see makes no new version. Before anything is loaded, the
 * key of the inputs (which articles are read, and the stored state of each) is compared with the latest
 * build's: equal, the build would give the latest version again, and is skipped. Most requests under load are
 * such: an article joining beyond the first 60, or a copy, which the briefing leaves out.
 */
export async function briefStory(db: Database, storyId: string): Promise<BriefResult> {
  const sources = await briefingSources(db, storyId, BRIEFING_ARTICLES);
  if (!sources) return { storyId: null, version: null, changed: false, built: false };
  const buildKey = createHash("sha256")
    .update(`${BRIEFING_BUILDER_VERSION}\n${sources.sourceKey}`)
    .digest("hex");
  if (sources.latest && sources.latest.buildKey === buildKey)
    return { storyId: sources.storyId, version: sources.latest.version, changed: false, built: false };
  const articles = await loadBriefingArticles(db, sources.articleIds);
  if (articles.length === 0) return { storyId: sources.storyId, version: null, changed: false, built: false };
  let briefing: ReturnType<typeof buildBriefing>;
  try {
    briefing = buildBriefing(articles, { scope: "story" });
  } catch (error) {
    // A bug in the pure stage fails the same way on every retry.
    throw new UnrecoverableError(
      `briefing failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const content = JSON.stringify(briefing);
  const inputHash = createHash("sha256").update(`${BRIEFING_BUILDER_VERSION}\n${content}`).digest("hex");
  const stored = await storeBriefing(db, {
    scope: "story",
    subjectId: sources.storyId,
    inputHash,
    content: briefing,
    buildKey,
  });
  return { storyId: sources.storyId, ...stored, built: true };
}

export function createBriefWorker(options: BriefWorkerOptions): Worker<BriefJob, BriefResult> {
  const worker = new Worker<BriefJob, BriefResult>(
    BRIEF_QUEUE,
    outlastDatabaseOutages(options.db, options.log, async (job: Job<BriefJob, BriefResult>) => {
      const { storyId } = parseJobData(zBriefJob, job);
      const result = await briefStory(options.db, storyId);
      if (options.alertsQueue && result.changed && result.storyId && result.version)
        await enqueueAlerts(options.alertsQueue, {
          kind: "briefing",
          storyId: result.storyId,
          version: result.version,
        });
      return result;
    }),
    {
      connection: options.connection,
      prefix: queueKeyPrefix(options.prefix),
      concurrency: 1,
      lockDuration: 120_000,
      ...options.jobLock,
    },
  );
  worker.on("error", (error) => options.log(`brief worker error: ${error.message}`));
  return worker;
}
