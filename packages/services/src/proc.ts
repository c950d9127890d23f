import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, readlinkSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

interface ProcessInfo {
  name: string;
  state: string;
  ppid: number;
}

/** Name, state and parent of a process from /proc; undefined when it does not exist (or this is not Linux). */
export function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // "pid (comm) state ppid …": comm may itself contain spaces and parentheses.
    const open = stat.indexOf("(");
    const close = stat.lastIndexOf(")");
    const [state = "", ppid = "0"] = stat.slice(close + 2).split(" ");
    return { name: stat.slice(open + 1, close), state, ppid: Number(ppid) };
  } catch {
    return undefined;
  }
}

/** A zombie has exited even though signal 0 still reaches it. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  return processInfo(pid)?.state !== "Z";
}

export function processCwd(pid: number): string | undefined {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return undefined;
  }
}

/**
 * A leftover server whose parent is still a Node process belongs to a live Parallax (or test run) and must not
 * be touched; one re-parented to init or a reaper was orphaned when its owner was killed.
 */
export function isOrphaned(pid: number): boolean {
  const info = processInfo(pid);
  if (!info) return true;
  const parent = processInfo(info.ppid);
  return info.ppid <= 1 || !parent || !/^node|^tsx/.test(parent.name);
}

/**
 * Sends `signal`, waits up to `graceMs` for the process to go away, then SIGKILLs it. With `group`, signals go
 * to its whole process group (it must lead one), and whatever is left of the group is killed at the end.
 */
export async function terminatePid(
  pid: number,
  signal: NodeJS.Signals,
  graceMs: number,
  { group = false }: { group?: boolean } = {},
): Promise<void> {
  const send = (s: NodeJS.Signals) => {
    try {
      process.kill(group ? -pid : pid, s);
    } catch {}
  };
  const waitForExit = async (ms: number) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(50)) {
      if (!isAlive(pid)) return true;
    }
    return false;
  };
  send(signal);
  if (!(await waitForExit(graceMs))) {
    send("SIGKILL");
    await waitForExit(5_000);
  }
  if (group) send("SIGKILL");
}

export interface ManagedProcess {
  pid: number;
  /** Settles when the process has exited; never rejects. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  hasExited(): boolean;
  /** The last lines it wrote, for error messages. */
  tail(): string;
  /** `stopSignal`, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs: number): Promise<void>;
}

export interface SpawnManagedOptions {
  cwd?: string;
  uid?: number;
  gid?: number;
  env?: NodeJS.ProcessEnv;
  /** The signal that makes this server shut down cleanly. */
  stopSignal: NodeJS.Signals;
}

const TAIL_LINES = 30;

/**
 * Spawns a server in its own process group, so a Ctrl-C in the terminal reaches only its owner, which stops
 * things in order (web and worker before the database they use). If the owner exits without stopping it, the
 * server still gets its stop signal.
 */
export function spawnManaged(command: string, args: string[], options: SpawnManagedOptions): ManagedProcess {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    uid: options.uid,
    gid: options.gid,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim()) lines.push(line.trimEnd());
    }
    lines.splice(0, Math.max(0, lines.length - TAIL_LINES));
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  let exitedAlready = false;
  const killOnExit = () => {
    if (!exitedAlready && child.pid) {
      try {
        process.kill(child.pid, options.stopSignal);
      } catch {}
    }
  };
  process.on("exit", killOnExit);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("error", (error) => {
      lines.push(error.message);
      exitedAlready = true;
      process.off("exit", killOnExit);
      resolve({ code: null, signal: null });
    });
    child.once("exit", (code, signal) => {
      exitedAlready = true;
      process.off("exit", killOnExit);
      resolve({ code, signal });
    });
  });

  return {
    pid: child.pid ?? -1,
    exited,
    hasExited: () => exitedAlready,
    tail: () => lines.join("\n"),
    async stop(graceMs) {
      if (exitedAlready) return;
      child.kill(options.stopSignal);
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls `probe` until the server answers; fails with its last output if it exits or `timeoutMs` passes. */
export async function waitUntilReady(
  server: ManagedProcess,
  probe: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    if (server.hasExited()) throw new Error(`${what} exited while starting:\n${server.tail()}`);
    if ((await probe()) && !server.hasExited()) return;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not start within ${timeoutMs / 1000} s:\n${server.tail()}`);
    }
  }
}

/** A free port can be taken by someone else before the server binds it; such a start is worth another try. */
export function lostPortRace(server: ManagedProcess): boolean {
  return /address already in use|could not bind/i.test(server.tail());
}

/** The message of an error, including the first cause of an AggregateError (pg and net report those). */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message && error.errors.length > 0) {
    return describeError(error.errors[0]);
  }
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
