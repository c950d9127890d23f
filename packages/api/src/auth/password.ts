import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

// scrypt from node:crypto: memory-hard, no native dependency. The stored string carries its parameters
// (`scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`, base64url) so they can be raised later without breaking old hashes.
const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Bounds for parameters read back from the database: a tampered row must not make a sign-in allocate gigabytes.
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;

export const MIN_PASSWORD_CHARS = 8;
export const MAX_PASSWORD_CHARS = 1024;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, LOG_N, R, P);
  return ["scrypt", LOG_N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** Whether `password` matches `stored`; false (never an exception) for a malformed or tampered hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [logN, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,2}$/.test(part) ? Number(part) : Number.NaN));
  if (!(logN! >= 10 && logN! <= MAX_LOG_N && r! >= 1 && r! <= MAX_R && p! >= 1 && p! <= MAX_P)) return false;
  const salt = Buffer.from(parts[4]!, "base64url");
  const expected = Buffer.from(parts[5]!, "base64url");
  if (salt.length < SALT_BYTES || expected.length !== KEY_BYTES) return false;
  const key = await derive(password, salt, logN!, r!, p!);
  return timingSafeEqual(key, expected);
}

/** Whether a stored hash was made with weaker parameters than today's, so it should be redone at sign-in. */
export function needsRehash(stored: string): boolean {
  const [scheme, logN, r, p] = stored.split("$");
  return scheme !== "scrypt" || Number(logN) < LOG_N || Number(r) < R || Number(p) < P;
}

// A fixed hash to check against when the user does not exist, so that an unknown name takes as long to refuse
// as a wrong password (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}
