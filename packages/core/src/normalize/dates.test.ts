import { describe, expect, it } from "vitest";
import { findDates, matchLeadingDate, parseDateText, parseIsoDate } from "./dates";

const day = (iso: string) => `${iso}T00:00:00.000Z`;

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

  it("keeps the publisher's offset when asked, so the day stays the one it printed", () => {
    expect(parseIsoDate("2023-11-08T22:28:35-05:00", true)).toBe("2023-11-08T22:28:35.000-05:00");
    expect(parseIsoDate("2023-11-08T22:28:35Z", true)).toBe("2023-11-08T22:28:35.000Z");
    expect(parseIsoDate("2023-11-08", true)).toBe("2023-11-08T00:00:00.000Z");
  });

  it.each(["2026-13-01", "2026-02-30", "1850-01-01", "2026-03-12T25:00", "yesterday", "12/03/2026"])(
    "refuses %s",
    (value) => {
      expect(parseIsoDate(value)).toBeNull();
    },
  );
});

describe("findDates", () => {
  it.each([
    ["Published March 12, 2026 by the desk", "2026-03-12"],
    ["Friday, December 23, 2016", "2016-12-23"],
    ["12 March 2026", "2026-03-12"],
    ["12th of March, 2026", "2026-03-12"],
    ["Veröffentlicht am 23. März 2021", "2021-03-23"],
    ["Artikel vom 21. Jan. 2015, 19:04", "2015-01-21"],
    ["Samstag 22.12.2012", "2012-12-22"],
    ["Donnerstag, 15.2.2018, 19:51", "2018-02-15"],
    ["Publié le 29 juin 2019", "2019-06-29"],
    ["1er mai 2020", "2020-05-01"],
    ["23 de marzo de 2021", "2021-03-23"],
    ["23 de março de 2021", "2021-03-23"],
    ["pubblicato il 23 marzo 2021", "2021-03-23"],
    ["gepubliceerd op 23 maart 2021", "2021-03-23"],
    ["23 марта 2021 г.", "2021-03-23"],
    ["2021年03月23日 10:00", "2021-03-23"],
    ["입력 2023.11.02. 오후 8:06", "2023-11-02"],
    ["2023년 11월 2일", "2023-11-02"],
    ["2016/12/23 06:31:41", "2016-12-23"],
    ["26/10/2018", "2018-10-26"],
  ])("%j → %s", (text, iso) => {
    expect(findDates(text).map((date) => date.iso)).toEqual([day(iso)]);
  });

  it("orders numeric dates by the page's convention, unless the numbers decide", () => {
    expect(findDates("03/04/2021", { dayFirst: true })[0]?.iso).toBe(day("2021-04-03"));
    expect(findDates("03/04/2021", { dayFirst: false })[0]?.iso).toBe(day("2021-03-04"));
    expect(findDates("03/04/2021")).toEqual([]);
    expect(findDates("04/25/2021")[0]?.iso).toBe(day("2021-04-25"));
  });

  it("reads two-digit years only where the context allows them", () => {
    expect(findDates("28.01.22")).toEqual([]);
    expect(findDates("28.01.22", { shortYears: true })[0]?.iso).toBe(day("2022-01-28"));
  });

  it("ignores version numbers, prices and impossible days", () => {
    expect(findDates("version 1.2.2021.4")).toEqual([]);
    expect(findDates("31.02.2021 and 2021-13-01")).toEqual([]);
    expect(findDates("order 12345 in 2021")).toEqual([]);
  });

  it("finds every date in order with its position", () => {
    const text = "Posted 2 March 2026, updated 2026-03-05.";
    expect(findDates(text)).toEqual([
      { iso: day("2026-03-02"), index: 7, end: 19 },
      { iso: day("2026-03-05"), index: 29, end: 39 },
    ]);
  });
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
    expect(matchLeadingDate("23. März 2021 | Berlin")).toMatchObject({
      iso: day("2021-03-23"),
      rest: "Berlin",
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
  it("reads RFC 2822, keeping the offset", () => {
    expect(parseDateText("Thu, 12 Mar 2026 10:00:00 GMT")).toBe("2026-03-12T10:00:00.000Z");
    expect(parseDateText("Thu, 12 Mar 2026 10:00:00 +0900")).toBe("2026-03-12T10:00:00.000+09:00");
  });

  it("reads a written date with a weekday and a clock time as a whole value", () => {
    expect(parseDateText("March 12, 2026")).toBe(day("2026-03-12"));
    expect(parseDateText("Samstag, 22.12.2012 18:00 Uhr")).toBe(day("2012-12-22"));
    expect(parseDateText("11.11.2021 18:00")).toBe(day("2021-11-11"));
    expect(parseDateText("24. Januar 2022")).toBe(day("2022-01-24"));
    expect(parseDateText("2022-02-04 15:33")).toBe("2022-02-04T15:33:00.000Z");
  });

  it("refuses sentences, several dates and ambiguous machine dates", () => {
    expect(parseDateText("March 12, 2026 Something happened in the city council")).toBeNull();
    expect(parseDateText("from 12.03.2026 to 14.03.2026")).toBeNull();
    expect(parseDateText("11/01/2023 12:43:42")).toBeNull();
    expect(parseDateText("")).toBeNull();
  });
});
