import { zEnrichment } from "@parallax/core/schemas";
import { describe, expect, it } from "vitest";
import { CAIXIN, jsonLines, NIPPON, runCli } from "../__fixtures__/cli";

const TIMEOUT = 60_000;

describe("parallax enrich --json", () => {
  it(
    "prints one enriched article per input, with spans into its paragraphs",
    async () => {
      const run = await runCli(["enrich", NIPPON, CAIXIN, "--published-at", "2026-02-12", "--json"]);
      expect(run.code).toBe(0);
      const [nippon, caixin] = jsonLines(run.stdout);
      const enrichment = zEnrichment.parse(nippon!.enrichment);
      // Seed 000 has its own date; --published-at only fills in for seed 002.
      expect(enrichment.referenceDate).toBe("2026-03-12");
      expect(zEnrichment.parse(caixin!.enrichment).referenceDate).toBe("2026-02-12");
      expect(enrichment.times.find((t) => t.text.includes("March 19"))?.value).toBe("2026-03-19");
    },
    TIMEOUT,
  );

  it(
    "reads plain text from standard input",
    async () => {
      const text =
        "Prime Minister Sanae Takaichi will meet President Donald Trump in Washington on March 19, 2026.";
      const run = await runCli(["enrich", "-", "--json"], text);
      expect(run.code).toBe(0);
      const [article] = jsonLines(run.stdout);
      expect(zEnrichment.parse(article!.enrichment).times.map((t) => t.value)).toContain("2026-03-19");
    },
    TIMEOUT,
  );

  it(
    "reads the JSON that parallax extract prints",
    async () => {
      const extracted = await runCli(["extract", NIPPON, "--json"]);
      const run = await runCli(["enrich", "-", "--json"], extracted.stdout);
      expect(run.code).toBe(0);
      const [article] = jsonLines(run.stdout);
      expect(article!.title).toBe((jsonLines(extracted.stdout)[0] as { title: string }).title);
      expect(zEnrichment.parse(article!.enrichment).entities.length).toBeGreaterThan(5);
    },
    TIMEOUT,
  );

  it(
    "reports a bad file on its own line and goes on",
    async () => {
      const run = await runCli(["enrich", "/nonexistent/file.txt", NIPPON, "--json"]);
      expect(run.code).toBe(1);
      const lines = jsonLines(run.stdout);
      expect(lines[0]).toMatchObject({ file: "/nonexistent/file.txt" });
      expect(lines[1]!.enrichment).toBeDefined();
    },
    TIMEOUT,
  );
});
