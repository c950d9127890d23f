import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import {
  brotliCompressSync,
  constants,
  createBrotliCompress,
  deflateRawSync,
  deflateSync,
  gzipSync,
} from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readBody } from "./body";
import { fetchBytes } from "./fetch-bytes";
import { FetchGuard } from "./guard";

const GIB = 1024 * 1024 * 1024;
const PAGE = `<html><body>${"<p>Tariffs rose again on Tuesday.</p>".repeat(200)}</body></html>`;

/** 1 GiB of zeros as 64 concatenated gzip members of 16 MiB each (RFC 1952 allows many members): about 1 MB. */
const gzipBomb = () => {
  const member = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  return Buffer.concat(Array.from({ length: GIB / (16 * 1024 * 1024) }, () => member));
};

/** 1 GiB of zeros through brotli's fastest setting: about 190 KB. */
const brotliBomb = () => {
  const zeros = Buffer.alloc(1024 * 1024);
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < 1024; i++) yield zeros;
    })(),
  );
  return buffer(source.pipe(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })));
};

let server: Server;
let origin: string;
const bodies = new Map<string, { encoding: string; bytes: Buffer }>();
const guard = new FetchGuard({ allow: "127.0.0.1" });

beforeAll(async () => {
  bodies.set("/gzip", { encoding: "gzip", bytes: gzipSync(PAGE) });
  bodies.set("/deflate", { encoding: "deflate", bytes: deflateSync(PAGE) });
  bodies.set("/deflate-raw", { encoding: "deflate", bytes: deflateRawSync(PAGE) });
  bodies.set("/br", { encoding: "br", bytes: brotliCompressSync(PAGE) });
  bodies.set("/gzip-twice", { encoding: "gzip, gzip", bytes: gzipSync(gzipSync(PAGE)) });
  bodies.set("/corrupt", {
    encoding: "gzip",
    bytes: Buffer.concat([gzipSync(PAGE).subarray(0, 20), Buffer.from("garbage")]),
  });
  bodies.set("/zstd", { encoding: "zstd", bytes: Buffer.from("whatever") });
  bodies.set("/gzip-bomb", { encoding: "gzip", bytes: gzipBomb() });
  bodies.set("/br-bomb", { encoding: "br", bytes: await brotliBomb() });
  bodies.set("/plain-large", { encoding: "identity", bytes: Buffer.alloc(50_000, "a") });
  server = createServer((req, res) => {
    const body = bodies.get(req.url ?? "");
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": "text/html", "content-encoding": body.encoding }).end(body.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await guard.close();
  await new Promise((resolve) => server.close(resolve));
});

const get = (path: string, maxBytes = 1_000_000) =>
  fetchBytes(`${origin}${path}`, { guard, maxBytes, timeoutMs: 30_000 });

describe("reading a body", () => {
  it.each(["/gzip", "/deflate", "/deflate-raw", "/br", "/gzip-twice"])("decodes %s", async (path) => {
    const page = await get(path);
    expect(page.bytes.toString()).toBe(PAGE);
  });

  it("keeps the first bytes instead when asked to truncate (robots.txt)", async () => {
    for (const path of ["/gzip", "/plain-large"]) {
      const { body, headers } = await guard.request(`${origin}${path}`, { method: "GET" });
      const bytes = await readBody(body, {
        maxBytes: 100,
        contentEncoding: headers["content-encoding"],
        url: path,
        truncate: true,
      });
      expect(bytes.toString()).toBe((path === "/gzip" ? PAGE : "a".repeat(50_000)).slice(0, 100));
    }
  });

  it("refuses a gzip bomb once the cap has come out of the decoder, with bounded memory", async () => {
    const cap = 10 * 1024 * 1024;
    expect(bodies.get("/gzip-bomb")!.bytes.byteLength).toBeLessThan(2_000_000);
    const { error, peakMb, ms } = await measure(() => get("/gzip-bomb", cap));
    expect(error).toMatchObject({
      name: "TooLargeError",
      message: `too large: ${origin}/gzip-bomb is over ${cap} bytes after decompression`,
    });
    console.log(
      `gzip bomb (1 GiB in ${bodies.get("/gzip-bomb")!.bytes.byteLength} bytes): refused after ${ms} ms, peak +${peakMb} MB`,
    );
    // The whole bomb would be 1,024 MB; what stays is about the cap plus zlib's buffers.
    expect(peakMb).toBeLessThan(128);
  });

  it("refuses a brotli bomb the same way", async () => {
    const cap = 10 * 1024 * 1024;
    const { error, peakMb, ms } = await measure(() => get("/br-bomb", cap));
    expect(error).toMatchObject({
      name: "TooLargeError",
      message: `too large: ${origin}/br-bomb is over ${cap} bytes after decompression`,
    });
    console.log(
      `brotli bomb (1 GiB in ${bodies.get("/br-bomb")!.bytes.byteLength} bytes): refused after ${ms} ms, peak +${peakMb} MB`,
    );
    expect(peakMb).toBeLessThan(128);
  });

  it("refuses a plain body over the cap, and says which encodings it cannot decode", async () => {
    await expect(get("/plain-large", 10_000)).rejects.toThrow(
      `too large: ${origin}/plain-large is over 10000 bytes`,
    );
    await expect(get("/corrupt")).rejects.toMatchObject({
      name: "ContentEncodingError",
      message: expect.stringContaining(`could not decompress ${origin}/corrupt`),
    });
    await expect(get("/zstd")).rejects.toThrow(
      `${origin}/zstd is encoded as "zstd", which Parallax cannot decode`,
    );
  });
});

/** Runs `task` (expected to fail) while sampling heap and buffer memory; figures are reported, not timed. */
async function measure(task: () => Promise<unknown>) {
  const used = () => {
    const memory = process.memoryUsage();
    return memory.heapUsed + memory.arrayBuffers;
  };
  const base = used();
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, used());
  }, 5);
  const started = performance.now();
  let error: unknown = null;
  try {
    await task();
  } catch (caught) {
    error = caught;
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, used());
  return {
    error,
    ms: Math.round(performance.now() - started),
    peakMb: Math.round((peak - base) / 1024 / 1024),
  };
}
