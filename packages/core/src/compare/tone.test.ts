import { describe, expect, it } from "vitest";
import { sentenceTone } from "./tone";

describe("sentenceTone (AFINN-165)", () => {
  it("scores praise positive and condemnation negative, within [-1, 1]", () => {
    const good = sentenceTone("The summit was a great success and leaders praised the agreement.");
    const bad = sentenceTone("Critics condemned the brutal crackdown and the killing of protesters.");
    expect(good.score).toBeGreaterThan(0.5);
    expect(bad.score).toBeLessThan(-0.5);
    expect(Math.abs(good.score)).toBeLessThanOrEqual(1);
  });

  it("flips a valence after a negation and leaves neutral text at zero", () => {
    expect(sentenceTone("The talks were not successful.").score).toBeLessThan(0);
    expect(sentenceTone("The ministers met in Tokyo on Tuesday.")).toEqual({ score: 0, hits: 0 });
  });
});
