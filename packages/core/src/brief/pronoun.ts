import type { Claim } from "../claims/claim";
import type { Enrichment } from "../schemas/enrichment";

const LEADING_PRONOUN = /^(He|She|His|Her)\b/;

/**
 * The person a claim's leading "He"/"She" ("His"/"Her") refers to, when the text leaves no doubt: exactly one person is named
 * earlier in the same paragraph (or, if none is, in the paragraph before). Returns the name as the text last
 * wrote it ("Takaichi"), for a point to read "[Takaichi] announced …" out of its context.
 */
export function leadingPronounReferent(
  claim: Pick<Claim, "text" | "paragraph" | "start">,
  enrichment: Pick<Enrichment, "entities" | "mentions">,
): string | null {
  if (!LEADING_PRONOUN.test(claim.text)) return null;
  const persons = new Set(enrichment.entities.filter((e) => e.type === "person").map((e) => e.slug));
  const before = enrichment.mentions.filter(
    (m) =>
      persons.has(m.entity) &&
      (m.paragraph === claim.paragraph ? m.end <= claim.start : m.paragraph === claim.paragraph - 1),
  );
  const here = before.filter((m) => m.paragraph === claim.paragraph);
  const pool = here.length > 0 ? here : before;
  if (new Set(pool.map((m) => m.entity)).size !== 1) return null;
  return pool.at(-1)!.text;
}

/** The claim's text with a leading pronoun replaced by its referent in brackets ("[Takaichi's]"), or as it was. */
export function withReferent(text: string, referent: string | null): string {
  if (!referent) return text;
  return text.replace(LEADING_PRONOUN, (pronoun) =>
    pronoun === "His" || pronoun === "Her" ? `[${referent}’s]` : `[${referent}]`,
  );
}
