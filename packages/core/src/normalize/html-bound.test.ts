import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { boundNesting } from "./html-bound";
import { textOf } from "./html-dom";

function depth(html: string): number {
  let max = 0;
  const stack: { node: import("domhandler").AnyNode; depth: number }[] = [
    { node: parseDocument(html), depth: 0 },
  ];
  while (stack.length > 0) {
    const { node, depth: d } = stack.pop()!;
    max = Math.max(max, d);
    if ("children" in node) for (const child of node.children) stack.push({ node: child, depth: d + 1 });
  }
  return max;
}

describe("boundNesting", () => {
  it("returns documents within the limit unchanged", () => {
    const html = "<div><p>a</p><ul><li>b<li>c</ul><br/><img src=x></div>";
    expect(boundNesting(html, 4)).toBe(html);
  });

  it("removes tags opened beyond the limit but keeps their text", () => {
    const bounded = boundNesting("<div><div><div><p>a</p><p>b</div>c</div></div>", 2);
    expect(bounded).toBe("<div><div>abc</div></div>");
  });

  it("bounds the tree htmlparser2 builds from 100,000 nested or unclosed elements", () => {
    for (const html of [
      "<div>".repeat(100_000),
      "<div/>".repeat(100_000),
      `${"<span>".repeat(100_000)}x${"</span>".repeat(100_000)}`,
    ]) {
      const bounded = boundNesting(html, 64);
      expect(depth(bounded)).toBeLessThanOrEqual(65);
    }
  });

  it("bounds deep nesting however the tags are written (case, quoted '>', comments, scripts before it)", () => {
    for (const html of [
      "<DIV>".repeat(5_000),
      '<div title="a>b">'.repeat(5_000),
      `<!-->${"<div>".repeat(5_000)}`,
      `<script>"</scripts>"</script>${"<section class=x>".repeat(5_000)}`,
      `<textarea><div></textarea>${"<span>".repeat(5_000)}`,
    ]) {
      expect(depth(boundNesting(html, 64))).toBeLessThanOrEqual(65);
    }
  });

  it("leaves markup inside scripts and comments alone", () => {
    const html = `<script>${"<div>".repeat(1_000)}</script><!-- ${"<div>".repeat(1_000)} --><p>text</p>`;
    expect(boundNesting(html, 64)).toBe(html);
  });

  it("does not treat unclosed paragraphs and list items as nesting", () => {
    const html = `${"<p>para ".repeat(1000)}<ul>${"<li>item ".repeat(1000)}</ul>`;
    expect(boundNesting(html, 8)).toBe(html);
  });

  it("never turns raw text into markup", () => {
    const bounded = boundNesting(`${"<div>".repeat(10)}<script>"<p>not text</p>"</script>`, 4);
    const document = parseDocument(bounded);
    expect(textOf(document)).not.toContain("not text");
  });
});
