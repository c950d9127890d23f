import { describe, expect, it } from "vitest";
import { hostKey } from "./host-limiter";
import { buildUserAgent, DEFAULT_USER_AGENT } from "./user-agent";

describe("User-Agent", () => {
  it("names Parallax, its version and the operator's contact", () => {
    expect(buildUserAgent("https://news.example.org/about")).toBe(
      "Parallax/0.1 (+https://news.example.org/about; self-hosted news reader)",
    );
    expect(DEFAULT_USER_AGENT).toMatch(/^Parallax\/0\.1 \(\+https:\/\/\S+; self-hosted news reader\)$/);
  });

  it("keeps control characters and comment delimiters out of the header", () => {
    expect(buildUserAgent("https://x.example/a(b);c\r\nX-Evil: 1")).toBe(
      "Parallax/0.1 (+https://x.example/abcX-Evil: 1; self-hosted news reader)",
    );
    expect(buildUserAgent("\u0000 ")).toBe(DEFAULT_USER_AGENT);
  });
});

describe("hostKey", () => {
  it("is the lowercased punycode hostname without www", () => {
    expect(hostKey("https://WWW.Example.COM:8443/a?b")).toBe("example.com");
    expect(hostKey("http://news.example.com/")).toBe("news.example.com");
    expect(hostKey("https://www.bücher.de/")).toBe("xn--bcher-kva.de");
    expect(hostKey("http://[::1]:8080/")).toBe("[::1]");
    expect(hostKey(new URL("http://www.www.example/"))).toBe("www.example");
  });
});
