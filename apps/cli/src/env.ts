import { z } from "zod";

const zEnv = z.object({
  PARALLAX_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .default("http://localhost:3000"),
});

/** The CLI's only environment: where the running Parallax answers (for `ingest`). */
export function readEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof zEnv> {
  const parsed = zEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  }
  return parsed.data;
}
