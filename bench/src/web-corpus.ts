import { createCaller } from "@parallax/api";
import { normalize } from "@parallax/core/normalize";
import { countArticlesByStatus, type Database } from "@parallax/db";
import { createBriefQueue, createIngestQueue, createRedis } from "@parallax/queue";
import { startWorkers } from "@parallax/worker";
import { sql } from "drizzle-orm";
import { dateCases, extractionCases, newsWcl50 } from "./data";

/** A full article the corpus starts from: title and paragraphs. */
interface Base {
  title: string;
  paragraphs: string[];
}

/** Every full-text article of ../shared/data, read once: NewsWCL50 and the readable extraction and date pages. */
export function baseArticles(): Base[] {
  const bases: Base[] = newsWcl50().map((a) => ({
    title: a.title,
    paragraphs: a.text.split(/\n\s*\n/).filter((p) => p.trim()),
  }));
  const seen = new Set<string>();
  for (const page of [...extractionCases(), ...dateCases()]) {
    if (seen.has(page.url)) continue;
    seen.add(page.url);
    try {
      const article = normalize({ kind: "html", html: page.html, url: page.url });
      const paragraphs = article.paragraphs.filter((p) => p.kind === "paragraph").map((p) => p.text);
      if (article.title && paragraphs.length >= 3) bases.push({ title: article.title, paragraphs });
    } catch {
      // Not an article (a home page, a listing): the extraction set holds some on purpose.
    }
  }
  return bases;
}

/** Deterministic pseudo-random numbers, so that every run builds the same corpus. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` submissions: each base article re-published by several outlets, as wire copies are, each copy
 * keeping a different ~75 % of the paragraphs in order (so no two texts are the same submission).
 */
export function corpusSubmissions(bases: Base[], count: number) {
  const random = mulberry32(7);
  const copies = Math.ceil(count / bases.length);
  const submissions: Array<{ text: string; title: string; sourceName: string }> = [];
  const texts = new Set<string>();
  for (let copy = 0; copy < copies; copy++) {
    for (const [b, base] of bases.entries()) {
      if (submissions.length >= count) break;
      let kept = base.paragraphs.filter(() => random() < 0.75);
      if (kept.length < 2) kept = base.paragraphs;
      const sourceName = `Outlet ${String(((b + copy * 7) % 40) + 1).padStart(2, "0")}`;
      let text = kept.join("\n\n");
      // A short article has few subsets; a copy that would repeat another carries its outlet's credit line, as
      // syndicated copies do, so that every submission is a new document rather than the same paste again.
      if (texts.has(text)) text = `${text}\n\nDistributed by ${sourceName}, copy ${copy + 1}.`;
      texts.add(text);
      submissions.push({ title: base.title, text, sourceName });
    }
  }
  return submissions;
}

const articlesInStories = async (db: Database) =>
  Number(
    ((await db.execute(sql`select count(*)::int as n from article_stories`)).rows[0] as { n: number }).n,
  );

/**
 * Fills the database through the real pipeline (tRPC submit → ingest, enrich, cluster, brief workers) until
 * it holds `target` articles in stories. A database already that full is used as it is.
 */
export async function ensureCorpus(
  db: Database,
  redisUrl: string,
  prefix: string,
  target: number,
  log: (line: string) => void,
): Promise<void> {
  const stored = Object.values(await countArticlesByStatus(db)).reduce((a, b) => a + b, 0);
  if (stored >= target && (await articlesInStories(db)) >= target * 0.98) {
    log(`corpus: ${stored} articles already stored`);
    return;
  }
  // Submitting is idempotent (the same document is the same article), so an interrupted fill just starts over.
  const submissions = corpusSubmissions(baseArticles(), target);
  log(`corpus: submitting ${submissions.length} articles through the pipeline (one-time; reused afterwards)`);
  const redis = createRedis(redisUrl, "producer");
  const ingestQueue = createIngestQueue({ connection: redis, prefix });
  const briefQueue = createBriefQueue({ connection: redis, prefix });
  const workers = await startWorkers({
    db,
    redisUrl,
    prefix,
    concurrency: 2,
    fetchLimits: { timeoutMs: 5_000, maxBytes: 5_000_000, maxRedirects: 3 },
    log: () => {},
  });
  try {
    const api = createCaller({ db, ingestQueue, briefQueue, log: () => {} });
    const started = Date.now();
    for (const submission of submissions) await api.article.submit(submission);
    for (;;) {
      // A busy machine can time a connection out; the pipeline goes on, so the watch does too.
      const snapshot = await Promise.all([articlesInStories(db), countArticlesByStatus(db)]).catch(
        (error: Error) => {
          log(`corpus: progress not readable now (${error.message}); retrying`);
          return null;
        },
      );
      if (!snapshot) {
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        continue;
      }
      const [placed, counts] = snapshot;
      const failed = counts.failed ?? 0;
      log(`corpus: ${placed} in stories, ${failed} failed, ${Math.round((Date.now() - started) / 1000)} s`);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (placed + failed >= total - 5) break;
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
    // Let the debounced briefings finish.
    for (;;) {
      const pending = await briefQueue.getJobCounts("waiting", "active", "delayed", "prioritized");
      if (Object.values(pending).every((n) => n === 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    await workers.close();
    await ingestQueue.close();
    await briefQueue.close();
    redis.disconnect();
  }
}
