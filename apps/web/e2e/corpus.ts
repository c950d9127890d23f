import { readFile } from "node:fs/promises";
import path from "node:path";
import { countArticlesByStatus, type Database, storyOfArticle } from "@parallax/db";
import { repoRoot } from "./stack";

const shared = path.join(repoRoot, "../shared");

/** One submission as `POST /api/articles` takes it. */
type Submission = { label: string; body: Record<string, string> };

interface NewsWclEntry {
  file: string;
  event: number;
  outlet: string;
}

/**
 * What the browser tour reads: both seeds, NewsWCL50's 50 articles (10 events × 5 outlets, named after their
 * political lean) and one Japanese page, submitted over HTTP to the running app so that the real workers
 * ingest, enrich, cluster and brief them.
 */
export async function corpusSubmissions(): Promise<Submission[]> {
  const seeds: Submission[] = [
    { file: "000_692c35d782a7bbcb.txt", outlet: "nippon.com" },
    { file: "002_41147d8f43a0c177.txt", outlet: "Caixin" },
  ].map(({ file, outlet }) => ({ label: file, body: { text: "", sourceName: outlet, file } }));
  for (const seed of seeds) {
    seed.body.text = await readFile(path.join(shared, "seeds", seed.body.file!), "utf8");
    delete seed.body.file;
  }
  const index = JSON.parse(
    await readFile(path.join(shared, "data/newswcl50/index.json"), "utf8"),
  ) as NewsWclEntry[];
  const newswcl: Submission[] = await Promise.all(
    index.map(async (entry) => ({
      label: entry.file,
      body: {
        text: await readFile(path.join(shared, "data/newswcl50", entry.file), "utf8"),
        sourceName: `NewsWCL ${entry.outlet}`,
      },
    })),
  );
  const japanese: Submission = {
    label: "yomiuri.co.jp-gaza.html",
    body: {
      html: await readFile(path.join(shared, "data/dates/pages/yomiuri.co.jp-gaza.html"), "utf8"),
      url: "https://www.yomiuri.co.jp/world/20231102-OYT1T50240/",
    },
  };
  return [...seeds, ...newswcl, japanese];
}

/** Submits everything and waits until the workers have put every article in a story; returns label → id. */
export async function seedCorpus(
  baseUrl: string,
  db: Database,
  logs: () => string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const submission of await corpusSubmissions()) {
    const response = await fetch(`${baseUrl}/api/articles`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(submission.body),
    });
    const reply = (await response.json()) as { id?: string; error?: string };
    if (!reply.id) throw new Error(`${submission.label}: ${response.status} ${JSON.stringify(reply)}`);
    ids.set(submission.label, reply.id);
  }
  const deadline = Date.now() + 300_000;
  const waiting = new Set(ids.values());
  while (waiting.size > 0) {
    for (const id of [...waiting]) if (await storyOfArticle(db, id)) waiting.delete(id);
    if (waiting.size === 0) break;
    if (Date.now() > deadline) {
      const counts = await countArticlesByStatus(db);
      throw new Error(`${waiting.size} articles not in a story in time: ${JSON.stringify(counts)}${logs()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return ids;
}
