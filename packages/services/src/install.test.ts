import { describe, expect, it } from "vitest";
import { ensureDebianPackage, findOnPath } from "./install";

describe("ensureDebianPackage", () => {
  it("finds executables on PATH and not elsewhere", () => {
    expect(findOnPath("sh")).toMatch(/\/sh$/);
    expect(findOnPath("sh", "/nonexistent")).toBeUndefined();
    expect(findOnPath("parallax-no-such-binary")).toBeUndefined();
  });

  it("reports true without installing anything when the binary is already on PATH", async () => {
    const lines: string[] = [];
    expect(await ensureDebianPackage("sh", "dash", (line) => lines.push(line))).toBe(true);
    expect(lines).toEqual([]);
  });
});
