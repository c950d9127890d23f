import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PageCache } from "./page-cache";

const options = { maxAgeMs: 10_000, graceMs: 2_000, maxEntries: 2 };

function counter() {
  let reads = 0;
  return {
    read: () => Promise.resolve(`read ${++reads}`),
    reads: () => reads,
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("PageCache", () => {
  it("serves one read to every reader of an unchanged page, and refreshes it in the background once it ages", async () => {
    const cache = new PageCache<string>(options);
    const source = counter();
    expect(await cache.get("home", "v1", source.read)).toBe("read 1");
    vi.advanceTimersByTime(4_000);
    expect(await cache.get("home", "v1", source.read)).toBe("read 1");
    expect(source.reads()).toBe(1);
    // Past half its age: still answered at once, and read again behind the answer.
    vi.advanceTimersByTime(2_000);
    expect(await cache.get("home", "v1", source.read)).toBe("read 1");
    expect(source.reads()).toBe(2);
    expect(await cache.get("home", "v1", source.read)).toBe("read 2");
  });

  it("reads again before answering when the page changed longer ago than the grace period", async () => {
    const cache = new PageCache<string>(options);
    const source = counter();
    await cache.get("story", "v1", source.read);
    vi.advanceTimersByTime(1_000);
    // Within the grace period the previous read is still served while a new one is made.
    expect(await cache.get("story", "v2", source.read)).toBe("read 1");
    expect(await cache.get("story", "v2", source.read)).toBe("read 2");
    vi.advanceTimersByTime(3_000);
    expect(await cache.get("story", "v3", source.read)).toBe("read 3");
  });

  it("shares one read between concurrent readers and keeps no failed read", async () => {
    const cache = new PageCache<string>(options);
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error("database unavailable"));
    };
    const both = await Promise.allSettled([cache.get("a", "v1", failing), cache.get("a", "v1", failing)]);
    expect(both.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(calls).toBe(1);
    expect(await cache.get("a", "v1", () => Promise.resolve("back"))).toBe("back");
  });

  it("forgets everything on clear, including a read that was under way", async () => {
    const cache = new PageCache<string>(options);
    let release: (value: string) => void = () => {};
    const slow = cache.get("a", "v1", () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear();
    release("before the change");
    expect(await slow).toBe("before the change");
    expect(await cache.get("a", "v1", () => Promise.resolve("after the change"))).toBe("after the change");
  });

  it("keeps at most maxEntries pages, dropping the least recently read", async () => {
    const cache = new PageCache<string>(options);
    await cache.get("a", "v", () => Promise.resolve("a1"));
    await cache.get("b", "v", () => Promise.resolve("b1"));
    await cache.get("c", "v", () => Promise.resolve("c1"));
    expect(await cache.get("a", "v", () => Promise.resolve("a2"))).toBe("a2");
    expect(await cache.get("c", "v", () => Promise.resolve("c2"))).toBe("c1");
  });

  it("peeks at what get would answer at once, refreshing it as get would with the read last asked for", async () => {
    const cache = new PageCache<string>(options);
    const source = counter();
    expect(cache.peek("home", "v1")).toBeUndefined();
    await cache.get("home", "v1", source.read);
    expect(cache.peek("home", "v1")).toBe("read 1");
    // Another version within the grace period: still the kept value, read again behind it.
    expect(cache.peek("home", "v2")).toBe("read 1");
    expect(source.reads()).toBe(2);
    await Promise.resolve();
    expect(cache.peek("home", "v2")).toBe("read 2");
    // Past the grace period a reader would wait for a read: nothing to peek at.
    vi.advanceTimersByTime(3_000);
    expect(cache.peek("home", "v3")).toBeUndefined();
    expect(source.reads()).toBe(2);
  });
});
