import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { FetchGuard } from "@parallax/net";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase } from "../../../../tooling/vitest/services";
import { createCaller } from "../root";

let db: Database;
let drop: () => Promise<void>;
const intranet = new FetchGuard({ allow: "hooks.corp.example,10.1.0.0/16" });

beforeAll(async () => {
  const database = await isolatedDatabase();
  drop = database.drop;
  db = createDatabase(database.url, { max: 2 });
});

afterAll(async () => {
  await intranet.close();
  await closeDatabase(db);
  await drop();
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof TRPCError ? { code: error.code, message: error.message } : error),
  );

describe("a watch's webhook URL", () => {
  it("is refused when saved if it can only reach inside the network, unless the allow-list says so", async () => {
    const api = createCaller({
      db,
      ingestQueue: undefined as never,
      log: () => {},
      viewer: { kind: "local" },
    });
    for (const [webhookUrl, reason] of [
      ["http://10.1.2.3/hook", "10.1.2.3 is a private address"],
      ["http://127.0.0.1:8080/hook", "127.0.0.1 is a loopback address"],
      ["http://[::1]/hook", "::1 is a loopback address"],
      ["http://2130706433/hook", "127.0.0.1 is a loopback address"],
      ["http://localhost:9000/hook", "localhost is a loopback address"],
      ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address"],
      [
        "http://metadata.google.internal/computeMetadata/v1/",
        "metadata.google.internal is a cloud metadata address",
      ],
    ] as const) {
      const refused = await failure(
        api.watch.create({ kind: "query", value: `tariffs ${webhookUrl}`, webhookUrl }),
      );
      expect(refused, webhookUrl).toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(reason),
      });
      expect((refused as { message: string }).message).toMatch(/^the webhook URL http/);
    }
    expect((await api.watch.list()).items).toEqual([]);

    const allowed = createCaller({
      db,
      ingestQueue: undefined as never,
      fetchGuard: intranet,
      log: () => {},
      viewer: { kind: "local" },
    });
    for (const webhookUrl of ["http://10.1.2.3/hook", "https://hooks.corp.example/parallax"]) {
      const saved = await allowed.watch.create({ kind: "query", value: `allowed ${webhookUrl}`, webhookUrl });
      expect(saved.watch.webhookUrl).toBe(webhookUrl);
    }
    expect(
      await failure(
        allowed.watch.create({ kind: "query", value: "outside", webhookUrl: "http://10.2.0.1/hook" }),
      ),
    ).toMatchObject({
      message: "the webhook URL http://10.2.0.1/hook refused: 10.2.0.1 is a private address",
    });
  });
});
