import { readFile, stat } from "node:fs/promises";
import { createCaller, LOCAL } from "@parallax/api";
import { type Feed, zFeedUrl, zIntervalMinutes } from "@parallax/core/feeds";
import { closeDatabase, createDatabase } from "@parallax/db";
import { FetchGuard } from "@parallax/net";
import { createRedis, createStageQueues } from "@parallax/queue";
import type { Command } from "commander";
import { z } from "zod";
import { readEnv } from "../env";
import { serviceUrls } from "../runtime";

const MAX_OPML_FILE_BYTES = 2 * 1024 * 1024;

/** A caller of the API on the running Parallax's database and queues, closed after `run`. */
async function withApi<T>(run: (api: ReturnType<typeof createCaller>) => Promise<T>): Promise<T> {
  const urls = serviceUrls();
  const db = createDatabase(urls.databaseUrl, { max: 2 });
  const redis = createRedis(urls.redisUrl, "producer");
  const queues = createStageQueues({ connection: redis, prefix: urls.prefix });
  for (const queue of Object.values(queues)) queue.on("error", () => {});
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const fetchGuard = new FetchGuard({ allow: readEnv().FETCH_ALLOW_HOSTS });
  try {
    // A command run on the machine, with the database's own credentials: trusted as an administrator.
    return await run(
      createCaller({ db, ingestQueue: queues.ingest as never, queues, fetchGuard, log, viewer: LOCAL }),
    );
  } finally {
    await fetchGuard.close().catch(() => {});
    await Promise.all(Object.values(queues).map((queue) => queue.close().catch(() => {})));
    redis.disconnect();
    await closeDatabase(db);
  }
}

const when = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : "-");

function describeFeed(feed: Feed): string {
  const state =
    feed.status === "failing"
      ? `failing (${feed.consecutiveFailures} in a row): ${feed.lastError ?? "unknown error"}`
      : feed.status === "new"
        ? "not polled yet"
        : "ok";
  return [
    feed.id,
    feed.title ?? "(untitled)",
    feed.url,
    `every ${feed.intervalMinutes} min`,
    `${feed.itemCount} items`,
    `last ${when(feed.lastPolledAt)}`,
    `next ${when(feed.nextPollAt)}`,
    state,
  ].join("\t");
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(
      parsed.error.issues.map((i) => `${i.path.join(".") || "argument"}: ${i.message}`).join("; "),
    );
  return parsed.data;
}

async function add(url: string, raw: unknown) {
  const options = parse(
    z.object({
      title: z.string().trim().min(1).max(500).optional(),
      every: z.coerce.number().pipe(zIntervalMinutes).optional(),
      json: z.boolean().optional(),
    }),
    raw,
  );
  const input = {
    url: parse(zFeedUrl, url),
    ...(options.title ? { title: options.title } : {}),
    ...(options.every ? { intervalMinutes: options.every } : {}),
  };
  const result = await withApi((api) => api.subscription.add(input));
  if (options.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);
  if (result.status === "choose") {
    process.stdout.write(`${url} is a web page; feeds found on it (add one of them):\n`);
    for (const c of result.candidates)
      process.stdout.write(`  ${c.url}\t${c.title ?? "(untitled)"}\t${c.itemCount} items\n`);
    return;
  }
  process.stdout.write(
    `${result.created ? "subscribed" : "already subscribed"}: ${describeFeed(result.feed)}\n`,
  );
  if (result.created && !result.scheduled)
    process.stderr.write("Redis is not reachable: the worker will schedule its polls when it next starts\n");
}

async function list(raw: unknown) {
  const options = parse(z.object({ json: z.boolean().optional() }), raw);
  const feeds = await withApi((api) => api.subscription.list());
  if (options.json) return void process.stdout.write(`${JSON.stringify(feeds)}\n`);
  if (!feeds.length) return void process.stdout.write("no feeds; add one with: parallax feeds add <url>\n");
  for (const feed of feeds) process.stdout.write(`${describeFeed(feed)}\n`);
}

async function remove(target: string) {
  const ref = parse(z.uuid().or(zFeedUrl), target.trim());
  const removed = await withApi(async (api) => {
    const feeds = await api.subscription.list();
    const feed = feeds.find((f) => f.id === ref || f.url === ref);
    if (!feed) throw new Error(`no feed ${ref} (see parallax feeds list)`);
    return api.subscription.remove({ id: feed.id });
  });
  process.stdout.write(`removed ${removed.title ?? removed.url} (its ${removed.itemCount} articles stay)\n`);
}

async function importFile(file: string) {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new Error(`${file} is not a file`);
  if (info.size > MAX_OPML_FILE_BYTES) throw new Error(`${file} is larger than 2 MB`);
  const opml = await readFile(file, "utf8");
  const result = await withApi((api) => api.subscription.importOpml({ opml }));
  process.stdout.write(
    `imported ${result.added} feeds, ${result.existing} already subscribed, ${result.skipped.length} skipped\n`,
  );
  for (const s of result.skipped) process.stdout.write(`  skipped ${s.text}: ${s.reason}\n`);
}

async function exportOpml() {
  process.stdout.write(await withApi((api) => api.subscription.exportOpml()));
}

export function registerFeeds(program: Command): void {
  const feeds = program
    .command("feeds")
    .description("feed subscriptions (RSS, Atom, JSON Feed) that keep Parallax up to date");
  feeds
    .command("add <url>")
    .description("subscribe to a feed; a site's home page lists the feeds found on it")
    .option("--title <title>", "a title of your own")
    .option("--every <minutes>", "poll interval in minutes (default 15)")
    .option("--json", "print the result as JSON")
    .action(add);
  feeds
    .command("list")
    .description("every feed with its polling state")
    .option("--json", "print JSON")
    .action(list);
  feeds
    .command("remove <id-or-url>")
    .description("unsubscribe; articles already ingested stay")
    .action(remove);
  feeds.command("import <file>").description("subscribe to every feed of an OPML file").action(importFile);
  feeds.command("export").description("print the subscriptions as OPML").action(exportOpml);
}
