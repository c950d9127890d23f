import { zRedisUrl } from "@parallax/queue";
import { existsSync, readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const zRuntime = z.object({
  databaseUrl: z.url({ protocol: /^postgres(ql)?$/ }),
  redisUrl: z.url({ protocol: /^rediss?$/ }),
  webUrl: z.url(),
});
export type Runtime = z.infer<typeof zRuntime>;

export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir)
      throw new Error("cannot find the Parallax checkout (no pnpm-workspace.yaml above)");
  }
}

const runtimeFile = (root: string) => join(root, ".parallax", "runtime.json");

export async function writeRuntime(root: string, runtime: Runtime): Promise<void> {
  await writeFile(runtimeFile(root), `${JSON.stringify(runtime, null, 2)}\n`, { mode: 0o600 });
}

export async function clearRuntime(root: string): Promise<void> {
  await rm(runtimeFile(root), { force: true });
}

const zServiceEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: "must be a postgres:// URL" }).optional(),
  REDIS_URL: zRedisUrl.optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("parallax"),
});

/**
 * The database and Redis an admin command works on: DATABASE_URL and REDIS_URL when set, otherwise those of the
 * Parallax that `pnpm start` is running from this checkout.
 */
export function serviceUrls(source: NodeJS.ProcessEnv = process.env) {
  const parsed = zServiceEnv.safeParse(source);
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "));
  const env = parsed.data;
  if (env.DATABASE_URL && env.REDIS_URL) {
    return { databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX };
  }
  const file = runtimeFile(repoRoot());
  if (!existsSync(file)) {
    throw new Error("no running Parallax found: start it with pnpm start, or set DATABASE_URL and REDIS_URL");
  }
  const runtime = zRuntime.parse(JSON.parse(readFileSync(file, "utf8")));
  return {
    databaseUrl: env.DATABASE_URL ?? runtime.databaseUrl,
    redisUrl: env.REDIS_URL ?? runtime.redisUrl,
    prefix: env.QUEUE_PREFIX,
  };
}
