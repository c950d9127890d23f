import { z } from "zod";

/** What a watch follows: an entity (its slug), a full-text query (websearch syntax), or an outlet (id or domain). */
export const watchKinds = ["entity", "query", "outlet"] as const;
export const zWatchKind = z.enum(watchKinds, "kind must be entity, query or outlet");
export type WatchKind = z.infer<typeof zWatchKind>;

export const alertKinds = ["new-article", "briefing-changed"] as const;
export const zAlertKind = z.enum(alertKinds);
export type AlertKind = z.infer<typeof zAlertKind>;

export const deliveryStatuses = ["pending", "delivered", "retrying", "failed"] as const;
export const zDeliveryStatus = z.enum(deliveryStatuses);
export type DeliveryStatus = z.infer<typeof zDeliveryStatus>;

const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** An http(s) URL a webhook may be sent to: nothing else is ever posted to. */
export const zWebhookUrl = z
  .string()
  .trim()
  .max(2_000, "the webhook URL is at most 2,000 characters")
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "the webhook URL must be an http:// or https:// address")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.username === "" && url.password === "";
    } catch {
      return true;
    }
  }, "the webhook URL must not contain a user name or password");

/**
 * A watch's value in its stored form, checked by kind: a lower-case entity slug (`shigeru-ishiba`), a query of at
 * most 300 characters, an outlet's source id or domain (`nikkei.com`, without `www.` or a scheme).
 */
export function normalizeWatchValue(
  kind: WatchKind,
  raw: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const value = raw.trim();
  if (value === "") return { ok: false, message: `the ${kind} to watch is empty` };
  if (CONTROL.test(value)) return { ok: false, message: "the value contains control characters" };
  switch (kind) {
    case "entity": {
      const slug = value.toLowerCase();
      if (slug.length > 120 || !SLUG.test(slug))
        return {
          ok: false,
          message: `“${value.slice(0, 60)}” is not an entity slug (lower-case words joined by hyphens, as in /entities/shigeru-ishiba)`,
        };
      return { ok: true, value: slug };
    }
    case "query":
      if (value.length > 300) return { ok: false, message: "the query is at most 300 characters" };
      if (!/[\p{L}\p{N}]/u.test(value)) return { ok: false, message: "the query has no word to look for" };
      return { ok: true, value: value.replace(/\s+/g, " ") };
    case "outlet": {
      if (UUID.test(value)) return { ok: true, value: value.toLowerCase() };
      let host = value.toLowerCase();
      if (/^https?:\/\//.test(host)) {
        try {
          host = new URL(host).hostname;
        } catch {
          return { ok: false, message: `“${value.slice(0, 60)}” is not an outlet domain or source id` };
        }
      }
      host = host.replace(/^www\./, "").replace(/\.$/, "");
      if (!DOMAIN.test(host))
        return {
          ok: false,
          message: `“${value.slice(0, 60)}” is not an outlet domain (such as nikkei.com) or source id`,
        };
      return { ok: true, value: host };
    }
  }
}

export const zNewWatch = z
  .object({
    kind: zWatchKind,
    value: z.string().max(2_000, "the value is at most 2,000 characters"),
    label: z
      .string()
      .trim()
      .max(120, "the label is at most 120 characters")
      .refine((v) => !CONTROL.test(v), "the label contains control characters")
      .optional()
      .transform((v) => (v ? v : null)),
    webhookUrl: z
      .union([z.literal(""), zWebhookUrl])
      .nullish()
      .transform((v) => (v ? v : null)),
  })
  .transform((input, ctx) => {
    const checked = normalizeWatchValue(input.kind, input.value);
    if (!checked.ok) {
      ctx.addIssue({ code: "custom", path: ["value"], message: checked.message });
      return z.NEVER;
    }
    return { ...input, value: checked.value };
  });
export type NewWatch = z.output<typeof zNewWatch>;

export const zWatch = z.object({
  id: z.uuid(),
  kind: zWatchKind,
  value: z.string(),
  label: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  createdAt: z.date(),
  lastAlertAt: z.date().nullable(),
  alertCount: z.number().int(),
  unreadCount: z.number().int(),
});
export type Watch = z.infer<typeof zWatch>;

export const zWebhookDelivery = z.object({
  status: zDeliveryStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  deliveredAt: z.date().nullable(),
});
export type WebhookDelivery = z.infer<typeof zWebhookDelivery>;

export const zAlert = z.object({
  id: z.uuid(),
  watchId: z.uuid(),
  watchLabel: z.string(),
  kind: zAlertKind,
  articleId: z.uuid().nullable(),
  storyId: z.uuid().nullable(),
  version: z.number().int().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
  delivery: zWebhookDelivery.nullable(),
});
export type Alert = z.infer<typeof zAlert>;

/** The JSON a webhook receiver gets (the body that is signed). */
export const zWebhookPayload = z.object({
  id: z.uuid(),
  kind: zAlertKind,
  createdAt: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  url: z.string(),
  watch: z.object({ id: z.uuid(), kind: zWatchKind, value: z.string(), label: z.string().nullable() }),
  article: z.object({ id: z.uuid() }).nullable(),
  story: z.object({ id: z.uuid(), version: z.number().int() }).nullable(),
});
export type WebhookPayload = z.infer<typeof zWebhookPayload>;
