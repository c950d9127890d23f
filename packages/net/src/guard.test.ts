import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchBytes } from "./fetch-bytes";
import { FetchGuard, type ResolveHost } from "./guard";

let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.headers.host} ${req.url}`);
    if (req.url === "/to-loopback")
      return res.writeHead(302, { location: `http://127.0.0.1:${port}/page` }).end();
    if (req.url === "/to-metadata")
      return res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    if (req.url === "/to-gopher") return res.writeHead(302, { location: "gopher://127.0.0.1:70/" }).end();
    if (req.url === "/to-self") return res.writeHead(302, { location: "/page" }).end();
    res.writeHead(200, { "content-type": "text/plain" }).end(`hello from ${req.headers.host}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

/** A resolver that answers from a table, as a DNS server under someone else's control could. */
const resolver = (table: Record<string, string[]>): ResolveHost & { asked: string[] } => {
  const asked: string[] = [];
  const resolve = async (hostname: string) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
};

const get = (guard: FetchGuard, url: string) =>
  fetchBytes(url, { guard, maxBytes: 10_000, timeoutMs: 5_000 });

describe("the fetch guard", () => {
  it("refuses 127.0.0.1 without the allow-list and fetches it with", async () => {
    const closed = new FetchGuard();
    const open = new FetchGuard({ allow: "127.0.0.1" });
    try {
      await expect(get(closed, `http://127.0.0.1:${port}/page`)).rejects.toThrow(
        `http://127.0.0.1:${port}/page refused: 127.0.0.1 is a loopback address`,
      );
      // The dispatcher refuses on its own too: a caller that skips checkUrl still cannot connect.
      const before = hits.length;
      await expect(
        request(`http://127.0.0.1:${port}/page`, { dispatcher: closed.dispatcher }),
      ).rejects.toMatchObject({ name: "UnsafeUrlError", reason: "127.0.0.1 is a loopback address" });
      expect(hits.length).toBe(before);

      const page = await get(open, `http://127.0.0.1:${port}/page`);
      expect(page.status).toBe(200);
      expect(page.bytes.toString()).toBe(`hello from 127.0.0.1:${port}`);
    } finally {
      await Promise.all([closed.close(), open.close()]);
    }
  });

  it("refuses odd spellings of loopback, localhost names and metadata names without resolving them", async () => {
    const resolve = resolver({});
    const guard = new FetchGuard({ resolve });
    try {
      for (const [url, reason] of [
        [`http://2130706433:${port}/`, "127.0.0.1 is a loopback address"],
        [`http://0x7f.1:${port}/`, "127.0.0.1 is a loopback address"],
        [`http://0177.0.0.1:${port}/`, "127.0.0.1 is a loopback address"],
        [`http://[::ffff:127.0.0.1]:${port}/`, "::ffff:7f00:1 is a loopback address"],
        [`http://[::1]:${port}/`, "::1 is a loopback address"],
        [`http://%31%32%37.0.0.1:${port}/`, "127.0.0.1 is a loopback address"],
        [`http://①②⑦.0.0.1:${port}/`, "127.0.0.1 is a loopback address"],
        [`http://127.0.0.1.:${port}/`, "127.0.0.1 is a loopback address"],
        [`http://0:${port}/`, "0.0.0.0 is an unspecified address"],
        ["http://localhost/", "localhost is a loopback address"],
        ["http://LOCALHOST./", "localhost. is a loopback address"],
        ["http://metadata.google.internal./", "metadata.google.internal. is a cloud metadata address"],
        ["http://api.localhost/", "api.localhost is a loopback address"],
        [
          "http://metadata.google.internal/computeMetadata/v1/",
          "metadata.google.internal is a cloud metadata address",
        ],
        ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"],
        ["http://[fd00:ec2::254]/", "fd00:ec2::254 is a cloud metadata address"],
      ] as const) {
        await expect(get(guard, url), url).rejects.toMatchObject({ name: "UnsafeUrlError", reason });
      }
      expect(resolve.asked).toEqual([]);
    } finally {
      await guard.close();
    }
  });

  it("refuses file:, gopher:, ftp: and credentials before any I/O", async () => {
    const resolve = resolver({ "files.example": ["93.184.215.14"] });
    const guard = new FetchGuard({ resolve, allow: "127.0.0.1" });
    try {
      for (const url of [
        "file:///etc/passwd",
        "gopher://files.example:70/_GET",
        "ftp://files.example/pub/x",
      ]) {
        await expect(get(guard, url)).rejects.toThrow(
          /refused: only http and https addresses are fetched, not/,
        );
        await expect(guard.check(url)).rejects.toMatchObject({ name: "UnsafeUrlError" });
      }
      await expect(get(guard, `http://user:secret@127.0.0.1:${port}/`)).rejects.toThrow(
        `http://127.0.0.1:${port}/ refused: addresses with a user name or password are not fetched`,
      );
      expect(resolve.asked).toEqual([]);
    } finally {
      await guard.close();
    }
  });

  it("refuses a host name that resolves to a private address, after resolving it", async () => {
    const resolve = resolver({
      "news.example": ["10.0.0.5"],
      "mixed.example": ["93.184.215.14", "192.168.1.20"],
      "v6.example": ["fd12::5"],
    });
    const guard = new FetchGuard({ resolve });
    try {
      await expect(get(guard, "http://news.example/story")).rejects.toThrow(
        "http://news.example/story refused: news.example resolves to 10.0.0.5, a private address",
      );
      // One bad address among good ones is enough: the resolver, not us, would pick which one is used.
      await expect(guard.check("https://mixed.example/")).rejects.toThrow(
        "mixed.example resolves to 192.168.1.20, a private address",
      );
      await expect(guard.check("https://v6.example/")).rejects.toThrow(
        "v6.example resolves to fd12::5, a private (unique-local) address",
      );
      // And at connection time, for a caller that did not ask first.
      await expect(request("http://news.example/", { dispatcher: guard.dispatcher })).rejects.toMatchObject({
        name: "UnsafeUrlError",
        reason: "news.example resolves to 10.0.0.5, a private address",
      });
      expect(resolve.asked).toContain("news.example");
      await expect(get(guard, "http://nowhere.example/")).rejects.toThrow(/ENOTFOUND/);
      const stuck = new FetchGuard({ resolve: () => new Promise(() => {}), connectTimeoutMs: 50 });
      await expect(stuck.check("http://slow-dns.example/")).rejects.toThrow(
        "resolving slow-dns.example took over 50 ms",
      );
      await stuck.close();
    } finally {
      await guard.close();
    }
  });

  it("checks the address it connects to, so a name that changes its answer after the check (rebinding) is refused", async () => {
    const answers = ["93.184.215.14", "127.0.0.1"];
    const asked: string[] = [];
    const guard = new FetchGuard({
      resolve: async (hostname) => {
        asked.push(hostname);
        return [{ address: answers.shift() ?? "127.0.0.1", family: 4 }];
      },
    });
    try {
      await guard.check(`http://rebind.example:${port}/page`);
      const before = hits.length;
      await expect(guard.request(`http://rebind.example:${port}/page`, { method: "GET" })).rejects.toThrow(
        `http://rebind.example:${port}/page refused: rebind.example resolves to 127.0.0.1, a loopback address`,
      );
      expect(asked).toEqual(["rebind.example", "rebind.example"]);
      expect(hits.length).toBe(before);
    } finally {
      await guard.close();
    }
  });

  it("connects to the address it checked, and an allowed name may resolve anywhere", async () => {
    // news.example is on the allow-list and resolves to the test server; the connection goes where the check
    // looked, with the name kept in the Host header.
    const resolve = resolver({ "news.example": ["127.0.0.1"] });
    const guard = new FetchGuard({ resolve, allow: "news.example" });
    try {
      const page = await get(guard, `http://news.example:${port}/to-self`);
      expect(page.url).toBe(`http://news.example:${port}/page`);
      expect(page.bytes.toString()).toBe(`hello from news.example:${port}`);
    } finally {
      await guard.close();
    }
  });

  it("checks every redirect: an allowed host sending us to loopback, metadata or gopher is refused on that hop", async () => {
    const resolve = resolver({ "news.example": ["127.0.0.1"] });
    const guard = new FetchGuard({ resolve, allow: "news.example" });
    try {
      const before = hits.length;
      await expect(get(guard, `http://news.example:${port}/to-loopback`)).rejects.toThrow(
        `http://127.0.0.1:${port}/page refused: 127.0.0.1 is a loopback address`,
      );
      await expect(get(guard, `http://news.example:${port}/to-metadata`)).rejects.toThrow(
        "http://169.254.169.254/latest/meta-data/ refused: 169.254.169.254 is a cloud metadata address",
      );
      await expect(get(guard, `http://news.example:${port}/to-gopher`)).rejects.toThrow(
        "refused: only http and https addresses are fetched, not gopher:",
      );
      // Only the first hops reached the server; the refused ones never did.
      expect(hits.slice(before)).toEqual([
        `news.example:${port} /to-loopback`,
        `news.example:${port} /to-metadata`,
        `news.example:${port} /to-gopher`,
      ]);
    } finally {
      await guard.close();
    }
  });

  it("keeps the URL's name for TLS: SNI and the certificate check use it, not the address connected to", async () => {
    const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
    const cert = fixture("news.example.crt");
    const names: (string | false)[] = [];
    const tls = createTlsServer({ key: fixture("news.example.key"), cert }, (req, res) => {
      names.push((req.socket as { servername?: string | false }).servername ?? false);
      res.writeHead(200, { "content-type": "text/plain" }).end("secure hello");
    });
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const tlsPort = (tls.address() as AddressInfo).port;
    const guard = new FetchGuard({
      allow: "news.example,127.0.0.1",
      resolve: resolver({ "news.example": ["127.0.0.1"] }),
      ca: cert,
    });
    try {
      const page = await get(guard, `https://news.example:${tlsPort}/`);
      expect(page.bytes.toString()).toBe("secure hello");
      expect(names).toEqual(["news.example"]);
      // The same server by its address: the certificate names news.example, not 127.0.0.1.
      await expect(get(guard, `https://127.0.0.1:${tlsPort}/`)).rejects.toMatchObject({
        code: "ERR_TLS_CERT_ALTNAME_INVALID",
      });
    } finally {
      await guard.close();
      await new Promise((resolve) => tls.close(resolve));
    }
  });
});
