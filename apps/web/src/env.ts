import { zFetchAllowHosts } from "@parallax/net/allow-hosts-env";
import { zRedisUrl } from "@parallax/queue";
import { z } from "zod";

const zFlag = z
  .enum(["true", "false", "1", "0"], { message: "must be true or false" })
  .transform((value) => value === "true" || value === "1");

const blankIsUnset = (value: unknown) => (value === "" ? undefined : value);

const zEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" }),
  // A streaming replica of DATABASE_URL: every read-only request (tRPC queries, so every page) reads from it, every
  // change and the worker use the primary. Unset: everything uses DATABASE_URL.
  DATABASE_REPLICA_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  REDIS_URL: zRedisUrl,
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "may contain only letters, digits, '-' and '_'")
    .default("parallax"),
  // Sustained requests per minute per client; a client may burst to twice that. 0 turns the limit off.
  // The defaults leave room for a person pasting a reading list or searching quickly, not for a script.
  RATE_LIMIT_SUBMIT_PER_MIN: z.coerce.number().int().min(0, "must be 0 (off) or more").default(60),
  RATE_LIMIT_SEARCH_PER_MIN: z.coerce.number().int().min(0, "must be 0 (off) or more").default(120),
  // Files uploaded per minute per client, on top of the submission limit; bursts of twice that hold one full
  // batch of the /submit form (MAX_UPLOAD_FILES).
  RATE_LIMIT_UPLOAD_PER_MIN: z.coerce.number().int().min(0, "must be 0 (off) or more").default(30),
  // Submissions this process stores at once, and how many more may wait for a turn before the rest are refused
  // with 503 and Retry-After: a burst of submissions then cannot crowd out the readers' pages (server/submit-gate.ts).
  SUBMIT_CONCURRENCY: z.coerce.number().int().min(1, "must be 1 or more").default(4),
  SUBMIT_QUEUE_LIMIT: z.coerce.number().int().min(0, "must be 0 or more").default(64),
  // "true" when a reverse proxy in front of the app sets X-Forwarded-For; see server/client-id.ts.
  RATE_LIMIT_SIGNIN_PER_MIN: z.coerce.number().int().min(0, "must be 0 (off) or more").default(10),
  // false: every page, export, feed and read procedure needs a signed-in user or an API token.
  PUBLIC_READ: z.preprocess(blankIsUnset, zFlag.default(true)),
  // open: anyone may submit articles; token: only a signed-in administrator or an API token (any scope).
  SUBMIT_ACCESS: z.preprocess(
    blankIsUnset,
    z.enum(["open", "token"], { message: "must be open or token" }).default("open"),
  ),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0", ""], { message: "must be true or false" })
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  // Private hosts and networks feed discovery may reach (tests, intranets); the worker reads the same variable.
  FETCH_ALLOW_HOSTS: zFetchAllowHosts,
});
export type WebEnv = z.infer<typeof zEnv>;

/** The server cannot run with this configuration; the message names the variables to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: Record<string, string | undefined>): WebEnv {
  const parsed = zEnv.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".");
      return source[name] === undefined || source[name] === ""
        ? `${name} is not set`
        : `${name} ${issue.message}`;
    });
    throw new ConfigError(`web configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}

let cached: WebEnv | undefined;

/**
 * Read on first use, not at import: `next build` loads every route module without a database in sight,
 * and only a request needs one.
 */
export function serverEnv(): WebEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
