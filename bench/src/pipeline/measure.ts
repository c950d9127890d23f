import {
  createBriefQueue,
  createClusterQueue,
  createEnrichQueue,
  createIngestQueue,
  createRedis,
} from "@parallax/queue";
import type { Queue } from "bullmq";
import type pg from "pg";
import { MemorySampler } from "./rss";
import { percentile, slope } from "./stats";
import type { Stack } from "./stack";

export interface Submission {
  title: string;
  text: string;
  sourceName: string;
}

/** One POST /api/articles; retried twice on a network error or 5xx, so one hiccup does not void a whole run. */
export async function submit(baseUrl: string, body: Submission): Promise<string> {
  let last = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const response = await fetch(`${baseUrl}/api/articles`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await response.text();
      if (response.status === 202) {
        const id = (JSON.parse(text) as { id?: unknown }).id;
        if (typeof id === "string") return id;
      }
      // 200 means "already held": every submission is meant to be a new document, so that is a corpus bug.
      last = `HTTP ${response.status}: ${text.slice(0, 300)}`;
      if (response.status < 500) break;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`POST /api/articles failed: ${last}`);
}

interface Progress {
  total: number;
  done: number;
  failed: number;
  inStory: number;
  enriched: number;
  /** jobs waiting, delayed or running in ingest, enrich, cluster and brief */
  pending: number;
}

/** The pipeline's four queues on the run's prefix, counted cheaply (a few Redis calls per poll). */
export function pipelineQueues(redisUrl: string, prefix: string) {
  const connection = createRedis(redisUrl, "worker");
  const settings = { connection, prefix };
  const queues: Queue[] = [
    createIngestQueue(settings) as unknown as Queue,
    createEnrichQueue(settings) as unknown as Queue,
    createClusterQueue(settings) as unknown as Queue,
    createBriefQueue(settings) as unknown as Queue,
  ];
  return {
    async pending(): Promise<number> {
      const counts = await Promise.all(
        queues.map((queue) =>
          queue.getJobCounts("waiting", "active", "delayed", "prioritized", "waiting-children"),
        ),
      );
      return counts.reduce((sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0), 0);
    },
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
      connection.disconnect();
    },
  };
}

async function progress(pool: pg.Pool, pending: () => Promise<number>): Promise<Progress> {
  const [{ rows }, queued] = await Promise.all([
    pool.query<{ total: number; done: number; failed: number; in_story: number; enriched: number }>(`
      select count(*)::int as total,
             count(*) filter (where status in ('ready', 'duplicate', 'failed'))::int as done,
             count(*) filter (where status = 'failed')::int as failed,
             (select count(*)::int from article_stories) as in_story,
             (select count(*)::int from article_enrichment where error is null) as enriched
      from articles`),
    pending(),
  ]);
  const row = rows[0]!;
  return {
    total: row.total,
    done: row.done,
    failed: row.failed,
    inStory: row.in_story,
    enriched: row.enriched,
    pending: queued,
  };
}

interface ArticleTimes {
  id: string;
  status: string;
  readyMs: number | null;
  joinedMs: number | null;
  briefedMs: number | null;
  enriched: boolean;
}

/**
 * Per article: when it became ready (its `updated_at`, set by the store of its normalized text), when it joined
 * its story (`article_stories.assigned_at`), and the first briefing version of that story built at or after
 * that. A rebuild that changes nothing stores no version (and a story's briefing reads only its first 60
 * articles), so that last time exists only for articles whose arrival changed what readers see.
 */
async function articleTimes(pool: pg.Pool): Promise<ArticleTimes[]> {
  const { rows } = await pool.query<{
    id: string;
    status: string;
    ready_ms: number | null;
    joined_ms: number | null;
    briefed_ms: number | null;
    enriched: boolean;
  }>(`
    select a.id::text, a.status,
           case when a.status in ('ready', 'duplicate') then extract(epoch from a.updated_at)::float8 * 1000 end as ready_ms,
           extract(epoch from s.assigned_at)::float8 * 1000 as joined_ms,
           (select extract(epoch from min(b.built_at))::float8 * 1000 from briefings b
             where b.scope = 'story' and b.subject_id = s.story_id and b.built_at >= s.assigned_at) as briefed_ms,
           (e.article_id is not null and e.error is null) as enriched
    from articles a
    left join article_stories s on s.article_id = a.id
    left join article_enrichment e on e.article_id = a.id`);
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    readyMs: r.ready_ms,
    joinedMs: r.joined_ms,
    briefedMs: r.briefed_ms,
    enriched: r.enriched,
  }));
}

export interface Latencies {
  ready: number[];
  story: number[];
  briefing: number[];
}

function latencies(times: ArticleTimes[], submittedAt: Map<string, number>): Latencies {
  const since = (id: string, at: number | null) => {
    const sent = submittedAt.get(id);
    return sent === undefined || at === null ? [] : [at - sent];
  };
  return {
    ready: times.flatMap((t) => since(t.id, t.readyMs)),
    story: times.flatMap((t) => since(t.id, t.joinedMs)),
    briefing: times.flatMap((t) => since(t.id, t.briefedMs)),
  };
}

export interface RunResult {
  label: string;
  workers: number;
  articles: number;
  submitSeconds: number;
  /** from the first submission until the last article was ready / joined its story / the queues drained */
  readySeconds: number;
  storySeconds: number;
  drainedSeconds: number;
  ready: number;
  duplicates: number;
  failed: number;
  inStory: number;
  enriched: number;
  briefed: number;
  latency: Latencies;
  memory: Array<{ name: string; peakMb: number; endMb: number; growthMbPer1k: number }>;
}

/** Growth over the last three quarters of the run: the first quarter is warm-up (JIT, caches, pools filling). */
function growth(samples: ReadonlyArray<{ at: number; done: number; rssMb: number }>, endAt: number): number {
  const points = samples.filter((s) => s.at >= endAt / 4).map((s) => ({ x: s.done / 1000, y: s.rssMb }));
  return slope(points);
}

/**
 * Submits every article `inFlight` at a time and waits until the pipeline is quiet: every article in a final
 * state and nothing waiting, delayed or running in the four stage queues (so the last debounced briefing ran).
 */
export async function throughputRun(
  stack: Stack,
  redisUrl: string,
  submissions: readonly Submission[],
  inFlight: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<RunResult> {
  const queues = pipelineQueues(redisUrl, stack.prefix);
  const submittedAt = new Map<string, number>();
  let latest: Progress = { total: 0, done: 0, failed: 0, inStory: 0, enriched: 0, pending: 0 };
  const started = Date.now();
  const sampler = new MemorySampler(
    [
      { name: "web", pid: stack.web.pid ?? -1 },
      ...stack.workers.map((worker, i) => ({ name: `worker ${i + 1}`, pid: worker.pid })),
    ],
    // Articles through the pipeline, counting each of its three tracked steps as a third: "final" alone stops
    // growing long before enrichment and clustering catch up, and growth per article would then be undefined.
    () => ({ at: Date.now() - started, done: (latest.done + latest.enriched + latest.inStory) / 3 }),
  );
  sampler.start();
  try {
    let next = 0;
    let submitEnd = 0;
    const lane = async () => {
      while (next < submissions.length) {
        const body = submissions[next++]!;
        const sent = Date.now();
        submittedAt.set(await submit(stack.baseUrl, body), sent);
      }
    };
    const submitting = Promise.all(Array.from({ length: inFlight }, lane)).then(() => {
      submitEnd = Date.now();
    });
    let failure: unknown = null;
    submitting.catch((error: unknown) => {
      failure = error;
    });
    let quietPolls = 0;
    let lastLog = started;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (failure) throw failure;
      const dead = stack.workers.find((worker) => worker.hasExited());
      if (dead) throw new Error(`a worker process exited during the run:\n${dead.output().slice(-3_000)}`);
      latest = await progress(stack.pool, queues.pending);
      const finished =
        submitEnd > 0 && latest.total >= submissions.length && latest.done >= submissions.length;
      quietPolls = finished && latest.pending === 0 ? quietPolls + 1 : 0;
      if (quietPolls >= 2) break;
      if (Date.now() - lastLog >= 15_000) {
        lastLog = Date.now();
        log(
          `  ${stack.label}: ${Math.round((Date.now() - started) / 1000)} s — submitted ${submittedAt.size}, ` +
            `final ${latest.done}, enriched ${latest.enriched}, in stories ${latest.inStory}, jobs pending ${latest.pending}`,
        );
      }
      if (Date.now() - started > timeoutMs)
        throw new Error(
          `${stack.label}: not done in ${timeoutMs / 1000} s (submitted ${submittedAt.size}, final ${latest.done}, ` +
            `in stories ${latest.inStory}, jobs pending ${latest.pending})`,
        );
    }
    // The last poll that saw the queues empty: the drain happened in the 500 ms before it.
    const drainedAt = Date.now() - 500;
    sampler.stop();
    const times = await articleTimes(stack.pool);
    const first = Math.min(...submittedAt.values());
    const last = (values: Array<number | null>) =>
      Math.max(...values.filter((v): v is number => v !== null), first);
    const endAt = drainedAt - started;
    return {
      label: stack.label,
      workers: stack.workers.length,
      articles: submissions.length,
      submitSeconds: (submitEnd - first) / 1000,
      readySeconds: (last(times.map((t) => t.readyMs)) - first) / 1000,
      storySeconds: (last(times.map((t) => t.joinedMs)) - first) / 1000,
      drainedSeconds: (drainedAt - first) / 1000,
      ready: times.filter((t) => t.status === "ready").length,
      duplicates: times.filter((t) => t.status === "duplicate").length,
      failed: times.filter((t) => t.status === "failed").length,
      inStory: times.filter((t) => t.joinedMs !== null).length,
      enriched: times.filter((t) => t.enriched).length,
      briefed: times.filter((t) => t.briefedMs !== null).length,
      latency: latencies(times, submittedAt),
      memory: [...sampler.samples.entries()].map(([name, samples]) => ({
        name,
        peakMb: sampler.peaks.get(name) ?? Number.NaN,
        endMb: samples.at(-1)?.rssMb ?? Number.NaN,
        growthMbPer1k: growth(samples, endAt),
      })),
    };
  } finally {
    sampler.stop();
    await queues.close();
  }
}

export interface IdleResult {
  articles: number;
  latency: Latencies;
}

/**
 * One article at a time on a quiet stack: each is submitted only once the previous one is ready, in its story
 * and its briefing's debounced rebuild has run. One warm-up article first (compiled routes, first query plans).
 */
export async function idleRun(
  stack: Stack,
  redisUrl: string,
  submissions: readonly Submission[],
  timeoutMs: number,
): Promise<IdleResult> {
  const queues = pipelineQueues(redisUrl, stack.prefix);
  const submittedAt = new Map<string, number>();
  try {
    const waitQuiet = async (id: string) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const { rows } = await stack.pool.query<{ status: string; in_story: boolean }>(
          `select a.status, s.article_id is not null as in_story
           from articles a left join article_stories s on s.article_id = a.id where a.id = $1`,
          [id],
        );
        const row = rows[0];
        const final = row && (row.status === "failed" || (row.in_story && row.status !== "queued"));
        if (final && (await queues.pending()) === 0) return;
        if (Date.now() > deadline)
          throw new Error(`idle run: article ${id} not through in ${timeoutMs / 1000} s`);
      }
    };
    const [warmUp, ...measured] = submissions;
    if (warmUp) await waitQuiet(await submit(stack.baseUrl, warmUp));
    for (const body of measured) {
      const sent = Date.now();
      const id = await submit(stack.baseUrl, body);
      submittedAt.set(id, sent);
      await waitQuiet(id);
    }
    const times = (await articleTimes(stack.pool)).filter((t) => submittedAt.has(t.id));
    return { articles: measured.length, latency: latencies(times, submittedAt) };
  } finally {
    await queues.close();
  }
}

export const p = (values: number[], q: number) => percentile(values, q);
