/**
 * Where a worker's CPU time goes, from the `.cpuprofile` files `node --cpu-prof` writes (one per process and
 * one per worker thread). `node --import tsx src/pipeline/cpu-profile.ts <dir or files…>` prints it on its own;
 * the pipeline benchmark calls `profileReport` on the directory of its profiled run.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { fmt, table } from "./stats";

const zProfile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({
        functionName: z.string(),
        url: z.string(),
        lineNumber: z.number(),
      }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
export type CpuProfile = z.infer<typeof zProfile>;

/** Functions whose inclusive time is one stage's (or one stage's pure part's) share of the CPU. */
export const stageFunctions = [
  "processArticle",
  "normalize",
  "enrichOne",
  "enrichArticle",
  "storeEnrichment",
  "clusterOne",
  "assignArticleToStory",
  "briefStory",
  "buildBriefing",
  "storeBriefing",
  "matchAlerts",
];

const namedPackages: Record<string, string> = {
  pg: "pg driver",
  "pg-protocol": "pg driver",
  "pg-pool": "pg driver",
  "pg-types": "pg driver",
  "drizzle-orm": "drizzle-orm",
  bullmq: "bullmq",
  ioredis: "ioredis",
  zod: "zod",
};

/** The area a frame's own time is charged to: a pipeline stage, our database layer, a package, or V8's own. */
export function areaOf(frame: { functionName: string; url: string }): string {
  const { url, functionName } = frame;
  if (!url) {
    if (/^\((garbage collector|idle|program|root)\)$/.test(functionName)) return functionName;
    return "(native)";
  }
  const modules = url.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const parts = url.slice(modules + "/node_modules/".length).split("/");
    const name = parts[0]!.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0]!;
    return namedPackages[name] ?? name;
  }
  // tsx compiling TypeScript on load, in the process and again in every normalizer thread it starts.
  if (
    /^(compileSourceTextModule|wrapSafe|makeSyncRequest|waitForWorker|compileForInternalLoader)$/.test(
      functionName,
    )
  )
    return "(module loading)";
  if (url.startsWith("node:") || !url.includes("/")) return "node internals";
  const core = /\/packages\/core\/src\/([^/.]+)/.exec(url);
  if (core) {
    const area = core[1]!;
    return ["normalize", "enrich", "cluster", "brief"].includes(area)
      ? `core/${area}`
      : `core/other (${area})`;
  }
  if (url.includes("/packages/db/")) return "db";
  const pkg = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (pkg) return `${pkg[1] === "apps" ? "app" : "package"} ${pkg[2]}`;
  return "other";
}

/** Each sample lasts until the next one (the last one as long as the average), as Chrome's DevTools counts. */
function sampleDurations(profile: CpuProfile): number[] {
  const { samples, timeDeltas } = profile;
  const durations = samples.map((_, i) => timeDeltas[i + 1] ?? 0);
  if (samples.length > 0) {
    const total = timeDeltas.slice(1).reduce((a, b) => a + b, 0);
    durations[samples.length - 1] = samples.length > 1 ? total / (samples.length - 1) : 0;
  }
  return durations.map((d) => Math.max(0, d));
}

export interface ProfileSummary {
  /** µs of all samples together, idle included */
  totalUs: number;
  byArea: Map<string, number>;
  /** key `name url:line` */
  byFunction: Map<string, { name: string; where: string; area: string; selfUs: number }>;
  /** inclusive µs per stage function name (a recursive or re-entered function counted once per sample) */
  inclusive: Map<string, number>;
}

export function summarize(profiles: readonly CpuProfile[]): ProfileSummary {
  const summary: ProfileSummary = {
    totalUs: 0,
    byArea: new Map(),
    byFunction: new Map(),
    inclusive: new Map(),
  };
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const durations = sampleDurations(profile);
    const selfUs = new Map<number, number>();
    profile.samples.forEach((id, i) => {
      selfUs.set(id, (selfUs.get(id) ?? 0) + durations[i]!);
    });
    for (const [id, us] of selfUs) {
      const node = byId.get(id);
      if (!node) continue;
      summary.totalUs += us;
      const frame = node.callFrame;
      const area = areaOf(frame);
      summary.byArea.set(area, (summary.byArea.get(area) ?? 0) + us);
      const where = frame.url ? `${shortPath(frame.url)}:${frame.lineNumber + 1}` : "";
      const key = `${frame.functionName} ${where}`;
      const entry = summary.byFunction.get(key) ?? {
        name: frame.functionName || "(anonymous)",
        where,
        area,
        selfUs: 0,
      };
      entry.selfUs += us;
      summary.byFunction.set(key, entry);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const name = byId.get(at)?.callFrame.functionName ?? "";
        if (stageFunctions.includes(name) && !seen.has(name)) {
          seen.add(name);
          summary.inclusive.set(name, (summary.inclusive.get(name) ?? 0) + us);
        }
      }
    }
  }
  return summary;
}

/** Inside the repository: the path from the package; in node_modules: from the package's name. */
export function shortPath(url: string): string {
  const file = url.replace(/^file:\/\//, "");
  const modules = file.lastIndexOf("/node_modules/");
  if (modules >= 0) return file.slice(modules + "/node_modules/".length);
  const repo = /\/((?:packages|apps|bench)\/.*)$/.exec(file);
  return repo ? repo[1]! : path.basename(file);
}

export function readProfiles(paths: readonly string[]): { profiles: CpuProfile[]; files: string[] } {
  const files = paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => path.join(p, f))
      : [p],
  );
  const profiles = files.map((file) => {
    const parsed = zProfile.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) throw new Error(`${file} is not a Chrome CPU profile: ${parsed.error.message}`);
    return parsed.data;
  });
  return { profiles, files };
}

/** Markdown tables: self time by area, the top functions by self time, and the stage functions' inclusive time. */
export function profileReport(summary: ProfileSummary, top = 25): string {
  const busyUs = summary.totalUs - (summary.byArea.get("(idle)") ?? 0);
  const pct = (us: number, of: number) => (of > 0 ? `${fmt((100 * us) / of, 1)} %` : "–");
  const ms = (us: number) => fmt(us / 1000);
  // Areas under 0.5 % of the busy time are summed into one row: dozens of tiny packages only hide the rest.
  const small = (area: string, us: number) => area !== "(idle)" && us < busyUs * 0.005;
  const sorted = [...summary.byArea.entries()].sort((a, b) => b[1] - a[1]);
  const rest = sorted.filter(([area, us]) => small(area, us));
  const areas = [
    ...sorted.filter(([area, us]) => !small(area, us)),
    ...(rest.length > 0
      ? [[`${rest.length} more, each < 0.5 %`, rest.reduce((sum, [, us]) => sum + us, 0)] as [string, number]]
      : []),
  ];
  const functions = [...summary.byFunction.values()]
    .filter((f) => f.area !== "(idle)")
    .sort((a, b) => b.selfUs - a.selfUs)
    .slice(0, top);
  const stages = stageFunctions
    .filter((name) => summary.inclusive.has(name))
    .map((name) => [name, summary.inclusive.get(name)!] as const);
  return [
    `CPU time sampled: ${ms(summary.totalUs)} ms over the process and its threads together (the normalizer ` +
      `threads idle most of the time), of which not idle ${ms(busyUs)} ms. Start-up is included: tsx compiles ` +
      "the TypeScript once in the process and again in each thread ((module loading)), which a short run inflates.",
    "",
    "Self time by area:",
    "",
    table(
      ["area", "self ms", "% of all", "% of not idle"],
      areas.map(([area, us]) => [
        area,
        ms(us),
        pct(us, summary.totalUs),
        area === "(idle)" ? "" : pct(us, busyUs),
      ]),
    ),
    "",
    `Top ${top} functions by self time:`,
    "",
    table(
      ["function", "where", "area", "self ms", "% of not idle"],
      functions.map((f) => [`\`${f.name}\``, f.where, f.area, ms(f.selfUs), pct(f.selfUs, busyUs)]),
      3,
    ),
    "",
    "Inclusive CPU time of the stage functions (synchronous stretches between awaits, callees included):",
    "",
    stages.length > 0
      ? table(
          ["function", "inclusive ms", "% of not idle"],
          stages.map(([name, us]) => [`\`${name}\``, ms(us), pct(us, busyUs)]),
        )
      : "(none of them sampled)",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error("usage: node --import tsx src/pipeline/cpu-profile.ts <dir or .cpuprofile files…>");
    process.exit(2);
  }
  try {
    const { profiles, files } = readProfiles(args);
    console.log(`${files.length} profiles\n`);
    console.log(profileReport(summarize(profiles)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
