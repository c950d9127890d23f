import type { Database } from "@parallax/db";
import { DelayedError, type Job } from "bullmq";

type Processor<Data, Result> = (job: Job<Data, Result>, token?: string) => Promise<Result>;

/** Longest wait between two tries while the database is away: recovery follows its return within this. */
const MAX_WAIT_MS = 10_000;

async function databaseAnswers(db: Database): Promise<boolean> {
  try {
    await db.$client.query("select 1");
    return true;
  } catch {
    return false;
  }
}

/**
 * A job that fails while PostgreSQL is away is not at fault: it steps aside and tries again once a short,
 * growing wait has passed, without using up its attempts, however long the outage lasts. Otherwise a restart
 * of the database longer than a job's backoff (2 + 4 + 8 s) would fail every article in flight for good, and
 * the worker could not even record why. Whether the database is away is asked of the database itself (a page
 * fetch refused by its site looks like a refused database connection), and only after the job has failed.
 */
export function outlastDatabaseOutages<Data, Result>(
  db: Database,
  log: (line: string) => void,
  processor: Processor<Data, Result>,
): Processor<Data, Result> {
  return async (job, token) => {
    try {
      return await processor(job, token);
    } catch (error) {
      if (!token || error instanceof DelayedError || (await databaseAnswers(db))) throw error;
      const tries = Math.max(0, job.attemptsStarted - job.attemptsMade - 1);
      const waitMs = Math.min(MAX_WAIT_MS, 1_000 * 2 ** tries) * (0.75 + Math.random() * 0.5);
      const reason = error instanceof Error ? error.message : String(error);
      log(
        `${job.queueName} job ${job.id}: the database is unavailable (${reason}); trying again in ` +
          `${Math.round(waitMs / 100) / 10} s`,
      );
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError(`database unavailable: ${reason}`);
    }
  };
}
