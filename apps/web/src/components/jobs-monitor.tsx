"use client";

import type { RouterOutputs } from "@parallax/api";
import { JobCountsTable, JobList, type JobRow } from "@parallax/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { clientErrorMessage } from "./client-errors";
import { SignInTo, useViewer } from "./viewer";
import {
  type JobListState,
  type JobStage,
  type JobsView,
  jobListStates,
  jobStages,
  jobsViewQuery,
} from "./jobs-params";

type Counts = RouterOutputs["jobs"]["counts"];
type Page = RouterOutputs["jobs"]["list"];

/** Often enough to watch an article move through the pipeline, rarely enough for a shared two-core box. */
const POLL_MS = 2_000;

export interface JobsMonitorProps {
  initialView: JobsView;
  initialCounts: Counts | null;
  initialPage: Page | null;
}

/**
 * The queue, live: counts per stage and one page of jobs, refreshed every two seconds while the tab is
 * visible (TanStack Query stops interval refetches in a hidden tab), with retry and remove for admins.
 */
export function JobsMonitor({ initialView, initialCounts, initialPage }: JobsMonitorProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [view, setView] = useState<JobsView>(initialView);
  const [status, setStatus] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);

  useEffect(() => {
    // Shareable and reload-safe without a server round trip for every choice.
    window.history.replaceState(null, "", `/jobs${jobsViewQuery(view)}`);
  }, [view]);

  const sameAsInitial =
    view.stage === initialView.stage && view.state === initialView.state && view.page === initialView.page;
  const counts = useQuery({
    ...trpc.jobs.counts.queryOptions(),
    refetchInterval: POLL_MS,
    staleTime: 0,
    ...(initialCounts ? { initialData: initialCounts } : {}),
  });
  const list = useQuery({
    ...trpc.jobs.list.queryOptions(view),
    refetchInterval: POLL_MS,
    staleTime: 0,
    ...(sameAsInitial && initialPage ? { initialData: initialPage } : {}),
  });

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.jobs.counts.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.jobs.list.queryKey() }),
    ]);
  const retry = useMutation(
    trpc.jobs.retry.mutationOptions({
      onSuccess: (result) => {
        setStatus(`Job ${result.id} in ${result.stage} will run again.`);
        void refresh();
      },
      onError: (error) => setStatus(`Could not retry: ${clientErrorMessage(error)}`),
    }),
  );
  const remove = useMutation(
    trpc.jobs.remove.mutationOptions({
      onSuccess: (result) => {
        setConfirming(null);
        setStatus(`Job ${result.id} removed from ${result.stage}.`);
        void refresh();
      },
      onError: (error) => {
        setConfirming(null);
        setStatus(`Could not remove: ${clientErrorMessage(error)}`);
      },
    }),
  );

  const choose = (next: Partial<JobsView>) => {
    setConfirming(null);
    setView((current) => ({ ...current, page: 1, ...next }));
  };
  const busy = retry.isPending || remove.isPending;
  const page = list.data;
  const lastPage = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const queueError = counts.error ?? list.error;

  const { isAdmin } = useViewer();
  const actions = (job: JobRow) => {
    const ref = { stage: view.stage, id: job.id };
    if (view.state === "active") return null;
    if (confirming === job.id) {
      return (
        <>
          <span>Remove this job for good?</span>{" "}
          <button
            type="button"
            className="button jobs-danger"
            disabled={busy}
            onClick={() => remove.mutate(ref)}
          >
            Yes, remove job {job.id}
          </button>{" "}
          <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </>
      );
    }
    return (
      <>
        {view.state === "failed" || view.state === "completed" ? (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => retry.mutate(ref)}>
              Retry<span className="visually-hidden"> job {job.id}</span>
            </button>{" "}
          </>
        ) : null}
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => setConfirming(job.id)}
        >
          Remove<span className="visually-hidden"> job {job.id}</span>
        </button>
      </>
    );
  };

  return (
    <>
      <p role="status" aria-live="polite" className="jobs-status">
        {status}
      </p>
      {queueError || !counts.data ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">Parallax cannot reach its job queue (Redis) right now.</p>
          <p>
            {queueError ? `${clientErrorMessage(queueError)} ` : ""}Submissions are still stored and queued
            once it is back. This page keeps checking every few seconds.
          </p>
        </div>
      ) : null}
      {isAdmin ? null : <SignInTo action="retry or remove jobs" />}
      {counts.data ? (
        <JobCountsTable counts={counts.data} caption="Jobs per stage (refreshed every 2 seconds)" />
      ) : null}

      <section aria-labelledby="jobs-list-heading">
        <h2 id="jobs-list-heading">
          {view.state[0]?.toUpperCase()}
          {view.state.slice(1)} jobs in {view.stage}
        </h2>
        <div className="jobs-filters">
          <div className="field">
            <label htmlFor="jobs-stage">Stage</label>
            <select
              id="jobs-stage"
              value={view.stage}
              onChange={(event) => choose({ stage: event.target.value as JobStage })}
            >
              {jobStages.map((stage) => (
                <option key={stage} value={stage}>
                  {stage}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="jobs-state">State</label>
            <select
              id="jobs-state"
              value={view.state}
              onChange={(event) => choose({ state: event.target.value as JobListState })}
            >
              {jobListStates.map((state) => (
                <option key={state} value={state}>
                  {state}
                </option>
              ))}
            </select>
          </div>
        </div>
        {page ? (
          <>
            <p className="jobs-total">
              {page.total.toLocaleString("en-GB")} {page.total === 1 ? "job" : "jobs"}
              {lastPage > 1 ? `, page ${page.page} of ${lastPage}` : ""}
            </p>
            <JobList
              jobs={page.jobs}
              actions={isAdmin ? actions : undefined}
              empty={`No ${view.state} jobs in ${view.stage}.`}
            />
            {lastPage > 1 ? (
              <nav className="pagination" aria-label="Job pages">
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={page.page <= 1}
                  onClick={() => setView((v) => ({ ...v, page: Math.max(1, page.page - 1) }))}
                >
                  Newer jobs
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={page.page >= lastPage}
                  onClick={() => setView((v) => ({ ...v, page: page.page + 1 }))}
                >
                  Older jobs
                </button>
              </nav>
            ) : null}
          </>
        ) : list.isPending ? (
          <p>Loading jobs…</p>
        ) : null}
      </section>
    </>
  );
}
