"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";

type Scope = { kind: "all" } | { kind: "outdated" } | { kind: "since"; since: string };

/** Starts a reprocessing run and follows its report until every article is done. */
export function ReprocessPanel() {
  const trpc = useTRPC();
  const [since, setSince] = useState("");
  const [runId, setRunId] = useState<string | null>(null);
  const start = useMutation(
    trpc.admin.reprocess.mutationOptions({ onSuccess: (run) => setRunId(run.runId) }),
  );
  const report = useQuery({
    ...trpc.admin.reprocessReport.queryOptions({ runId: runId ?? "00000000-0000-4000-8000-000000000000" }),
    enabled: runId !== null,
    refetchInterval: (query) =>
      query.state.data && query.state.data.done >= query.state.data.total ? false : 1000,
  });
  const run = (scope: Scope) => start.mutate(scope);
  const data = report.data;

  return (
    <section aria-labelledby="reprocess-actions">
      <h3 id="reprocess-actions" className="visually-hidden">
        Actions
      </h3>
      <div className="form">
        <p>
          <button
            type="button"
            className="button"
            onClick={() => run({ kind: "outdated" })}
            disabled={start.isPending}
          >
            Reprocess articles built by an older engine
          </button>{" "}
          <button
            type="button"
            className="button"
            onClick={() => run({ kind: "all" })}
            disabled={start.isPending}
          >
            Reprocess everything
          </button>
        </p>
        <div className="field">
          <label htmlFor="reprocess-since">Or only articles submitted since</label>
          <input id="reprocess-since" type="date" value={since} onChange={(e) => setSince(e.target.value)} />
        </div>
        <p>
          <button
            type="button"
            className="button"
            disabled={!since || start.isPending}
            onClick={() => run({ kind: "since", since })}
          >
            Reprocess since this date
          </button>
        </p>
      </div>
      {start.error ? <p className="notice notice-error">{start.error.message}</p> : null}
      {data ? (
        <div className="notice" aria-live="polite">
          <p className="notice-title">
            {data.done < data.total
              ? `Reprocessing: ${data.done} of ${data.total}`
              : `Done: ${data.total} articles`}
          </p>
          <p>
            {data.changed} changed, {data.unchanged} unchanged, {data.failed} could not be read (kept as they
            were).
          </p>
          {data.details.length > 0 ? (
            <ul>
              {data.details.map((detail) => (
                <li key={detail.articleId}>
                  <a href={`/articles/${detail.articleId}`}>{detail.title ?? "Untitled"}</a>:{" "}
                  {detail.outcome === "failed" ? detail.error : detail.changes.join("; ")}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
