import { describe, expect, it } from "vitest";
import { ConcurrencyGate } from "./concurrency-gate";

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("ConcurrencyGate", () => {
  it("admits up to its limit, queues up to its maximum in arrival order, and refuses past that", async () => {
    const gate = new ConcurrencyGate(2, 2);
    const first = await gate.enter();
    const second = await gate.enter();
    expect([first, second].every((leave) => typeof leave === "function")).toBe(true);
    const order: string[] = [];
    const admitted = (name: string) => (leave: (() => void) | null) => {
      order.push(name);
      return leave;
    };
    const third = gate.enter().then(admitted("third"));
    const fourth = gate.enter().then(admitted("fourth"));
    expect(await gate.enter()).toBeNull();
    expect({ holders: gate.holders, queued: gate.queued }).toEqual({ holders: 2, queued: 2 });

    first!();
    await settled();
    expect(order).toEqual(["third"]);
    // Leaving twice frees one place only.
    first!();
    await settled();
    expect(order).toEqual(["third"]);

    second!();
    await settled();
    expect(order).toEqual(["third", "fourth"]);
    expect({ holders: gate.holders, queued: gate.queued }).toEqual({ holders: 2, queued: 0 });
    (await third)!();
    (await fourth)!();
    expect(gate.holders).toBe(0);
    expect(typeof (await gate.enter())).toBe("function");
  });

  it("with no queue, refuses whoever finds it full", async () => {
    const gate = new ConcurrencyGate(1, 0);
    const leave = await gate.enter();
    expect(await gate.enter()).toBeNull();
    leave!();
    expect(await gate.enter()).not.toBeNull();
  });
});
