import { randomBytes } from "node:crypto";
import { createAdmin } from "@parallax/api";
import { countUsers, type Database, findUserCredentials, UserExistsError } from "@parallax/db";

export const BOOTSTRAP_USER = "admin";

/**
 * Makes sure someone can sign in, at start. With PARALLAX_ADMIN_PASSWORD set and no user `admin`, creates `admin`
 * with that password. With no user at all and no such variable, creates `admin` with a random password and prints
 * it once, with how to change it: the only time Parallax ever shows a password, so that a fresh install is never
 * open to whoever finds it first. Does nothing when accounts exist.
 */
export async function bootstrapAdmin(
  db: Database,
  env: { PARALLAX_ADMIN_PASSWORD?: string | undefined },
  say: (line: string) => void,
  webUrl: string,
): Promise<"created-from-env" | "created-random" | "exists"> {
  const given = env.PARALLAX_ADMIN_PASSWORD;
  try {
    if (given) {
      if (await findUserCredentials(db, BOOTSTRAP_USER)) return "exists";
      await createAdmin(db, BOOTSTRAP_USER, given);
      say(`created the administrator “${BOOTSTRAP_USER}” with the password in PARALLAX_ADMIN_PASSWORD`);
      return "created-from-env";
    }
    if ((await countUsers(db)) > 0) return "exists";
    // 18 random bytes: 24 characters of base64url, 144 bits.
    const password = randomBytes(18).toString("base64url");
    await createAdmin(db, BOOTSTRAP_USER, password);
    say(
      [
        "",
        "  No accounts yet: created the administrator account.",
        `    user:     ${BOOTSTRAP_USER}`,
        `    password: ${password}`,
        `  Sign in at ${webUrl}/signin. This password is not shown again; change it with`,
        `    pnpm parallax admin password ${BOOTSTRAP_USER}`,
        "",
      ].join("\n"),
    );
    return "created-random";
  } catch (error) {
    // Another process (a second start) created it between the check and the insert.
    if (error instanceof UserExistsError) return "exists";
    throw error;
  }
}
