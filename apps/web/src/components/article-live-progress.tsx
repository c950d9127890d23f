"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { JobProgress } from "./job-progress";

/** While the article is in the pipeline: follow it, then re-render the page with the stored result. */
export function ArticleLiveProgress({ articleId }: { articleId: string }) {
  const router = useRouter();
  const onSettled = useCallback(() => router.refresh(), [router]);
  return <JobProgress articleId={articleId} showReadLink={false} onSettled={onSettled} />;
}
