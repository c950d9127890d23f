import { readdirSync, readFileSync } from "node:fs";

/** VmRSS and VmHWM (peak) of one process in MB, from /proc; null once it is gone. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}

/**
 * The process and every descendant: `next start` may run its server in a child process, and the memory of the
 * web app is theirs together.
 */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses; the parent pid is the second field after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited while listed
    }
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** The summed RSS and summed peaks of a process tree (peaks of separate processes may not coincide: an upper bound). */
export function treeMemory(root: number): { rssMb: number; peakMb: number } | null {
  let rssMb = 0;
  let peakMb = 0;
  let found = false;
  for (const pid of processTree(root)) {
    const memory = memoryOf(pid);
    if (!memory) continue;
    found = true;
    rssMb += memory.rssMb;
    peakMb += memory.peakMb;
  }
  return found ? { rssMb, peakMb } : null;
}

export interface MemorySample {
  /** ms since the run's first submission */
  at: number;
  /** articles through the pipeline when sampled (a final state, enriched and in a story each count a third) */
  done: number;
  rssMb: number;
}

/** Samples each named process tree every second, and keeps each one's last-seen peak (VmHWM). */
export class MemorySampler {
  readonly samples = new Map<string, MemorySample[]>();
  readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly processes: ReadonlyArray<{ name: string; pid: number }>,
    private readonly progress: () => { at: number; done: number },
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 1_000);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  private sample(): void {
    const { at, done } = this.progress();
    for (const { name, pid } of this.processes) {
      const memory = treeMemory(pid);
      if (!memory) continue;
      this.peaks.set(name, Math.max(this.peaks.get(name) ?? 0, memory.peakMb));
      const list = this.samples.get(name) ?? [];
      list.push({ at, done, rssMb: memory.rssMb });
      this.samples.set(name, list);
    }
  }
}
