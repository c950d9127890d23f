"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

const settledStatuses = new Set(["ready", "duplicate", "failed"]);

/** The pipeline is done with the article, one way or another: stop polling. */
export function isSettled(status: string | undefined): boolean {
  return status !== undefined && settledStatuses.has(status);
}

export const stageLabels: Record<string, string> = {
  queued: "Queued",
  fetch: "Fetching",
  normalize: "Normalizing",
  store: "Storing",
  done: "Done",
};

/** Polls `article.progress` every 500 ms until the article is ready, a duplicate, or failed. */
export function useArticleProgress(id: string) {
  const trpc = useTRPC();
  return useQuery(
    trpc.article.progress.queryOptions(
      { id },
      {
        staleTime: 0,
        retry: 2,
        refetchInterval: (query) => (isSettled(query.state.data?.status) ? false : 500),
      },
    ),
  );
}
