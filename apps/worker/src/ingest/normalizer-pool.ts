import { Worker } from "node:worker_threads";
import {
  type NormalizeErrorCode,
  type NormalizeInput,
  NormalizeError,
  type NormalizeLimits,
} from "@parallax/core/normalize";
import type { NormalizedArticle } from "@parallax/core";

/** The normalizer did not return: it threw something other than NormalizeError, ran out of memory or time. */
export class NormalizerCrash extends Error {
  override name = "NormalizerCrash";
}

export interface NormalizerLimits {
  /** Heap of one normalizer thread; a document that needs more crashes that thread, not the worker. */
  memoryMb: number;
  /** Longest one document may take; the thread is then stopped. */
  timeoutMs: number;
}

type Reply =
  | { ok: true; article: NormalizedArticle }
  | { ok: false; error: { message: string; code: NormalizeErrorCode | null } };

const threadEntry = new URL("./normalize-thread.mjs", import.meta.url);

/**
 * Runs the normalizer in threads of its own, at most `size` at once; more documents wait for a thread (the work
 * is CPU-bound: threads beyond the cores only add memory and start-up). A document that
 * sends it into a runaway loop or exhausts its memory would otherwise block the worker's event loop — its job
 * locks would lapse and other processes would take over its jobs, only to hang on the same document — or crash
 * the whole process with every job it holds. Here that thread is stopped and the job fails with the reason,
 * to be retried with backoff like any other failure.
 */
export class NormalizerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<() => void> = [];
  private busy = 0;
  private closed = false;

  constructor(
    private readonly limits: NormalizerLimits,
    private readonly size: number,
  ) {}

  /** `documentLimits` are the normalizer's own (elements, time budget), checked inside the thread. */
  async normalize(
    input: NormalizeInput,
    documentLimits?: Partial<NormalizeLimits>,
  ): Promise<NormalizedArticle> {
    while (this.busy >= this.size && !this.closed)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.closed) throw new NormalizerCrash("normalizer stopped: the worker is shutting down");
    this.busy++;
    const thread = this.idle.pop() ?? this.spawn();
    return new Promise<NormalizedArticle>((resolve, reject) => {
      const settle = (reuse: boolean) => {
        clearTimeout(timer);
        thread.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (reuse && !this.closed) this.idle.push(thread);
        else void thread.terminate();
        this.busy--;
        this.waiting.shift()?.();
      };
      const crash = (reason: string) => {
        settle(false);
        reject(new NormalizerCrash(`normalizer crashed: ${reason}`));
      };
      const onMessage = (reply: Reply) => {
        settle(true);
        if (reply.ok) resolve(reply.article);
        else if (reply.error.code) reject(new NormalizeError(reply.error.code, reply.error.message));
        else reject(new NormalizerCrash(`normalizer crashed: ${reply.error.message}`));
      };
      const onError = (error: Error & { code?: string }) =>
        crash(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? `out of memory (over ${this.limits.memoryMb} MB)`
            : error.message,
        );
      const onExit = (code: number) => crash(`its thread exited with code ${code}`);
      const timer = setTimeout(
        () => crash(`no result within ${this.limits.timeoutMs / 1_000} s`),
        this.limits.timeoutMs,
      );
      thread.on("message", onMessage).on("error", onError).on("exit", onExit);
      thread.postMessage(documentLimits ? { input, limits: documentLimits } : { input });
    });
  }

  /**
   * Starts one thread and waits until it has loaded the normalizer (a few seconds of compiling on a small
   * machine), so that the first article does not wait for it.
   */
  async warm(): Promise<void> {
    const thread = this.spawn();
    try {
      await new Promise<void>((resolve, reject) => {
        thread
          .once("message", () => resolve())
          .once("error", reject)
          .once("exit", reject);
        thread.postMessage("ping");
      });
    } catch (error) {
      void thread.terminate();
      throw error;
    }
    thread.removeAllListeners("message").removeAllListeners("exit");
    if (this.closed) void thread.terminate();
    else this.idle.push(thread);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake();
    await Promise.all(this.idle.splice(0).map((thread) => thread.terminate()));
  }

  private spawn(): Worker {
    const thread = new Worker(threadEntry, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb },
      stdout: false,
      stderr: false,
    });
    // An idle thread has no caller to tell; without a listener its 'error' would take the worker process down.
    thread.on("error", () => {});
    return thread;
  }
}
