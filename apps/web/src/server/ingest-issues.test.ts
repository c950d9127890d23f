import { describe, expect, it } from "vitest";
import { explainIngestIssues } from "./ingest-issues";

describe("explainIngestIssues", () => {
  it("asks for one of url, text or html when none is given", () => {
    expect(explainIngestIssues({}).error).toBe("request must include one of: url, text, html");
  });

  it("explains a text submission against the text form, field by field", () => {
    const explained = explainIngestIssues({ text: "  ", title: "" });
    expect(explained.issues.map((issue) => issue.path).sort()).toEqual(["text", "title"]);
    expect(explained.error).toMatch(/^(text|title): /);
  });

  it("rejects a URL that is not http(s)", () => {
    expect(explainIngestIssues({ url: "ftp://a.example/" }).error).toBe("url: must be an http(s) URL");
  });

  it("rejects a body that is not an object", () => {
    expect(explainIngestIssues(["https://a.example/"]).error).toBe("request body must be a JSON object");
  });
});
