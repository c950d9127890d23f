import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

/** The subscriptions as an OPML file, for another reader or another Parallax (`parallax feeds import`). */
export async function GET() {
  try {
    const opml = await (await getCaller()).subscription.exportOpml();
    return new Response(opml, {
      headers: {
        "content-type": "text/x-opml; charset=utf-8",
        "content-disposition": 'attachment; filename="parallax-feeds.opml"',
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isUnavailable(error))
      return new Response("Parallax cannot reach its database right now; try again shortly.\n", {
        status: 503,
        headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "30" },
      });
    throw error;
  }
}
