import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkUpload, markdownToText, uploadToIngest } from "./index";

const bytes = (text: string) => new TextEncoder().encode(text);
const seed = readFileSync(new URL("../../../../../shared/seeds/000_692c35d782a7bbcb.txt", import.meta.url));

describe("checkUpload", () => {
  it("names the file and the problem", () => {
    expect(checkUpload("notes.pdf", 10)).toEqual({
      ok: false,
      error: expect.stringMatching(/“notes\.pdf” is not an \.html/),
    });
    expect(checkUpload("empty.txt", 0)).toEqual({ ok: false, error: "“empty.txt” is empty." });
    expect(checkUpload("big.html", 6 * 1024 * 1024)).toEqual({
      ok: false,
      error: "“big.html” is 6.0 MB; files larger than 5.0 MB cannot be uploaded.",
    });
    expect(checkUpload("Story.MD", 5)).toEqual({ ok: true, kind: "markdown" });
    expect(checkUpload(`${"a".repeat(300)}.txt`, 5).ok).toBe(false);
  });
});

describe("uploadToIngest", () => {
  it("submits a text file as text", () => {
    const result = uploadToIngest("000.txt", seed);
    expect(result.ok && result.kind).toBe("text");
    expect(result.ok && "text" in result.request && result.request.text.startsWith(" date 2026-03-12")).toBe(
      true,
    );
  });

  it("refuses binary content whatever the name says", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(uploadToIngest("photo.html", png)).toEqual({
      ok: false,
      error: "“photo.html” is not text or HTML: its content is a PNG file.",
    });
    expect(uploadToIngest("junk.txt", Uint8Array.from([1, 0, 2, 0, 0, 0, 3, 0, 250, 0]))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^“junk\.txt” is not text or HTML/),
    });
  });

  it("refuses files that are empty or only whitespace", () => {
    expect(uploadToIngest("empty.md", new Uint8Array())).toEqual({
      ok: false,
      error: "“empty.md” is empty.",
    });
    expect(uploadToIngest("blank.txt", bytes(" \n\t\n"))).toEqual({
      ok: false,
      error: "“blank.txt” has no text in it.",
    });
  });

  it("decodes legacy encodings by the document's own declaration, not the browser's guess", () => {
    // "café" in windows-1252, declared in a meta tag.
    const html = Uint8Array.from([
      ...bytes('<!doctype html><html><head><meta charset="windows-1252"></head><body><p>caf'),
      0xe9,
      ...bytes("</p></body></html>"),
    ]);
    const result = uploadToIngest("page.htm", html, "text/html");
    expect(result.ok && "html" in result.request && result.request.html).toContain("café");
  });

  it("reads a .txt that is an HTML page as HTML, and an .html without markup as text", () => {
    expect(
      uploadToIngest("saved.txt", bytes("<!DOCTYPE html><html><body><p>Hi</p></body></html>")),
    ).toMatchObject({ kind: "html" });
    expect(uploadToIngest("plain.html", bytes("Just words.\n\nMore words."))).toMatchObject({ kind: "text" });
  });

  it("reduces Markdown to plain paragraphs", () => {
    const result = uploadToIngest(
      "post.md",
      bytes("---\ntitle: x\n---\n# Port opens\n\nThe [port](https://x.jp) *opened* on `Monday`."),
    );
    expect(result.ok && "text" in result.request && result.request.text).toBe(
      "# Port opens\n\nThe port opened on Monday.",
    );
  });
});

describe("markdownToText", () => {
  it("keeps headings, lists and quotes for the normalizer and strips inline markup", () => {
    const md = [
      "Title",
      "=====",
      "",
      "Some **bold** and _italic_ text with ![a chart](c.png) an image and a [ref link][1].",
      "",
      "- first item",
      "> a quote",
      "",
      "***",
      "**Schools First**",
      "",
      "```",
      "code *kept*",
      "```",
      "[1]: https://example.com",
      "| a | b |",
      "|---|---|",
      "| 1 | 2 |",
    ].join("\n");
    expect(markdownToText(md)).toBe(
      [
        "# Title",
        "",
        "Some bold and italic text with  an image and a ref link.",
        "",
        "- first item",
        "> a quote",
        "",
        "**Schools First**",
        "",
        "code *kept*",
        "",
        "a · b",
        "1 · 2",
      ].join("\n"),
    );
  });
});
