import { createHash } from "node:crypto";
import { BRIEFING_BUILDER_VERSION, buildBriefing } from "@parallax/core/brief";
import { type Database, getStory, loadBriefingArticles, storeBriefing } from "@parallax/db";
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

type BriefResult = { storyId: string | null; version: number | null; changed: boolean };

/**
 * Rebuilds a story's briefing and stores it as a new version when its content changed. The hash is of the
 * output, so a rebuild that changes nothing readers see makes no new version.
 */
export async function briefStory(db: Database, storyId: string): Promise<BriefResult> {
  const story = await getStory(db, storyId, { articleLimit: BRIEFING_ARTICLES });
  if (!story) return { storyId: null, version: null, changed: false };
  const articles = await loadBriefingArticles(
    db,
    story.articles.map((a) => a.id),
  );
  if (articles.length === 0) return { storyId: story.id, version: null, changed: false };
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
    subjectId: story.id,
    inputHash,
    content: briefing,
  });
  return { storyId: story.id, ...stored };
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
