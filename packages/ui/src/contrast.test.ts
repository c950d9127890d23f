import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The palette in styles.css, audited as WCAG 2.2 computes contrast: text needs 4.5:1 against every background
 * it is drawn on (1.4.3), focus rings and input borders 3:1 (1.4.11). Read from the stylesheet itself, so a
 * colour changed there is checked here.
 */
const css = readFileSync(new URL("./styles.css", import.meta.url), "utf8");

function palette(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1], m[2]]),
  );
}

const roots = [...css.matchAll(/:root\s*\{([^}]*)\}/g)].map((m) => m[1] ?? "");
const light = palette(roots[0] ?? "");
const darkOnly = palette(css.match(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/)?.[1] ?? "");
const dark = { ...light, ...darkOnly };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const backgrounds = ["bg", "surface", "highlight", "error-bg", "ok-bg", "warn-bg", "info-bg"];
const textPairs: [string, string][] = [
  ...["text", "muted", "link", "link-visited"].flatMap((fg) =>
    backgrounds.map((bg): [string, string] => [fg, bg]),
  ),
  ...["error", "ok", "warn", "info"].flatMap((fg) =>
    ["bg", "surface", `${fg}-bg`].map((bg): [string, string] => [fg, bg]),
  ),
  ["accent-text", "accent"],
];
const uiPairs: [string, string][] = [
  ["focus", "bg"],
  ["focus", "surface"],
  ["focus", "highlight"],
  ["muted", "surface"],
  ["muted", "bg"],
];

describe.each([
  ["light", light],
  ["dark", dark],
])("the %s palette", (_scheme, colours) => {
  it("redefines every colour of the light palette for dark mode", () => {
    const colourNames = Object.keys(light).filter((name) => name !== "radius");
    expect(colourNames.filter((name) => !(name in darkOnly))).toEqual([]);
  });

  it.each(textPairs)("gives text in --%s on --%s at least 4.5:1", (fg, bg) => {
    expect(colours[fg], fg).toBeDefined();
    expect(colours[bg], bg).toBeDefined();
    expect(contrast(colours[fg] ?? "", colours[bg] ?? "")).toBeGreaterThanOrEqual(4.5);
  });

  it.each(uiPairs)("gives --%s rings and borders on --%s at least 3:1", (fg, bg) => {
    expect(contrast(colours[fg] ?? "", colours[bg] ?? "")).toBeGreaterThanOrEqual(3);
  });
});

describe("contrast", () => {
  it("matches WCAG's extremes", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#777777")).toBe(1);
  });
});
