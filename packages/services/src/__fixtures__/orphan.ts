import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Starts an embedded service from a separate process, then kills that process with SIGKILL, so the server is
 * left running without its owner, as after a crash or `kill -9`. Returns the orphaned server's URL.
 */
export async function orphanService(kind: "postgres" | "redis", dataDir: string): Promise<string> {
  const owner = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./hold-service.ts", import.meta.url)), kind, dataDir], {
    cwd: fileURLToPath(new URL("../../../..", import.meta.url)),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    owner.stdout.on("data", (chunk: Buffer) => {
      const ready = /READY (\S+)/.exec(chunk.toString());
      if (ready?.[1]) resolve(ready[1]);
    });
    owner.once("exit", (code) => reject(new Error(`hold-service.ts ${kind} exited with ${code}`)));
  });
  const exited = new Promise((resolve) => owner.once("exit", resolve));
  owner.kill("SIGKILL");
  await exited;
  return url;
}
