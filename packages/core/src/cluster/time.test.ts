import { describe, expect, it } from "vitest";
import { DEFAULT_CLUSTER_OPTIONS as options } from "./options";
import { isOpen, timeFactor } from "./time";
import type { StorySummary } from "./types";

const HOUR = 3_600_000;
const story = (firstAt: number | null, lastAt: number | null, size = 5): StorySummary => ({
  id: "s",
  size,
  firstAt,
  lastAt,
  terms: [],
  norm: 1,
  normDocuments: 1,
});

describe("time", () => {
  it("leaves undated articles and stories to the text alone", () => {
    expect(timeFactor(story(null, null), 10 * HOUR, options)).toBe(1);
    expect(timeFactor(story(0, HOUR), null, options)).toBe(1);
    expect(isOpen(story(0, HOUR), null, options)).toBe(true);
  });

  it("credits an article inside a story's span and discounts one far from it", () => {
    const s = story(0, 2 * HOUR);
    expect(timeFactor(s, HOUR, options)).toBe(2);
    expect(timeFactor(s, 2 * HOUR + options.time.halfLifeHours * HOUR, options)).toBeCloseTo(1);
    expect(timeFactor(s, 2 * HOUR + 3 * options.time.halfLifeHours * HOUR, options)).toBeCloseTo(0.25);
    // An article older than the story counts its distance to the story's first article.
    expect(timeFactor(s, -options.time.halfLifeHours * HOUR, options)).toBeCloseTo(1);
  });

  it("lets long-running stories and lone articles fade more slowly", () => {
    const day = 24 * HOUR;
    expect(timeFactor(story(0, 10 * day), 11 * day, options)).toBeGreaterThan(
      timeFactor(story(0, 0), day, options),
    );
    expect(timeFactor(story(0, 0, 1), day, options)).toBeGreaterThan(
      timeFactor(story(0, 0, 2), day, options),
    );
  });

  it("closes a story after a silence that grows with its age", () => {
    const day = 24 * HOUR;
    expect(isOpen(story(0, day), 3.5 * day, options)).toBe(true);
    expect(isOpen(story(0, day), 5 * day, options)).toBe(false);
    expect(isOpen(story(0, 20 * day), 29 * day, options)).toBe(true);
    expect(isOpen(story(0, 20 * day), 31 * day, options)).toBe(false);
    expect(isOpen(story(0, 300 * day), 340 * day, options)).toBe(false);
  });
});
