import type { ReactNode } from "react";
import { formatCount } from "./format";
import { ScrollArea } from "./scroll-area";

/** One pipeline stage's job counts, as `jobs.counts` gives them. */
export interface JobStageCounts {
  stage: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  paused: boolean;
}

export interface JobRow {
  id: string;
  name: string;
  summary: string;
  articleId: string | null;
  storyId: string | null;
  attemptsMade: number;
  attempts: number;
  createdAt: number | null;
  processedAt: number | null;
  finishedAt: number | null;
  progress: { percent: number | null; stage: string | null };
  failedReason: string | null;
}

const countColumns = ["waiting", "active", "delayed", "completed", "failed"] as const;

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

/** "21 Nov, 09:30:12 UTC" from a BullMQ millisecond timestamp, or null. */
export function formatJobTime(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms <= 0) return null;
  return timeFormat.format(new Date(ms));
}

/** Jobs per state for each stage; failed counts above zero are marked in words as well as colour. */
export function JobCountsTable({ counts, caption }: { counts: readonly JobStageCounts[]; caption: string }) {
  return (
    <ScrollArea label={`${caption} (scrolls sideways)`}>
      <table className="jobs-counts">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            {countColumns.map((column) => (
              <th scope="col" key={column} className="num">
                {column[0]?.toUpperCase()}
                {column.slice(1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {counts.map((row) => (
            <tr key={row.stage}>
              <th scope="row">
                {row.stage}
                {row.paused ? <span className="jobs-flag"> (paused)</span> : null}
              </th>
              {countColumns.map((column) => (
                <td
                  key={column}
                  className={`num${column === "failed" && row.failed > 0 ? " jobs-count-failed" : ""}`}
                >
                  {row[column].toLocaleString("en-GB")}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

function JobTimes({ job }: { job: JobRow }) {
  const created = formatJobTime(job.createdAt);
  const processed = formatJobTime(job.processedAt);
  const finished = formatJobTime(job.finishedAt);
  return (
    <dl className="jobs-times">
      {created ? (
        <>
          <dt>Added</dt>
          <dd>{created}</dd>
        </>
      ) : null}
      {processed ? (
        <>
          <dt>Started</dt>
          <dd>{processed}</dd>
        </>
      ) : null}
      {finished ? (
        <>
          <dt>Finished</dt>
          <dd>{finished}</dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * A page of jobs: what each is about (with a link to its article or story), attempts, times, progress and
 * why it failed. `actions` renders the buttons an administrator may use on a job.
 */
export function JobList({
  jobs,
  actions,
  empty,
}: {
  jobs: readonly JobRow[];
  actions?: (job: JobRow) => ReactNode;
  empty: string;
}) {
  if (jobs.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <ol className="jobs-list">
      {jobs.map((job) => (
        <li key={job.id} className="jobs-item">
          <p className="jobs-item-title">
            <span className="jobs-name">{job.name}</span> <code className="jobs-id">{job.id}</code>
          </p>
          {job.articleId ? (
            <p>
              <a href={`/articles/${job.articleId}`}>Article {job.articleId.slice(0, 8)}</a>
            </p>
          ) : job.storyId ? (
            <p>
              <a href={`/stories/${job.storyId}`}>Story {job.storyId.slice(0, 8)}</a>
            </p>
          ) : null}
          {job.summary ? <p className="jobs-summary">{job.summary}</p> : null}
          <p className="jobs-meta">
            {formatCount(job.attemptsMade, "attempt")} of {job.attempts}
            {job.progress.percent !== null
              ? `; progress ${Math.round(job.progress.percent)}%${job.progress.stage ? ` (${job.progress.stage})` : ""}`
              : ""}
          </p>
          <JobTimes job={job} />
          {job.failedReason ? (
            <p className="jobs-reason">
              <strong>Failed: </strong>
              {job.failedReason}
            </p>
          ) : null}
          {actions ? <div className="jobs-actions">{actions(job)}</div> : null}
        </li>
      ))}
    </ol>
  );
}
