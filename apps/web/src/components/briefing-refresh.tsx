"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTRPC } from "~/trpc/react";

/** The worker rebuilds a briefing about two seconds after a change; a minute covers a busy queue. */
const POLL_MS = 1_500;
const GIVE_UP_AFTER = 40;

/**
 * While `enabled`, asks for the story's latest briefing version and re-renders the page once it differs from
 * `version` (the one on screen). Stops after about a minute: a change that alters nothing readers see makes no
 * new version.
 */
export function useRefreshOnNewBriefing(storyId: string, version: number | null, enabled: boolean) {
  const trpc = useTRPC();
  const router = useRouter();
  const polls = useRef(0);
  const latest = useQuery({
    ...trpc.story.briefing.queryOptions({ id: storyId }),
    enabled,
    staleTime: 0,
    refetchInterval: () => (polls.current++ < GIVE_UP_AFTER ? POLL_MS : false),
  });
  const found = latest.data?.version ?? null;
  useEffect(() => {
    if (enabled && found !== null && found !== version) router.refresh();
  }, [enabled, found, version, router]);
  useEffect(() => {
    if (enabled) polls.current = 0;
  }, [enabled]);
}

/** Shown where the briefing will be: follows the worker and shows the briefing once it is built. */
export function BriefingPending({ storyId }: { storyId: string }) {
  useRefreshOnNewBriefing(storyId, null, true);
  return (
    <p className="notice" role="status">
      The briefing of this story is being built. It appears here when it is ready.
    </p>
  );
}
