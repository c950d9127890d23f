import { assignArticleToStory, type Database, StoryError } from "@parallax/db";
import {
  type BriefJob,
  CLUSTER_QUEUE,
  type ClusterJob,
  enqueueBrief,
  type QueueSettings,
  zClusterJob,
  queueKeyPrefix,
  parseJobData,
} from "@parallax/queue";
import { type Job, type Queue, Worker } from "bullmq";
import { outlastDatabaseOutages } from "../database-outage";
import type { JobLock } from "../job-lock";

export interface ClusterWorkerOptions extends QueueSettings {
  db: Database;
  briefQueue: Queue<BriefJob>;
  log: (line: string) => void;
  jobLock?: JobLock;
}

type ClusterResult = { storyId: string | null; outcome: string; merged: number };

/**
 * Puts an enriched article in its story, then asks for the briefings of every story that changed. An article
 * already placed (a retry, or re-enrichment) keeps its story, whose briefing is still rebuilt: its text may
 * have changed. Assignments are serialized in Postgres, so any number of these workers may run.
 */
export async function clusterOne(
  db: Database,
  briefQueue: Queue<BriefJob>,
  articleId: string,
): Promise<ClusterResult> {
  let assignment: Awaited<ReturnType<typeof assignArticleToStory>>;
  try {
    assignment = await assignArticleToStory(db, { articleId });
  } catch (error) {
    // The article was deleted meanwhile, or is not one clustering can read: nothing to retry.
    if (error instanceof StoryError)
      return { storyId: null, outcome: `skipped: ${error.message}`, merged: 0 };
    throw error;
  }
  const stories = new Set([assignment.storyId, ...assignment.touched]);
  for (const storyId of stories) await enqueueBrief(briefQueue, storyId);
  return { storyId: assignment.storyId, outcome: assignment.outcome, merged: assignment.merged.length };
}

export function createClusterWorker(options: ClusterWorkerOptions): Worker<ClusterJob, ClusterResult> {
  const worker = new Worker<ClusterJob, ClusterResult>(
    CLUSTER_QUEUE,
    outlastDatabaseOutages(options.db, options.log, async (job: Job<ClusterJob, ClusterResult>) => {
      return clusterOne(options.db, options.briefQueue, parseJobData(zClusterJob, job).articleId);
    }),
    // One at a time per process: assignments queue for one lock anyway.
    {
      connection: options.connection,
      prefix: queueKeyPrefix(options.prefix),
      concurrency: 1,
      lockDuration: 60_000,
      ...options.jobLock,
    },
  );
  worker.on("error", (error) => options.log(`cluster worker error: ${error.message}`));
  return worker;
}
