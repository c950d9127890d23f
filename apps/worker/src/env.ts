import { zFetchAllowHosts } from "@parallax/net/allow-hosts-env";
import { zRedisUrl } from "@parallax/queue";
import { z } from "zod";

const zEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" }),
  REDIS_URL: zRedisUrl,
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("parallax"),
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /**
   * Two: an enrichment job waits on its ~20 database statements about as long as it computes, and with one at a
   * time the ingest jobs of the same process took nearly all its turns (a burst of 10,000 pasted articles: 2.2×
   * as many enriched in the same 450 s with two, and the web pages faster too).
   */
  ENRICH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /**
   * The worker's scheduling niceness (0 normal, 19 lowest): pipeline work yields the CPU to the web app and the
   * databases on a shared machine, and still gets every idle cycle.
   */
  WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /**
   * `off`: the worker's commits do not wait for the disk. Everything it writes is derived from submissions the
   * web app stored durably, and the reconciler redoes what a database crash could lose (an article left queued,
   * unenriched or in no story); waiting for the disk on every commit (≈ 5 ms here) held the one story lock for
   * most of each assignment and capped the whole pipeline near 200 commits a second. `on` for the cautious.
   */
  WORKER_SYNCHRONOUS_COMMIT: z.enum(["on", "off"]).default("off"),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(20_000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** The web app's public address, for links in webhook payloads. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s):// URL" })
    .default("http://localhost:3000"),
  FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  /** Where a site operator who sees Parallax in their logs learns who runs it; goes into the User-Agent. */
  PARALLAX_CONTACT_URL: z.url({ protocol: /^https?$/, message: "must be an http(s):// URL" }).optional(),
  /** Per-host politeness, shared by all worker processes on one Redis: fetches at once, and ms between starts. */
  FETCH_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  FETCH_HOST_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1_000),
  /** Private hosts and networks fetches may reach (tests, intranets): `127.0.0.1,localhost,10.0.0.0/8`. */
  FETCH_ALLOW_HOSTS: zFetchAllowHosts,
  /** One document's limits in the normalizer: elements of a page, and time before it is given up as too complex. */
  NORMALIZE_MAX_ELEMENTS: z.coerce.number().int().min(1_000).max(5_000_000).default(200_000),
  NORMALIZE_TIME_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /**
   * How long the job of a worker process that died stays locked before another process takes it over (the lock
   * lifetime and the interval of the check for lapsed locks). Unset: each stage's own, 30–120 s.
   */
  JOB_LOCK_MS: z.coerce.number().int().min(500).max(600_000).optional(),
  /** Heap and time one document may take in the normalizer's thread before the attempt fails as a crash. */
  NORMALIZE_MEMORY_MB: z.coerce.number().int().min(16).max(16_384).default(512),
  NORMALIZE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
});
export type WorkerEnv = z.infer<typeof zEnv>;

/** Fails at start with the names of the bad variables, never later with a confusing connection error. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = zEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new Error(`worker configuration: ${problems}`);
  }
  return parsed.data;
}
