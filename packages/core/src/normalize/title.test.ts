import { describe, expect, it } from "vitest";
import { stripSiteSuffix } from "./title";

describe("stripSiteSuffix", () => {
  it.each([
    ["Takaichi’s Gamble | Nippon.com", null, "Takaichi’s Gamble"],
    ["Harbour Plan Approved | Coast News", null, "Harbour Plan Approved"],
    ["Harbour Plan Approved - The Harbour Times", "The Harbour Times", "Harbour Plan Approved"],
    ["Harbour Plan Approved – harbourtimes.example", null, "Harbour Plan Approved"],
    ["Harbour Plan Approved | Politics | Coast News", "Coast News", "Harbour Plan Approved"],
    [
      "Coast News | Harbour Plan Approved by the Council",
      "Coast News",
      "Harbour Plan Approved by the Council",
    ],
    ["Rates Hold Steady | SPIEGEL ONLINE", "DER SPIEGEL", "Rates Hold Steady"],
    [
      "Heinen-Esser offen für Existenzgründungsprämie | Wochenblatt",
      "wochenblatt.com",
      "Heinen-Esser offen für Existenzgründungsprämie",
    ],
  ])("%j (site %j) → %j", (title, site, expected) => {
    expect(stripSiteSuffix(title, site)).toBe(expected);
  });

  it("keeps a suffix that is part of the headline", () => {
    expect(stripSiteSuffix("Spider-Man - Far From Home", "Film Weekly")).toBe("Spider-Man - Far From Home");
    expect(stripSiteSuffix("Biden - Trump - CNN", "CNN")).toBe("Biden - Trump");
    expect(stripSiteSuffix("Ukraine: What Happens Next", "Example News")).toBe("Ukraine: What Happens Next");
  });
});
