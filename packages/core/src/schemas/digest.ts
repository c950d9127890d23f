import { z } from "zod";

/**
 * The structure of a digest-style article (Caixin's "Digest Hub"): summary bullets, numbered key points that
 * cite paragraphs of the full piece as `[para. N]`, notes on the companies or people named, and a dated
 * timeline. Paragraph numbers in `citations` are the source's own numbering, as printed.
 */
export const zDigestKeyPoint = z.object({
  n: z.number().int().positive(),
  text: z.string().min(1),
  citations: z.array(z.number().int().positive()),
});
export const zDigestEntityNote = z.object({ name: z.string().min(1), description: z.string().min(1) });
export const zDigestTimelineEntry = z.object({
  /** The date as printed: "February 10, 2026", "September 2025". */
  label: z.string().min(1),
  /** ISO 8601 to the precision printed: `2026-02-10`, `2025-09`, `2026`. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  text: z.string().min(1),
});
export const zDigest = z.object({
  summary: z.array(z.string().min(1)),
  keyPoints: z.array(zDigestKeyPoint),
  entities: z.array(zDigestEntityNote),
  timeline: z.array(zDigestTimelineEntry),
});
export type Digest = z.infer<typeof zDigest>;
export type DigestKeyPoint = z.infer<typeof zDigestKeyPoint>;
