import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_NORMALIZE_LIMITS,
  NormalizeError,
  type NormalizeInput,
  type NormalizeOptions,
  normalize,
} from "./index";

const PARAGRAPH =
  "<p>The committee met on Tuesday to review the budget proposal for schools and roads across the region.</p>";
const newsPage = readFileSync(new URL("./__fixtures__/news-page.html", import.meta.url), "utf8");

function errorOf(input: NormalizeInput, options?: NormalizeOptions): NormalizeError {
  try {
    normalize(input, options);
  } catch (error) {
    if (error instanceof NormalizeError) return error;
    throw error;
  }
  throw new Error("expected a NormalizeError");
}

/** A clock that moves 1 ms each time it is read: the budget runs out after a known number of checks. */
function steppingClock() {
  let now = 0;
  const clock = () => {
    now += 1;
    return now;
  };
  return { clock, reads: () => now };
}

describe("element limit", () => {
  it("refuses a page with more elements than the limit, naming the limit", () => {
    const html = `<html><body><article>${PARAGRAPH.repeat(600)}</article></body></html>`;
    const error = errorOf({ kind: "html", html }, { limits: { maxElements: 500 } });
    expect(error.code).toBe("too-large");
    expect(error.message).toBe("page too complex: more than 500 elements (the limit)");
    // The same page under the default limit is an article.
    expect(normalize({ kind: "html", html }).paragraphs).toHaveLength(600);
  });

  it("refuses a megabyte of empty elements by default instead of building the tree", () => {
    const error = errorOf({ kind: "html", html: `<html><body>${"<br>".repeat(300_000)}</body></html>` });
    expect(error.message).toBe(
      `page too complex: more than ${DEFAULT_NORMALIZE_LIMITS.maxElements.toLocaleString("en-US")} elements (the limit)`,
    );
  });

  it("reads 100,000 nested <div>s without overflowing the stack (nesting is flattened, the text kept)", () => {
    const text = "Text of the article, long enough to be a paragraph of its own, said the minister. ";
    const html = `<html><body>${"<div>".repeat(100_000)}<p>${text.repeat(3)}</p>${"</div>".repeat(100_000)}</body></html>`;
    const article = normalize({ kind: "html", html });
    expect(article.paragraphs[0]!.text).toContain("said the minister");
  });

  it("refuses documents over a configured size with the size in the message", () => {
    const error = errorOf(
      { kind: "text", text: "word ".repeat(300_000) },
      { limits: { maxChars: 1024 * 1024 } },
    );
    expect(error).toMatchObject({ code: "too-large", message: "document too large (over 1 MB)" });
  });
});

describe("time budget", () => {
  it("ends a page that outlasts the budget with a timeout naming the limit", () => {
    const { clock } = steppingClock();
    const error = errorOf({ kind: "html", html: newsPage }, { limits: { timeBudgetMs: 3 }, clock });
    expect(error.code).toBe("timeout");
    expect(error.message).toBe(
      "normalizing took longer than 3 ms (the limit); the page is too complex to process",
    );
  });

  it("checks the clock inside the passes over the page, not only between them", () => {
    const html = `<html><body><article>${PARAGRAPH.repeat(20_000)}</article></body></html>`;
    const { clock, reads } = steppingClock();
    normalize({ kind: "html", html }, { limits: { timeBudgetMs: Number.POSITIVE_INFINITY }, clock });
    // 20,000 paragraphs are ~60,000 nodes per pass: a check every 256 visits reads the clock hundreds of times.
    expect(reads()).toBeGreaterThan(200);

    // So a budget smaller than that number of checks stops it part-way.
    const stopped = steppingClock();
    const error = errorOf({ kind: "html", html }, { limits: { timeBudgetMs: 100 }, clock: stopped.clock });
    expect(error.code).toBe("timeout");
    expect(stopped.reads()).toBeLessThanOrEqual(102);
  });

  it("bounds pasted text too", () => {
    const text = "A line of pasted text that goes on for a while.\n".repeat(50_000);
    const { clock } = steppingClock();
    expect(errorOf({ kind: "text", text }, { limits: { timeBudgetMs: 10 }, clock }).code).toBe("timeout");
  });

  it("gives the same article as before when the budget is not reached, and leaves no budget behind", () => {
    const unlimited = normalize({ kind: "html", html: newsPage });
    const { clock } = steppingClock();
    expect(
      normalize({ kind: "html", html: newsPage }, { limits: { timeBudgetMs: 1_000_000 }, clock }),
    ).toEqual(unlimited);
    errorOf({ kind: "html", html: newsPage }, { limits: { timeBudgetMs: 1 }, clock: steppingClock().clock });
    // A timed-out call must not leave its deadline active for the next one.
    expect(normalize({ kind: "html", html: newsPage })).toEqual(unlimited);
  });
});
