import net from "node:net";
import { describe, expect, it } from "vitest";
import { canConnect, findFreePort, isPortFree } from "./ports";

describe("findFreePort", () => {
  it("returns the preferred port when it is free, another one when it is taken", async () => {
    const preferred = await findFreePort();
    expect(await findFreePort(preferred)).toBe(preferred);

    const server = net.createServer().listen(preferred, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      expect(await isPortFree(preferred)).toBe(false);
      expect(await canConnect(preferred)).toBe(true);
      const other = await findFreePort(preferred);
      expect(other).not.toBe(preferred);
      expect(await isPortFree(other)).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
