import { describe, expect, it } from "vitest";
import { normalizeWatchValue, zNewWatch } from "./watch";

describe("watch input", () => {
  it("normalizes each kind's value", () => {
    expect(normalizeWatchValue("entity", " Shigeru-Ishiba ")).toEqual({ ok: true, value: "shigeru-ishiba" });
    expect(normalizeWatchValue("outlet", "https://www.Nikkei.com/news")).toEqual({
      ok: true,
      value: "nikkei.com",
    });
    expect(normalizeWatchValue("query", "  tariff   -steel ")).toEqual({ ok: true, value: "tariff -steel" });
  });

  it("names the problem with a bad value", () => {
    expect(normalizeWatchValue("entity", "Shigeru Ishiba")).toMatchObject({
      ok: false,
      message: /not an entity slug/,
    });
    expect(normalizeWatchValue("outlet", "not a domain")).toMatchObject({
      ok: false,
      message: /not an outlet/,
    });
    expect(normalizeWatchValue("query", "   ")).toMatchObject({ ok: false, message: /empty/ });
    expect(normalizeWatchValue("query", "--- ***")).toMatchObject({ ok: false, message: /no word/ });
  });

  it("accepts only http(s) webhook URLs", () => {
    const base = { kind: "query", value: "tariff" } as const;
    expect(zNewWatch.parse({ ...base, webhookUrl: "" }).webhookUrl).toBeNull();
    expect(zNewWatch.parse({ ...base, webhookUrl: "https://hooks.example/x" }).webhookUrl).toBe(
      "https://hooks.example/x",
    );
    const bad = zNewWatch.safeParse({ ...base, webhookUrl: "file:///etc/passwd" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/http:\/\/ or https:\/\//);
    const value = zNewWatch.safeParse({ kind: "entity", value: "Two Words" });
    expect(value.error?.issues[0]).toMatchObject({ path: ["value"] });
  });
});
