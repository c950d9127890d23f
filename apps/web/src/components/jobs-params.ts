import { type JobState, jobStates, type PipelineStage, pipelineStages } from "@parallax/queue/stage-names";
import { z } from "zod";

// The names only: the page parses its URL with them, the API validates again.
export const jobStages = pipelineStages;
export const jobListStates = jobStates;
export type JobStage = PipelineStage;
export type JobListState = JobState;

export interface JobsView {
  stage: JobStage;
  state: JobListState;
  page: number;
}

export const defaultJobsView: JobsView = { stage: "ingest", state: "failed", page: 1 };

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The view a /jobs URL asks for; anything unreadable (a hand-edited URL) falls back to the default. */
export function parseJobsView(params: Record<string, string | string[] | undefined>): JobsView {
  const stage = z.enum(jobStages).safeParse(first(params.stage));
  const state = z.enum(jobListStates).safeParse(first(params.state));
  const page = z.coerce.number().int().min(1).max(100_000).safeParse(first(params.page));
  return {
    stage: stage.success ? stage.data : defaultJobsView.stage,
    state: state.success ? state.data : defaultJobsView.state,
    page: page.success ? page.data : 1,
  };
}

export function jobsViewQuery(view: JobsView): string {
  const query = new URLSearchParams({ stage: view.stage, state: view.state });
  if (view.page > 1) query.set("page", String(view.page));
  return `?${query.toString()}`;
}
