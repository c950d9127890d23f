import { zBriefing } from "@parallax/core/schemas";
import { describe, expect, it } from "vitest";
import { CAIXIN, NIPPON, runCli } from "../__fixtures__/cli";

const TIMEOUT = 60_000;

describe("parallax brief", () => {
  it(
    "prints one Markdown briefing of the seeds, numbered key points citing both outlets",
    async () => {
      const run = await runCli(["brief", NIPPON, CAIXIN, "--sources", "nippon.com,Caixin"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^# /);
      expect(run.stdout).toMatch(/^1\. .*March 19.*\[nippon\.com ¶\d+.*Caixin ¶\d+.*\]/m);
      expect(run.stdout).toMatch(/\*\*2026-03-19\*\* \(expected\)/);
      expect(run.stdout).toContain("| Caixin |");
    },
    TIMEOUT,
  );

  it(
    "prints the briefing as JSON with --json, dating the undated article by its own text",
    async () => {
      const run = await runCli(["brief", NIPPON, CAIXIN, "--json"]);
      expect(run.code).toBe(0);
      const briefing = zBriefing.parse(JSON.parse(run.stdout));
      expect(briefing.scope).toBe("story");
      // Without --sources, an article that names no outlet is cited by its file name.
      expect(briefing.sources.map((s) => s.label)).toEqual([
        "000_692c35d782a7bbcb.txt",
        "002_41147d8f43a0c177.txt",
      ]);
      expect(briefing.sources[1]).toMatchObject({ publishedAt: null, referenceDate: "2026-02-10" });
      expect(briefing.timeline.some((e) => e.date === "2026-03-19" && e.expected)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "briefs one article read from parallax extract --json on standard input",
    async () => {
      const extracted = await runCli(["extract", CAIXIN, "--json"]);
      const run = await runCli(["brief", "-", "--json", "--published-at", "2026-02-12"], extracted.stdout);
      expect(run.code).toBe(0);
      const briefing = zBriefing.parse(JSON.parse(run.stdout));
      expect(briefing.scope).toBe("article");
      expect(briefing.sources).toHaveLength(1);
      expect(briefing.keyPoints.length).toBeGreaterThanOrEqual(3);
      // --published-at stands in for the missing date, so "March 19" is ahead of it.
      expect(briefing.timeline.find((e) => e.date === "2026-03-19")?.expected).toBe(true);
    },
    TIMEOUT,
  );

  it(
    "fails clearly when no file can be read",
    async () => {
      const run = await runCli(["brief", "/nonexistent/file.txt"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/\/nonexistent\/file\.txt: .*\n.*no article to brief/s);
    },
    TIMEOUT,
  );
});
