import { describe, expect, it } from "vitest";
import { createLog } from "./log";

describe("worker log", () => {
  it("prints an error quoting DATABASE_URL with the password redacted", () => {
    const lines: string[] = [];
    const log = createLog((text) => lines.push(text));
    const error = new Error(
      "password authentication failed for postgres://parallax:pa55w0rd@db:5432/parallax",
    );
    log(`article 1 failed: ${error.message}`);
    log("webhook to https://hooks.example/in?secret=f00ba4 answered 500");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT.* article 1 failed: .*postgres:\/\/parallax:\[redacted\]@db:5432\/parallax\n$/,
    );
    expect(lines.join("")).not.toMatch(/pa55w0rd|f00ba4/);
  });
});
