import { describe, expect, it } from "vitest";
import { normalize } from "./index";
import { matchLocationDateline } from "./text-dateline";

const body =
  "The committee met on Tuesday to review the budget proposal, which would raise spending on schools and roads by a tenth over two years.";
const text = (value: string) => normalize({ kind: "text", text: value });

describe("matchLocationDateline", () => {
  it.each([
    ["TOKYO (Reuters) - Japan's exports rose.", "TOKYO", "Reuters"],
    ["NEW YORK, March 12 (AP) — Stocks fell.", "NEW YORK", "AP"],
    ["SEOUL, South Korea (AP) — Talks resumed.", "SEOUL, South Korea", "AP"],
    ["WASHINGTON — The Senate voted.", "WASHINGTON", null],
  ])("%j", (line, place, agency) => {
    expect(matchLocationDateline(line)).toMatchObject({ place, agency });
  });

  it.each(["US — and its allies", "Tokyo — a city of 14 million", "The TOKYO office - closed"])(
    "refuses %j",
    (line) => {
      expect(matchLocationDateline(line)).toBeNull();
    },
  );
});

describe("location datelines", () => {
  it("keeps a wire dateline in the lead paragraph", () => {
    const lead = `TOKYO (Reuters) - ${body}`;
    const article = text(`Budget Talks Stall in Tokyo\n\n${lead}\n\n${body}`);
    expect(article.title).toBe("Budget Talks Stall in Tokyo");
    expect(article.paragraphs[0]).toEqual({ n: 1, kind: "paragraph", text: lead });
  });

  it.each(["WASHINGTON —", "BEIJING, March 12 (Xinhua) --", "SEOUL, South Korea (AP) —", "Tokyo (Kyodo) -"])(
    "joins %j on a line of its own to the paragraph below",
    (dateline) => {
      const article = text(`${dateline}\n\n${body}\n\n${body}`);
      expect(article.paragraphs.map((p) => p.text)).toEqual([`${dateline} ${body}`, body]);
    },
  );

  it("does not take an all-caps line without a dash for a dateline", () => {
    const article = text(`${body}\n\nKEY POINTS\n\n${body}`);
    expect(article.paragraphs[1]).toMatchObject({ kind: "heading", text: "KEY POINTS" });
  });
});
