import { describe, expect, it } from "vitest";
import type {
  Briefing,
  BriefingSource,
  Citation,
  KeyFigure,
  KeyPoint,
  TimelineEntry,
} from "../schemas/briefing";
import { seedStory } from "./__fixtures__/corpus";
import { diffBriefings, zBriefingDiff } from "./diff";
import { buildBriefing } from "./index";

const cite = (articleId: string, paragraph: number): Citation => ({
  articleId,
  source: articleId === "caixin" ? "Caixin" : "nippon.com",
  paragraph,
});

const point = (n: number, text: string, ...citations: Citation[]): KeyPoint => ({
  n,
  sentences: [{ text, citations }],
  articleIds: [...new Set(citations.map((c) => c.articleId))],
  genre: "news",
  attributedTo: null,
});

const event = (date: string, text: string, citation: Citation, dates = [date]): TimelineEntry => ({
  date,
  precision: date.length === 10 ? "day" : "month",
  expected: false,
  event: { text, citations: [citation] },
  reports: [
    {
      articleId: citation.articleId,
      source: citation.source,
      date,
      precision: date.length === 10 ? "day" : "month",
      expected: false,
      text,
      citation,
      fromDigest: false,
    },
  ],
  conflict: dates.length > 1,
  dates,
});

const figure = (subject: string | null, values: number[], conflict = false): KeyFigure => ({
  subject,
  kind: "money",
  unit: "USD",
  values: values.map((value, i) => ({
    text: `$${value / 1e9} billion`,
    value,
    qualifier: "exact",
    citations: [cite(i === 0 ? "nippon" : "caixin", 3)],
  })),
  conflict,
  articleIds: ["nippon"],
});

const source = (articleId: string): BriefingSource => ({
  articleId,
  label: articleId === "caixin" ? "Caixin" : "nippon.com",
  outlet: articleId === "caixin" ? "Caixin" : "nippon.com",
  country: null,
  title: `${articleId} report`,
  url: null,
  publishedAt: "2026-03-12T00:00:00.000Z",
  referenceDate: null,
  genre: "news",
  genreInferred: false,
});

const briefing = (parts: Partial<Briefing>): Briefing => ({
  builder: 1,
  scope: "story",
  headline: { text: "Takaichi heads to Washington", citations: [cite("nippon", 1)] },
  keyPoints: [],
  entities: [],
  timeline: [],
  figures: [],
  sources: [source("nippon")],
  ...parts,
});

describe("diffBriefings", () => {
  it("finds nothing changed between a briefing and itself, and keeps every point as unchanged", () => {
    const b = briefing({
      keyPoints: [
        point(1, "The summit is on 19 March.", cite("nippon", 2)),
        point(2, "A pledge.", cite("nippon", 4)),
      ],
      timeline: [event("2026-03-19", "The summit is on 19 March.", cite("nippon", 2))],
      figures: [figure("investment pledge", [550e9])],
    });
    const diff = diffBriefings(b, structuredClone(b));
    expect(diff.changed).toBe(false);
    expect(diff.keyPoints.unchanged).toEqual([
      { previous: 1, next: 1 },
      { previous: 2, next: 2 },
    ]);
    expect(() => zBriefingDiff.parse(diff)).not.toThrow();
  });

  it("matches key points by their text and citations, whatever their numbers", () => {
    const summit = point(1, "The summit is on 19 March.", cite("nippon", 2));
    const pledge = point(2, "Japan pledged $550 billion.", cite("nippon", 4));
    const seats = point(3, "The LDP won two-thirds of the seats.", cite("nippon", 6));
    const diff = diffBriefings(
      briefing({ keyPoints: [summit, pledge, seats] }),
      briefing({
        keyPoints: [
          { ...pledge, n: 1 },
          point(2, "Beijing warned Tokyo over Taiwan.", cite("caixin", 5)),
          { ...summit, n: 3 },
        ],
      }),
    );
    expect(diff.changed).toBe(true);
    expect(diff.keyPoints.unchanged).toEqual([
      { previous: 2, next: 1 },
      { previous: 1, next: 3 },
    ]);
    expect(diff.keyPoints.added.map((p) => p.sentences[0]!.text)).toEqual([
      "Beijing warned Tokyo over Taiwan.",
    ]);
    expect(diff.keyPoints.removed.map((p) => p.n)).toEqual([3]);
    expect(diff.keyPoints.recited).toEqual([]);
  });

  it("reports a point whose wording stays but whose citations change as recited, not removed and added", () => {
    const alone = point(1, "The summit is on 19 March.", cite("nippon", 2));
    const confirmed = point(1, "The summit is on 19 March.", cite("nippon", 2), cite("caixin", 7));
    const diff = diffBriefings(briefing({ keyPoints: [alone] }), briefing({ keyPoints: [confirmed] }));
    expect(diff.keyPoints).toMatchObject({ added: [], removed: [], unchanged: [] });
    expect(diff.keyPoints.recited).toEqual([{ previous: alone, next: confirmed }]);
  });

  it("follows a timeline event through a new date, a new wording and a conflict", () => {
    const summit = event("2026-03", "Takaichi will visit Washington in March.", cite("nippon", 2));
    const election = event("2026-02-08", "The election was held.", cite("nippon", 5));
    const dissolved = event("2026-01-23", "The lower house was dissolved.", cite("nippon", 4));
    const previous = briefing({ timeline: [dissolved, election, summit] });
    const next = briefing({
      timeline: [
        // Same wording, a precise date now.
        { ...summit, date: "2026-03-19", dates: ["2026-03-19"] },
        // Another wording represents it now, but the same report is still there.
        {
          ...election,
          event: { text: "Voters went to the polls.", citations: [cite("caixin", 3)] },
          reports: [
            ...election.reports,
            { ...election.reports[0]!, articleId: "caixin", citation: cite("caixin", 3) },
          ],
        },
        event("2026-01-23", "The lower house was dissolved.", cite("nippon", 4), [
          "2026-01-23",
          "2026-01-19",
        ]),
        event("2026-09", "An upper house election is due.", cite("caixin", 9)),
      ],
    });
    const diff = diffBriefings(previous, next);
    expect(diff.timeline.added.map((e) => e.date)).toEqual(["2026-09"]);
    expect(diff.timeline.removed).toEqual([]);
    expect(diff.timeline.dateChanged).toEqual([
      {
        event: summit.event,
        previous: { date: "2026-03", dates: ["2026-03"], conflict: false, expected: false },
        next: { date: "2026-03-19", dates: ["2026-03-19"], conflict: false, expected: false },
      },
      {
        event: dissolved.event,
        previous: { date: "2026-01-23", dates: ["2026-01-23"], conflict: false, expected: false },
        next: { date: "2026-01-23", dates: ["2026-01-23", "2026-01-19"], conflict: true, expected: false },
      },
    ]);
  });

  it("says which figures are new, gone, or stated differently", () => {
    const pledge = figure("investment pledge", [550e9]);
    const tariff = figure("tariff revenue", [30e9]);
    const unnamed = figure(null, [2e9]);
    const diff = diffBriefings(
      briefing({ figures: [pledge, tariff, unnamed] }),
      briefing({
        figures: [
          figure("investment pledge", [550e9, 500e9], true),
          figure(null, [2e9]),
          figure("defence budget", [60e9]),
        ],
      }),
    );
    expect(diff.figures.changed).toHaveLength(1);
    expect(diff.figures.changed[0]!.previous).toEqual(pledge);
    expect(diff.figures.changed[0]!.next.conflict).toBe(true);
    expect(diff.figures.added.map((f) => f.subject)).toEqual(["defence budget"]);
    expect(diff.figures.removed.map((f) => f.subject)).toEqual(["tariff revenue"]);
  });

  it("lists sources added and removed, and a changed headline", () => {
    const diff = diffBriefings(
      briefing({ sources: [source("nippon")] }),
      briefing({
        sources: [source("caixin")],
        headline: { text: "China and Japan after the election", citations: [cite("caixin", 1)] },
      }),
    );
    expect(diff.sources.added.map((s) => s.articleId)).toEqual(["caixin"]);
    expect(diff.sources.removed.map((s) => s.articleId)).toEqual(["nippon"]);
    expect(diff.headline).toMatchObject({
      changed: true,
      previous: { text: "Takaichi heads to Washington" },
      next: { text: "China and Japan after the election" },
    });
  });

  it("does not mistake the headline's spacing for a change", () => {
    const diff = diffBriefings(
      briefing({}),
      briefing({ headline: { text: "Takaichi  heads to\nWashington", citations: [cite("nippon", 1)] } }),
    );
    expect(diff.headline.changed).toBe(false);
    expect(diff.changed).toBe(false);
  });
});

describe("diffBriefings on the seeds", () => {
  const [nippon, caixin] = seedStory();
  const one = buildBriefing([nippon!]);
  const both = buildBriefing([nippon!, caixin!]);

  it("accounts for every key point of both versions when Caixin joins nippon.com's story", () => {
    const diff = diffBriefings(one, both);
    expect(() => zBriefingDiff.parse(diff)).not.toThrow();
    expect(diff.sources.added.map((s) => s.label)).toEqual(["Caixin"]);
    expect(diff.sources.removed).toEqual([]);
    const { added, removed, recited, unchanged } = diff.keyPoints;
    expect(added.length + recited.length + unchanged.length).toBe(both.keyPoints.length);
    expect(removed.length + recited.length + unchanged.length).toBe(one.keyPoints.length);
    // Points both outlets make are new or newly cite Caixin.
    const citingCaixin = [...added, ...recited.map((r) => r.next)].filter((p) =>
      p.articleIds.includes("caixin"),
    );
    expect(citingCaixin.length).toBeGreaterThan(0);
    expect(diff.timeline.added.length).toBeGreaterThan(0);
  });

  it("is the mirror image when Caixin leaves again", () => {
    const forward = diffBriefings(one, both);
    const back = diffBriefings(both, one);
    expect(back.sources.removed.map((s) => s.label)).toEqual(["Caixin"]);
    expect(back.keyPoints.added.length).toBe(forward.keyPoints.removed.length);
    expect(back.keyPoints.removed.length).toBe(forward.keyPoints.added.length);
    expect(back.timeline.removed.length).toBe(forward.timeline.added.length);
  });
});
