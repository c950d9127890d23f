import { watchFeed } from "~/server/feed-routes";

/** One watch's alerts as Atom: `/alerts/feeds/<watch id>.atom`; anything else is a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return watchFeed(request, (await params).file);
}
