import { z } from "zod";

/**
 * `note` is an editor's end note ("Originally published in Japanese. Banner photo: …"): part of the document,
 * citable, but not the story's text.
 */
export const paragraphKinds = ["paragraph", "heading", "quote", "list-item", "note"] as const;
export const zParagraphKind = z.enum(paragraphKinds);
export type ParagraphKind = z.infer<typeof zParagraphKind>;

/** One block of an article's body, numbered from 1 in reading order; citations point at `n`. */
export const zParagraph = z.object({
  n: z.number().int().positive(),
  kind: zParagraphKind,
  text: z.string().min(1),
});
export type Paragraph = z.infer<typeof zParagraph>;
