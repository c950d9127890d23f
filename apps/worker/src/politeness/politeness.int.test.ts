import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { FetchGuard } from "@parallax/net";
import { createRedis, type RedisConnection } from "@parallax/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "../../../../tooling/vitest/services";
import { FetchError, fetchPage } from "../ingest/fetch-page";
import { HostBusyError, HostLimiter, Politeness } from "./index";

const services = testServices();
let redis: RedisConnection;
/** The sites below listen on loopback (127.0.0.1 and 127.0.0.2), which fetches reach only through the allow-list. */
const guard = new FetchGuard({ allow: "127.0.0.0/8" });

beforeAll(() => {
  redis = createRedis(services.redisUrl, "worker");
});
afterAll(async () => {
  await redis.quit();
  await guard.close();
});

/** A site server for several host names at once (127.0.0.1, 127.0.0.2: both loopback), recording per host. */
async function startSites(handler: (req: IncomingMessage, res: ServerResponse, host: string) => void) {
  const perHost = new Map<string, { active: number; maxActive: number; starts: number[]; robots: number }>();
  const userAgents: string[] = [];
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? "").split(":")[0]!;
    const stats = perHost.get(host) ?? { active: 0, maxActive: 0, starts: [], robots: 0 };
    perHost.set(host, stats);
    userAgents.push(String(req.headers["user-agent"]));
    if (req.url === "/robots.txt") stats.robots++;
    else {
      stats.starts.push(performance.now());
      stats.active++;
      stats.maxActive = Math.max(stats.maxActive, stats.active);
      res.on("close", () => stats.active--);
    }
    handler(req, res, host);
  });
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    perHost,
    userAgents,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const html = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><p>${title}</p></body></html>`;

/** Runs the fetch loop in a separate Node process (tsx), as a second worker machine would. */
function runWorkerProcess(env: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const script = fileURLToPath(new URL("./__fixtures__/fetch-loop.ts", import.meta.url));
  const tsx = fileURLToPath(new URL("../../../../node_modules/.bin/tsx", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [script], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(
            out
              .trim()
              .split("\n")
              .filter(Boolean)
              .map((line) => JSON.parse(line)),
          )
        : reject(new Error(`worker process exited ${code}: ${err}`)),
    );
  });
}

const gaps = (starts: number[]) =>
  [...starts].sort((a, b) => a - b).flatMap((t, i, all) => (i === 0 ? [] : [t - all[i - 1]!]));

describe("per-host politeness across worker processes", () => {
  it("holds each host's limit with two worker processes, and a second host is not slowed by the first", async () => {
    const sites = await startSites((req, res, host) => {
      if (req.url === "/robots.txt") {
        // Other robots are shut out; Parallax's own group applies. The second host asks for 250 ms between pages.
        const body =
          host === "127.0.0.2"
            ? "User-agent: Parallax\nCrawl-delay: 0.25\nDisallow: /private/\n"
            : "User-agent: *\nDisallow: /\n\nUser-agent: Parallax\nDisallow: /private/\n";
        res.writeHead(200, { "content-type": "text/plain" }).end(body);
        return;
      }
      // Each page takes a while, so fetches overlap when nothing stops them.
      setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(html(req.url ?? "")), 200);
    });
    const prefix = `${services.prefix}-two`;
    const politeness = JSON.stringify({
      maxConcurrent: 2,
      minIntervalMs: 150,
      maxWaitMs: 5_000,
      leaseMs: 15_000,
    });
    const hostA = (n: number) => `http://127.0.0.1:${sites.port}/a/${n}.html`;
    const hostB = (n: number) => `http://127.0.0.2:${sites.port}/b/${n}.html`;
    const one = Array.from({ length: 10 }, (_, i) => hostA(i));
    const two = [...Array.from({ length: 10 }, (_, i) => hostA(100 + i)), ...[1, 2, 3, 4].map(hostB)];
    two.push(`http://127.0.0.2:${sites.port}/private/secret.html`);

    const [first, second] = await Promise.all([
      runWorkerProcess({
        REDIS_URL: services.redisUrl,
        PREFIX: prefix,
        POLITENESS: politeness,
        FETCH_URLS: JSON.stringify(one),
      }),
      runWorkerProcess({
        REDIS_URL: services.redisUrl,
        PREFIX: prefix,
        POLITENESS: politeness,
        FETCH_URLS: JSON.stringify(two),
      }),
    ]);
    await sites.close();

    const a = sites.perHost.get("127.0.0.1")!;
    const b = sites.perHost.get("127.0.0.2")!;
    expect([...first!, ...second!].filter((r) => r.status === 200)).toHaveLength(24);
    expect(second!.find((r) => String(r.url).includes("/private/"))).toMatchObject({
      error: "robots.txt of 127.0.0.2 disallows /private/secret.html for Parallax",
      permanent: true,
    });
    // The limit is reached (so it is what holds them back) and never exceeded.
    expect(a.maxActive).toBe(2);
    expect(b.maxActive).toBeLessThanOrEqual(2);
    // Starts are stamped in Redis at acquire and by this server on arrival, with event-loop jitter in between
    // (tens of ms, more on a loaded machine): single gaps only must not be starts together, the mean gap gets no
    // margin.
    const meanGap = (starts: number[]) => (Math.max(...starts) - Math.min(...starts)) / (starts.length - 1);
    expect(Math.min(...gaps(a.starts))).toBeGreaterThanOrEqual(150 / 4);
    expect(meanGap(a.starts)).toBeGreaterThanOrEqual(150 - 5);
    expect(Math.min(...gaps(b.starts))).toBeGreaterThanOrEqual(250 / 4);
    expect(meanGap(b.starts)).toBeGreaterThanOrEqual(250 - 5);
    // robots.txt once per host, for both processes together.
    expect([a.robots, b.robots]).toEqual([1, 1]);
    expect(new Set(sites.userAgents)).toEqual(
      new Set(["Parallax/0.1 (+https://github.com/parallax-news; self-hosted news reader)"]),
    );
    // Host B's four pages need ~0.75 s at its own pace, host A's twenty ~3 s at its own; B does not queue behind A:
    // it starts early in A's run and is done before A is (relative to A, so a busy machine does not decide it).
    const span = (starts: number[]) => Math.max(...starts) - Math.min(...starts);
    expect(Math.min(...b.starts) - Math.min(...a.starts)).toBeLessThan(span(a.starts) / 3);
    expect(Math.max(...b.starts)).toBeLessThan(Math.max(...a.starts));
    console.info(
      `two processes: host A ${a.starts.length} pages in ${span(a.starts).toFixed(0)} ms, max ${a.maxActive} at once, ` +
        `min gap ${Math.min(...gaps(a.starts)).toFixed(1)} ms; host B ${b.starts.length} pages in ` +
        `${span(b.starts).toFixed(0)} ms, max ${b.maxActive} at once, min gap ${Math.min(...gaps(b.starts)).toFixed(1)} ms`,
    );
  });
});

describe("host limiter", () => {
  it("takes back a slot whose holder never released it once its lease expires", async () => {
    const limiter = new HostLimiter(redis, `${services.prefix}-lease`, {
      maxConcurrent: 1,
      minIntervalMs: 0,
      maxWaitMs: 3_000,
      leaseMs: 1_000,
    });
    await limiter.acquire("crashed.example"); // never released: its worker "crashed"
    const before = performance.now();
    const lease = await limiter.acquire("crashed.example");
    const waited = performance.now() - before;
    await lease.release();
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(2_000);
  });

  it("gives up with HostBusyError after its bounded wait, with a time to come back", async () => {
    const limiter = new HostLimiter(redis, `${services.prefix}-busy`, {
      maxConcurrent: 1,
      minIntervalMs: 0,
      maxWaitMs: 200,
      leaseMs: 5_000,
    });
    const held = await limiter.acquire("busy.example");
    const error = await limiter.acquire("busy.example").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostBusyError);
    expect((error as HostBusyError).retryAfterMs).toBe(2_000);
    expect((error as HostBusyError).message).toMatch(/^busy\.example is busy/);
    await held.release();
    await (await limiter.acquire("busy.example")).release();
  });

  it("keys a host by its lowercased hostname without www, as a Redis Cluster hash tag", async () => {
    const prefix = `${services.prefix}-keys`;
    const limiter = new HostLimiter(redis, prefix, { minIntervalMs: 0 });
    const lease = await limiter.acquire("example.com");
    expect(await redis.zcard(`${prefix}:host:{example.com}:leases`)).toBe(1);
    await lease.release();
    expect(await redis.zcard(`${prefix}:host:{example.com}:leases`)).toBe(0);
  });
});

describe("robots.txt", () => {
  const fetchWith = (politeness: Politeness, url: string) =>
    fetchPage(url, { timeoutMs: 5_000, maxBytes: 100_000, maxRedirects: 3, politeness, guard }).then(
      (page) => ({ ok: true as const, status: page.status }),
      (error: unknown) => {
        if (error instanceof FetchError)
          return { ok: false as const, message: error.message, permanent: error.permanent };
        throw error;
      },
    );

  let site: Awaited<ReturnType<typeof startSites>>;
  let robots: (res: ServerResponse) => void;
  beforeAll(async () => {
    site = await startSites((req, res) => {
      if (req.url === "/robots.txt") robots(res);
      else if (req.url === "/hop") res.writeHead(302, { location: "/private/landing.html" }).end();
      else if (req.url === "/to-metadata")
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
      else res.writeHead(200, { "content-type": "text/html" }).end(html("page"));
    });
  });
  afterAll(() => site.close());

  const fresh = (name: string) =>
    new Politeness(redis, `${services.prefix}-${name}`, { minIntervalMs: 0, robotsTimeoutMs: 1_000, guard });
  const page = (path: string) => `http://127.0.0.1:${site.port}${path}`;

  it("checks every hop of a redirect chain", async () => {
    robots = (res) => res.writeHead(200).end("User-agent: parallax\nDisallow: /private/\n");
    const result = await fetchWith(fresh("hop"), page("/hop"));
    expect(result).toEqual({
      ok: false,
      message: "robots.txt of 127.0.0.1 disallows /private/landing.html for Parallax",
      permanent: true,
    });
  });

  it("reads only the first 500 KiB of a huge robots.txt and still honours its rules", async () => {
    const before = site.perHost.get("127.0.0.1")?.robots ?? 0;
    robots = (res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("User-agent: Parallax\nDisallow: /private/\n");
      // 20 MB of comments: a runaway or hostile file. The fetch stops long before the end.
      const line = `# ${"x".repeat(1022)}\n`;
      let sent = 0;
      const more = () => {
        while (sent < 20_000 && res.write(line)) sent++;
        if (sent < 20_000) res.once("drain", more);
        else res.end("Disallow: /late/\n");
      };
      res.on("error", () => {});
      more();
    };
    const politeness = fresh("huge");
    const t0 = performance.now();
    expect(await fetchWith(politeness, page("/private/x.html"))).toMatchObject({
      ok: false,
      permanent: true,
    });
    expect(performance.now() - t0).toBeLessThan(3_000);
    // A rule beyond 500 KiB is not seen.
    expect(await fetchWith(politeness, page("/late/x.html"))).toEqual({ ok: true, status: 200 });
    expect((site.perHost.get("127.0.0.1")?.robots ?? 0) - before).toBe(1);
  });

  it("allows everything for binary garbage, a 404 or a redirect loop, and caches that", async () => {
    const cases: Array<[string, (res: ServerResponse) => void]> = [
      [
        "binary",
        (res) =>
          res
            .writeHead(200, { "content-type": "image/png" })
            .end(Buffer.from([0x89, 0x50, 0, 0xff, 0x0a, 0x00])),
      ],
      ["404", (res) => res.writeHead(404).end("not here")],
      ["loop", (res) => res.writeHead(301, { location: "/robots.txt" }).end()],
    ];
    for (const [name, answer] of cases) {
      robots = answer;
      const politeness = fresh(name);
      const before = site.perHost.get("127.0.0.1")?.robots ?? 0;
      expect(await fetchWith(politeness, page(`/${name}.html`)), name).toEqual({ ok: true, status: 200 });
      expect(await fetchWith(politeness, page(`/${name}-again.html`)), name).toEqual({
        ok: true,
        status: 200,
      });
      const asked = (site.perHost.get("127.0.0.1")?.robots ?? 0) - before;
      expect(asked, name).toBe(name === "loop" ? 6 : 1);
    }
  });

  it("holds pages back, retryably, while robots.txt answers 5xx, and asks again only after a while", async () => {
    robots = (res) => res.writeHead(503).end("down for maintenance");
    const politeness = fresh("5xx");
    const before = site.perHost.get("127.0.0.1")?.robots ?? 0;
    const result = await fetchWith(politeness, page("/story.html"));
    expect(result).toEqual({
      ok: false,
      message: "robots.txt of 127.0.0.1 could not be read (HTTP 503), so its pages are not fetched yet",
      permanent: false,
    });
    expect(await fetchWith(politeness, page("/story.html"))).toMatchObject({ ok: false, permanent: false });
    expect((site.perHost.get("127.0.0.1")?.robots ?? 0) - before).toBe(1);
  });

  it("refuses a private address or a redirect to one before robots.txt is asked, for good", async () => {
    robots = (res) => res.writeHead(200).end("User-agent: *\nAllow: /\n");
    const politeness = fresh("private");
    expect(await fetchWith(politeness, "http://10.0.0.5/story.html")).toEqual({
      ok: false,
      message: "http://10.0.0.5/story.html refused: 10.0.0.5 is a private address",
      permanent: true,
    });
    expect(await fetchWith(politeness, page("/to-metadata"))).toEqual({
      ok: false,
      message:
        "http://169.254.169.254/latest/meta-data/ refused: 169.254.169.254 is a cloud metadata address",
      permanent: true,
    });
    // Without the allow-list the test site itself is loopback.
    const closed = await fetchPage(page("/story.html"), {
      timeoutMs: 5_000,
      maxBytes: 100_000,
      maxRedirects: 3,
      politeness,
    }).catch((error: FetchError) => error);
    expect(closed).toMatchObject({
      message: `${page("/story.html")} refused: 127.0.0.1 is a loopback address`,
      permanent: true,
    });
  });

  it("reads a gzip robots.txt, and takes one that redirects where Parallax may not go as no robots.txt", async () => {
    robots = (res) =>
      res
        .writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" })
        .end(gzipSync("User-agent: Parallax\nDisallow: /private/\n"));
    const gzipped = fresh("gzip");
    expect(await fetchWith(gzipped, page("/private/x.html"))).toEqual({
      ok: false,
      message: "robots.txt of 127.0.0.1 disallows /private/x.html for Parallax",
      permanent: true,
    });
    expect(await fetchWith(gzipped, page("/public.html"))).toEqual({ ok: true, status: 200 });

    robots = (res) => res.writeHead(302, { location: "http://169.254.169.254/robots.txt" }).end();
    expect(await fetchWith(fresh("robots-metadata"), page("/private/y.html"))).toEqual({
      ok: true,
      status: 200,
    });
  });
});
