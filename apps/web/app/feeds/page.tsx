import type { Metadata } from "next";
import { FeedsManager } from "~/components/feeds-manager";
import { Unavailable } from "~/components/unavailable";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

export const metadata: Metadata = { title: "Feeds" };

export default async function FeedsPage() {
  const caller = await getCaller();
  const feeds = await caller.subscription.list().catch((error: unknown) => {
    if (isUnavailable(error)) return null;
    throw error;
  });
  return (
    <>
      <h1 className="page-title">Feeds</h1>
      <p className="lede">
        RSS, Atom and JSON feeds Parallax polls on its own. Each new item is fetched and processed like a
        submitted article; when its page cannot be fetched, the feed’s summary is kept instead.
      </p>
      {feeds ? <FeedsManager initial={feeds} /> : <Unavailable />}
    </>
  );
}
