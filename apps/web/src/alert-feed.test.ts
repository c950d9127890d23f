import type { Alert, Watch } from "@parallax/core";
import { describe, expect, it } from "vitest";
import { deliveryWords, watchAtomFeed, zWatchFeedFile } from "./alert-feed";

const watch: Watch = {
  id: "0b9f6a56-8a8c-4a38-9d43-1f4f1d9d2f11",
  kind: "query",
  value: "tariffs -steel",
  label: null,
  webhookUrl: null,
  createdAt: new Date("2026-03-01T00:00:00Z"),
  lastAlertAt: new Date("2026-03-02T10:00:00Z"),
  alertCount: 2,
  unreadCount: 1,
};
const base = { watchId: watch.id, watchLabel: "Search: tariffs -steel", readAt: null, delivery: null };
const alerts: Alert[] = [
  {
    ...base,
    id: "a1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11",
    kind: "briefing-changed",
    articleId: null,
    storyId: "c1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11",
    version: 3,
    title: "Tariffs <b>rise</b> & fall",
    summary: "Briefing version 3, from 4 articles",
    createdAt: new Date("2026-03-02T10:00:00Z"),
  },
  {
    ...base,
    id: "b1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11",
    kind: "new-article",
    articleId: "d1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11",
    storyId: null,
    version: null,
    title: "Tokyo weighs tariffs\u0001",
    summary: null,
    createdAt: new Date("2026-03-01T09:00:00Z"),
  },
];

describe("a watch's Atom feed", () => {
  it("has one entry per alert linking to the article or the briefing version, with markup escaped", () => {
    const xml = watchAtomFeed("https://parallax.example", watch, alerts);
    expect(xml).toContain("Parallax alerts: Search: tariffs -steel");
    expect(xml).toContain("<id>urn:parallax:watch:0b9f6a56-8a8c-4a38-9d43-1f4f1d9d2f11</id>");
    expect(xml).toContain("https://parallax.example/stories/c1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11?version=3");
    expect(xml).toContain("https://parallax.example/articles/d1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11");
    expect(xml).toContain("Tariffs &lt;b&gt;rise&lt;/b&gt;");
    expect(xml).not.toContain("<b>rise</b>");
    expect(xml).not.toContain("\u0001");
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain("<updated>2026-03-02T10:00:00.000Z</updated>");
  });

  it("is served only as <watch id>.atom", () => {
    expect(zWatchFeedFile.parse(`${watch.id}.atom`)).toBe(watch.id);
    expect(zWatchFeedFile.safeParse(`${watch.id}.json`).success).toBe(false);
    expect(zWatchFeedFile.safeParse("../etc.atom").success).toBe(false);
  });
});

describe("a webhook delivery in words", () => {
  it("says the state, the attempts and the last error", () => {
    const d = { attempts: 1, lastError: null, deliveredAt: null };
    expect(deliveryWords({ ...d, status: "pending", attempts: 0 })).toBe("Webhook: waiting to be sent");
    expect(deliveryWords({ ...d, status: "delivered" })).toBe("Webhook: delivered after 1 attempt");
    expect(
      deliveryWords({ ...d, status: "retrying", attempts: 2, lastError: "the receiver answered HTTP 500" }),
    ).toBe("Webhook: retrying after 2 attempts (the receiver answered HTTP 500)");
    expect(deliveryWords({ ...d, status: "failed", attempts: 8, lastError: "no answer within 10 s" })).toBe(
      "Webhook: failed after 8 attempts (no answer within 10 s)",
    );
  });
});
