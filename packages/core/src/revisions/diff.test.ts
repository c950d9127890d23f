import { describe, expect, it } from "vitest";
import { DIFF_LIMITS, diffRevisions, type RevisionParagraph, staleParagraphs } from "./diff";

const paras = (...texts: string[]): RevisionParagraph[] =>
  texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text }));

describe("diffRevisions", () => {
  it("reports no change for identical revisions", () => {
    const a = paras("One fish.", "Two fish.");
    const diff = diffRevisions(a, a);
    expect(diff).toMatchObject({ added: 0, removed: 0, changed: 0, renumbered: 0, coarse: false });
    expect(diff.changes.map((c) => c.op)).toEqual(["same", "same"]);
  });

  it("pairs an edited paragraph with its new wording and diffs it word by word", () => {
    const before = paras(
      "The harbour reopened on Tuesday after a three-day closure.",
      "Fishing crews returned early in the morning.",
    );
    const after = paras(
      "The harbour reopened on Wednesday after a three-day closure.",
      "Fishing crews returned early in the morning.",
      "The mayor thanked the engineers.",
    );
    const diff = diffRevisions(before, after);
    expect(diff).toMatchObject({ added: 1, removed: 0, changed: 1, renumbered: 0 });
    const changed = diff.changes.find((c) => c.op === "changed");
    expect(changed).toMatchObject({ oldN: 1, newN: 1 });
    if (changed?.op !== "changed") throw new Error("unreachable");
    expect(changed.parts.filter((p) => p.op === "del").map((p) => p.text)).toEqual(["Tuesday"]);
    expect(changed.parts.filter((p) => p.op === "ins").map((p) => p.text)).toEqual(["Wednesday"]);
    // Reassembling either side gives back the exact texts.
    expect(
      changed.parts
        .filter((p) => p.op !== "ins")
        .map((p) => p.text)
        .join(""),
    ).toBe(before[0]!.text);
    expect(
      changed.parts
        .filter((p) => p.op !== "del")
        .map((p) => p.text)
        .join(""),
    ).toBe(after[0]!.text);
    expect(diff.changes.at(-1)).toMatchObject({
      op: "added",
      newN: 3,
      text: "The mayor thanked the engineers.",
    });
  });

  it("treats an unrelated replacement as a removal and an addition, and marks shifted paragraphs", () => {
    const before = paras("Alpha beta gamma.", "Delta epsilon.", "Zeta eta theta.");
    const after = paras(
      "Completely different sentence here.",
      "Inserted lead.",
      "Delta epsilon.",
      "Zeta eta theta.",
    );
    const diff = diffRevisions(before, after);
    expect(diff).toMatchObject({ removed: 1, added: 2, changed: 0, renumbered: 2 });
    expect([...staleParagraphs(diff)]).toEqual([
      [1, "removed"],
      [2, "renumbered"],
      [3, "renumbered"],
    ]);
  });

  it("marks changed and removed paragraphs as stale for citations", () => {
    const before = paras("Kept as is.", "Prices rose by five percent in March.", "Dropped entirely now.");
    const after = paras("Kept as is.", "Prices rose by six percent in March.");
    expect([...staleParagraphs(diffRevisions(before, after))]).toEqual([
      [2, "changed"],
      [3, "removed"],
    ]);
  });

  it("handles empty revisions on either side", () => {
    expect(diffRevisions([], paras("New."))).toMatchObject({ added: 1, removed: 0 });
    expect(diffRevisions(paras("Old."), [])).toMatchObject({ added: 0, removed: 1 });
    expect(diffRevisions([], []).changes).toEqual([]);
  });

  it("stays bounded on huge, totally different input and falls back to a coarse diff", () => {
    const many = (prefix: string) =>
      paras(...Array.from({ length: DIFF_LIMITS.paragraphs + 10 }, (_, i) => `${prefix} ${i}`));
    const started = Date.now();
    const diff = diffRevisions(many("a"), many("b"));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(diff.coarse).toBe(true);
    expect(diff.changes).toHaveLength(2 * (DIFF_LIMITS.paragraphs + 10) - diff.changed);
  });

  it("does not word-diff a giant paragraph", () => {
    const big = "word ".repeat(10_000);
    const diff = diffRevisions(paras(big), paras(`${big} more`));
    expect(diff.coarse).toBe(true);
    const changed = diff.changes[0];
    expect(changed?.op).toBe("changed");
    if (changed?.op === "changed") expect(changed.parts.map((p) => p.op)).toEqual(["del", "ins"]);
  });

  it("keeps hostile markup as plain text", () => {
    const diff = diffRevisions(paras("<script>alert(1)</script>"), paras("<img src=x onerror=alert(2)>"));
    const texts = diff.changes.flatMap((c) => (c.op === "changed" ? c.parts.map((p) => p.text) : [c.text]));
    expect(texts.join("")).toContain("<script>alert(1)</script>");
  });
});
