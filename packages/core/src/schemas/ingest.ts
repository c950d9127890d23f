import { z } from "zod";

/** Pasted documents larger than this are refused at the door (the worker's fetch cap is separate). */
export const MAX_PASTE_BYTES = 5 * 1024 * 1024;

const zHttpUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(2048, "URL is longer than 2048 characters");

const byteSized = (label: string) =>
  z
    .string()
    .refine((s) => s.trim().length > 0, `${label} is empty`)
    .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_PASTE_BYTES, `${label} is larger than 5 MB`);

export const zIngestUrl = z.strictObject({ url: zHttpUrl });
export const zIngestHtml = z.strictObject({ html: byteSized("html"), url: zHttpUrl.optional() });
export const zIngestText = z.strictObject({
  text: byteSized("text"),
  title: z.string().trim().min(1).max(500).optional(),
  url: zHttpUrl.optional(),
  sourceName: z.string().trim().min(1).max(200).optional(),
});

/** What a person or a script submits: a URL to fetch, an HTML document, or plain text. */
export const zIngestRequest = z.union([zIngestText, zIngestHtml, zIngestUrl]);
export type IngestRequest = z.infer<typeof zIngestRequest>;

export type IngestKind = "url" | "html" | "text";
export function ingestKind(request: IngestRequest): IngestKind {
  if ("text" in request) return "text";
  if ("html" in request) return "html";
  return "url";
}
