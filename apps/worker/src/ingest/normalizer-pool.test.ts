import { NormalizeError, normalize } from "@parallax/core/normalize";
import { afterAll, describe, expect, it } from "vitest";
import { NormalizerCrash, NormalizerPool } from "./normalizer-pool";

const article = {
  kind: "text" as const,
  title: "Harbour reopens",
  text: "The harbour at Port Ellis reopened on Tuesday after a three-day closure caused by the storm, the port authority said.\n\nFishing crews returned to their moorings early in the morning, and the first ferry left shortly after nine.",
};
const row = "<tr><td><a href='/berth'>Berth</a></td><td><span>occupied</span></td></tr>";
/** 3.3 MB of paragraphs and table cells: fine on a normal heap, far past 64 MB of DOM. */
const huge = {
  kind: "html" as const,
  html: `<html><body><article><h1>Ledger</h1>${"<p>The harbour at Port Ellis reopened on Tuesday after a closure, the port authority said today.</p>".repeat(20_000)}<table>${row.repeat(20_000)}</table></article></body></html>`,
};

const pools: NormalizerPool[] = [];
const pool = (memoryMb: number, timeoutMs: number) => {
  const made = new NormalizerPool({ memoryMb, timeoutMs }, 1);
  pools.push(made);
  return made;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe("normalizer threads", () => {
  it("return what normalize returns in this thread, and its NormalizeError for a refused document", async () => {
    const threads = pool(512, 60_000);
    expect(await threads.normalize(article)).toEqual(normalize(article));
    // One thread: the second document waits for the first rather than starting a thread of its own.
    const both = await Promise.all([threads.normalize(article), threads.normalize(article)]);
    expect(both.map((a) => a.paragraphs.length)).toEqual([2, 2]);
    const refused = await threads.normalize({ kind: "text", text: "   " }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NormalizeError);
    expect((refused as NormalizeError).code).toBe("empty");
  }, 60_000);

  it("fail a document that exhausts the thread's heap as a crash, and normalize the next one", async () => {
    const threads = pool(64, 60_000);
    const crash = await threads.normalize(huge).catch((error: unknown) => error);
    expect(crash).toBeInstanceOf(NormalizerCrash);
    expect((crash as Error).message).toBe("normalizer crashed: out of memory (over 64 MB)");
    expect((await threads.normalize(article)).paragraphs).toHaveLength(2);
  }, 60_000);

  it("stop a document that takes longer than the limit", async () => {
    const threads = pool(512, 300);
    await threads.warm();
    await expect(threads.normalize(huge)).rejects.toThrow("normalizer crashed: no result within 0.3 s");
  }, 60_000);
});
