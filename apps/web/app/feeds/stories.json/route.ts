import { storiesFeed } from "~/server/feed-routes";

/** The latest stories as a JSON Feed (1.1). */
export async function GET(request: Request) {
  return storiesFeed(request, "json");
}
