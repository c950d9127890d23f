import { type ArticleAssignment, assignArticleToStory, type Database, StoryError } from "@parallax/db";
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
import { AssignmentBatcher } from "./assignment-batcher";

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
  let assignment: ArticleAssignment | StoryError;
  try {
    assignment = await assignArticleToStory(db, { articleId });
  } catch (error) {
    if (!(error instanceof StoryError)) throw error;
    assignment = error;
  }
  return afterAssignment(briefQueue, assignment);
}

/** Asks for the briefings of the stories an assignment changed, and says what it did. */
async function afterAssignment(
  briefQueue: Queue<BriefJob>,
  assignment: ArticleAssignment | StoryError,
): Promise<ClusterResult> {
  // The article was deleted meanwhile, or is not one clustering can read: nothing to retry.
  if (assignment instanceof StoryError)
    return { storyId: null, outcome: `skipped: ${assignment.message}`, merged: 0 };
  const stories = new Set([assignment.storyId, ...assignment.touched]);
  for (const storyId of stories) await enqueueBrief(briefQueue, storyId);
  return { storyId: assignment.storyId, outcome: assignment.outcome, merged: assignment.merged.length };
}

/**
 * Cluster jobs one process runs at once: they wait on one lock and are assigned in batches of this many at most
 * (see AssignmentBatcher); more only hold more jobs locked while they wait.
 */
export const CLUSTER_BATCH = 32;

export function createClusterWorker(options: ClusterWorkerOptions): Worker<ClusterJob, ClusterResult> {
  const batcher = new AssignmentBatcher(options.db, CLUSTER_BATCH);
  const worker = new Worker<ClusterJob, ClusterResult>(
    CLUSTER_QUEUE,
    outlastDatabaseOutages(options.db, options.log, async (job: Job<ClusterJob, ClusterResult>) => {
      const assignment = await batcher.assign(parseJobData(zClusterJob, job).articleId);
      return afterAssignment(options.briefQueue, assignment);
    }),
    {
      connection: options.connection,
      prefix: queueKeyPrefix(options.prefix),
      concurrency: CLUSTER_BATCH,
      lockDuration: 60_000,
      ...options.jobLock,
    },
  );
  worker.on("error", (error) => options.log(`cluster worker error: ${error.message}`));
  return worker;
}
