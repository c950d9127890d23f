import type { Alert, Watch } from "@parallax/core";
import { Feed } from "feed";
import { z } from "zod";
import { escapeHtml, xmlSafe } from "./feeds";

/** `<watch id>.atom`: the only file a watch's feed is served as. */
export const zWatchFeedFile = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.atom$/i)
  .transform((file) => file.slice(0, -".atom".length).toLowerCase());

const KIND_WORDS: Record<Watch["kind"], string> = { entity: "Entity", query: "Search", outlet: "Outlet" };

export function watchTitle(watch: Pick<Watch, "kind" | "value" | "label">): string {
  return watch.label ?? `${KIND_WORDS[watch.kind]}: ${watch.value}`;
}

export function alertLink(origin: string, alert: Alert): string {
  return alert.articleId
    ? `${origin}/articles/${encodeURIComponent(alert.articleId)}`
    : `${origin}/stories/${encodeURIComponent(alert.storyId ?? "")}?version=${alert.version}`;
}

export function alertKindWords(alert: Pick<Alert, "kind" | "version">): string {
  return alert.kind === "new-article" ? "New article" : `Briefing changed (version ${alert.version})`;
}

/** One watch's alerts, newest first, as Atom 1.0: one entry per alert, its id a URN of the alert. */
export function watchAtomFeed(
  origin: string,
  watch: Watch,
  alerts: readonly Alert[],
  now = new Date(),
): string {
  const title = watchTitle(watch);
  const feed = new Feed({
    id: `urn:parallax:watch:${watch.id}`,
    title: xmlSafe(`Parallax alerts: ${title}`),
    description: xmlSafe(
      `New articles and changed briefings matching the ${watch.kind} watch “${watch.value}”.`,
    ),
    link: `${origin}/alerts`,
    updated: alerts[0]?.createdAt ?? watch.lastAlertAt ?? now,
    generator: "Parallax",
    language: "en",
    feedLinks: { atom: `${origin}/alerts/feeds/${watch.id}.atom` },
    author: { name: "Parallax", link: origin },
    copyright: "Quoted text belongs to the cited outlets",
  });
  for (const alert of alerts) {
    const summary = `${alertKindWords(alert)}${alert.summary ? `: ${alert.summary}` : ""}`;
    feed.addItem({
      id: `urn:uuid:${alert.id}`,
      title: escapeHtml(alert.title),
      link: alertLink(origin, alert),
      date: alert.createdAt,
      published: alert.createdAt,
      description: escapeHtml(summary),
    });
  }
  return feed.atom1();
}

/** The webhook's state in words: colour is never the only sign. */
export function deliveryWords(delivery: NonNullable<Alert["delivery"]>): string {
  const tries = `${delivery.attempts} attempt${delivery.attempts === 1 ? "" : "s"}`;
  switch (delivery.status) {
    case "pending":
      return "Webhook: waiting to be sent";
    case "delivered":
      return `Webhook: delivered after ${tries}`;
    case "retrying":
      return `Webhook: retrying after ${tries} (${delivery.lastError ?? "failed"})`;
    case "failed":
      return `Webhook: failed after ${tries} (${delivery.lastError ?? "gave up"})`;
  }
}
