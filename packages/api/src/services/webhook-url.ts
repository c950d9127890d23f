import { defaultFetchGuard, refusalOf } from "@parallax/net";
import { TRPCError } from "@trpc/server";
import type { Context } from "../trpc";

/**
 * Refuses, when a watch is saved, a webhook URL that could only reach this machine, its network or a metadata
 * service (an IP literal in those ranges, localhost, metadata.google.internal): the person learns it now rather
 * than from a failed delivery. Names are resolved only when delivering, where the worker checks them again.
 */
export function refuseInternalWebhook(ctx: Context, url: string): void {
  try {
    (ctx.fetchGuard ?? defaultFetchGuard()).checkUrl(url);
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `the webhook URL ${refusal.message}`,
      cause: refusal,
    });
  }
}
