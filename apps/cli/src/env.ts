import { zFetchAllowHosts } from "@parallax/net/allow-hosts-env";
import { z } from "zod";

const zEnv = z.object({
  PARALLAX_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .default("http://localhost:3000"),
  /** What `feeds add` may fetch beyond the public internet, as the web app and the worker allow. */
  FETCH_ALLOW_HOSTS: zFetchAllowHosts,
});

/** The CLI's environment: where the running Parallax answers (for `ingest`), and what `feeds add` may fetch. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): z.infer<typeof zEnv> {
  const parsed = zEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  }
  return parsed.data;
}
