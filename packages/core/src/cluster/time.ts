import type { ClusterOptions } from "./options";
import type { StorySummary } from "./types";

const HOUR = 3_600_000;

/** Hours from the article to the nearest end of the story's dated span (0 inside it); null when either is undated. */
function idleHours(story: StorySummary, at: number | null): number | null {
  if (at === null || story.firstAt === null || story.lastAt === null) return null;
  if (at > story.lastAt) return (at - story.lastAt) / HOUR;
  if (at < story.firstAt) return (story.firstAt - at) / HOUR;
  return 0;
}

const ageHours = (story: StorySummary) => (story.lastAt! - story.firstAt!) / HOUR;

/**
 * Whether a story still takes articles at time `at`: the allowed silence grows with the story's own age (a
 * story that has run for a month can pause for two weeks; a one-day story is over after a few days).
 */
export function isOpen(story: StorySummary, at: number | null, options: ClusterOptions): boolean {
  const idle = idleHours(story, at);
  if (idle === null) return true;
  const { minGapHours, maxGapHours, gapPerAge } = options.time;
  return idle <= Math.min(maxGapHours, Math.max(minGapHours, gapPerAge * ageHours(story)));
}

/**
 * Multiplier on text similarity for time: 2^(1 − idle / halfLife), so 2 for an article inside the story's span,
 * 1 at one half-life from it, halving each half-life after. News comes in bursts, so closeness in time is
 * evidence of one story and distance evidence against; an undated article or story gets 1, the text alone
 * decides. The half-life grows with the story's age, so long-running stories fade slowly.
 */
export function timeFactor(story: StorySummary, at: number | null, options: ClusterOptions): number {
  const idle = idleHours(story, at);
  if (idle === null) return 1;
  const { halfLifeHours, singletonHalfLifeHours, gapPerAge } = options.time;
  // One article says nothing about a story's tempo; from two on, its age does.
  const halfLife =
    story.size <= 1 ? singletonHalfLifeHours : Math.max(halfLifeHours, gapPerAge * ageHours(story));
  return 2 ** (1 - idle / halfLife);
}
