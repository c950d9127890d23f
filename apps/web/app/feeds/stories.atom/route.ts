import { storiesFeed } from "~/server/feed-routes";

/** The latest stories as an Atom feed. */
export async function GET(request: Request) {
  return storiesFeed(request, "atom");
}
