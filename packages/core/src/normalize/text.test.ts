import { describe, expect, it } from "vitest";
import { normalize } from "./index";

const body =
  "The committee met on Tuesday to review the budget proposal, which would raise spending on schools and roads by a tenth over two years.";
const text = (value: string) => normalize({ kind: "text", text: value });

describe("datelines at the start of pasted text", () => {
  it.each([
    ["date: 2026-03-12", "2026-03-12T00:00:00.000Z"],
    ["Published: March 12, 2026", "2026-03-12T00:00:00.000Z"],
    ["Posted on Mar. 12, 2026 at 10:30 a.m. EST", "2026-03-12T00:00:00.000Z"],
    ["March 12, 2026", "2026-03-12T00:00:00.000Z"],
    ["12 March 2026", "2026-03-12T00:00:00.000Z"],
    ["Thursday, 12 March 2026", "2026-03-12T00:00:00.000Z"],
    ["2026-03-12", "2026-03-12T00:00:00.000Z"],
    ["2026年3月12日", "2026-03-12T00:00:00.000Z"],
    ["12.03.2026", "2026-03-12T00:00:00.000Z"],
    ["Published: 12.03.2026, 10:45", "2026-03-12T00:00:00.000Z"],
  ])("reads %j on its own line and drops the line", (dateline, iso) => {
    const article = text(`${dateline}\n\n${body}`);
    expect(article.publishedAt).toBe(iso);
    expect(article.paragraphs.map((p) => p.text)).toEqual([body]);
  });

  it("strips a dateline that starts the lead paragraph", () => {
    const article = text(`12 March 2026 — ${body}`);
    expect(article.publishedAt).toBe("2026-03-12T00:00:00.000Z");
    expect(article.paragraphs[0]!.text).toBe(body);
  });

  it("leaves a sentence that merely starts with a date alone", () => {
    const article = text(`March 12, 2026, was the day the committee met.\n\n${body}`);
    expect(article.publishedAt).toBeNull();
    expect(article.paragraphs[0]!.text).toBe("March 12, 2026, was the day the committee met.");
  });

  it("ignores dates deeper in the text and impossible dates", () => {
    expect(
      text(`${body}\n\n${body}\n\n${body}\n\n${body}\n\n${body}\n\n${body}\n\nMarch 12, 2026`).publishedAt,
    ).toBeNull();
    expect(text(`2026-02-30\n\n${body}`).publishedAt).toBeNull();
  });

  it("does not take an update date for the publication date", () => {
    expect(text(`Updated: March 14, 2026\n\n${body}`).publishedAt).toBeNull();
    const both = text(`Published: March 12, 2026\nUpdated: March 14, 2026\n\n${body}`);
    expect(both.publishedAt).toBe("2026-03-12T00:00:00.000Z");
    expect(both.paragraphs.map((p) => p.text)).toEqual([body]);
  });

  it("lets the caller's date win", () => {
    expect(
      normalize({ kind: "text", text: `2026-03-12\n\n${body}` }, { publishedAt: "2025-01-02" }).publishedAt,
    ).toBe("2025-01-02T00:00:00.000Z");
  });
});

describe("headline, byline and headings", () => {
  it("takes a markdown # line as the title and ## lines as headings", () => {
    const article = text(`# Budget Talks Stall\n\n## Schools First\n\n${body}`);
    expect(article).toMatchObject({ title: "Budget Talks Stall", titleSource: "explicit" });
    expect(article.paragraphs[0]).toEqual({ n: 1, kind: "heading", text: "Schools First" });
  });

  it("reads a byline with a date under the headline", () => {
    const article = text(
      `Budget Talks Stall in the Capital\nBy Jane Doe and John Roe | March 12, 2026\n\n${body}`,
    );
    expect(article).toMatchObject({
      title: "Budget Talks Stall in the Capital",
      byline: "Jane Doe and John Roe",
    });
    expect(article.publishedAt).toBe("2026-03-12T00:00:00.000Z");
    expect(article.paragraphs).toHaveLength(1);
  });

  it("does not take a first line that is a sentence as the headline", () => {
    const article = text(`The committee met.\n\n${body}`);
    expect(article.titleSource).toBe("derived");
    expect(article.paragraphs).toHaveLength(2);
  });

  it("does not mistake a body sentence starting with By for a byline", () => {
    const article = text(`By contrast, the Senate moved fast.\n\n${body}`);
    expect(article.byline).toBeNull();
    expect(article.paragraphs[0]!.text).toBe("By contrast, the Senate moved fast.");
  });

  it("needs title case, no sentence punctuation and a longer paragraph after a heading", () => {
    const article = text(
      [
        body,
        "Money for Roads and Bridges",
        body,
        "what the mayor wants",
        body,
        "Is This the End?",
        body,
        "Last Words",
      ].join("\n\n"),
    );
    const kinds = Object.fromEntries(article.paragraphs.map((p) => [p.text, p.kind]));
    expect(kinds["Money for Roads and Bridges"]).toBe("heading");
    expect(kinds["what the mayor wants"]).toBe("paragraph");
    expect(kinds["Is This the End?"]).toBe("paragraph");
    expect(kinds["Last Words"]).toBe("paragraph");
  });

  it("keeps a first line that differs from the caller’s title as a heading", () => {
    const article = normalize({ kind: "text", text: `Schools First\n\n${body}`, title: "Given" });
    expect(article.title).toBe("Given");
    expect(article.paragraphs[0]).toEqual({ n: 1, kind: "heading", text: "Schools First" });
  });
});

describe("promotional lines", () => {
  it.each([
    "Sign up for our newsletter",
    "Download the app for breaking news alerts",
    "Read more: Budget talks resume next week",
    "Related Articles",
    "ADVERTISEMENT",
    "Share this article",
    "Click here to get unlimited access",
    "Subscribe now and get 50% off your first year",
    "Try a free trial of our premium service",
    "Story continues below advertisement",
    "Skip to main content",
    "Copyright © 2026 The Associated Press. All rights reserved.",
    "© 2026 Nikkei Inc.",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "5 min read",
    "toggle caption",
  ])("drops %j", (line) => {
    const article = text(`Budget Talks Stall\n${line}\n${body}\n${line}\n${body}`);
    expect(article.paragraphs.map((p) => p.text)).toEqual([body, body]);
  });

  it("keeps article sentences that mention subscriptions or podcasts", () => {
    const sentence = "Netflix said subscriptions rose by nine million in the quarter, beating forecasts.";
    const podcast = "The podcast, which launched in 2019, now has two million listeners every week.";
    const article = text(`${body}\n\n${sentence}\n\n${podcast}`);
    expect(article.paragraphs.map((p) => p.text)).toEqual([body, sentence, podcast]);
  });

  it("turns an all-caps label into a heading only when content follows it", () => {
    const article = text(
      `${body}\n- KEY POINTS\n- First point of the story.\n- Second point.\n- SEE ALSO\n- WORLD`,
    );
    expect(article.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ["paragraph", body],
      ["heading", "KEY POINTS"],
      ["list-item", "First point of the story."],
      ["list-item", "Second point."],
    ]);
  });
});

describe("line structure", () => {
  it("joins hard-wrapped lines into paragraphs", () => {
    const wrapped = [
      "The committee met on Tuesday to review the budget proposal, which",
      "would raise spending on schools and roads by a tenth over two years,",
      "officials said.",
      "",
      "Opposition members said the plan was too expensive and would need",
      "new taxes that the government had promised not to introduce.",
      "",
      "A vote is expected next month.",
    ].join("\n");
    const article = text(wrapped);
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      "The committee met on Tuesday to review the budget proposal, which would raise spending on schools and roads by a tenth over two years, officials said.",
      "Opposition members said the plan was too expensive and would need new taxes that the government had promised not to introduce.",
      "A vote is expected next month.",
    ]);
  });

  it("collapses whitespace, drops invisible characters and handles CRLF", () => {
    const article = text(`First\u00a0 para\u200bgraph\twith   gaps.\r\n\r\nSecond  one.`);
    expect(article.paragraphs.map((p) => p.text)).toEqual(["First paragraph with gaps.", "Second one."]);
  });

  it("reads > lines as quotes and 1) lines as list items", () => {
    const article = text(`${body}\n> A quoted remark from the mayor.\n1) First item\n2) Second item`);
    expect(article.paragraphs.map((p) => p.kind)).toEqual(["paragraph", "quote", "list-item", "list-item"]);
    expect(article.paragraphs[2]!.text).toBe("First item");
  });
});

describe("language guess for text", () => {
  it.each([
    ["日本の首相は来週ワシントンを訪問し、大統領と会談する予定です。", "ja"],
    ["한국 대통령은 다음 주 일본을 방문할 예정이다.", "ko"],
    ["日本首相下周将访问华盛顿并与总统会谈。", "zh"],
    [
      "Le gouvernement a présenté mardi un projet de loi sur les retraites qui sera débattu au parlement dans les semaines à venir et que les syndicats contestent.",
      "fr",
    ],
  ])("%j → %s", (sample, language) => {
    expect(text(sample).language).toBe(language);
  });
});

describe("kickers", () => {
  it("drops an all-caps kicker above the headline", () => {
    const article = text(`ANALYSIS\nBudget Talks Stall in the Capital\n${body}`);
    expect(article).toMatchObject({ title: "Budget Talks Stall in the Capital", titleSource: "explicit" });
    expect(article.paragraphs.map((p) => p.text)).toEqual([body]);
  });
});

describe("markdown headings and bad input", () => {
  it("reads a bold line as a heading", () => {
    expect(text(`${body}\n\n**Schools First**\n\n${body}`).paragraphs[1]).toMatchObject({
      kind: "heading",
      text: "Schools First",
    });
  });

  it("refuses empty and binary pastes with readable messages", () => {
    expect(() => text(" \n\u200b\n ")).toThrow("empty document");
    expect(() => text("%PDF-1.7\n%\ufffd\ufffd\ufffd\n1 0 obj\n<< /Type /Catalog >>\u0000\u0000")).toThrow(
      "unsupported content (pdf)",
    );
    expect(() => text(`${body}\u0000${body}`)).toThrow("unsupported content (binary)");
  });

  it("normalizes 5 MB of varied pasted text in linear time", () => {
    const chunk = [
      body,
      "TOKYO (Reuters) - The central bank held rates on Tuesday.",
      "Photo: The governor in Tokyo. © Jiji",
      "- February 10, 2026: The minister resigned.",
      "1. A numbered point. [para. 1][paras. 2-3]",
      "Editor’s note: Updated with comment.",
      "",
    ].join("\n");
    const started = performance.now();
    const article = text(chunk.repeat(Math.ceil((5 * 1024 * 1024) / chunk.length)));
    expect(article.paragraphs.length).toBeGreaterThan(50_000);
    expect(article.digest?.timeline.length).toBeGreaterThan(10_000);
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe("header shapes of pasted pages", () => {
  it("reads a dateline with a tail and a byline under the headline", () => {
    const article = text(
      `Budget Talks Stall in the Capital\nBy Jane Doe\nMarch 12, 2026 5:02 AM GMT+9 Updated 3 hours ago\n\n${body}`,
    );
    expect(article).toMatchObject({ title: "Budget Talks Stall in the Capital", byline: "Jane Doe" });
    expect(article.publishedAt).toBe("2026-03-12T00:00:00.000Z");
    expect(article.paragraphs.map((p) => p.text)).toEqual([body]);
  });

  it("reads a date whose label stands on the line above", () => {
    const article = text(`Budget Talks Stall in the Capital\n\nPublished\n12 March 2026\n\n${body}`);
    expect(article.publishedAt).toBe("2026-03-12T00:00:00.000Z");
    expect(article.paragraphs.map((p) => p.text)).toEqual([body]);
    expect(
      text(`Budget Talks Stall in the Capital\n\nUpdated\n12 March 2026\n\n${body}`).publishedAt,
    ).toBeNull();
  });

  it("keeps a standfirst in the body and takes the dateline printed under it", () => {
    const standfirst = "The mayor's plan gives schools more money. Opponents say it is too late.";
    const article = text(
      `Budget Talks Stall in the Capital\n\n${standfirst}\n\nThu 12 Mar 2026 06.00 GMT\n\n${body}`,
    );
    expect(article.title).toBe("Budget Talks Stall in the Capital");
    expect(article.publishedAt).toBe("2026-03-12T00:00:00.000Z");
    expect(article.paragraphs.map((p) => p.text)).toEqual([standfirst, body]);
  });

  it("finds a Japanese headline and dateline", () => {
    const lead =
      "高市早苗首相は来週ワシントンを訪問し、トランプ大統領と首脳会談を行う予定だ。政府関係者が明らかにした。";
    const article = text(
      `高市首相、来週訪米へ\n2026年3月12日 10時30分\n\n${lead}\n\n写真：記者団の質問に答える高市首相`,
    );
    expect(article).toMatchObject({ title: "高市首相、来週訪米へ", publishedAt: "2026-03-12T00:00:00.000Z" });
    expect(article.paragraphs.map((p) => p.text)).toEqual([lead]);
    expect(article.captions).toEqual([{ text: "記者団の質問に答える高市首相", credit: null }]);
  });

  it("drops a closing list of related links but not a closing list under a heading", () => {
    const related = text(`${body}\n\n${body}\n\nRelated topics\nJapan\nUnited States\nTrade`);
    expect(related.paragraphs.map((p) => p.text)).toEqual([body, body]);
    const list = text(`${body}\n\nWhat Comes Next\n\n- Budget vote\n- Road plan`);
    expect(list.paragraphs.map((p) => p.text)).toEqual([body, "What Comes Next", "Budget vote", "Road plan"]);
  });

  it("makes a closing author biography a note", () => {
    const bio = "Jane Doe is a professor of politics at the University of Tokyo";
    expect(text(`${body}\n\n${body}\n\n${bio}`).paragraphs.at(-1)).toMatchObject({ kind: "note", text: bio });
  });
});
