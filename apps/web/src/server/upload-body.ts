import { jsonError } from "./http";

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; response: Response };

/**
 * A raw request body of at most `maxBytes`, without trusting the client: the declared length is checked first
 * and the stream is cut off at the limit. An empty body is returned as such (the caller names the file).
 */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
  tooLarge: string,
): Promise<BytesResult> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes)
    return { ok: false, response: jsonError(413, tooLarge) };
  if (!request.body) return { ok: true, bytes: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false, response: jsonError(413, tooLarge) };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: new Uint8Array(Buffer.concat(chunks)) };
}
