import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CAIXIN, jsonLines, NIPPON, ROOT, runCli } from "../__fixtures__/cli";

const TIMEOUT = 90_000;
const NEWSWCL = join(ROOT, "..", "shared", "data", "newswcl50");

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** NewsWCL50 as bare lines, events interleaved (article k of every event, then k + 1, …), with the gold event. */
function newswclLines(): { lines: string[]; gold: Map<string, number> } {
  const index = JSON.parse(readFileSync(join(NEWSWCL, "index.json"), "utf8")) as Array<{
    file: string;
    event: number;
  }>;
  const byEvent = groupBy(index, (entry) => entry.event);
  const order = [...byEvent.values()].flatMap((files, e) =>
    files.map((file, k) => ({ ...file, rank: k * 10 + e })),
  );
  order.sort((a, b) => a.rank - b.rank);
  const gold = new Map(order.map(({ file, event }) => [file, event]));
  const lines = order.map(({ file }) => {
    const raw = readFileSync(join(NEWSWCL, file), "utf8");
    const cut = raw.indexOf("\n");
    return JSON.stringify({ id: file, title: raw.slice(0, cut).trim(), text: raw.slice(cut + 1) });
  });
  return { lines, gold };
}

describe("parallax cluster", () => {
  it(
    "groups an interleaved stream of ten events into their stories",
    async () => {
      const { lines, gold } = newswclLines();
      const run = await runCli(["cluster", "-"], `${lines.join("\n")}\n`);
      expect(run.code).toBe(0);
      const out = jsonLines(run.stdout) as Array<{ id: string; storyId: string }>;
      expect(out.map((r) => r.id)).toEqual([...gold.keys()]);
      // B-cubed precision and recall of the printed partition against the gold events.
      const members = groupBy(out, (r) => r.storyId);
      let precision = 0;
      let recall = 0;
      for (const { id, storyId } of out) {
        const cluster = members.get(storyId)!;
        const same = cluster.filter((r) => gold.get(r.id) === gold.get(id)).length;
        precision += same / cluster.length;
        recall += same / 5;
      }
      expect(precision / out.length).toBeGreaterThan(0.9);
      expect(recall / out.length).toBeGreaterThan(0.85);
      expect(run.stderr).toMatch(/^50 articles in \d+ stories/);
    },
    TIMEOUT,
  );

  it(
    "reads parallax extract output, naming articles without an id by their line, and groups the seeds",
    async () => {
      const extracted = await runCli([
        "extract",
        NIPPON,
        CAIXIN,
        NIPPON,
        "--json",
        "--published-at",
        "2026-03-12",
      ]);
      expect(extracted.code).toBe(0);
      const run = await runCli(["cluster", "-"], extracted.stdout);
      expect(run.code).toBe(0);
      const out = jsonLines(run.stdout);
      expect(out.map((r) => r.id)).toEqual(["1", "2", "3"]);
      // The two seeds report one story, and a second copy of an article is the same story; even among the
      // first three articles, where document frequencies alone would call their shared names common.
      expect(out[1]!.storyId).toBe(out[0]!.storyId);
      expect(out[2]!.storyId).toBe(out[0]!.storyId);
    },
    TIMEOUT,
  );

  it(
    "names each bad line and still clusters the good ones",
    async () => {
      const input = [
        "not json",
        JSON.stringify({
          id: "a",
          text: "Prime Minister Sanae Takaichi met Donald Trump in Washington on March 19.",
        }),
        JSON.stringify({ id: "b" }),
        JSON.stringify({ id: "c", text: "x", html: "<p>x</p>" }),
        JSON.stringify({ title: "an article without paragraphs or id" }),
        "",
        "[1, 2]",
      ].join("\n");
      const run = await runCli(["cluster", "-"], input);
      expect(run.code).toBe(1);
      const out = jsonLines(run.stdout);
      expect(out).toHaveLength(6);
      expect(out[0]).toEqual({ line: 1, error: "not JSON" });
      expect(out[1]).toMatchObject({ id: "a", storyId: expect.any(String) });
      expect(out[2]).toMatchObject({
        line: 3,
        error: expect.stringContaining("exactly one of text and html"),
      });
      expect(out[3]).toMatchObject({
        line: 4,
        error: expect.stringContaining("exactly one of text and html"),
      });
      expect(out[4]).toMatchObject({ line: 5, error: expect.stringContaining("id") });
      expect(out[5]).toEqual({ line: 7, error: "not a JSON object" });
    },
    TIMEOUT,
  );

  it(
    "refuses a missing file and a bad --published-at",
    async () => {
      const missing = await runCli(["cluster", "/nonexistent/articles.jsonl"]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain("/nonexistent/articles.jsonl: no such file");
      const bad = await runCli(["cluster", "-", "--published-at", "yesterday"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain("--published-at must be an ISO 8601 date");
    },
    TIMEOUT,
  );
});
