import type { WebhookPayload } from "@parallax/core";
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from "@parallax/core/watch";
import type { DeliveryContext } from "@parallax/db";
import { defaultFetchGuard, type FetchGuard, refusalOf } from "@parallax/net";

/** A receiver gets this long to answer; a slow one is retried later, never waited on by the pipeline. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** The signed JSON body: the same bytes on every attempt, so a receiver can de-duplicate by `id`. */
export function webhookPayload(context: DeliveryContext, publicUrl: string): WebhookPayload {
  const { alert, watch } = context;
  const origin = publicUrl.replace(/\/+$/, "");
  const url = alert.articleId
    ? `${origin}/articles/${alert.articleId}`
    : `${origin}/stories/${alert.storyId}?version=${alert.version}`;
  return {
    id: alert.id,
    kind: alert.kind,
    createdAt: alert.createdAt.toISOString(),
    title: alert.title,
    summary: alert.summary,
    url,
    watch: { id: watch.id, kind: watch.kind, value: watch.value, label: watch.label },
    article: alert.articleId ? { id: alert.articleId } : null,
    story: alert.storyId && alert.version !== null ? { id: alert.storyId, version: alert.version } : null,
  };
}

export type DeliveryOutcome =
  | { kind: "delivered"; status: number }
  /** Worth trying again: network trouble, timeout, 408, 429, 5xx. */
  | { kind: "retry"; status: number | null; error: string }
  /**
   * The receiver refused the request itself (other 4xx, a redirect), or its address is one Parallax may not
   * reach (no status then): sending it again changes nothing.
   */
  | { kind: "permanent"; status: number | null; error: string };

/**
 * One POST of a signed alert, through the guard: a watch's webhook URL must not reach this machine, its network
 * or a metadata service, whatever its name resolves to. Never throws: the caller decides from the outcome
 * whether to retry.
 */
export async function postWebhook(
  url: string,
  secret: string,
  payload: WebhookPayload,
  options: { timeoutMs?: number; now?: () => number; guard?: FetchGuard } = {},
): Promise<DeliveryOutcome> {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const guard = options.guard ?? defaultFetchGuard();
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Awaited<ReturnType<FetchGuard["request"]>>;
  try {
    // undici's request never follows redirects, so a receiver cannot bounce the alert to another address.
    response = await guard.request(url, {
      method: "POST",
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Parallax-Webhook/1",
        [EVENT_HEADER]: payload.kind,
        [DELIVERY_HEADER]: payload.id,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
      },
      body,
    });
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { kind: "permanent", status: null, error: refusal.message };
    const code = (error as { code?: string } | null)?.code;
    const message =
      signal.aborted || code === "UND_ERR_HEADERS_TIMEOUT"
        ? `no answer within ${timeoutMs / 1000} s`
        : `could not reach the receiver: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`;
    return { kind: "retry", status: null, error: message };
  }
  // The answer's body is not needed; reading it would let a receiver hold the worker with an endless stream.
  response.body.on("error", () => {}).destroy();
  const status = response.statusCode;
  if (status >= 200 && status < 300) return { kind: "delivered", status };
  if (status === 408 || status === 429 || status >= 500)
    return { kind: "retry", status, error: `the receiver answered HTTP ${status}` };
  if (status >= 300 && status < 400)
    return {
      kind: "permanent",
      status,
      error: `the receiver answered a redirect (HTTP ${status}); webhooks are not redirected, use the final URL`,
    };
  return { kind: "permanent", status, error: `the receiver refused the alert with HTTP ${status}` };
}
