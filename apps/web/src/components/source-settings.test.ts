import { describe, expect, it } from "vitest";
import { checkSettings, sectionLines, settingsErrors } from "./source-settings";

describe("source settings form", () => {
  it("reads one opinion section per line, skipping blank lines", () => {
    expect(sectionLines(" /opinion/ \r\n\nCommentary\n")).toEqual(["/opinion/", "Commentary"]);
  });

  it("checks country, perspective and sections before sending", () => {
    expect(checkSettings({ country: "JPN", perspective: "", opinionSections: "" }).country).toMatch(
      /two-letter/,
    );
    expect(
      checkSettings({ country: "", perspective: "x".repeat(81), opinionSections: "" }).perspective,
    ).toMatch(/80/);
    expect(
      checkSettings({ country: "", perspective: "", opinionSections: Array(21).fill("a").join("\n") })
        .opinionSections,
    ).toMatch(/there are 21/);
    expect(
      checkSettings({ country: "jp", perspective: "Japanese centre-right", opinionSections: "/opinion/" }),
    ).toEqual({});
  });

  it("puts the server's issues on the right fields", () => {
    const { fields, general } = settingsErrors([
      { path: "country", message: "country must be an ISO 3166-1 alpha-2 code" },
      { path: "opinionSections.2", message: "an opinion section is at most 80 characters" },
      { path: "id", message: "not a source id" },
    ]);
    expect(fields.country).toMatch(/ISO/);
    expect(fields.opinionSections).toBe("Line 3: an opinion section is at most 80 characters");
    expect(general).toEqual(["not a source id"]);
  });
});
