import { describe, expect, it } from "vitest";
import { findTimeExpressions } from "./index";
import { oneByteView } from "./one-byte";

const RULE_SOURCES = [String.raw`(?<![\p{L}\p{N}])(?:march|o['’]clock)(?![\p{L}\p{N}])`];

describe("oneByteView", () => {
  const view = oneByteView(RULE_SOURCES);

  it("replaces quotes and dashes no rule can match, keeping length and offsets", () => {
    const text = "“On March 3 — at 4 o'clock,” she said.";
    const seen = view(text);
    expect(seen).toHaveLength(text.length);
    expect(seen).toBe("\u0001On March 3 \u0001 at 4 o'clock,\u0001 she said.");
  });

  it("leaves text with a character a rule names, or a letter of another script, as it is", () => {
    expect(view("“At 4 o’clock”")).toBe("“At 4 o’clock”");
    expect(view("“Tōkyō”")).toBe("“Tōkyō”");
    expect(view("“ok” 🙂")).toBe("“ok” 🙂");
  });

  it("is the text itself for rules that could tell the replaced characters apart", () => {
    for (const source of ["[^a-z]+", "a.b", String.raw`\S+`, String.raw`\u201c`, String.raw`\p{P}`, "[‐-―]"])
      expect(oneByteView([source])("“March”")).toBe("“March”");
  });

  it("leaves the time expressions of a paragraph unchanged", () => {
    const text = "„Am 3. März“ – on March 3, 2026 — two weeks ago… and “last year”";
    const plain = text.replace(/[„“”–—…]/g, "|");
    const found = findTimeExpressions([{ n: 1, kind: "paragraph", text }], "2026-03-12");
    const expected = findTimeExpressions([{ n: 1, kind: "paragraph", text: plain }], "2026-03-12");
    expect(found.map((t) => [t.start, t.end, t.value])).toEqual(
      expected.map((t) => [t.start, t.end, t.value]),
    );
    expect(found.length).toBeGreaterThan(2);
  });
});
