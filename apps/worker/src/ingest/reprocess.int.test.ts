import { startReprocess } from "@parallax/api";
import { getArticle, getReprocessReport } from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, seed, startHarness, waitFor } from "../__fixtures__/harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness((_req, res) => res.writeHead(404).end());
  await h.startWorkers();
});

afterAll(() => h.close());

async function finishedReport(runId: string) {
  return waitFor(async () => {
    const report = await getReprocessReport(h.db, runId);
    return report && report.done === report.total ? report : null;
  }, `reprocessing run ${runId}`);
}

describe("reprocessing stored raw documents", () => {
  it("rebuilds through the queue, reports what changed, and neither loses nor duplicates anything", async () => {
    const submitted = await h.api().article.submit({ text: seed("000_692c35d782a7bbcb.txt") });
    const before = await h.waitForFinal(submitted.articleId);
    expect(before.status).toBe("ready");

    // An older engine's output: a wrong title and a paragraph fewer.
    await h.db.$client.query(
      "update articles set title = 'Old engine title', normalizer_version = 1 where id = $1",
      [submitted.articleId],
    );
    await h.db.$client.query("delete from paragraphs where article_id = $1 and n = $2", [
      submitted.articleId,
      before.paragraphs.length,
    ]);
    const counts = async () =>
      (
        await h.db.$client.query(
          "select (select count(*)::int from articles) as articles, (select count(*)::int from paragraphs) as paragraphs",
        )
      ).rows[0];
    const beforeCounts = await counts();

    const run = await startReprocess({ db: h.db, ingestQueue: h.queue }, { kind: "outdated" });
    expect(run.total).toBe(1);
    const report = await finishedReport(run.runId);
    expect(report).toMatchObject({ changed: 1, unchanged: 0, failed: 0 });
    expect(report.details[0]!.changes.join("; ")).toMatch(
      /title: Old engine title → .*paragraphs: \d+ → \d+/,
    );

    const after = await getArticle(h.db, submitted.articleId);
    expect(after?.title).toBe(before.title);
    expect(after?.paragraphs).toEqual(before.paragraphs);
    expect((await counts()).articles).toBe(beforeCounts.articles);
    expect((await counts()).paragraphs).toBe(beforeCounts.paragraphs + 1);

    const again = await startReprocess({ db: h.db, ingestQueue: h.queue }, { kind: "all" });
    const second = await finishedReport(again.runId);
    expect(second).toMatchObject({ changed: 0, unchanged: again.total, failed: 0 });
  });

  it("keeps the stored article when the document can no longer be read, and reports why", async () => {
    const submitted = await h
      .api()
      .article.submit({ text: "A short note about the harbour reopening after the storm." });
    expect((await h.waitForFinal(submitted.articleId)).status).toBe("ready");
    await h.db.$client.query("update raw_documents set body = '   ' where article_id = $1", [
      submitted.articleId,
    ]);
    const run = await startReprocess(
      { db: h.db, ingestQueue: h.queue },
      { kind: "since", since: new Date(Date.now() - 60_000).toISOString() },
    );
    const report = await finishedReport(run.runId);
    const failure = report.details.find((d) => d.articleId === submitted.articleId);
    expect(failure).toMatchObject({ outcome: "failed", error: "empty document" });
    expect((await getArticle(h.db, submitted.articleId))?.paragraphs.length).toBeGreaterThan(0);
  });
});
