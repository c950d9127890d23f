/**
 * The normalizer's own thread (see normalizer-pool.ts): one document at a time, the article or the error back.
 */
import { parentPort } from "node:worker_threads";
import { type NormalizeInput, NormalizeError, normalize } from "@parallax/core/normalize";

parentPort?.on("message", (input: NormalizeInput | "ping") => {
  if (input === "ping") return parentPort?.postMessage("pong");
  try {
    parentPort?.postMessage({ ok: true, article: normalize(input) });
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
