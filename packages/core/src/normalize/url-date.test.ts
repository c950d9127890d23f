import { describe, expect, it } from "vitest";
import { dateFromUrl, monthFromUrl, reconcileUrlDate } from "./url-date";

const day = (iso: string) => `${iso}T00:00:00.000Z`;

describe("dateFromUrl", () => {
  it.each([
    ["https://blog.example.org/2016/12/23/python-360/", "2016-12-23"],
    ["http://www.example.de/2012/05/11/parken-in-paris/", "2012-05-11"],
    ["https://www.example.com/Meldung/2022/20220124-foerderung.html", "2022-01-24"],
    ["https://news.example.com/story-2016-12-23-title", "2016-12-23"],
    ["https://example.org/media/meldungen/29-10-2021", "2021-10-29"],
    ["https://example.org/detail/~02-01-2022-land-zahlte", "2022-01-02"],
    ["https://example.org/2019_06_07_title", "2019-06-07"],
  ])("%s → %s", (url, iso) => {
    expect(dateFromUrl(url)).toBe(day(iso));
  });

  it.each([
    "https://example.org/2016/12/title",
    "https://example.org/article/201612234567",
    "https://example.org/2016/13/45/title",
    "https://20161223.example.org/title",
    "https://example.org/2016/12-23/title",
    "not a url",
    "",
  ])("finds no complete date in %s", (url) => {
    expect(dateFromUrl(url)).toBeNull();
  });

  it("ignores the web archive's crawl timestamp", () => {
    expect(
      dateFromUrl("https://web.archive.org/web/20110106023242/http://clan.example.de/index.php?id=111"),
    ).toBeNull();
    expect(
      dateFromUrl("https://web.archive.org/web/20130217080612/http://tv.example.de/2012/08/02/film/"),
    ).toBe(day("2012-08-02"));
  });
});

describe("monthFromUrl", () => {
  it("reads the year and month of a partial date", () => {
    expect(monthFromUrl("https://example.org/2018/07/minister-in-luxemburg/")).toBe("2018-07");
    expect(monthFromUrl("https://example.org/news/minister/")).toBeNull();
  });
});

describe("reconcileUrlDate", () => {
  const url = "https://example.com/2023/11/08/news/story/";
  it("keeps the page's date when it falls on the URL's day", () => {
    expect(reconcileUrlDate("2023-11-08T22:28:35.000-05:00", url)).toBe("2023-11-08T22:28:35.000-05:00");
  });

  it("lets the URL's day win over a different one, and fill a gap", () => {
    expect(reconcileUrlDate("2023-11-09T03:28:35.000Z", url)).toBe(day("2023-11-08"));
    expect(reconcileUrlDate(null, url)).toBe(day("2023-11-08"));
    expect(reconcileUrlDate("2023-11-09T03:28:35.000Z", "https://example.com/story")).toBe(
      "2023-11-09T03:28:35.000Z",
    );
  });
});

describe("dateFromUrl and slugs", () => {
  it("does not read a slug that starts with digits under a monthly archive as the day", () => {
    expect(dateFromUrl("https://example.wordpress.com/2012/10/02-innovation/")).toBeNull();
    expect(dateFromUrl("https://example.org/2016/12/23.html")).toBe("2016-12-23T00:00:00.000Z");
    expect(dateFromUrl("https://example.org/2016/12/23")).toBe("2016-12-23T00:00:00.000Z");
  });
});
