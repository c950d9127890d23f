import { zFetchAllowHosts } from "@parallax/net/allow-hosts-env";
import { z } from "zod";

const zEnv = z.object({
  PARALLAX_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .default("http://localhost:3000"),
  /** What `feeds add` may fetch beyond the public internet, as the web app and the worker allow. */
  FETCH_ALLOW_HOSTS: zFetchAllowHosts,
  // An API token (pxt_…) sent with every request, for a Parallax with SUBMIT_ACCESS=token or PUBLIC_READ=false.
  PARALLAX_TOKEN: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^pxt_[A-Za-z0-9_-]{43}$/, "is not a Parallax API token (pxt_ and 43 characters)")
      .optional(),
  ),
});

/**
 * The CLI's environment: where the running Parallax answers (for `ingest`), the token it may need, and what
 * `feeds add` may fetch.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof zEnv> {
  const parsed = zEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  }
  return parsed.data;
}
