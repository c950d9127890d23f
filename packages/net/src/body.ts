import type { Duplex, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";
import { ContentEncodingError, TooLargeError } from "./errors";

/** What every fetch offers: zstd is left out because Node 20's zlib cannot decode it. */
export const ACCEPT_ENCODING = "gzip, deflate, br";

export interface ReadBodyOptions {
  /** Cap on the bytes received and, separately, on the bytes after decompression. */
  maxBytes: number;
  /** The response's Content-Encoding header; decoded in reverse order of listing (RFC 9110 §8.4). */
  contentEncoding?: string | string[] | null;
  /** Named in errors. */
  url: string;
  /** Keep the first `maxBytes` and stop reading instead of refusing (robots.txt: RFC 9309 reads 500 KiB). */
  truncate?: boolean;
}

type Stage = (source: AsyncIterable<Buffer>) => AsyncIterable<Buffer>;

const STOP = new Error("enough read");

/**
 * Reads a response body whole, decoding gzip, deflate and brotli, under a hard cap counted chunk by chunk on the
 * wire and after each decoder: a gzip or brotli bomb is stopped once `maxBytes` have come out of the decoder,
 * having used about that much memory, however large it claims to be. Leaving early destroys the body, so the
 * rest is never downloaded.
 */
export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { maxBytes, url } = options;
  const decoders = decodersFor(options.contentEncoding, url);
  const decoded = decoders.length > 0;
  const chunks: Buffer[] = [];
  let size = 0;
  let received = 0;
  const countWire: Stage = async function* (source) {
    for await (const chunk of source) {
      received += chunk.byteLength;
      if (received > maxBytes) {
        if (!options.truncate) throw tooLarge(url, maxBytes, false);
        // Unencoded, `collect` keeps exactly the first maxBytes. Encoded, the chunk that crosses the cap still goes
        // to the decoder (a short compressed file is whole in one chunk) and what comes after it does not.
        if (decoded && received - chunk.byteLength > maxBytes) throw STOP;
      }
      yield chunk;
    }
  };
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      const room = maxBytes - size;
      if (chunk.byteLength > room) {
        if (!options.truncate) throw tooLarge(url, maxBytes, decoded);
        chunks.push(chunk.subarray(0, room));
        size = maxBytes;
        throw STOP;
      }
      chunks.push(chunk);
      size += chunk.byteLength;
    }
  };
  try {
    await (pipeline as (...stages: unknown[]) => Promise<void>)(body, countWire, ...decoders, collect);
  } catch (error) {
    if (error !== STOP) throw decodeFailure(error, url);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(url: string, maxBytes: number, decoded: boolean) {
  return new TooLargeError(
    `too large: ${url} is over ${maxBytes} bytes${decoded ? " after decompression" : ""}`,
  );
}

/** zlib's own errors (a truncated or corrupt stream) said in words; everything else passes through. */
function decodeFailure(error: unknown, url: string): unknown {
  const code = (error as { code?: string } | null)?.code ?? "";
  if (error instanceof Error && code.startsWith("Z_"))
    return new ContentEncodingError(`could not decompress ${url}: ${error.message}`);
  if (error instanceof Error && code === "ERR_BROTLI_DECOMPRESSION_FAILED")
    return new ContentEncodingError(`could not decompress ${url}: ${error.message}`);
  return error;
}

function decodersFor(header: string | string[] | null | undefined, url: string): (Stage | Duplex)[] {
  const codings = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== "identity");
  return codings.reverse().map((coding) => {
    switch (coding) {
      case "gzip":
      case "x-gzip":
        return createGunzip();
      case "br":
        return createBrotliDecompress();
      case "deflate":
        return inflate();
      default:
        throw new ContentEncodingError(`${url} is encoded as "${coding}", which Parallax cannot decode`);
    }
  });
}

/**
 * "deflate" means a zlib stream (RFC 9110 §8.4.1.2), but some servers send raw deflate: the first byte tells
 * (a zlib header's low nibble is 8, the deflate method), as browsers and undici's fetch do it.
 */
function inflate(): Stage {
  return async function* (source) {
    const iterator = source[Symbol.asyncIterator]();
    const first = await iterator.next();
    if (first.done) return;
    const rest = async function* () {
      yield first.value;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    };
    const decoder = (first.value[0]! & 0x0f) === 0x08 ? createInflate() : createInflateRaw();
    // Errors reach the reader through the decoder, which the pipeline destroys with them.
    pipeline(rest(), decoder).catch(() => {});
    yield* decoder as AsyncIterable<Buffer>;
  };
}
