import { describe, expect, it } from "vitest";
import { encode, newsPage, SAMPLES, type SampleName } from "./__fixtures__/charsets/samples";
import { decodeHtmlBytes, decodeTextBytes, encodingForLabel, htmlEncoding, textEncoding } from "./charset";

interface Case {
  sample: SampleName;
  /** How the bytes are made (iconv-lite's name). */
  bytesIn: string;
  /** The label a correct page declares. */
  label: string;
  /** What the decoder should settle on (WHATWG names; gbk and gb18030 share one decoder). */
  expected: readonly string[];
  /** A wrong declaration seen in the wild for such a page. */
  wrongLabel: string;
}

const CASES: readonly Case[] = [
  { sample: "ja", bytesIn: "shift_jis", label: "Shift_JIS", expected: ["shift_jis"], wrongLabel: "euc-jp" },
  { sample: "ja", bytesIn: "euc-jp", label: "EUC-JP", expected: ["euc-jp"], wrongLabel: "shift_jis" },
  {
    sample: "ja",
    bytesIn: "iso-2022-jp",
    label: "ISO-2022-JP",
    expected: ["iso-2022-jp"],
    wrongLabel: "utf-8",
  },
  { sample: "zhCN", bytesIn: "gb2312", label: "gb2312", expected: ["gbk", "gb18030"], wrongLabel: "big5" },
  {
    sample: "zhCN",
    bytesIn: "gb18030",
    label: "GB18030",
    expected: ["gb18030", "gbk"],
    wrongLabel: "iso-8859-1",
  },
  { sample: "zhTW", bytesIn: "big5", label: "Big5", expected: ["big5"], wrongLabel: "gbk" },
  { sample: "ko", bytesIn: "euc-kr", label: "EUC-KR", expected: ["euc-kr"], wrongLabel: "shift_jis" },
  {
    sample: "ru",
    bytesIn: "windows-1251",
    label: "windows-1251",
    expected: ["windows-1251"],
    wrongLabel: "iso-8859-1",
  },
  {
    sample: "de",
    bytesIn: "windows-1252",
    label: "iso-8859-1",
    expected: ["windows-1252"],
    wrongLabel: "windows-1251",
  },
  {
    sample: "fr",
    bytesIn: "windows-1252",
    label: "windows-1252",
    expected: ["windows-1252"],
    wrongLabel: "shift_jis",
  },
];

const name = (c: Case) => `${c.sample} in ${c.bytesIn}`;

function expectSample(decoded: string, sample: SampleName): void {
  expect(decoded).toContain(SAMPLES[sample].title);
  for (const paragraph of SAMPLES[sample].body) expect(decoded).toContain(paragraph);
  expect(decoded).not.toContain("\ufffd");
}

describe.each(CASES.map((c) => [name(c), c] as const))("a news page, %s", (_, c) => {
  const page = (head: string) => encode(newsPage(c.sample, head), c.bytesIn);

  it("is read with <meta charset>", () => {
    const bytes = page(`<meta charset="${c.label}">`);
    expect(htmlEncoding(bytes, null)).toEqual({ encoding: c.expected[0], source: "meta" });
    expectSample(decodeHtmlBytes(bytes, null), c.sample);
  });

  it("is read with <meta http-equiv=Content-Type>", () => {
    const bytes = page(`<meta http-equiv="Content-Type" content="text/html; charset=${c.label}">`);
    expect(htmlEncoding(bytes, null).source).toBe("meta");
    expectSample(decodeHtmlBytes(bytes, null), c.sample);
  });

  it("is read with the HTTP charset alone", () => {
    const bytes = page("");
    expect(htmlEncoding(bytes, `text/html; charset="${c.label}"`).source).toBe("http");
    expectSample(decodeHtmlBytes(bytes, `text/html; charset="${c.label}"`), c.sample);
  });

  it("is detected when nothing is declared", () => {
    const bytes = page("");
    const choice = htmlEncoding(bytes, null);
    expect(choice.source).toBe("detected");
    expect(c.expected).toContain(choice.encoding);
    expectSample(decodeHtmlBytes(bytes, null), c.sample);
  });

  it("is detected when declared UTF-8", () => {
    const bytes = page('<meta charset="utf-8">');
    expect(htmlEncoding(bytes, null).source).toBe("detected");
    expectSample(decodeHtmlBytes(bytes, "text/html; charset=utf-8"), c.sample);
  });

  it(`is detected when mis-declared as ${c.wrongLabel}`, () => {
    const bytes = page(`<meta charset="${c.wrongLabel}">`);
    expect(c.expected).toContain(htmlEncoding(bytes, null).encoding);
    expectSample(decodeHtmlBytes(bytes, null), c.sample);
  });

  it("is detected as plain text", () => {
    const text = SAMPLES[c.sample].body.join("\n");
    expect(c.expected).toContain(textEncoding(encode(text, c.bytesIn)).encoding);
    expect(decodeTextBytes(encode(text, c.bytesIn))).toBe(text);
  });
});

describe("encoding labels", () => {
  it.each([
    ["x-sjis", "shift_jis"],
    ["Shift-JIS", "shift_jis"],
    ["windows-31j", "shift_jis"],
    ["cp932", "shift_jis"],
    ["gb2312", "gbk"],
    ["GB_2312-80", "gbk"],
    ["cp936", "gbk"],
    ["iso-8859-1", "windows-1252"],
    ["latin1", "windows-1252"],
    ["us-ascii", "windows-1252"],
    ["ks_c_5601-1987", "euc-kr"],
    ["euc_kr", "euc-kr"],
    ["cp1251", "windows-1251"],
    ["big5-hkscs", "big5"],
    [' "UTF8" ', "utf-8"],
  ])("%j → %s", (label, encoding) => {
    expect(encodingForLabel(label)).toBe(encoding);
  });

  it.each(["iso-2022-kr", "hz-gb-2312", "klingon", "", null])("%j names no usable decoder", (label) => {
    expect(encodingForLabel(label)).toBeNull();
  });
});

describe("decodeHtmlBytes", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("lets a byte order mark outrank every declaration", () => {
    const body = "<meta charset=windows-1252><p>Ministerpräsidentin – „Zölle“</p>";
    expect(
      decodeHtmlBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(body)), "text/html; charset=shift_jis"),
    ).toBe(body);
    const le = encode(`\ufeff${body}`, "utf-16le");
    expect(decodeHtmlBytes(le, "text/html; charset=iso-8859-1")).toBe(body);
    const be = encode(`\ufeff${body}`, "utf-16be");
    expect(htmlEncoding(be, null)).toEqual({ encoding: "utf-16be", source: "bom" });
    expect(decodeHtmlBytes(be, null)).toBe(body);
  });

  it("reads UTF-16 without a byte order mark", () => {
    const page = newsPage("de");
    expect(decodeHtmlBytes(encode(page, "utf-16le"), null)).toBe(page);
    expect(decodeHtmlBytes(encode(page, "utf-16be"), null)).toBe(page);
  });

  it("reads a meta that says UTF-16 in an ASCII-compatible page as UTF-8, as browsers do", () => {
    const page = newsPage("fr", '<meta charset="utf-16">');
    expect(decodeHtmlBytes(utf8(page), null)).toBe(page);
  });

  it("prefers valid UTF-8 over a legacy declaration, and tolerates one broken character", () => {
    const page = newsPage("ja", '<meta charset="iso-8859-1">');
    expect(htmlEncoding(utf8(page), "text/html; charset=ISO-8859-1")).toEqual({
      encoding: "utf-8",
      source: "detected",
    });
    const cut = Uint8Array.of(...utf8(newsPage("ja")), 0xe3, 0x81, ...utf8("<p>end</p>"));
    expect(htmlEncoding(cut, null).encoding).toBe("utf-8");
  });

  it("reads the XML declaration's encoding", () => {
    const xml = `<?xml version="1.0" encoding="EUC-JP"?>\n${newsPage("ja")}`;
    expect(htmlEncoding(encode(xml, "euc-jp"), null)).toEqual({ encoding: "euc-jp", source: "xml" });
  });

  it("ignores a meta inside a comment and finds one after the first kilobyte", () => {
    const filler = `<meta name="description" content="${"x".repeat(1500)}">`;
    const page = newsPage("ru", `<!-- <meta charset="utf-8"> -->${filler}<meta charset="windows-1251">`);
    expect(htmlEncoding(encode(page, "windows-1251"), null)).toEqual({
      encoding: "windows-1251",
      source: "meta",
    });
  });

  it("falls back to detection for labels it cannot use", () => {
    for (const label of ["klingon", "iso-2022-kr"]) {
      const bytes = encode(newsPage("ko", `<meta charset="${label}">`), "euc-kr");
      expect(htmlEncoding(bytes, null)).toEqual({ encoding: "euc-kr", source: "detected" });
    }
  });

  it("decodes windows-1252's 0x80–0x9F as the WHATWG table says, whatever Node's own decoder does", () => {
    const bytes = Uint8Array.of(0x93, 0x80, 0x20, 0x96, 0x20, 0x85, 0x94, 0x20, 0x99, 0x9f);
    expect(decodeHtmlBytes(bytes, "text/html; charset=windows-1252")).toBe("“€ – …” ™Ÿ");
    expect(decodeTextBytes(encode("The minister said: “We’re ready” — and left.", "windows-1252"))).toBe(
      "The minister said: “We’re ready” — and left.",
    );
  });

  it("reads pure ASCII as it is and finds ISO-2022-JP's escapes", () => {
    expect(decodeHtmlBytes(utf8("<p>plain</p>"), "text/html; charset=koi8-r")).toBe("<p>plain</p>");
    const jis = encode("東京で会談した。", "iso-2022-jp");
    expect(textEncoding(jis)).toEqual({ encoding: "iso-2022-jp", source: "detected" });
  });

  it("reads a lone accented word as windows-1252", () => {
    expect(decodeTextBytes(encode("Café", "windows-1252"))).toBe("Café");
  });

  it("decodes 5 MB of legacy text quickly", () => {
    const text = `${SAMPLES.ja.body.join("")}\n`.repeat(25_000);
    const bytes = encode(text, "shift_jis");
    expect(bytes.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    expect(decodeTextBytes(bytes)).toBe(text);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
