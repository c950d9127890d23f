// The components live in @parallax/ui; they are rendered here, where react-dom is a dependency.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { bucketLabel, MentionsChart, niceMaximum } from "@parallax/ui";

const points = [
  { start: "2026-03-01", mentions: 4, articles: 1 },
  { start: "2026-03-02", mentions: 0, articles: 0 },
  { start: "2026-03-03", mentions: 7, articles: 2 },
];

describe("MentionsChart", () => {
  it("draws one bar per bucket with mentions, described by its title and desc", () => {
    const html = renderToStaticMarkup(<MentionsChart name="Shigeru Ishiba" bucket="day" points={points} />);
    expect(html.match(/<rect /g)).toHaveLength(2);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)-title"/);
    expect(html).toContain("<title");
    expect(html).toContain("Mentions of Shigeru Ishiba per day</title>");
    expect(html).toMatch(
      /<desc[^>]*>11 mentions of Shigeru Ishiba per day from 1 Mar 2026 to 3 Mar 2026; the most, 7, on 3 Mar 2026\.<\/desc>/,
    );
    expect(html).toContain("<title>3 Mar 2026: 7 mentions in 2 articles</title>");
    // The axis: gridlines at 0, 5 and 10 and the first, middle and last dates.
    for (const tick of [">0<", ">5<", ">10<"]) expect(html).toContain(tick);
    for (const day of ["1 Mar 2026", "2 Mar 2026", "3 Mar 2026"]) expect(html).toContain(`>${day}</text>`);
  });

  it("gives the numbers as a table, leaving out empty buckets", () => {
    const html = renderToStaticMarkup(<MentionsChart name="X" bucket="week" points={points} />);
    expect(html).toContain("<details");
    expect(html).toContain('<th scope="col">Week</th>');
    expect(html.match(/<th scope="row">/g)).toHaveLength(2);
    expect(html).toContain('<time dateTime="2026-03-03">week of 3 Mar 2026</time>');
    expect(html).not.toContain("2026-03-02");
  });

  it("escapes a hostile name and says so plainly when there is nothing to draw", () => {
    const html = renderToStaticMarkup(
      <MentionsChart name={'<script>alert("x")</script>'} bucket="day" points={points} />,
    );
    expect(html).not.toContain("<script>");
    expect(renderToStaticMarkup(<MentionsChart name="X" bucket="day" points={[]} />)).toContain(
      "No dated mentions yet.",
    );
  });

  it("draws a single bucket", () => {
    const html = renderToStaticMarkup(
      <MentionsChart name="X" bucket="month" points={[{ start: "2026-03-01", mentions: 1, articles: 1 }]} />,
    );
    expect(html.match(/<rect /g)).toHaveLength(1);
    expect(html).toContain(">Mar 2026</text>");
  });
});

describe("chart scales and labels", () => {
  it("rounds the axis up to 1, 2 or 5 times a power of ten", () => {
    expect([0, 1, 2, 3, 7, 11, 40, 51, 999].map(niceMaximum)).toEqual([1, 1, 2, 5, 10, 20, 50, 100, 1000]);
  });

  it("labels days, weeks and months, and leaves an unreadable date as it is", () => {
    expect(bucketLabel("day", "2026-03-09")).toBe("9 Mar 2026");
    expect(bucketLabel("week", "2026-03-09")).toBe("week of 9 Mar 2026");
    expect(bucketLabel("month", "2026-03-01")).toBe("Mar 2026");
    expect(bucketLabel("day", "not a date")).toBe("not a date");
  });
});

describe("MentionsChart with one bucket", () => {
  it("says all mentions fall in it, with a bar of bounded width", () => {
    const html = renderToStaticMarkup(
      <MentionsChart
        name="Kim"
        bucket="day"
        points={[{ start: "2026-11-21", mentions: 120, articles: 10 }]}
      />,
    );
    expect(html).toContain("120 mentions of Kim, all on 21 Nov 2026.</desc>");
    expect(Number(/<rect[^>]*width="([\d.]+)"/.exec(html)![1])).toBeLessThanOrEqual(48);
  });
});
