import { describe, expect, it } from "vitest";
import { detectBinary, MAX_DOCUMENT_CHARS, NormalizeError, type NormalizeInput, normalize } from "./index";

const BODY =
  "The committee met on Tuesday to review the budget proposal for schools and roads across the region.";

function errorOf(input: NormalizeInput): NormalizeError {
  try {
    normalize(input);
  } catch (error) {
    if (error instanceof NormalizeError) return error;
    throw error;
  }
  throw new Error("expected a NormalizeError");
}

describe("refused input", () => {
  it.each<[string, NormalizeInput]>([
    ["empty text", { kind: "text", text: "" }],
    ["whitespace text", { kind: "text", text: " \n\t\r\n \u00a0\u200b " }],
    ["empty html", { kind: "html", html: "" }],
    ["whitespace html", { kind: "html", html: "   \n  " }],
  ])("%s → empty", (_, input) => {
    const error = errorOf(input);
    expect(error).toMatchObject({ code: "empty", message: "empty document", name: "NormalizeError" });
  });

  it.each<[string, NormalizeInput]>([
    ["text with NUL bytes", { kind: "text", text: `${BODY}\u0000${BODY}` }],
    ["html with NUL bytes", { kind: "html", html: `<p>${BODY}</p>\u0000` }],
    [
      "mostly control characters",
      { kind: "text", text: "\u0001\u0002\u0003\u0004 ab\u0005\u0006\u0007\u0008".repeat(100) },
    ],
    [
      "decoded binary full of replacement characters",
      { kind: "text", text: "\ufffd\ufffdPK\ufffd".repeat(200) },
    ],
  ])("%s → unsupported", (_, input) => {
    expect(errorOf(input)).toMatchObject({ code: "unsupported", message: "unsupported content (binary)" });
  });

  it("refuses documents over the size cap as too-large", () => {
    expect(errorOf({ kind: "text", text: "a ".repeat(MAX_DOCUMENT_CHARS / 2 + 1) }).code).toBe("too-large");
  });

  it("answers no-article when only page furniture remains", () => {
    expect(errorOf({ kind: "text", text: "Subscribe now\nMOST POPULAR\nShare this article" }).code).toBe(
      "no-article",
    );
  });
});

describe("large input", () => {
  it("normalizes 5 MB of text", () => {
    const text = `${BODY}\n\n`.repeat(Math.ceil((5 * 1024 * 1024) / (BODY.length + 2)));
    const article = normalize({ kind: "text", text });
    expect(article.paragraphs.length).toBeGreaterThan(50_000);
    expect(article.paragraphs.at(-1)!.n).toBe(article.paragraphs.length);
  });

  it("normalizes a 5 MB single line", () => {
    const article = normalize({ kind: "text", text: "word ".repeat(1024 * 1024) });
    expect(article.paragraphs).toHaveLength(1);
    expect(article.title.length).toBeLessThanOrEqual(120);
  });
});

describe("options and URLs", () => {
  it("lets options override title and date, and accepts date-times with offsets", () => {
    const article = normalize(
      { kind: "text", text: `2026-03-12\n\n${BODY}` },
      { title: "  Budget   Review ", publishedAt: "2026-03-13T09:00:00+09:00" },
    );
    expect(article).toMatchObject({
      title: "Budget Review",
      titleSource: "explicit",
      publishedAt: "2026-03-13T00:00:00.000Z",
    });
  });

  it("rejects an option date that is not ISO 8601", () => {
    expect(() => normalize({ kind: "text", text: BODY }, { publishedAt: "next Tuesday" })).toThrow(
      RangeError,
    );
  });

  it("cleans the URL into the canonical URL and takes the site name from sourceName, else the domain", () => {
    const url = "https://WWW.Nippon.com/en/in-depth/d01200/?utm_source=x&utm_medium=y&gclid=z#comments";
    const withName = normalize({ kind: "text", text: BODY, url, sourceName: "Nippon.com" });
    expect(withName).toMatchObject({
      url,
      canonicalUrl: "https://www.nippon.com/en/in-depth/d01200/",
      siteName: "Nippon.com",
    });
    expect(normalize({ kind: "text", text: BODY, url }).siteName).toBe("nippon.com");
    expect(normalize({ kind: "text", text: BODY }).canonicalUrl).toBeNull();
  });
});

describe("detectBinary", () => {
  const bytes = (...values: (number | string)[]) =>
    new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])));

  it.each([
    ["pdf", bytes("%PDF-1.7\n")],
    ["png", bytes(0x89, "PNG\r\n", 0x1a, "\n", 0, 0)],
    ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0)],
    ["gif", bytes("GIF89a")],
    ["zip", bytes("PK", 3, 4, 20, 0)],
    ["gzip", bytes(0x1f, 0x8b, 8, 0)],
    ["webp", bytes("RIFF", 0, 0, 0, 0, "WEBPVP8 ")],
    ["binary", bytes("hello", 0, "world")],
  ])("recognises %s", (kind, sample) => {
    expect(detectBinary(sample)).toBe(kind);
  });

  it("leaves text, HTML and UTF-16 with a BOM alone", () => {
    const encoder = new TextEncoder();
    expect(detectBinary(encoder.encode("BZh, said nobody. Plain text here."))).toBeNull();
    expect(detectBinary(encoder.encode("<!doctype html><p>hi</p>"))).toBeNull();
    expect(detectBinary(bytes(0xff, 0xfe, "h", 0, "i", 0))).toBeNull();
    expect(detectBinary(new Uint8Array())).toBeNull();
  });
});
