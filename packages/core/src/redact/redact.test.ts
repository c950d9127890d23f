import { describe, expect, it } from "vitest";
import { describeForLog, redactSecrets } from "./index";

describe("redactSecrets", () => {
  it.each([
    [
      "connect ECONNREFUSED postgres://parallax:s3cr3t-pw@db.internal:5432/parallax",
      "connect ECONNREFUSED postgres://parallax:[redacted]@db.internal:5432/parallax",
    ],
    ["REDIS_URL=redis://:hunter2@127.0.0.1:6379/0", "REDIS_URL=redis://:[redacted]@127.0.0.1:6379/0"],
    ["GET https://bob:pa%24%24@example.com/feed.xml", "GET https://bob:[redacted]@example.com/feed.xml"],
    ["Authorization: Bearer pxt_abcdef0123456789", "Authorization: [redacted]"],
    ['headers {"authorization":"Basic dXNlcjpwYXNz"}', 'headers {"authorization":"[redacted]"}'],
    [
      "POST https://hooks.example/in?secret=abc123&x=1 failed",
      "POST https://hooks.example/in?secret=[redacted]&x=1 failed",
    ],
    ['{"webhookSecret":"9f8e7d6c","url":"https://a"}', '{"webhookSecret":"[redacted]","url":"https://a"}'],
    ["webhook_secret = 9f8e7d6c", "webhook_secret = [redacted]"],
    ["x-parallax-signature: sha256=deadbeef", "x-parallax-signature: [redacted]"],
    ["token pxt_Zm9vYmFyYmF6cXV4 refused", "token pxt_[redacted] refused"],
  ])("%s", (line, expected) => {
    expect(redactSecrets(line)).toBe(expected);
  });

  it("leaves lines without secrets as they are", () => {
    for (const line of [
      "article 0b1c… failed: robots.txt of example.com disallows /a for Parallax",
      'worker ready (queue prefix "parallax", concurrency 4)',
      "GET https://example.com/2026/03/03/story?utm_source=x",
      "postgres://db.internal:5432/parallax",
      "the secret to a good briefing is its citations",
    ]) {
      expect(redactSecrets(line)).toBe(line);
    }
  });

  it("redacts a DATABASE_URL quoted in an error's message and stack", () => {
    const error = new Error('could not connect to "postgresql://admin:Tr0ub4dor@10.0.0.5/parallax"');
    const line = describeForLog(error);
    expect(line).toContain("postgresql://admin:[redacted]@10.0.0.5/parallax");
    expect(line).not.toContain("Tr0ub4dor");
    expect(line).toContain("redact.test.ts");
  });
});
