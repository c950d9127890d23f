import { z } from "zod";

const zEnv = z.object({
  PARALLAX_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .default("http://localhost:3000"),
  // An API token (pxt_…) sent with every request, for a Parallax with SUBMIT_ACCESS=token or PUBLIC_READ=false.
  PARALLAX_TOKEN: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^pxt_[A-Za-z0-9_-]{43}$/, "is not a Parallax API token (pxt_ and 43 characters)")
      .optional(),
  ),
});

/** The CLI's environment for `ingest`: where the running Parallax answers, and the token it may need. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof zEnv> {
  const parsed = zEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  }
  return parsed.data;
}
