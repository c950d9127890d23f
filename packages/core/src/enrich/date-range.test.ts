import { describe, expect, it } from "vitest";
import { compareDates, dayRange } from "./date-range";

describe("dayRange", () => {
  it("spans the days a TimeML value can mean", () => {
    expect(dayRange("2026-03-19")).toEqual({ first: "2026-03-19", last: "2026-03-19" });
    expect(dayRange("2026-02")).toEqual({ first: "2026-02-01", last: "2026-02-28" });
    expect(dayRange("2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(dayRange("2026")).toEqual({ first: "2026-01-01", last: "2026-12-31" });
    expect(dayRange("2026-WI")).toEqual({ first: "2026-12-01", last: "2027-02-28" });
    expect(dayRange("2026-Q2")).toEqual({ first: "2026-04-01", last: "2026-06-30" });
    expect(dayRange("199X")).toEqual({ first: "1990-01-01", last: "1999-12-31" });
    expect(dayRange("2026-W12")).toEqual({ first: "2026-03-16", last: "2026-03-22" });
  });
  it("has no span for underspecified or non-date values", () => {
    expect(dayRange("XXXX-03-19")).toBeNull();
    expect(dayRange("PRESENT_REF")).toBeNull();
    expect(dayRange("P1W")).toBeNull();
  });
});

describe("compareDates", () => {
  it("reads March and March 19 as compatible, two days of one event as a conflict", () => {
    expect(compareDates("2026-SU", "2026-07-04")).toBe("compatible");
    expect(compareDates("2026-03", "2026-03-19")).toBe("compatible");
    expect(compareDates("2026-03-19", "2026-03-20")).toBe("conflict");
    expect(compareDates("2026-03-19", "2026-03-19")).toBe("agree");
  });
});
