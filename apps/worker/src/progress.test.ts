import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttledProgress } from "./progress";

const throttle = { afterMs: 1_000, everyMs: 1_000 };

describe("throttledProgress", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function reporter() {
    const sent: string[] = [];
    const progress = throttledProgress<string>(
      async (p) => {
        sent.push(p);
      },
      throttle,
      Date.now,
    );
    return { sent, progress };
  }

  it("sends nothing for a job that ends within the threshold", async () => {
    const { sent, progress } = reporter();
    for (const stage of ["fetch", "normalize", "store", "done"]) await progress.report(stage);
    await vi.advanceTimersByTimeAsync(900);
    await progress.close();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual([]);
  });

  it("shows a slow stage while it runs, then at most one report a period, and the last one at the end", async () => {
    const { sent, progress } = reporter();
    await progress.report("fetch");
    // The fetch takes 2.5 s: its stage is sent once the job passes the threshold, while it is still running.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual(["fetch"]);
    await vi.advanceTimersByTimeAsync(1_500);
    await progress.report("normalize");
    expect(sent).toEqual(["fetch", "normalize"]);
    await vi.advanceTimersByTimeAsync(100);
    await progress.report("store");
    await progress.report("done");
    // Within the period: held back, not lost.
    expect(sent).toEqual(["fetch", "normalize"]);
    await progress.close();
    expect(sent).toEqual(["fetch", "normalize", "done"]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toEqual(["fetch", "normalize", "done"]);
  });

  it("sends a held-back stage when the period is over", async () => {
    const { sent, progress } = reporter();
    await vi.advanceTimersByTimeAsync(1_200);
    await progress.report("fetch");
    await vi.advanceTimersByTimeAsync(200);
    await progress.report("normalize");
    expect(sent).toEqual(["fetch"]);
    await vi.advanceTimersByTimeAsync(800);
    expect(sent).toEqual(["fetch", "normalize"]);
  });

  it("never fails the job when a report cannot be sent", async () => {
    const progress = throttledProgress<string>(() => Promise.reject(new Error("redis down")), throttle);
    await vi.advanceTimersByTimeAsync(1_500);
    await expect(progress.report("fetch")).resolves.toBeUndefined();
    await expect(progress.close()).resolves.toBeUndefined();
  });
});
