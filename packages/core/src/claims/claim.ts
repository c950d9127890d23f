import { z } from "zod";
import { zParagraphKind } from "../schemas/paragraph";

/** Who a claim is attributed to, when the sentence quotes or reports someone's words. */
export const zAttribution = z.object({
  kind: z.enum(["direct", "reported"]),
  /** As the text names the speaker, and the entity it resolves to. */
  speaker: z.string().nullable(),
  speakerEntity: z.string().nullable(),
  /** The verb of saying: "said", "warned", "according to". */
  cue: z.string().nullable(),
});
export type Attribution = z.infer<typeof zAttribution>;

/**
 * One statement of an article: a sentence, or an independent clause of one when a semicolon joins two ("the
 * opposition controls the upper house; in the lower house the coalition has two-thirds"), since each side of a
 * semicolon can be true or shared on its own. Everything alignment needs is precomputed here, so comparing two
 * claims never re-reads the text.
 */
export const zClaim = z.object({
  /** `${articleId}#${paragraph}.${index}`: stable for the same article text and options. */
  id: z.string(),
  articleId: z.string(),
  /** The paragraph's `n` (1-based, as readers see ¶n) and its kind. */
  paragraph: z.number().int().positive(),
  paragraphKind: zParagraphKind,
  /** Order of the claim within its paragraph, from 0. */
  index: z.number().int().nonnegative(),
  /** Character span [start, end) of `text` in the paragraph's text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string().min(1),
  /** Order of the claim in the article, from 0, and the same as a share of the article's claims ([0, 1)). */
  position: z.number().int().nonnegative(),
  relativePosition: z.number().min(0).max(1),
  /** Content words as written (lower case, NFKC), stopwords left out, in order. */
  tokens: z.array(z.string()),
  /** Distinct content stems (Porter step 1, a few news paraphrases folded together); see `contentStems`. */
  stems: z.array(z.string()),
  /** Entity slugs mentioned (after story-level renaming; a capital standing for its country adds the country). */
  entities: z.array(z.string()),
  /** Figure keys `unit:value` (three significant digits): "USD:550000000000", "%:3.5", "seats:352". */
  figures: z.array(z.string()),
  /** Resolved date values mentioned (`2026-03-19`, `2026-03`, `2026`); unresolved ones (`XXXX-03-19`) left out. */
  dates: z.array(z.string()),
  attribution: zAttribution.nullable(),
  /** A question asks rather than states: never a fact to align or to put in a briefing. */
  question: z.boolean(),
});
export type Claim = z.infer<typeof zClaim>;
