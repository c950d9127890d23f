import { signIn } from "@parallax/api";
import { closeDatabase, createDatabase, type Database } from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedDatabase, testServices } from "../../../tooling/vitest/services";
import { runCli } from "./__fixtures__/cli";
import { bootstrapAdmin } from "./admin-bootstrap";

let db: Database;
let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await isolatedDatabase();
  ({ url, drop } = database);
  db = createDatabase(url, { max: 2 });
});

afterAll(async () => {
  await closeDatabase(db);
  await drop();
});

const users = async () =>
  (await db.$client.query<{ username: string }>("select username from users order by username")).rows.map(
    (r) => r.username,
  );

describe("administrator accounts from the command line", () => {
  it("creates admin with a random password printed once when there is no account, then leaves it alone", async () => {
    const printed: string[] = [];
    expect(await bootstrapAdmin(db, {}, (line) => printed.push(line), "http://localhost:3000")).toBe(
      "created-random",
    );
    const password = /password: (\S+)/.exec(printed.join("\n"))?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(printed.join("\n")).toContain("pnpm parallax admin password admin");
    expect(await signIn(db, "admin", password!)).not.toBeNull();

    const again: string[] = [];
    expect(await bootstrapAdmin(db, {}, (line) => again.push(line), "http://localhost:3000")).toBe("exists");
    expect(again).toEqual([]);
    expect(await users()).toEqual(["admin"]);
  });

  it("`admin create` and `admin password` read the password from stdin, never from the arguments", async () => {
    const env = { DATABASE_URL: url, REDIS_URL: testServices().redisUrl };
    const created = await runCli(["admin", "create", "Editor"], "editor password one\n", env);
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("created the administrator “editor”");
    expect(await signIn(db, "editor", "editor password one")).not.toBeNull();

    const twice = await runCli(["admin", "create", "editor"], "whatever password\n", env);
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toMatch(/already exists; change its password with: parallax admin password editor/);

    const short = await runCli(["admin", "password", "editor"], "short\n", env);
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/at least 8 characters/);

    const changed = await runCli(["admin", "password", "editor"], "editor password two\n", env);
    expect(changed.stdout).toContain("changed the password");
    expect(await signIn(db, "editor", "editor password one")).toBeNull();
    expect(await signIn(db, "editor", "editor password two")).not.toBeNull();

    const nobody = await runCli(["admin", "password", "nobody"], "some password\n", env);
    expect(nobody.stderr).toMatch(/no user “nobody”/);
  });

  it("creates admin from PARALLAX_ADMIN_PASSWORD when that user does not exist, beside other accounts", async () => {
    await db.$client.query("delete from users where username = 'admin'");
    const printed: string[] = [];
    const outcome = await bootstrapAdmin(
      db,
      { PARALLAX_ADMIN_PASSWORD: "from the environment" },
      (l) => printed.push(l),
      "x",
    );
    expect(outcome).toBe("created-from-env");
    expect(printed.join("\n")).not.toContain("from the environment");
    expect(await signIn(db, "admin", "from the environment")).not.toBeNull();
    expect(await bootstrapAdmin(db, { PARALLAX_ADMIN_PASSWORD: "another one" }, () => {}, "x")).toBe(
      "exists",
    );
  });
});
