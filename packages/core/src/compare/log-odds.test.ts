import { describe, expect, it } from "vitest";
import { weightedLogOdds } from "./log-odds";

const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("weightedLogOdds", () => {
  const focal = counts({ dictator: 8, regime: 5, leader: 2, summit: 10, the: 60 });
  const rest = counts({ leader: 9, summit: 10, talks: 6, the: 62 });
  const scored = weightedLogOdds(focal, rest);
  const z = (term: string) => scored.find((t) => t.term === term)!.z;

  it("ranks words the focal side uses and the other does not above shared ones", () => {
    expect(scored[0]!.term).toBe("dictator");
    expect(z("dictator")).toBeGreaterThan(1.96);
    expect(z("dictator")).toBeGreaterThan(z("regime"));
    expect(Math.abs(z("summit"))).toBeLessThan(1);
  });

  it("gives words of the other side negative scores, and frequent words at equal rates about none", () => {
    expect(z("talks")).toBeLessThan(0);
    expect(z("leader")).toBeLessThan(0);
    expect(Math.abs(z("the"))).toBeLessThan(0.5);
  });

  it("shrinks more with a stronger prior", () => {
    const strong = weightedLogOdds(focal, rest, { priorStrength: 1000 }).find((t) => t.term === "dictator")!;
    expect(strong.logOdds).toBeLessThan(scored[0]!.logOdds);
  });

  it("uses background counts for the prior: a word common in the background is shrunk more", () => {
    const common = counts({ regime: 1000, other: 1000 });
    const rare = counts({ regime: 1, other: 1999 });
    const delta = (background: Map<string, number>) =>
      weightedLogOdds(focal, rest, { background }).find((t) => t.term === "regime")!.logOdds;
    expect(delta(common)).toBeGreaterThan(0);
    expect(delta(common)).toBeLessThan(delta(rare));
  });

  it("gives nothing when a side has no words", () => {
    expect(weightedLogOdds(new Map(), rest)).toEqual([]);
  });
});
