import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout's root (where pnpm-workspace.yaml is), found from this file so tests run from any cwd. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("pnpm-workspace.yaml not found above the test file");
    dir = parent;
  }
  return dir;
}

/** A seed article from ../shared/seeds next to the checkout. */
export function readSeed(name: string): string {
  return readFileSync(join(repoRoot(), "..", "shared", "seeds", name), "utf8");
}

export function readFixture(name: string): string {
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), name), "utf8");
}

export const NIPPON_SEED = "000_692c35d782a7bbcb.txt";
export const CAIXIN_SEED = "002_41147d8f43a0c177.txt";
