import {
  eventsBetween,
  getArticle,
  getArticleEnrichment,
  getEntity,
  loadEnrichmentInput,
} from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, seed, startHarness, waitFor } from "../__fixtures__/harness";
import { enrichOne } from "./worker";

let h: Harness;

beforeAll(async () => {
  h = await startHarness((_req, res) => res.writeHead(404).end());
  await h.startWorkers();
});

afterAll(() => h.close());

const waitForEnrichment = (id: string) =>
  waitFor(() => getArticleEnrichment(h.db, id), `enrichment of ${id}`);

describe("enrichment in the worker, stored in Postgres", () => {
  it("enriches each ready article after it becomes readable, and serves entities, events and keywords", async () => {
    const nippon = await h.api().article.submit({ text: seed("000_692c35d782a7bbcb.txt") });
    const caixin = await h.api().article.submit({ text: seed("002_41147d8f43a0c177.txt") });
    const first = await waitForEnrichment(nippon.articleId);
    await waitForEnrichment(caixin.articleId);

    const takaichi = first.entities.find((e) => e.aliases.some((a) => a.text === "Takaichi Sanae"));
    expect(takaichi).toBeDefined();
    const entity = await getEntity(h.db, takaichi!.slug);
    // Both articles name her, in different orders, under one slug.
    expect(entity?.articleCount).toBe(2);
    expect(entity?.aliases.map((a) => a.text)).toEqual(
      expect.arrayContaining(["Takaichi Sanae", "Sanae Takaichi"]),
    );

    const march = await eventsBetween(h.db, "2026-03-19", "2026-03-19");
    expect(march.some((e) => e.articleId === nippon.articleId && e.expected)).toBe(true);

    expect(first.keywords.length).toBeGreaterThan(5);
    expect(first.figures.some((f) => f.value === 550e9)).toBe(true);
  });

  it("re-enriching an unchanged article rewrites nothing", async () => {
    const submitted = await h
      .api()
      .article.submit({ text: "The harbour at Port Ellis reopened on Tuesday, the port authority said." });
    await h.waitForFinal(submitted.articleId);
    await waitForEnrichment(submitted.articleId);
    expect((await enrichOne(h.db, submitted.articleId, async () => {})).outcome).toBe("unchanged");
  });

  it("reads an article's input as getArticle gives it", async () => {
    const submitted = await h.api().article.submit({ text: seed("002_41147d8f43a0c177.txt") });
    await h.waitForFinal(submitted.articleId);
    // A publication time below the millisecond, as a page's metadata may give.
    await h.db.$client.query(
      "update articles set published_at = '2026-03-19 08:15:30.123456+00' where id = $1",
      [submitted.articleId],
    );
    const article = (await getArticle(h.db, submitted.articleId))!;
    expect(article.paragraphs.length).toBeGreaterThan(3);
    expect(await loadEnrichmentInput(h.db, submitted.articleId)).toEqual({
      status: article.status,
      language: article.language,
      publishedAt: article.publishedAt,
      paragraphs: article.paragraphs,
    });
    expect(await loadEnrichmentInput(h.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("the reconciler sends readable articles without enrichment to the enrich queue", async () => {
    const submitted = await h
      .api()
      .article.submit({ text: "Council approves the new library budget after a long debate on Monday." });
    await waitForEnrichment(submitted.articleId);
    await h.db.$client.query("delete from article_enrichment where article_id = $1", [submitted.articleId]);
    const { reconcile } = await import("../index");
    const { createEnrichQueue } = await import("@parallax/queue");
    const enrichQueue = createEnrichQueue({ connection: h.redis, prefix: h.services.prefix });
    const report = await reconcile(h.db, h.queue, enrichQueue);
    await enrichQueue.close();
    expect(report.enrichQueued).toBeGreaterThanOrEqual(1);
    expect(await waitForEnrichment(submitted.articleId)).not.toBeNull();
  });
});
