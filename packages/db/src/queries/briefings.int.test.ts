import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { closeDatabase, createDatabase, type Database } from "../client";
import {
  BriefingError,
  briefingVersion,
  latestBriefing,
  listBriefingVersions,
  storeBriefing,
} from "./briefings";

let db: Database;
let other: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 4 });
  other = createDatabase(database.url, { max: 4 });
});

afterAll(async () => {
  await closeDatabase(db);
  await closeDatabase(other);
  await drop();
});

describe("briefing versions", () => {
  it("adds a version only when the input changed, and keeps every version readable", async () => {
    const subjectId = crypto.randomUUID();
    const store = (inputHash: string, content: unknown) =>
      storeBriefing(db, { scope: "story", subjectId, inputHash, content });
    expect(await latestBriefing(db, "story", subjectId)).toBeNull();
    expect(await store("h1", { summary: "first" })).toEqual({ version: 1, changed: true });
    expect(await store("h1", { summary: "rebuilt, same input" })).toEqual({ version: 1, changed: false });
    expect(await store("h2", { summary: "second" })).toEqual({ version: 2, changed: true });
    // Back to an older input is still a change from the latest.
    expect(await store("h1", { summary: "third" })).toEqual({ version: 3, changed: true });

    const latest = await latestBriefing(db, "story", subjectId);
    expect(latest).toMatchObject({ scope: "story", subjectId, version: 3, inputHash: "h1" });
    expect(latest!.content).toEqual({ summary: "third" });
    expect(Date.parse(latest!.builtAt)).not.toBeNaN();
    expect((await briefingVersion(db, "story", subjectId, 1))!.content).toEqual({ summary: "first" });
    expect(await briefingVersion(db, "story", subjectId, 4)).toBeNull();
    const versions = await listBriefingVersions(db, "story", subjectId);
    expect(versions.map((v) => [v.version, v.inputHash])).toEqual([
      [3, "h1"],
      [2, "h2"],
      [1, "h1"],
    ]);
    // An article briefing of the same id is another subject.
    expect(await latestBriefing(db, "article", subjectId)).toBeNull();
  });

  it("numbers concurrent stores without gaps or duplicates, and stores one version for one input", async () => {
    const subjectId = crypto.randomUUID();
    const different = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        storeBriefing(i % 2 ? other : db, {
          scope: "article",
          subjectId,
          inputHash: `h${i}`,
          content: { i },
        }),
      ),
    );
    expect(different.map((r) => r.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );

    const same = crypto.randomUUID();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        storeBriefing(i % 2 ? other : db, {
          scope: "story",
          subjectId: same,
          inputHash: "x",
          content: { i },
        }),
      ),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results.every((r) => r.version === 1)).toBe(true);
    expect(await listBriefingVersions(db, "story", same)).toHaveLength(1);
  });

  it("rejects what it cannot store with a BriefingError, and reads malformed subjects as nothing", async () => {
    const subjectId = crypto.randomUUID();
    const bad = (input: Record<string, unknown>) =>
      expect(
        storeBriefing(db, { scope: "story", subjectId, inputHash: "h", content: {}, ...input } as never),
      ).rejects.toBeInstanceOf(BriefingError);
    await bad({ scope: "planet" });
    await bad({ subjectId: "s1" });
    await bad({ inputHash: "" });
    await bad({ content: undefined });
    await bad({ content: { n: 1n } });
    expect(await latestBriefing(db, "story", "s1")).toBeNull();
    expect(await briefingVersion(db, "story", subjectId, 0)).toBeNull();
    expect(await listBriefingVersions(db, "planet" as never, subjectId)).toEqual([]);
  });
});
