import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Paragraph } from "../../../schemas/paragraph";

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("pnpm-workspace.yaml not found above the test file");
    dir = parent;
  }
  return dir;
}

/** A seed article from ../shared/seeds next to the checkout, one paragraph per non-empty line. */
export function seedParagraphs(name: string): Paragraph[] {
  const text = readFileSync(join(repoRoot(), "..", "shared", "seeds", name), "utf8");
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, i) => ({ n: i + 1, kind: "paragraph" as const, text: line }));
}

export const paragraphs = (...texts: string[]): Paragraph[] =>
  texts.map((text, i) => ({ n: i + 1, kind: "paragraph" as const, text }));

export const NIPPON_SEED = "000_692c35d782a7bbcb.txt";
export const CAIXIN_SEED = "002_41147d8f43a0c177.txt";
