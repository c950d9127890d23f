import { z } from "zod";

const flag = z
  .enum(["0", "1"])
  .default("0")
  .transform((v) => v === "1");
const count = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const zEnv = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL of the server" })
    .default("postgres://postgres@127.0.0.1:5432/postgres"),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, message: "must be a redis:// URL" })
    .default("redis://127.0.0.1:6379"),
  PIPELINE_ARTICLES: count(1, 1_000_000, 10_000),
  PIPELINE_WORKERS: z
    .string()
    .default("1,2,4")
    .transform((text, ctx) => {
      const values = text.split(",").map((part) => Number(part.trim()));
      if (values.length === 0 || values.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) {
        ctx.addIssue({ code: "custom", message: "must be a comma-separated list of whole numbers 1–16" });
        return z.NEVER;
      }
      return values;
    }),
  PIPELINE_IN_FLIGHT: count(1, 1_024, 32),
  PIPELINE_PROFILE: flag,
  PIPELINE_PROFILE_ARTICLES: count(0, 1_000_000, 2_000),
  PIPELINE_IDLE_ARTICLES: count(0, 10_000, 50),
  PIPELINE_KEEP_DB: flag,
  PIPELINE_TIMEOUT_S: count(10, 86_400, 3_600),
});
export type PipelineEnv = z.infer<typeof zEnv>;

/** The benchmark's settings, or a message naming every bad variable. */
export function readPipelineEnv(source: NodeJS.ProcessEnv = process.env): PipelineEnv {
  const parsed = zEnv.safeParse(source);
  if (!parsed.success)
    throw new Error(
      `bench:pipeline settings: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}
