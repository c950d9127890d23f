import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookPayload } from "@parallax/core";
import { verifyWebhookSignature } from "@parallax/core/watch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchGuard } from "@parallax/net";
import { postWebhook } from "./deliver";

let server: Server;
let origin: string;
// The receiver is on loopback, which webhooks may reach only through the allow-list.
const guard = new FetchGuard({ allow: "127.0.0.1" });
const bodies: Array<{ body: string; signature: string; timestamp: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodies.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: String(req.headers["x-parallax-signature"]),
        timestamp: String(req.headers["x-parallax-timestamp"]),
      });
      const status = Number(req.url?.slice(1));
      if (req.url === "/slow") return;
      if (status === 302) return res.writeHead(302, { Location: "/200" }).end();
      res.writeHead(status || 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await guard.close();
  await new Promise((resolve) => server.close(resolve));
});

const payload: WebhookPayload = {
  id: "0b9f6a56-8a8c-4a38-9d43-1f4f1d9d2f11",
  kind: "new-article",
  createdAt: "2026-03-02T10:00:00.000Z",
  title: "Tariffs rise",
  summary: null,
  url: "https://parallax.example/articles/d1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11",
  watch: { id: "c1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11", kind: "query", value: "tariffs", label: null },
  article: { id: "d1b9f6a5-8a8c-4a38-9d43-1f4f1d9d2f11" },
  story: null,
};

describe("posting a webhook", () => {
  it("signs the body it sends and counts 2xx as delivered", async () => {
    expect(await postWebhook(`${origin}/204`, "secret", payload, { guard })).toEqual({
      kind: "delivered",
      status: 204,
    });
    const last = bodies.at(-1)!;
    expect(verifyWebhookSignature({ secret: "secret", ...last })).toEqual({ ok: true });
    expect(JSON.parse(last.body)).toEqual(payload);
  });

  it("retries 5xx, 408, 429, timeouts and unreachable hosts; gives up on other 4xx and redirects", async () => {
    expect(await postWebhook(`${origin}/500`, "s", payload, { guard })).toMatchObject({
      kind: "retry",
      status: 500,
    });
    expect(await postWebhook(`${origin}/408`, "s", payload, { guard })).toMatchObject({
      kind: "retry",
      status: 408,
    });
    expect(await postWebhook(`${origin}/429`, "s", payload, { guard })).toMatchObject({
      kind: "retry",
      status: 429,
    });
    expect(await postWebhook(`${origin}/404`, "s", payload, { guard })).toMatchObject({
      kind: "permanent",
      status: 404,
    });
    expect(await postWebhook(`${origin}/302`, "s", payload, { guard })).toMatchObject({
      kind: "permanent",
      error: /redirect/,
    });
    expect(await postWebhook(`${origin}/slow`, "s", payload, { timeoutMs: 200, guard })).toEqual({
      kind: "retry",
      status: null,
      error: "no answer within 0.2 s",
    });
    // A port nothing listens on (the server's own, once closed, would race; port 9 is discard, closed here).
    expect(await postWebhook("http://127.0.0.1:9/", "s", payload, { guard })).toMatchObject({
      kind: "retry",
      status: null,
      error: /could not reach the receiver/,
    });
  });

  it("never posts to a private, loopback or metadata address, and says why without retrying", async () => {
    const before = bodies.length;
    expect(await postWebhook(`${origin}/204`, "s", payload)).toEqual({
      kind: "permanent",
      status: null,
      error: `${origin}/204 refused: 127.0.0.1 is a loopback address`,
    });
    expect(await postWebhook("http://10.0.0.5/hook", "s", payload, { guard })).toEqual({
      kind: "permanent",
      status: null,
      error: "http://10.0.0.5/hook refused: 10.0.0.5 is a private address",
    });
    expect(await postWebhook("http://[fd00:ec2::254]/latest", "s", payload, { guard })).toMatchObject({
      kind: "permanent",
      error: "http://[fd00:ec2::254]/latest refused: fd00:ec2::254 is a cloud metadata address",
    });
    expect(bodies.length).toBe(before);
  });
});
