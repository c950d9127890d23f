/**
 * One "worker process" of the politeness test: fetches every URL of FETCH_URLS at once through its own Politeness
 * on the shared Redis prefix, waiting out HostBusyError as a delayed job would, and prints one JSON line per page.
 */
import { FetchGuard } from "@parallax/net";
import { createRedis } from "@parallax/queue";
import { FetchError, fetchPage } from "../../ingest/fetch-page";
import { HostBusyError, Politeness, type PolitenessConfig } from "../index";

const redis = createRedis(process.env.REDIS_URL!, "worker");
const config = JSON.parse(process.env.POLITENESS!) as PolitenessConfig;
const urls = JSON.parse(process.env.FETCH_URLS!) as string[];
// The test's sites are on loopback (127.0.0.1 and 127.0.0.2).
const guard = new FetchGuard({ allow: "127.0.0.0/8" });
const politeness = new Politeness(redis, process.env.PREFIX!, { ...config, guard });

async function fetchOne(url: string) {
  for (;;) {
    try {
      const page = await fetchPage(url, {
        timeoutMs: 10_000,
        maxBytes: 100_000,
        maxRedirects: 3,
        politeness,
        guard,
      });
      return { url, status: page.status };
    } catch (error) {
      if (error instanceof HostBusyError) {
        await new Promise((resolve) => setTimeout(resolve, error.retryAfterMs));
        continue;
      }
      if (error instanceof FetchError) return { url, error: error.message, permanent: error.permanent };
      throw error;
    }
  }
}

const results = await Promise.all(urls.map(fetchOne));
for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
await redis.quit();
await guard.close();
