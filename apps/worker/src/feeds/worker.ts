import type { Database } from "@parallax/db";
import {
  FEEDS_QUEUE,
  type FeedPollJob,
  type IngestJob,
  type QueueSettings,
  zFeedPollJob,
  queueKeyPrefix,
  parseJobData,
} from "@parallax/queue";
import { type Queue, Worker } from "bullmq";
import type { FetchLimits } from "../ingest/fetch-page";
import { type PollOutcome, pollFeed } from "./poll";

export function createFeedsWorker(
  options: QueueSettings & {
    db: Database;
    feedsQueue: Queue<FeedPollJob>;
    ingestQueue: Queue<IngestJob>;
    fetchLimits: FetchLimits;
    concurrency?: number;
    log: (line: string) => void;
  },
): Worker<FeedPollJob, PollOutcome> {
  const worker = new Worker<FeedPollJob, PollOutcome>(
    FEEDS_QUEUE,
    async (job) => {
      return pollFeed(parseJobData(zFeedPollJob, job).feedId, options);
    },
    {
      connection: options.connection,
      prefix: queueKeyPrefix(options.prefix),
      // Polls wait on the network, not the CPU.
      concurrency: options.concurrency ?? 4,
      lockDuration: 60_000,
    },
  );
  worker.on("error", (error) => options.log(`feeds worker error: ${error.message}`));
  return worker;
}
