import { describe, expect, it } from "vitest";
import { zDigest } from "../schemas/digest";
import { extractDigest } from "./digest";
import { normalize } from "./index";
import { parseCitations, parseDateLabel, stripCitations } from "./text-digest-lines";

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

describe("citations", () => {
  it.each<[string, number[]]>([
    ["Exports fell. [para. 1][para. 2]", [1, 2]],
    ["Exports fell [para 3].", [3]],
    ["Exports fell. [¶4]", [4]],
    ["Exports fell. [paras. 4-6]", [4, 5, 6]],
    ["Exports fell. [paras. 4–6] [para. 9]", [4, 5, 6, 9]],
    ["Exports fell (para. 5).", [5]],
    ["Exports fell. [paragraphs 2, 7 and 9]", [2, 7, 9]],
    ["Exports fell. [¶¶ 3–4]", [3, 4]],
    ["Exports fell. [para. 2][para. 2]", [2]],
    ["Exports fell in 2025 (a record) [sic].", []],
  ])("%j → %j", (text, cited) => {
    expect(parseCitations(text)).toEqual(cited);
  });

  it("does not expand an absurd range", () => {
    expect(parseCitations("[paras. 3-90000]")).toEqual([3]);
  });

  it("strips the markers and the space before them", () => {
    expect(stripCitations("Exports fell. [para. 1][para. 2]")).toBe("Exports fell.");
    expect(stripCitations("Exports fell (para. 5), officials said.")).toBe("Exports fell, officials said.");
  });
});

describe("date labels", () => {
  it.each([
    ["February 10, 2026", "2026-02-10"],
    ["Feb. 10, 2026", "2026-02-10"],
    ["10 February 2026", "2026-02-10"],
    ["2026-02-10", "2026-02-10"],
    ["September 2025", "2025-09"],
    ["Sept. 2025", "2025-09"],
    ["2025-09", "2025-09"],
    ["2025年9月", "2025-09"],
    ["2026年2月10日", "2026-02-10"],
    ["2025", "2025"],
    ["Q3 2025", "2025"],
    ["Early 2026", "2026"],
  ])("%j → %s", (label, date) => {
    expect(parseDateLabel(label)).toEqual({ label, date });
  });

  it.each(["Yesterday", "February 30, 2026", "Chapter 2025", "2025-13", "The year 2025 was hard"])(
    "refuses %j",
    (label) => {
      expect(parseDateLabel(label)).toBeNull();
    },
  );
});

describe("extractDigest", () => {
  it("reads a labelled digest with summary, cited points, entities and a timeline", () => {
    const digest = extractDigest(
      lines(`
        KEY TAKEAWAYS
        - The central bank raised rates for the first time in a decade.
        - Markets had expected the move.
        1. The Bank of Japan ended negative rates, citing wage growth. [paras. 1-3]
        2. Analysts expect one more hike this year (para. 7).
        - Bank of Japan
        - The Bank of Japan is the country's central bank and sets monetary policy.
        - Kazuo Ueda
        - Ueda has led the central bank since April 2023 and favours gradual change.
        - March 2024:
        - The bank ends its negative interest rate policy.
        - July 31, 2024: The bank raises its policy rate to 0.25%.
      `),
    );
    expect(() => zDigest.parse(digest)).not.toThrow();
    expect(digest).toEqual({
      summary: [
        "The central bank raised rates for the first time in a decade.",
        "Markets had expected the move.",
      ],
      keyPoints: [
        { n: 1, text: "The Bank of Japan ended negative rates, citing wage growth.", citations: [1, 2, 3] },
        { n: 2, text: "Analysts expect one more hike this year.", citations: [7] },
      ],
      entities: [
        {
          name: "Bank of Japan",
          description: "The Bank of Japan is the country's central bank and sets monetary policy.",
        },
        {
          name: "Kazuo Ueda",
          description: "Ueda has led the central bank since April 2023 and favours gradual change.",
        },
      ],
      timeline: [
        { label: "March 2024", date: "2024-03", text: "The bank ends its negative interest rate policy." },
        { label: "July 31, 2024", date: "2024-07-31", text: "The bank raises its policy rate to 0.25%." },
      ],
    });
  });

  it("finds cited key points without a label, numbered or bulleted", () => {
    const digest = extractDigest(
      lines(`
        The minister spoke for an hour.
        - Tariffs will fall next year. [¶4]
        - Exporters welcomed the plan. [paras. 5–6]
      `),
    );
    expect(digest?.keyPoints).toEqual([
      { n: 1, text: "Tariffs will fall next year.", citations: [4] },
      { n: 2, text: "Exporters welcomed the plan.", citations: [5, 6] },
    ]);
    expect(digest?.summary).toEqual([]);
  });

  it("reads an unlabelled dated list as a timeline", () => {
    const digest = extractDigest(
      lines(`
        How the dispute unfolded.
        February 4, 2026: The two leaders held a call.
        February 9, 2026: Tokyo announced the visit.
      `),
    );
    expect(digest?.timeline.map((entry) => entry.date)).toEqual(["2026-02-04", "2026-02-09"]);
  });

  it("returns null for ordinary article structure", () => {
    expect(extractDigest(lines("The minister spoke.\n1. First, taxes.\n2. Second, roads."))).toBeNull();
    expect(
      extractDigest(lines("- SoftBank\n- SoftBank shares rose 3% on Tuesday after the results.")),
    ).toBeNull();
    expect(extractDigest(lines("March 12, 2026\nThe committee met on Tuesday."))).toBeNull();
    expect(extractDigest([])).toBeNull();
  });

  it("stops treating numbered lines as key points once the article's own paragraphs resume", () => {
    const paragraph =
      "The committee met on Tuesday to review the budget proposal, which would raise spending on schools and roads by a tenth over two years, and members of the opposition said they would vote against it in its present form next month.";
    const digest = extractDigest(lines(`Summary\n- Budget talks stall.\n${paragraph}\n1. Schools\n2. Roads`));
    expect(digest).toEqual({ summary: ["Budget talks stall."], keyPoints: [], entities: [], timeline: [] });
  });

  it("is attached to the article by normalize, paragraphs untouched", () => {
    const article = normalize({
      kind: "text",
      text: "Rates Rise in Tokyo\nThe Bank of Japan raised rates on Tuesday for the first time in 17 years.\n- DIGEST\n- Rates rose.\n1. The bank acted. [para. 1]",
    });
    expect(article.digest).toEqual({
      summary: ["Rates rose."],
      keyPoints: [{ n: 1, text: "The bank acted.", citations: [1] }],
      entities: [],
      timeline: [],
    });
    expect(article.paragraphs.at(-1)).toMatchObject({ kind: "list-item", text: "The bank acted. [para. 1]" });
  });
});
