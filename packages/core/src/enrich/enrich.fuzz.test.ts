import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adversarialText, fuzzParams, mutated, seedTexts, timed } from "../__fuzz__/arbitraries";
import { zEnrichment } from "../schemas/enrichment";
import { type Paragraph, paragraphKinds } from "../schemas/paragraph";
import { enrichArticle } from "./index";

interface Spanned {
  paragraph: number;
  start: number;
  end: number;
}

/** Every object in the enrichment that carries a span (mentions, times, figures, quotes, descriptions, events). */
function spans(value: unknown, found: Spanned[] = []): Spanned[] {
  if (Array.isArray(value)) for (const item of value) spans(item, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (
      typeof record.paragraph === "number" &&
      typeof record.start === "number" &&
      typeof record.end === "number"
    )
      found.push(record as unknown as Spanned);
    for (const child of Object.values(record)) spans(child, found);
  }
  return found;
}

/** Paragraphs as normalize makes them: numbered from 1, non-empty text, any kind. */
const paragraphs: fc.Arbitrary<Paragraph[]> = fc
  .array(
    fc.record({
      kind: fc.constantFrom(...paragraphKinds),
      text: fc.oneof(adversarialText, mutated(seedTexts())).filter((t) => t.length > 0),
    }),
    { minLength: 1, maxLength: 8 },
  )
  .map((list) => list.map((p, i) => ({ n: i + 1, ...p })));

const language = fc.constantFrom(null, "en", "ja", "zh", "de", "ar", "xx", "");
const isoDate = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    "2026-03-03T10:00:00Z",
    "2026-02-30",
    "0000-01-01T00:00:00Z",
    "+275760-09-13T00:00:00Z",
    "garbage",
    "",
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

describe("enrichArticle under fuzzing", () => {
  it("never throws, returns a valid Enrichment whose spans lie inside their paragraph, and is deterministic", () => {
    fc.assert(
      fc.property(paragraphs, language, isoDate, isoDate, (paras, lang, publishedAt, referenceDate) => {
        const input = { paragraphs: paras, language: lang, publishedAt };
        const first = timed(() => enrichArticle(input, { referenceDate }));
        const parsed = zEnrichment.safeParse(first.enrichment);
        if (!parsed.success) throw new Error(`not an Enrichment: ${parsed.error.message}`);
        const byNumber = new Map(paras.map((p) => [p.n, p.text]));
        for (const span of spans(first.enrichment)) {
          const text = byNumber.get(span.paragraph);
          if (text === undefined) throw new Error(`span points at missing paragraph ${span.paragraph}`);
          if (!(span.start <= span.end && span.end <= text.length))
            throw new Error(
              `span ${span.start}-${span.end} outside paragraph ${span.paragraph} (${text.length} chars)`,
            );
        }
        const second = enrichArticle(input, { referenceDate });
        expect(second.enrichment).toEqual(first.enrichment);
      }),
      fuzzParams(100),
    );
  }, 60_000);
});
