import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adversarialHtml,
  adversarialText,
  adversarialUrl,
  fuzzParams,
  hugeDocument,
  mutated,
  seedPages,
  seedTexts,
  timed,
} from "../__fuzz__/arbitraries";
import { zNormalizedArticle } from "../schemas/article";
import { comparableUrl } from "../url/canonical";
import { type NormalizeInput, NormalizeError, normalize } from "./index";

type Outcome = { article: unknown } | { error: NormalizeError };

/** One normalize call: a valid NormalizedArticle or the documented NormalizeError; anything else fails the property. */
function attempt(input: NormalizeInput): Outcome {
  return timed(() => {
    try {
      return { article: normalize(input) };
    } catch (error) {
      if (error instanceof NormalizeError && error.message.trim() !== "") return { error };
      throw error;
    }
  });
}

function check(input: NormalizeInput): void {
  const first = attempt(input);
  if ("article" in first) {
    const parsed = zNormalizedArticle.safeParse(first.article);
    if (!parsed.success) throw new Error(`not a NormalizedArticle: ${parsed.error.message}`);
  }
  // Deterministic: the same document gives the same article (or the same refusal).
  const second = attempt(input);
  if ("article" in first) expect(second).toEqual(first);
  else expect("error" in second && second.error.code).toBe(first.error.code);
}

describe("normalize under fuzzing", () => {
  const pages = seedPages();
  const texts = seedTexts();

  it("never throws unexpectedly on adversarial HTML, and what it returns is a NormalizedArticle", () => {
    fc.assert(
      fc.property(adversarialHtml, fc.option(adversarialUrl, { nil: undefined }), (html, url) =>
        check({ kind: "html", html, url }),
      ),
      fuzzParams(200),
    );
  }, 30_000);

  it("survives mutated real pages (deleted, duplicated, swapped byte ranges)", () => {
    fc.assert(
      fc.property(mutated(pages), adversarialUrl, (html, url) => check({ kind: "html", html, url })),
      fuzzParams(120),
    );
  }, 30_000);

  it("survives adversarial and mutated pasted text", () => {
    fc.assert(
      fc.property(
        fc.oneof(adversarialText, mutated(texts)),
        fc.option(adversarialText, { nil: undefined }),
        (text, title) => check({ kind: "text", text, title }),
      ),
      fuzzParams(200),
    );
  });

  it("stays within the time limit on 1 MB+ documents", () => {
    fc.assert(
      fc.property(hugeDocument, (html) => {
        check({ kind: "html", html });
      }),
      fuzzParams(8),
    );
  }, 60_000);
});

describe("comparableUrl under fuzzing", () => {
  it("returns null or an absolute http(s) URL, and is idempotent", () => {
    fc.assert(
      fc.property(adversarialUrl, fc.option(adversarialUrl, { nil: undefined }), (input, base) => {
        const url = timed(() => comparableUrl(input, base));
        if (url === null) return;
        expect(url).toMatch(/^https?:\/\//);
        expect(comparableUrl(url)).toBe(url);
      }),
      fuzzParams(300),
    );
  });
});
