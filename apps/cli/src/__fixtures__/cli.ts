import { execFile } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

// apps/cli/src/__fixtures__ → the checkout's root, where node_modules/.bin/tsx and ../shared are.
export const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
export const SEEDS = join(ROOT, "..", "shared", "seeds");
export const NIPPON = join(SEEDS, "000_692c35d782a7bbcb.txt");
export const CAIXIN = join(SEEDS, "002_41147d8f43a0c177.txt");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real CLI, as a person would run it from the checkout's root. */
export function runCli(args: string[], stdin?: string | Buffer, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      join(ROOT, "node_modules/.bin/tsx"),
      ["apps/cli/src/main.ts", ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env, NO_COLOR: "1" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? "");
  });
}

export const jsonLines = (stdout: string) =>
  stdout
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
