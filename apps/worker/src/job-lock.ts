/**
 * BullMQ's lock timing, overriding each worker's own: how long a job's lock lasts without renewal and how often
 * locks are checked. Together they bound how soon the job of a killed worker process is handed to another.
 * Fault tests shorten both; production keeps each worker's defaults (30–120 s locks, 30 s checks).
 */
export interface JobLock {
  lockDuration?: number;
  stalledInterval?: number;
}
