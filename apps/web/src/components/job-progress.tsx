"use client";

import { ProgressBar } from "@parallax/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { useTRPC } from "~/trpc/react";
import { clientErrorMessage } from "./client-errors";
import { isSettled, stageLabels, useArticleProgress } from "./use-article-progress";

export interface JobProgressProps {
  articleId: string;
  /** Offer "Read the article" once it is ready (the submit page does; the article page refreshes instead). */
  showReadLink?: boolean;
  onSettled?: (status: string) => void;
}

/** The original a duplicate points at, so the link goes straight to the text worth reading. */
function useDuplicateOf(articleId: string, enabled: boolean): string | null {
  const trpc = useTRPC();
  const article = useQuery(trpc.article.byId.queryOptions({ id: articleId }, { enabled }));
  return article.data?.duplicateOf ?? null;
}

export function JobProgress({ articleId, showReadLink = true, onSettled }: JobProgressProps) {
  const progress = useArticleProgress(articleId);
  const status = progress.data?.status;
  const duplicateOf = useDuplicateOf(articleId, status === "duplicate");

  useEffect(() => {
    if (status && isSettled(status)) onSettled?.(status);
  }, [status, onSettled]);

  if (!progress.data) {
    if (progress.error) {
      return (
        <div className="notice notice-error" role="alert">
          <p>Could not follow this article’s progress: {clientErrorMessage(progress.error)}</p>
        </div>
      );
    }
    return <p role="status">Checking progress…</p>;
  }

  const { data } = progress;
  if (data.status === "ready") {
    return (
      <div className="notice notice-ok" role="status">
        <p className="notice-title">{data.title ? `Ready: ${data.title}` : "Ready."}</p>
        {showReadLink ? (
          <p>
            <Link href={`/articles/${articleId}`}>Read the article</Link>
          </p>
        ) : null}
      </div>
    );
  }
  if (data.status === "duplicate") {
    return (
      <div className="notice notice-warn" role="status">
        <p className="notice-title">Already in Parallax</p>
        <p>The same text is already stored as another article.</p>
        <p>
          <Link href={`/articles/${duplicateOf ?? articleId}`}>Read the article</Link>
        </p>
      </div>
    );
  }
  if (data.status === "failed") {
    return (
      <div className="notice notice-error" role="alert">
        <p className="notice-title">Parallax could not process this article.</p>
        <p>{data.error ?? "No reason was recorded."}</p>
      </div>
    );
  }

  const stage = data.progress?.stage ?? "queued";
  const label = stageLabels[stage] ?? stage;
  return (
    <div>
      <p role="status" className="visually-hidden">
        {label}
      </p>
      <ProgressBar percent={data.progress?.percent ?? 0} label={label} />
      {data.attemptsMade > 0 && data.error ? (
        <p className="lede">
          Retrying (attempt {data.attemptsMade + 1}): {data.error}
        </p>
      ) : null}
    </div>
  );
}
