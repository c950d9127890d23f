/**
 * The normalizer's own thread (see normalizer-pool.ts): one document at a time, the article or the error back.
 */
import { parentPort } from "node:worker_threads";
import {
  type NormalizeInput,
  NormalizeError,
  type NormalizeLimits,
  normalize,
} from "@parallax/core/normalize";

type Request = { input: NormalizeInput; limits?: Partial<NormalizeLimits> };

parentPort?.on("message", (request: Request | "ping") => {
  if (request === "ping") return parentPort?.postMessage("pong");
  try {
    const { input, limits } = request;
    parentPort?.postMessage({ ok: true, article: normalize(input, limits ? { limits } : {}) });
  } catch (error) {
    parentPort?.postMessage({
      ok: false,
      error: {
        message: error instanceof Error ? error.message : String(error),
        code: error instanceof NormalizeError ? error.code : null,
      },
    });
  }
});
