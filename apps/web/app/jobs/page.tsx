import type { Metadata } from "next";
import { JobsMonitor } from "~/components/jobs-monitor";
import { parseJobsView } from "~/components/jobs-params";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";
import { TRPCError } from "@trpc/server";

export const metadata: Metadata = { title: "Jobs" };

/** Redis away (SERVICE_UNAVAILABLE) or unreachable: the page says so and its client part keeps trying. */
function unreachable(error: unknown): null {
  if ((error instanceof TRPCError && error.code === "SERVICE_UNAVAILABLE") || isUnavailable(error))
    return null;
  throw error;
}

export default async function JobsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const view = parseJobsView(await searchParams);
  const caller = await getCaller();
  const [counts, page] = await Promise.all([
    caller.jobs.counts().catch(unreachable),
    caller.jobs.list(view).catch(unreachable),
  ]);

  return (
    <>
      <h1 className="page-title">Jobs</h1>
      <p className="lede">
        The work queue behind the pipeline: each article is ingested, enriched, placed in a story, and the
        story’s briefing rebuilt. Failed jobs show why; an administrator can retry or remove them.
      </p>
      <JobsMonitor initialView={view} initialCounts={counts} initialPage={page} />
    </>
  );
}
