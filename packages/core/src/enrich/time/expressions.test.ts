import { describe, expect, it } from "vitest";
import { zTimeExpression } from "../../schemas/enrichment";
import { nipponParagraphs } from "./__fixtures__/seeds";
import { findTimeExpressions } from "./index";

const REF = "2026-03-12"; // a Thursday

const find = (text: string, reference: string | null = REF) =>
  findTimeExpressions([{ n: 1, kind: "paragraph", text }], reference);
/** [text, value] of each expression found. */
const values = (text: string, reference: string | null = REF) =>
  find(text, reference).map((t) => [t.text, t.value]);
const one = (text: string, reference: string | null = REF) => {
  const found = find(text, reference);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe("seed 000 (nippon.com, published 2026-03-12)", () => {
  const times = findTimeExpressions(nipponParagraphs(), REF);
  const byText = (text: string) => times.filter((t) => t.text === text);

  it("matches the TimeExpression contract, with spans that point at the text", () => {
    const paragraphs = new Map(nipponParagraphs().map((p) => [p.n, p.text]));
    for (const t of times) {
      expect(() => zTimeExpression.parse(t)).not.toThrow();
      expect(paragraphs.get(t.paragraph)!.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it("resolves named days and months against the publication date", () => {
    expect(byText("March 19").map((t) => [t.value, t.precision])).toEqual([
      ["2026-03-19", "day"],
      ["2026-03-19", "day"],
      ["2026-03-19", "day"],
    ]);
    expect(byText("November").map((t) => t.value)).toEqual(["2026-11", "2026-11", "2026-11"]);
    // "Fresh off of a resounding victory in the February general election, … will visit": the future verb
    // belongs to the main clause, and a February just over stays this year's.
    expect(byText("February").map((t) => t.value)).toEqual(["2026-02", "2026-02", "2026-02"]);
    expect(byText("this past January")[0]).toMatchObject({ value: "2026-01", precision: "month" });
    expect(byText("last January")[0]).toMatchObject({ value: "2026-01", precision: "month" });
    expect(byText("this March")[0]).toMatchObject({ value: "2026-03", precision: "month" });
    expect(byText("February 2026")[0]).toMatchObject({ value: "2026-02", precision: "month" });
    expect(byText("late February")[0]).toMatchObject({ value: "2026-02", precision: "month" });
    expect(byText("October 28, 2025")[0]).toMatchObject({ value: "2025-10-28", precision: "day" });
    expect(byText("2022")[0]).toMatchObject({ value: "2022", precision: "year" });
    expect(byText("last year")[0]).toMatchObject({ value: "2025", precision: "year" });
  });

  it("keeps durations apart from dates", () => {
    expect(byText("the next few months")[0]).toMatchObject({
      type: "duration",
      value: "PXM",
      precision: "month",
    });
  });
});

describe("dates", () => {
  it("reads years, decades, seasons and centuries", () => {
    expect(one("The law was enacted in 2022.")).toMatchObject({
      text: "2022",
      value: "2022",
      precision: "year",
    });
    expect(one("Prices soared in the 1990s.")).toMatchObject({
      text: "the 1990s",
      value: "199X",
      precision: "decade",
    });
    expect(one("They will meet this summer.")).toMatchObject({ value: "2026-SU", precision: "season" });
    expect(one("It began in the 20th century.")).toMatchObject({ value: "19", precision: "century" });
  });

  it("reads days, months and quarters with and without a year", () => {
    expect(values("On Oct. 28, 2025 and on 19 March 2026.")).toEqual([
      ["Oct. 28, 2025", "2025-10-28"],
      ["19 March 2026", "2026-03-19"],
    ]);
    expect(one("The talks end in December.")).toMatchObject({ text: "December", value: "2025-12" });
    expect(one("The talks will end in December.")).toMatchObject({ value: "2026-12" });
    expect(one("Profit rose in the third quarter.")).toMatchObject({
      text: "the third quarter",
      value: "2025-Q3",
    });
    expect(one("Profit will rise in the third quarter.")).toMatchObject({ value: "2026-Q3" });
    expect(one("Sales for Q4 2025 fell.")).toMatchObject({ value: "2025-Q4", precision: "quarter" });
  });

  it("reads numeric and ISO dates", () => {
    expect(values("Filed 2026-03-19, due 3/20/2026 and 21.03.2026.")).toEqual([
      ["2026-03-19", "2026-03-19"],
      ["3/20/2026", "2026-03-20"],
      ["21.03.2026", "2026-03-21"],
    ]);
  });

  it("reads German, French and Spanish dates", () => {
    expect(one("Die Wahl fand am 12. März 2026 statt.").value).toBe("2026-03-12");
    expect(one("Le sommet du 12 mars 2026 a échoué.").value).toBe("2026-03-12");
    expect(one("La cumbre del 3 de marzo de 2026.").value).toBe("2026-03-03");
    expect(one("Im Februar 2026 stieg der Umsatz.").value).toBe("2026-02");
  });

  it("resolves words relative to the reference date", () => {
    expect(values("Yesterday, today and tomorrow.")).toEqual([
      ["Yesterday", "2026-03-11"],
      ["today", "2026-03-12"],
      ["tomorrow", "2026-03-13"],
    ]);
    expect(one("It opens next year.")).toMatchObject({ value: "2027", precision: "year" });
    expect(one("It opened two years ago.")).toMatchObject({ text: "two years ago", value: "2024" });
    expect(one("It opened three months ago.")).toMatchObject({ value: "2025-12", precision: "month" });
    expect(one("Shares fell last week.")).toMatchObject({ value: "2026-W10", precision: "week" });
    expect(values("He is now in charge and currently abroad.")).toEqual([
      ["now", "PRESENT_REF"],
      ["currently", "PRESENT_REF"],
    ]);
    expect(one("Rates rose recently.")).toMatchObject({ value: "PAST_REF", precision: null });
  });

  it("puts a weekday where the tense points, else in the reference week", () => {
    expect(one("The minister resigned on Tuesday.").value).toBe("2026-03-10");
    expect(one("The minister will resign on Tuesday.").value).toBe("2026-03-17");
    expect(one("Talks on Monday.").value).toBe("2026-03-09");
    expect(one("Talks on Sunday.").value).toBe("2026-03-15");
    expect(one("Officials met last Friday.").value).toBe("2026-03-06");
  });

  it("resolves holidays and dates anchored on the text's last date", () => {
    expect(one("Markets will close for Christmas.").value).toBe("2026-12-25");
    expect(one("The vote is on Election Day 2026.").value).toBe("2026-11-03");
    expect(values("The deal was signed on June 3, 2024. The next day, shares rose.")).toEqual([
      ["June 3, 2024", "2024-06-03"],
      ["The next day", "2024-06-04"],
    ]);
  });

  it("accepts an ISO date-time as the reference date", () => {
    expect(one("It happened yesterday.", "2026-03-12T23:30:00+09:00").value).toBe("2026-03-11");
  });
});

describe("times, durations and sets", () => {
  it("reads clock times on the reference date or the day named", () => {
    expect(one("The vote opens at 9 a.m. today.")).toMatchObject({
      type: "time",
      value: "2026-03-12T09:00",
      precision: "time",
    });
    expect(one("The blast came at 10:35 p.m. Sunday.")).toMatchObject({ value: "2026-03-08T22:35" });
    expect(one("Polls close at 8 p.m. Sunday.")).toMatchObject({ value: "2026-03-15T20:00" });
    expect(one("They met at noon.")).toMatchObject({ type: "time", value: "2026-03-12T12:00" });
  });

  it("reads durations with TimeML values", () => {
    expect(values("He served three years, then 24 hours, then two and a half years.")).toEqual([
      ["three years", "P3Y"],
      ["24 hours", "PT24H"],
      ["two and a half years", "P2Y6M"],
    ]);
    expect(one("Results are due within the next few months.")).toMatchObject({
      type: "duration",
      value: "PXM",
    });
    expect(one("Prices fell over the past week.")).toMatchObject({
      text: "the past week",
      type: "duration",
      value: "P1W",
      precision: "week",
    });
    expect(one("a two-year deal")).toMatchObject({ text: "two-year", value: "P2Y" });
  });

  it("reads sets", () => {
    expect(values("We meet every week, report annually and post daily.")).toEqual([
      ["every week", "P1W"],
      ["annually", "P1Y"],
      ["daily", "P1D"],
    ]);
    expect(one("The market opens every Monday.")).toMatchObject({ type: "set", value: "XXXX-WXX-1" });
    expect(one("It costs $5 million a year.")).toMatchObject({ type: "set", value: "P1Y" });
  });
});

describe("what is not a time expression", () => {
  it("leaves names, counts, amounts and ages alone", () => {
    for (const text of [
      "Theresa May said the plan may work.",
      "The Women's March drew crowds.",
      "About 2000 people marched and paid $1990 each.",
      "A 6-year-old boy, 52 years old father.",
      "More than a quarter of voters agreed.",
      "She watched 60 Minutes.",
      "Sign up for our quarterly newsletter.",
    ]) {
      expect(find(text), text).toEqual([]);
    }
  });

  it("keeps sentence periods out of spans but abbreviation periods in", () => {
    expect(one("It ends in December.").text).toBe("December");
    expect(one("It ended Dec. 5 in Paris.").text).toBe("Dec. 5");
  });
});

describe("without a reference date", () => {
  it("resolves absolute dates and leaves the year of named days unknown", () => {
    expect(values("On February 10, 2026 and in September 2025; then on March 19 and Tuesday.", null)).toEqual(
      [
        ["February 10, 2026", "2026-02-10"],
        ["September 2025", "2025-09"],
        ["March 19", "XXXX-03-19"],
        ["Tuesday", "XXXX-WXX-2"],
      ],
    );
  });

  it("leaves out what only a reference date can place", () => {
    expect(find("Yesterday, last year and two weeks ago.", null)).toEqual([]);
    expect(one("It lasted three years.", null)).toMatchObject({ value: "P3Y" });
  });
});

describe("edge cases", () => {
  it("returns nothing for no paragraphs or no dates", () => {
    expect(findTimeExpressions([], REF)).toEqual([]);
    expect(find("No dates here at all.")).toEqual([]);
  });

  it("takes a bad reference date as none", () => {
    expect(one("On March 19.", "soon").value).toBe("XXXX-03-19");
  });

  it("stays fast on a long run of dates and on text without any", () => {
    const many = "On March 19, 2026 Trump met Takaichi; last Tuesday they spoke. ".repeat(5_000);
    const started = performance.now();
    expect(find(many)).toHaveLength(10_000);
    expect(find(" 1 - ".repeat(100_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
