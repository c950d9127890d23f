import { TRPCError } from "@trpc/server";
import { MAX_BODY_BYTES } from "./http";

function tooLarge(maxBytes: number): TRPCError {
  return new TRPCError({
    code: "PAYLOAD_TOO_LARGE",
    message: `request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
  });
}

/**
 * The request with its body cut off at `maxBytes`, for tRPC's fetch adapter, which reads whatever it is given.
 * Like tRPC's own Node adapter (`maxBodySize`), the body stream errors with PAYLOAD_TOO_LARGE, which tRPC answers
 * with 413 in its own error shape; a declared Content-Length over the limit fails before anything is read.
 */
export function capRequestBody(request: Request, maxBytes = MAX_BODY_BYTES): Request {
  if (!request.body) return request;
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  const source = request.body;
  let size = 0;
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // The rest of an oversized body is left unread rather than cancelled: cancelling the incoming stream
      // resets the connection before the 413 is written.
      if (Number.isFinite(declared) && declared > maxBytes) {
        reader.releaseLock();
        controller.error(tooLarge(maxBytes));
        return;
      }
      const { done, value } = await reader.read();
      if (done) return controller.close();
      size += value.byteLength;
      if (size > maxBytes) {
        reader.releaseLock();
        controller.error(tooLarge(maxBytes));
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: "half",
  } as RequestInit);
}
