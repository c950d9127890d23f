import { entityFeed } from "~/server/feed-routes";

/** An entity's stories as a feed: `<slug>.atom` (Atom) or `<slug>.json` (JSON Feed 1.1); anything else is a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  return entityFeed(request, (await params).file);
}
