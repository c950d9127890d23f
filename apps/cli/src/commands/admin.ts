import { createInterface } from "node:readline";
import { changePassword, createAdmin, zPassword, zUsername } from "@parallax/api";
import { closeDatabase, createDatabase, UserExistsError } from "@parallax/db";
import type { Command } from "commander";
import { serviceUrls } from "../runtime";

/**
 * A password from the terminal (typed twice, not echoed) or, when stdin is not a terminal, its first line: never
 * from the command line, where other users see it in `ps` and it stays in the shell's history.
 */
export async function readPassword(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    throw new Error(
      "no password on stdin: type it at the prompt, or pipe it in (printf '%s\\n' \"$PW\" | …)",
    );
  }
  const first = await promptHidden(input, "New password: ");
  const second = await promptHidden(input, "Repeat it: ");
  if (first !== second) throw new Error("the two passwords differ; nothing was changed");
  return first;
}

function promptHidden(input: NodeJS.ReadStream, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(question);
    let value = "";
    input.setRawMode(true);
    input.resume();
    input.setEncoding("utf8");
    const done = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off("data", onData);
      process.stderr.write("\n");
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n") return done();
        if (char === "\u0003") return done(new Error("cancelled"));
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    input.on("data", onData);
  });
}

async function withDatabase<T>(run: (db: ReturnType<typeof createDatabase>) => Promise<T>): Promise<T> {
  const db = createDatabase(serviceUrls().databaseUrl, { max: 1 });
  try {
    return await run(db);
  } finally {
    await closeDatabase(db);
  }
}

function check<T>(
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: Array<{ message: string }> } };
  },
  value: unknown,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "invalid");
  return parsed.data;
}

async function create(username: string) {
  const name = check(zUsername, username);
  const password = check(zPassword, await readPassword());
  try {
    await withDatabase((db) => createAdmin(db, name, password));
  } catch (error) {
    if (error instanceof UserExistsError)
      throw new Error(`${error.message}; change its password with: parallax admin password ${name}`);
    throw error;
  }
  process.stdout.write(`created the administrator “${name}”\n`);
}

async function password(username: string) {
  const name = check(zUsername, username);
  const newPassword = check(zPassword, await readPassword());
  if (!(await withDatabase((db) => changePassword(db, name, newPassword))))
    throw new Error(`no user “${name}” (create one with: parallax admin create ${name})`);
  process.stdout.write(`changed the password of “${name}”; its sessions are signed out\n`);
}

export function registerAdmin(program: Command): void {
  const admin = program
    .command("admin")
    .description("administrator accounts (the password is asked for, or read from stdin; never an argument)");
  admin.command("create <username>").description("create an administrator").action(create);
  admin
    .command("password <username>")
    .description("set an administrator's password and sign them out everywhere")
    .action(password);
}
