import { describe, expect, it } from "vitest";
import { findTimeExpressions } from "./index";
import { oneByteScanner } from "./one-byte";

const RULES = [/(?<![\p{L}\p{N}])(?:(?<month>march)|o['’]clock|(?<year>['’]\d\d))(?![\p{L}\p{N}])/giu];

describe("oneByteScanner", () => {
  const scanner = oneByteScanner(RULES);

  it("gives a one-byte view of the same length: inert quotes and dashes as U+0001, a named ’ as a stand-in", () => {
    const text = "“On March 3 — at 4 o’clock,” she said.";
    const scan = scanner(text)!;
    expect(scan.text).toBe("\u0001On March 3 \u0001 at 4 o\u0002clock,\u0001 she said.");
    expect(scan.regexps[0]!.source).toContain("['\u0002]");
  });

  it("matches the view where the rule matches the text, with the same captures once restored", () => {
    const text = "“In March ’98 — at 4 o’clock”";
    const scan = scanner(text)!;
    const onText = [...text.matchAll(RULES[0]!)].map((m) => [m.index, m[0], m.groups?.year]);
    const onView = [...scan.text.matchAll(scan.regexps[0]!)].map((m) => [
      m.index,
      text.slice(m.index, m.index + m[0].length),
      m.groups?.year && scan.restore(m.groups.year),
    ]);
    expect(onView).toEqual(onText);
    expect(onText).toHaveLength(3);
  });

  it("scans text with other wide characters, or with a stand-in already in it, as it is", () => {
    expect(scanner("plain Latin-1 text, café")).toBeNull();
    expect(scanner("“Tōkyō”")).toBeNull();
    expect(scanner("“ok” 🙂")).toBeNull();
    expect(scanner("“a\u0002b”")).toBeNull();
  });

  it("is off for rules that could tell the replaced characters apart", () => {
    for (const source of ["[^a-z]+", "a.b", String.raw`\S+`, String.raw`\u201c`, String.raw`\p{P}`, "[‐-―]"])
      expect(oneByteScanner([new RegExp(source, "gu")])("“March”")).toBeNull();
  });

  it("leaves the time expressions of a paragraph unchanged", () => {
    const text = "„Am 3. März“ – on March 3, 2026 — two weeks ago… in the ’90s and “last year”";
    // The same characters where it matters, and a letter of another script at the end: scanned as it is.
    const plain = `${text.replace(/[„“”–—…]/g, "|")} ō`;
    const found = findTimeExpressions([{ n: 1, kind: "paragraph", text }], "2026-03-12");
    const expected = findTimeExpressions([{ n: 1, kind: "paragraph", text: plain }], "2026-03-12");
    expect(found.map((t) => [t.start, t.end, t.text, t.value])).toEqual(
      expected.map((t) => [t.start, t.end, text.slice(t.start, t.end), t.value]),
    );
    expect(found.length).toBeGreaterThan(3);
  });
});
