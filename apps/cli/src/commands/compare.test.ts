import { zComparison } from "@parallax/core/schemas";
import { describe, expect, it } from "vitest";
import { CAIXIN, NIPPON, runCli } from "../__fixtures__/cli";

const TIMEOUT = 60_000;

describe("parallax compare", () => {
  it(
    "prints the comparison of the two seeds as JSON, one side per file",
    async () => {
      const run = await runCli([
        "compare",
        NIPPON,
        CAIXIN,
        "--labels",
        "nippon.com,Caixin",
        "--published-at",
        "2026-02-12",
        "--json",
      ]);
      expect(run.code).toBe(0);
      const comparison = zComparison.parse(JSON.parse(run.stdout));
      expect(comparison.sides.map((s) => s.label)).toEqual(["nippon.com", "Caixin"]);
      expect(comparison.sides[0]!.articles[0]!.genre).toBe("opinion");
      expect(comparison.sharedFacts.some((f) => f.dates.includes("2026-03-19"))).toBe(true);
      expect(comparison.sharedFacts.some((f) => f.figures.includes("$550 billion"))).toBe(true);
      const caixinOnly = comparison.onlyHere.find((s) => s.side === "Caixin")!.claims;
      expect(caixinOnly.some((c) => /China in April/.test(c.passage.text))).toBe(true);
      expect(comparison.conflicts).toEqual([]);
      expect(comparison.similarity[0]!.similarity).toBeGreaterThan(0);
    },
    TIMEOUT,
  );

  it(
    "prints a markdown report by default, sides named after the files",
    async () => {
      const run = await runCli(["compare", NIPPON, CAIXIN]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^# Comparison: 000_692c35d782a7bbcb\.txt vs 002_41147d8f43a0c177\.txt/);
      expect(run.stdout).toContain("## Shared facts");
      expect(run.stdout).toMatch(/¶\d+/);
    },
    TIMEOUT,
  );

  it(
    "stops with a message on a file it cannot read",
    async () => {
      const run = await runCli(["compare", "/nonexistent/file.txt", NIPPON]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("/nonexistent/file.txt");
      expect(run.stdout).toBe("");
    },
    TIMEOUT,
  );
});
