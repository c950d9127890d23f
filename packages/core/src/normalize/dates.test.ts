import { describe, expect, it } from "vitest";
import { matchLeadingDate, parseDateText, parseIsoDate } from "./dates";

describe("parseIsoDate", () => {
  it.each([
    ["2026-03-12", "2026-03-12T00:00:00.000Z"],
    ["2026-03-12T10:30:00Z", "2026-03-12T10:30:00.000Z"],
    ["2026-03-12T10:30:00.123456+09:00", "2026-03-12T01:30:00.123Z"],
    ["2026-03-12 10:30", "2026-03-12T10:30:00.000Z"],
    ["2026-03-12T10:30:00-0500", "2026-03-12T15:30:00.000Z"],
  ])("%s → %s", (value, iso) => {
    expect(parseIsoDate(value)).toBe(iso);
  });

  it.each(["2026-13-01", "2026-02-30", "1850-01-01", "2026-03-12T25:00", "yesterday", "12/03/2026"])(
    "refuses %s",
    (value) => {
      expect(parseIsoDate(value)).toBeNull();
    },
  );
});

describe("matchLeadingDate", () => {
  it("returns the day and the text after it", () => {
    expect(matchLeadingDate("date 2026-03-12 Fresh off a victory")).toEqual({
      iso: "2026-03-12T00:00:00.000Z",
      rest: "Fresh off a victory",
      updated: false,
    });
    expect(matchLeadingDate("2026年3月12日 東京で会談")).toMatchObject({
      iso: "2026-03-12T00:00:00.000Z",
      rest: "東京で会談",
    });
    expect(matchLeadingDate("Mar. 03, 2026 07:44 PM GMT+8 | Caixin")).toMatchObject({
      iso: "2026-03-03T00:00:00.000Z",
      rest: "Caixin",
    });
  });

  it("keeps the instant of an ISO date-time with offset and flags update lines", () => {
    expect(matchLeadingDate("Published: 2026-03-12T09:30:00+09:00")).toEqual({
      iso: "2026-03-12T00:30:00.000Z",
      rest: "",
      updated: false,
    });
    expect(matchLeadingDate("Updated: March 13, 2026")?.updated).toBe(true);
  });

  it("refuses dates followed by lower-case text or inside a longer number", () => {
    expect(matchLeadingDate("March 12, 2026, was a Thursday")).toBeNull();
    expect(matchLeadingDate("2026-03-123 units")).toBeNull();
    expect(matchLeadingDate("Chapter 12, 2026 Edition")).toBeNull();
  });
});

describe("parseDateText", () => {
  it("reads RFC 2822 and human dates as whole values only", () => {
    expect(parseDateText("Thu, 12 Mar 2026 10:00:00 GMT")).toBe("2026-03-12T10:00:00.000Z");
    expect(parseDateText("Thu, 12 Mar 2026 10:00:00 +0900")).toBe("2026-03-12T01:00:00.000Z");
    expect(parseDateText("March 12, 2026")).toBe("2026-03-12T00:00:00.000Z");
    expect(parseDateText("March 12, 2026 Something happened")).toBeNull();
    expect(parseDateText("")).toBeNull();
  });
});
