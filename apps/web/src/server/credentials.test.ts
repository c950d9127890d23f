import { describe, expect, it } from "vitest";
import {
  bearerToken,
  clearedSessionCookie,
  crossSiteReason,
  isHttps,
  readCookie,
  safeNextPath,
  sessionCookie,
} from "./credentials";

describe("request credentials", () => {
  it("reads a bearer token and a named cookie", () => {
    expect(bearerToken(new Headers({ authorization: "Bearer pxt_abc" }))).toBe("pxt_abc");
    expect(bearerToken(new Headers({ authorization: "Basic dXNlcg==" }))).toBeNull();
    const headers = new Headers({ cookie: "a=1; parallax_session=tok=en; other=2" });
    expect(readCookie(headers, "parallax_session")).toBe("tok=en");
    expect(readCookie(headers, "session")).toBeNull();
  });

  it("refuses cookie-authenticated changes from another site, lets same-origin and safe requests through", () => {
    const same = new Headers({ host: "news.local:3000", origin: "http://news.local:3000" });
    expect(crossSiteReason("POST", same, false)).toBeNull();
    const evil = new Headers({ host: "news.local:3000", origin: "https://evil.example" });
    expect(crossSiteReason("POST", evil, false)).toMatch(/evil\.example/);
    expect(crossSiteReason("GET", evil, false)).toBeNull();
    expect(crossSiteReason("POST", new Headers({ "sec-fetch-site": "cross-site" }), false)).toMatch(
      /cross-site/,
    );
    expect(crossSiteReason("POST", new Headers({ "sec-fetch-site": "same-site" }), false)).toMatch(
      /same-site/,
    );
    expect(crossSiteReason("POST", new Headers({ host: "a", origin: "null" }), false)).not.toBeNull();
    // Behind a trusted proxy the public host is the forwarded one.
    const proxied = new Headers({
      host: "127.0.0.1:3000",
      "x-forwarded-host": "news.example",
      origin: "https://news.example",
    });
    expect(crossSiteReason("POST", proxied, true)).toBeNull();
    expect(crossSiteReason("POST", proxied, false)).not.toBeNull();
    // The browser's own Sec-Fetch-Site outranks a Host header a proxy rewrote.
    const rewritten = new Headers({
      host: "127.0.0.1:3000",
      origin: "https://news.example",
      "sec-fetch-site": "same-origin",
    });
    expect(crossSiteReason("POST", rewritten, false)).toBeNull();
    expect(crossSiteReason("POST", new Headers({ "sec-fetch-site": "none" }), false)).toBeNull();
  });

  it("sets a HttpOnly, SameSite=Lax cookie, with the __Host- prefix and Secure only over https", () => {
    const expires = new Date("2030-01-01T00:00:00Z");
    expect(sessionCookie("t", expires, false)).toBe(
      "parallax_session=t; Path=/; HttpOnly; SameSite=Lax; Expires=Tue, 01 Jan 2030 00:00:00 GMT",
    );
    expect(sessionCookie("t", expires, true)).toMatch(
      /^__Host-parallax_session=t; Path=\/; HttpOnly; .*; Secure$/,
    );
    expect(clearedSessionCookie(false)).toContain("Max-Age=0");
    expect(isHttps(new Headers({ "x-forwarded-proto": "https" }), true)).toBe(true);
    expect(isHttps(new Headers({ "x-forwarded-proto": "https" }), false)).toBe(false);
  });

  it("sends people back only to paths of this site", () => {
    expect(safeNextPath("/jobs?stage=ingest")).toBe("/jobs?stage=ingest");
    for (const bad of [
      "//evil.example",
      "https://evil.example",
      "/\\evil.example",
      "jobs",
      undefined,
      "/\nx",
    ])
      expect(safeNextPath(bad)).toBe("/");
  });
});
