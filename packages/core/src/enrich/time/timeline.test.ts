import { describe, expect, it } from "vitest";
import type { Paragraph } from "../../schemas/paragraph";
import { zTimelineEvent } from "../../schemas/enrichment";
import { caixinParagraphs, nipponParagraphs } from "./__fixtures__/seeds";
import { buildTimeline, findTimeExpressions } from "./index";
import { isExpected } from "./timeline";

const timeline = (
  paragraphs: Paragraph[],
  referenceDate: string | null,
  mentions?: Parameters<typeof buildTimeline>[2]["mentions"],
) => buildTimeline(paragraphs, findTimeExpressions(paragraphs, referenceDate), { referenceDate, mentions });
const paragraphsOf = (...texts: string[]): Paragraph[] =>
  texts.map((text, i) => ({ n: i + 1, kind: "paragraph", text }));

describe("seed 000 (nippon.com, published 2026-03-12)", () => {
  const paragraphs = nipponParagraphs();
  const events = timeline(paragraphs, "2026-03-12");

  it("matches the TimelineEvent contract and is in date order", () => {
    for (const e of events) expect(() => zTimelineEvent.parse(e)).not.toThrow();
    const starts = events.map((e) => e.date.padEnd(10, "-"));
    expect(starts).toEqual([...starts].sort());
  });

  it("has the White House summit of March 19 as an expected event", () => {
    const summit = events.filter((e) => e.date === "2026-03-19");
    expect(summit.length).toBeGreaterThanOrEqual(1);
    expect(summit.every((e) => e.expected && e.precision === "day")).toBe(true);
    expect(summit[0]!.phrase).toBe("Donald Trump welcomes Takaichi to the White House");
  });

  it("has November's midterm elections as an expected month", () => {
    const midterms = events.find((e) => e.date === "2026-11");
    expect(midterms).toMatchObject({
      precision: "month",
      expected: true,
      phrase: "midterm congressional elections",
    });
  });

  it("has January's Davos speech and Lee's visit as past events", () => {
    const january = events.filter((e) => e.date === "2026-01");
    expect(january.every((e) => !e.expected)).toBe(true);
    expect(january.some((e) => /Davos/.test(e.sentence) && /Carney/.test(e.phrase))).toBe(true);
    expect(january.some((e) => /Lee’s visit to Japan/.test(e.phrase))).toBe(true);
  });

  it("includes the banner photo of October 28, 2025 from the end note", () => {
    const photo = events.find((e) => e.date === "2025-10-28");
    const note = paragraphs.find((p) => p.kind === "note")!;
    expect(photo).toMatchObject({ paragraph: note.n, precision: "day", expected: false });
    expect(photo!.phrase).toMatch(/^Donald Trump and Takaichi Sanae greet troops/);
  });

  it("does not make the publication date or a scene-setting 'today' an event", () => {
    expect(events.some((e) => e.date === "2026-03-12")).toBe(false);
    const withDateline = [
      { n: 1, kind: "paragraph" as const, text: "date 2026-03-12" },
      ...paragraphs.map((p) => ({ ...p, n: p.n + 1 })),
    ];
    expect(timeline(withDateline, "2026-03-12").some((e) => e.date === "2026-03-12")).toBe(false);
  });

  it("leaves out durations and vague references", () => {
    expect(events.every((e) => /^\d{4}/.test(e.date))).toBe(true);
    expect(events.some((e) => /next few months/.test(e.phrase))).toBe(false);
  });
});

describe("seed 002 (Caixin, no publication date)", () => {
  const events = timeline(caixinParagraphs(), null);

  it("keeps the dates written in full and skips those only a reference date could place", () => {
    const dates = events.map((e) => e.date);
    expect(dates).toContain("2026-02-10");
    expect(dates).toContain("2025-09");
    expect(dates.some((d) => d.startsWith("X"))).toBe(false);
    expect(events.every((e) => !e.expected)).toBe(true);
  });

  it("takes the event of a date label from the item after it", () => {
    const september = events.find((e) => e.date === "2025-09");
    expect(september!.phrase).toBe("U.S.-Japan tariff agreement finalized");
    expect(september!.sentence).toMatch(/^U\.S\.-Japan tariff agreement finalized/);
  });
});

describe("events", () => {
  it("name the entities mentioned in their sentence as actors", () => {
    const paragraphs = paragraphsOf("Trump met Xi in Beijing on April 2, 2026. Markets rose.");
    const mentions = [
      { paragraph: 1, start: 0, end: 5, entity: "donald-trump" },
      { paragraph: 1, start: 10, end: 12, entity: "xi-jinping" },
      { paragraph: 1, start: 16, end: 23, entity: "china" },
      { paragraph: 1, start: 43, end: 50, entity: "markets" },
    ];
    const [event] = timeline(paragraphs, "2026-03-12", mentions);
    expect(event).toMatchObject({
      date: "2026-04-02",
      actors: ["donald-trump", "xi-jinping", "china"],
      expected: true,
      phrase: "Trump met Xi in Beijing",
      paragraph: 1,
      start: 0,
      end: 41,
    });
    expect(timeline(paragraphs, "2026-03-12")[0]!.actors).toEqual([]);
  });

  it("take the noun phrase a date modifies", () => {
    const [event] = timeline(
      paragraphsOf("Beijing will stay guarded until the November APEC summit in Shenzhen."),
      "2026-03-12",
    );
    expect(event).toMatchObject({ date: "2026-11", phrase: "APEC summit in Shenzhen" });
  });

  it("leave out a 'today' in a quote or an opinion but keep one that dates an event", () => {
    expect(timeline(paragraphsOf("“The world today is uncertain,” she said."), "2026-03-12")).toEqual([]);
    expect(timeline(paragraphsOf("The world today is uncertain."), "2026-03-12")).toEqual([]);
    expect(timeline(paragraphsOf("The minister resigned today."), "2026-03-12")[0]).toMatchObject({
      date: "2026-03-12",
      expected: false,
    });
  });

  it("skip a dateline", () => {
    const events = timeline(
      paragraphsOf("WASHINGTON, March 12 (AP) -- The Senate voted on March 10."),
      "2026-03-12",
    );
    expect(events.map((e) => e.date)).toEqual(["2026-03-10"]);
  });

  it("are empty for no paragraphs or no dates", () => {
    expect(buildTimeline([], [], { referenceDate: "2026-03-12" })).toEqual([]);
    expect(timeline(paragraphsOf("Nothing dated here."), "2026-03-12")).toEqual([]);
  });
});

describe("expected", () => {
  const ref = { y: 2026, m: 3, d: 12 };
  it("is true only for periods that start after the reference date", () => {
    expect(isExpected("2026-03-12", ref)).toBe(false);
    expect(isExpected("2026-03-13", ref)).toBe(true);
    expect(isExpected("2026-03", ref)).toBe(false);
    expect(isExpected("2026-04", ref)).toBe(true);
    expect(isExpected("2026", ref)).toBe(false);
    expect(isExpected("2027", ref)).toBe(true);
    expect(isExpected("2026-SU", ref)).toBe(true);
    expect(isExpected("2026-Q1", ref)).toBe(false);
    expect(isExpected("2026-Q2", ref)).toBe(true);
    expect(isExpected("2026-04", null)).toBe(false);
  });
});
