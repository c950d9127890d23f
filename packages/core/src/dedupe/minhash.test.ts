import { describe, expect, it } from "vitest";
import {
  BANDS,
  bandHashes,
  estimateSimilarity,
  exactSimilarity,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
  tokens,
} from "./minhash";

const wire = `The harbour at Port Ellis reopened on Tuesday after a three-day closure caused by the storm, the port
authority said. Fishing crews returned to their moorings early in the morning, and the first ferry left shortly
after nine. Repairs to the northern breakwater will take several more weeks, according to the authority's
engineers, who said the damage was worse than first thought. Local businesses welcomed the reopening.`;

describe("minhash near-duplicate detection", () => {
  it("gives the same signature for the same text every time", () => {
    expect(minhashSignature(wire)).toEqual(minhashSignature(wire));
  });

  it("finds syndicated copy with its own header and footer above the threshold", () => {
    const copy = `By Staff Reporter | Coast Gazette\n\n${wire}\n\nSign up for our newsletter. © 2026 Coast Gazette.`;
    const a = minhashSignature(wire)!;
    const b = minhashSignature(copy)!;
    expect(estimateSimilarity(a, b)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(bandHashes(a).some((h, i) => h === bandHashes(b)[i])).toBe(true);
  });

  it("keeps a different report of the same event far below the threshold", () => {
    const other = `Port Ellis harbour is open again. After three days shut by the storm, ferries are running and
    fishermen are back, officials confirmed on Tuesday, though engineers warn the breakwater needs weeks of work.`;
    expect(exactSimilarity(wire, other)).toBeLessThan(0.1);
    expect(estimateSimilarity(minhashSignature(wire)!, minhashSignature(other)!)).toBeLessThan(
      NEAR_DUPLICATE_THRESHOLD,
    );
  });

  it("segments CJK text into words instead of treating a sentence as one token", () => {
    expect(tokens("高市早苗首相は3月19日にワシントンを訪問する").length).toBeGreaterThan(4);
  });

  it("has nothing to compare for text without words", () => {
    expect(minhashSignature("  … — !! ")).toBeNull();
  });

  it("cuts the signature into one band hash per band, as signed 32-bit integers", () => {
    const bands = bandHashes(minhashSignature(wire)!);
    expect(bands).toHaveLength(BANDS);
    for (const band of bands) expect(band).toBe(band | 0);
  });
});

describe("DuplicateIndex", () => {
  const article = (text: string, hash: string) => ({
    contentHash: hash,
    paragraphs: text.split("\n").map((t, i) => ({ n: i + 1, kind: "paragraph" as const, text: t })),
  });

  it("points a later copy at the first one, by identical text or by near-identical text", async () => {
    const { DuplicateIndex } = await import("./duplicate-index");
    const index = new DuplicateIndex();
    expect(index.check("a", article(wire, "h1"))).toBeNull();
    expect(index.check("b", article(wire, "h1"))).toMatchObject({ id: "a", reason: "content" });
    expect(index.check("c", article(`Breaking: ${wire}\nSubscribe for more.`, "h2"))).toMatchObject({
      id: "a",
      reason: "near",
    });
    expect(
      index.check(
        "d",
        article("A completely different report about a council budget vote and a new library.", "h3"),
      ),
    ).toBeNull();
  });
});
