import { createHash } from "node:crypto";
import type { Paragraph } from "../schemas/paragraph";

/**
 * sha256 of the paragraph texts only: two copies of one story with different titles, dates or markup hash
 * alike, which is what duplicate detection wants.
 */
export function contentHash(paragraphs: readonly Pick<Paragraph, "text">[]): string {
  return createHash("sha256")
    .update(paragraphs.map((paragraph) => paragraph.text).join("\n"), "utf8")
    .digest("hex");
}
