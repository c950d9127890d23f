/**
 * Every queue of the pipeline, in the order an article passes through them, and the job states a person can list.
 * Reprocessing runs share the ingest queue (jobs named "reprocess"), so it is not a stage of its own; feed polls
 * come first, they submit articles. A module of names only (no BullMQ), so the browser bundle can import it.
 */
export const pipelineStages = [
  "feeds",
  "ingest",
  "enrich",
  "cluster",
  "brief",
  "alerts",
  "webhooks",
  "maintenance",
] as const;
export type PipelineStage = (typeof pipelineStages)[number];

export const jobStates = ["waiting", "active", "delayed", "completed", "failed"] as const;
export type JobState = (typeof jobStates)[number];
