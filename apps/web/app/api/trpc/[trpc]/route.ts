import { appRouter } from "@parallax/api";
import { RateLimitedError } from "@parallax/queue";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext, log } from "~/server/context";
import { isUnavailable, UNAVAILABLE_MESSAGE } from "~/server/errors";
import { capRequestBody } from "~/server/trpc-body";
import { clearPageCaches } from "~/server/page-data";

async function handler(request: Request) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    // The same cap as the JSON API: a pasted document of up to 5 MB, not whatever a client streams.
    req: capRequestBody(request),
    router: appRouter,
    createContext: ({ req }) => createContext(req.headers, req.method),
    onError({ error, path }) {
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      const unavailable = isUnavailable(error);
      if (!unavailable) log(`tRPC ${path ?? "?"} failed: ${error.cause?.stack ?? error.message}`);
      // onError runs before the error is shaped for the client: a driver message (Drizzle's includes the SQL)
      // stays in the log, and the client gets a sentence.
      error.message = unavailable ? UNAVAILABLE_MESSAGE : "internal error";
    },
    responseMeta({ errors }) {
      // tRPC answers TOO_MANY_REQUESTS with 429 itself; clients also need to know when to come back.
      const limited = errors.find((error) => error.cause instanceof RateLimitedError)?.cause;
      if (limited instanceof RateLimitedError) {
        return { headers: new Headers({ "Retry-After": String(limited.retryAfterSeconds) }) };
      }
      // A database or Redis outage is temporary: say so, so clients and proxies know to try again.
      return errors.length > 0 && errors.every((error) => isUnavailable(error)) ? { status: 503 } : {};
    },
  });
  // A change (a move, a split, a source's settings) may show on any page, and whoever made it reloads next and
  // must see it. A submission changes no page until the workers have processed it.
  const procedures = new URL(request.url).pathname.replace(/^\/api\/trpc\/?/, "").split(",");
  if (request.method === "POST" && procedures.some((name) => name !== "article.submit")) clearPageCaches();
  return response;
}

export { handler as GET, handler as POST };
