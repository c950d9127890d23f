import { describe, expect, it } from "vitest";
import { clientIdentity } from "./client-id";

describe("clientIdentity", () => {
  it("takes the first X-Forwarded-For address behind a trusted proxy", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2", "x-real-ip": "10.0.0.2" });
    expect(clientIdentity(headers, true)).toBe("ip:203.0.113.9");
  });

  it("falls back to X-Real-IP, then to the shared identity, behind a trusted proxy", () => {
    expect(clientIdentity(new Headers({ "x-real-ip": "2001:DB8::1" }), true)).toBe("ip:2001:db8::1");
    expect(clientIdentity(new Headers(), true)).toBe("direct");
  });

  it("ignores forwarding headers a client could have written when no proxy is trusted", () => {
    const headers = new Headers({ "x-forwarded-for": "198.51.100.7", "x-real-ip": "198.51.100.7" });
    expect(clientIdentity(headers, false)).toBe("direct");
  });
});

describe("clientIdentity with an API token", () => {
  it("makes a valid token its own client, ahead of any address", () => {
    const viewer = {
      kind: "token",
      tokenId: "t-1",
      name: "script",
      prefix: "pxt_abcdefgh",
      scope: "submit",
    } as const;
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9" });
    expect(clientIdentity(headers, true, viewer)).toBe("token:t-1");
    expect(clientIdentity(headers, false, viewer)).toBe("token:t-1");
    expect(clientIdentity(headers, true, { kind: "anonymous" })).toBe("ip:203.0.113.9");
  });
});
