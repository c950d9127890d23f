import { spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The absolute path of an executable on PATH, or undefined. */
export function findOnPath(binary: string, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

function run(command: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-4_000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", (error) => resolve({ ok: false, output: error.message }));
    child.once("close", (code) => resolve({ ok: code === 0, output }));
  });
}

/**
 * Makes `binary` available by installing the Debian package `pkg` when it is missing. Only acts as root on a
 * Debian-like system with apt-get; anywhere else it reports false and the caller says what to install.
 * `apt-get update` runs only when the first install fails, since fresh containers often have no package lists.
 */
export async function ensureDebianPackage(
  binary: string,
  pkg: string,
  log: (line: string) => void = () => {},
): Promise<boolean> {
  if (findOnPath(binary)) return true;
  const aptGet = findOnPath("apt-get");
  const isRoot = process.getuid?.() === 0;
  if (process.platform !== "linux" || !isRoot || !aptGet || !existsSync("/etc/debian_version")) return false;

  log(`${binary} not found: installing the Debian package ${pkg} (apt-get install -y ${pkg})`);
  let install = await run(aptGet, ["install", "-y", "-q", pkg]);
  if (!install.ok) {
    log("apt-get install failed; running apt-get update and trying again");
    const update = await run(aptGet, ["update", "-q"]);
    if (update.ok) install = await run(aptGet, ["install", "-y", "-q", pkg]);
  }
  if (!install.ok) {
    const lastLine = install.output.trim().split("\n").pop() ?? "";
    log(`apt-get install ${pkg} failed: ${lastLine}`);
  }
  return findOnPath(binary) !== undefined;
}
