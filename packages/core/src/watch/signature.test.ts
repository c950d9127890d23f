import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./signature";

const secret = "s3cret-0123456789abcdef";
const body = JSON.stringify({ id: "x", title: "Tariffs rise" });
const now = 1_800_000_000;

describe("webhook signatures", () => {
  it("accepts a signature made over the same timestamp and body", () => {
    const signature = signWebhook(secret, now, body);
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(now), now })).toEqual({
      ok: true,
    });
  });

  it("rejects a tampered body, another secret and a changed timestamp", () => {
    const signature = signWebhook(secret, now, body);
    const check = (over: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({ secret, body, signature, timestamp: String(now), now, ...over });
    expect(check({ body: body.replace("rise", "fall") })).toMatchObject({
      ok: false,
      reason: /does not match/,
    });
    expect(check({ secret: "other" })).toMatchObject({ ok: false });
    expect(check({ timestamp: String(now - 1) })).toMatchObject({ ok: false, reason: /does not match/ });
  });

  it("rejects old timestamps, missing headers and malformed signatures", () => {
    const old = now - 301;
    const signature = signWebhook(secret, old, body);
    expect(verifyWebhookSignature({ secret, body, signature, timestamp: String(old), now })).toMatchObject({
      ok: false,
      reason: /replay/,
    });
    expect(
      verifyWebhookSignature({ secret, body, signature: null, timestamp: String(now), now }),
    ).toMatchObject({
      ok: false,
    });
    expect(
      verifyWebhookSignature({ secret, body, signature: "sha256=zz", timestamp: String(now), now }),
    ).toMatchObject({ ok: false, reason: /64 hex/ });
    expect(
      verifyWebhookSignature({ secret, body, signature: "x", timestamp: "yesterday", now }),
    ).toMatchObject({
      ok: false,
      reason: /unix seconds/,
    });
  });
});
