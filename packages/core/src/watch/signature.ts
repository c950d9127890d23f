import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures. A delivery carries `X-Parallax-Timestamp: <unix seconds>` and
 * `X-Parallax-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. A receiver verifies by
 * recomputing the HMAC over the exact bytes it received, comparing in constant time, and refusing timestamps
 * older (or newer) than a tolerance, so a captured request cannot be replayed later. `verifyWebhookSignature` does
 * all three; receivers in other languages do the same steps.
 */
export const SIGNATURE_HEADER = "X-Parallax-Signature";
export const TIMESTAMP_HEADER = "X-Parallax-Timestamp";
export const EVENT_HEADER = "X-Parallax-Event";
export const DELIVERY_HEADER = "X-Parallax-Delivery";
/** Five minutes, as Stripe and GitHub receivers commonly allow for clock skew and queueing. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface VerifyInput {
  secret: string;
  body: string;
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  /** Unix seconds; the current time unless given (tests). */
  now?: number;
  toleranceSeconds?: number;
}

export function verifyWebhookSignature(input: VerifyInput): VerifyResult {
  const { secret, body, signature, timestamp } = input;
  if (!signature) return { ok: false, reason: `no ${SIGNATURE_HEADER} header` };
  if (!timestamp || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, reason: `${TIMESTAMP_HEADER} is missing or not unix seconds` };
  const now = input.now ?? Math.floor(Date.now() / 1000);
  const tolerance = input.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  if (Math.abs(now - Number(timestamp)) > tolerance)
    return { ok: false, reason: `timestamp is more than ${tolerance} s away from now (a replay?)` };
  const match = /^sha256=([0-9a-f]{64})$/.exec(signature.trim());
  if (!match) return { ok: false, reason: `${SIGNATURE_HEADER} is not sha256=<64 hex digits>` };
  const expected = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest();
  const given = Buffer.from(match[1]!, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: "signature does not match the body" };
  return { ok: true };
}
