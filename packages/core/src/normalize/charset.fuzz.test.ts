import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fuzzParams, timed } from "../__fuzz__/arbitraries";
import { zNormalizedArticle } from "../schemas/article";
import { uploadToIngest } from "../upload/file";
import { encode, newsPage, SAMPLES, type SampleName } from "./__fixtures__/charsets/samples";
import { decodeHtmlBytes, decodeTextBytes, htmlEncoding, NormalizeError, normalize } from "./index";

/** Declared charsets: real, misspelled, unknown, hostile (quotes, markup, huge). */
const label = fc.oneof(
  fc.constantFrom(
    "utf-8",
    "UTF8",
    "utf-16",
    "utf-16le",
    "utf-16be",
    "shift_jis",
    "euc-jp",
    "iso-2022-jp",
    "gb2312",
    "gbk",
    "gb18030",
    "big5",
    "euc-kr",
    "koi8-r",
    "windows-1251",
    "windows-1252",
    "iso-8859-1",
    "iso-8859-15",
    "x-user-defined",
    "replacement",
    "utf-7",
    "ebcdic",
    "",
    " ",
    '"><script>',
    "utf-8\u0000",
  ),
  fc.string({ maxLength: 20 }),
  fc.nat({ max: 5_000 }).map((n) => "x".repeat(n)),
);
const declaration = fc.oneof(
  label.map((l) => `<meta charset="${l}">`),
  label.map((l) => `<meta http-equiv="Content-Type" content="text/html; charset=${l}">`),
  label.map((l) => `<?xml version="1.0" encoding="${l}"?>`),
  fc.constant(""),
);
const bom = fc.constantFrom(
  [],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xef, 0xbb],
  [0xff, 0xfe, 0x00, 0x00],
);
const encodings = [
  "utf-8",
  "utf-16le",
  "utf-16be",
  "shift_jis",
  "euc-jp",
  "gbk",
  "big5",
  "euc-kr",
  "koi8-r",
  "windows-1252",
  "iso-2022-jp",
];

/** A real news page, encoded in one charset, declaring (maybe) another, with (maybe) a BOM, maybe cut or spliced. */
const page = fc
  .record({
    sample: fc.constantFrom(...(Object.keys(SAMPLES) as SampleName[])),
    encoding: fc.constantFrom(...encodings),
    declaration,
    bom,
    noise: fc.uint8Array({ maxLength: 300 }),
    cut: fc.double({ min: 0, max: 1, noNaN: true }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ sample, encoding, declaration, bom, noise, cut, at }) => {
    const bytes = encode(newsPage(sample, declaration), encoding);
    const kept = bytes.subarray(0, Math.max(1, Math.floor(bytes.length * (0.5 + cut / 2))));
    const i = Math.floor(kept.length * at);
    return Uint8Array.from([...bom, ...kept.subarray(0, i), ...noise, ...kept.subarray(i)]);
  });

/** Random bytes behind a random declaration and BOM. */
const randomBytes = fc
  .tuple(bom, declaration, fc.uint8Array({ maxLength: 3_000 }))
  .map(([b, d, bytes]) => Uint8Array.from([...b, ...new TextEncoder().encode(d), ...bytes]));

const contentType = fc.option(
  fc.oneof(
    label.map((l) => `text/html; charset=${l}`),
    fc.constantFrom("text/html", "text/plain; charset=", "application/octet-stream", ';;;charset="utf-8'),
  ),
  { nil: null },
);

/** Decoded and normalized: a NormalizedArticle or the documented NormalizeError; the same every time. */
function check(bytes: Uint8Array, type: string | null) {
  const run = () =>
    timed(() => {
      const html = decodeHtmlBytes(bytes, type);
      const text = decodeTextBytes(bytes);
      expect(typeof html).toBe("string");
      expect(typeof text).toBe("string");
      const outcome = (input: Parameters<typeof normalize>[0]) => {
        try {
          const article = normalize(input);
          const parsed = zNormalizedArticle.safeParse(article);
          if (!parsed.success) throw new Error(`not a NormalizedArticle: ${parsed.error.message}`);
          return { article };
        } catch (error) {
          if (error instanceof NormalizeError && error.message.trim() !== "") return { code: error.code };
          throw error;
        }
      };
      return {
        encoding: htmlEncoding(bytes, type),
        html,
        text,
        fromHtml: outcome({ kind: "html", html }),
        fromText: outcome({ kind: "text", text }),
      };
    });
  expect(run()).toEqual(run());
}

describe("charset detection and decoding under fuzzing", () => {
  it("decodes real pages in any encoding, declared right, wrong or hostile, behind any BOM", () => {
    fc.assert(fc.property(page, contentType, check), fuzzParams(150));
  }, 60_000);

  it("never throws on random bytes with random declarations and BOMs", () => {
    fc.assert(fc.property(randomBytes, contentType, check), fuzzParams(200));
  }, 60_000);

  it("turns any uploaded bytes into a request or a message naming the file", () => {
    fc.assert(
      fc.property(
        fc.oneof(page, randomBytes),
        fc.constantFrom("page.html", "notes.txt", "readme.md"),
        contentType,
        (bytes, name, type) => {
          const result = timed(() => uploadToIngest(name, bytes, type));
          if (result.ok) expect(["html", "text"]).toContain(result.kind);
          else expect(result.error).toContain(`“${name}”`);
          expect(uploadToIngest(name, bytes, type)).toEqual(result);
        },
      ),
      fuzzParams(150),
    );
  }, 60_000);
});
