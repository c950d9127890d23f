import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Paragraph } from "@parallax/core/schemas";
import * as chrono from "chrono-node";
// Deep import until @parallax/core exposes an `enrich` entry point.
import { findTimeExpressions } from "@parallax/core/enrich/time";

/**
 * `pnpm bench:timeml`: date and time expressions on TimeBank + AQUAINT (TempEval-3's TBAQ-cleaned training
 * set), scored as TempEval-3 scores them: strict and relaxed span match, type accuracy, and value accuracy and
 * value F1 (relaxed matches whose normalized value equals the gold one), with the document creation time as
 * the reference date. chrono-node runs on the same paragraphs as the peer library.
 */

export interface Timex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimemlDoc {
  id: string;
  dct: string;
  text: string;
  /** Blank-line separated blocks of `text` with where each starts in it. */
  paragraphs: Array<Paragraph & { offset: number }>;
  gold: Timex[];
}

/** ../shared/data beside the repository (as ./data.ts has it; not imported, to keep this bench free of the normalizer). */
const dataRoot = path.resolve(import.meta.dirname, "../../../shared/data");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The plain text of <TEXT> (tags stripped, entities decoded) and the TIMEX3 spans in its offsets. */
export function parseTimeml(xml: string, id: string): TimemlDoc {
  const dct = /<DCT>\s*<TIMEX3[^>]*\svalue="([^"]+)"/.exec(xml)?.[1]?.slice(0, 10) ?? "";
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? "";
  let text = "";
  const gold: Timex[] = [];
  let open: { start: number; type: string; value: string } | null = null;
  const token = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(#\d+|[a-z]+);/g;
  let last = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    text += body.slice(last, m.index);
    last = token.lastIndex;
    if (m[4] !== undefined) {
      const name = m[4];
      text += name.startsWith("#") ? String.fromCharCode(Number(name.slice(1))) : (ENTITIES[name] ?? m[0]);
      continue;
    }
    if (m[2] !== "TIMEX3") continue;
    if (m[1] === "") {
      const attrs = m[3] ?? "";
      open = {
        start: text.length,
        type: (/\stype="([^"]*)"/.exec(attrs)?.[1] ?? "").toLowerCase(),
        value: /\svalue="([^"]*)"/.exec(attrs)?.[1] ?? "",
      };
    } else if (open) {
      gold.push({ ...open, end: text.length, text: text.slice(open.start, text.length) });
      open = null;
    }
  }
  text += body.slice(last);
  const paragraphs: TimemlDoc["paragraphs"] = [];
  const block = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;
  for (let m = block.exec(text); m; m = block.exec(text)) {
    if (!m[0].trim()) continue;
    paragraphs.push({ n: paragraphs.length + 1, kind: "paragraph", text: m[0], offset: m.index });
  }
  return { id, dct, text, paragraphs, gold };
}

export function loadTimemlDocs(): TimemlDoc[] {
  const root = path.join(dataRoot, "timeml-train");
  const docs: TimemlDoc[] = [];
  for (const corpus of ["TimeBank", "AQUAINT"]) {
    for (const file of readdirSync(path.join(root, corpus)).sort()) {
      if (!file.endsWith(".tml")) continue;
      docs.push(parseTimeml(readFileSync(path.join(root, corpus, file), "utf8"), `${corpus}/${file}`));
    }
  }
  return docs;
}

/** Our engine on one document, in document offsets. */
export function runParallax(doc: TimemlDoc): Timex[] {
  const offsets = new Map(doc.paragraphs.map((p) => [p.n, p.offset]));
  return findTimeExpressions(doc.paragraphs, doc.dct).map((t) => {
    const base = offsets.get(t.paragraph) ?? 0;
    return { start: base + t.start, end: base + t.end, text: t.text, type: t.type, value: t.value };
  });
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** chrono-node's result as a TimeML value, at the precision its parsed components say it knows. */
function chronoValue(c: chrono.ParsedComponents): { type: string; value: string } {
  const y = pad(c.get("year") ?? 0, 4);
  const mo = pad(c.get("month") ?? 1);
  const d = pad(c.get("day") ?? 1);
  if (c.isCertain("hour"))
    return { type: "time", value: `${y}-${mo}-${d}T${pad(c.get("hour") ?? 0)}:${pad(c.get("minute") ?? 0)}` };
  if (c.isCertain("day") || c.isCertain("weekday")) return { type: "date", value: `${y}-${mo}-${d}` };
  if (c.isCertain("month")) return { type: "date", value: `${y}-${mo}` };
  if (c.isCertain("year")) return { type: "date", value: y };
  return { type: "date", value: `${y}-${mo}-${d}` };
}

export function runChrono(doc: TimemlDoc): Timex[] {
  const [y, m, d] = doc.dct.split("-").map(Number) as [number, number, number];
  const ref = new Date(y, m - 1, d, 12);
  return doc.paragraphs.flatMap((p) =>
    chrono.parse(p.text, ref).map((r) => ({
      start: p.offset + r.index,
      end: p.offset + r.index + r.text.length,
      text: r.text,
      ...chronoValue(r.start),
    })),
  );
}

export interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxed: number;
  type: number;
  value: number;
}

/** One-to-one matching: exact spans first, then the first overlapping gold span left. */
export function matchTimexes(gold: Timex[], system: Timex[]): Array<[Timex, Timex, boolean]> {
  const pairs: Array<[Timex, Timex, boolean]> = [];
  const used = new Set<Timex>();
  const pending: Timex[] = [];
  for (const s of system) {
    const g = gold.find((x) => !used.has(x) && x.start === s.start && x.end === s.end);
    if (g) {
      used.add(g);
      pairs.push([g, s, true]);
    } else pending.push(s);
  }
  for (const s of pending) {
    const g = gold.find((x) => !used.has(x) && x.start < s.end && s.start < x.end);
    if (g) {
      used.add(g);
      pairs.push([g, s, false]);
    }
  }
  return pairs;
}

export function count(gold: Timex[], system: Timex[]): Counts {
  const pairs = matchTimexes(gold, system);
  return {
    gold: gold.length,
    system: system.length,
    strict: pairs.filter((p) => p[2]).length,
    relaxed: pairs.length,
    type: pairs.filter(([g, s]) => g.type === s.type).length,
    value: pairs.filter(([g, s]) => g.value === s.value).length,
  };
}

const f1 = (hit: number, system: number, gold: number) => {
  const p = system ? hit / system : 0;
  const r = gold ? hit / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

function add(a: Counts, b: Counts): Counts {
  return {
    gold: a.gold + b.gold,
    system: a.system + b.system,
    strict: a.strict + b.strict,
    relaxed: a.relaxed + b.relaxed,
    type: a.type + b.type,
    value: a.value + b.value,
  };
}

const fmt = (x: number) => (x * 100).toFixed(1);

function row(name: string, c: Counts, ms: number): string {
  const strict = f1(c.strict, c.system, c.gold);
  const relaxed = f1(c.relaxed, c.system, c.gold);
  const value = f1(c.value, c.system, c.gold);
  const cells = [
    name,
    `${fmt(strict.p)} / ${fmt(strict.r)} / **${fmt(strict.f)}**`,
    `${fmt(relaxed.p)} / ${fmt(relaxed.r)} / **${fmt(relaxed.f)}**`,
    c.relaxed ? fmt(c.type / c.relaxed) : "–",
    c.relaxed ? fmt(c.value / c.relaxed) : "–",
    `**${fmt(value.f)}**`,
    `${c.system}`,
    ms ? `${ms.toFixed(0)} ms` : "–",
  ];
  return `| ${cells.join(" | ")} |`;
}

function main() {
  const docs = loadTimemlDocs();
  const zero: Counts = { gold: 0, system: 0, strict: 0, relaxed: 0, type: 0, value: 0 };
  const systems = { parallax: runParallax, "chrono-node 2": runChrono } as const;
  const lines: string[] = [];
  for (const [name, run] of Object.entries(systems)) {
    let total = zero;
    const t0 = performance.now();
    for (const doc of docs) total = add(total, count(doc.gold, run(doc)));
    lines.push(row(name, total, performance.now() - t0));
  }
  const gold = docs.reduce((n, d) => n + d.gold.length, 0);
  console.log(
    `\nTimeML (TimeBank + AQUAINT): ${docs.length} documents, ${gold} TIMEX3, DCT as reference date\n`,
  );
  console.log(
    "| system | strict P / R / F1 | relaxed P / R / F1 | type acc. | value acc. | value F1 | found | time |",
  );
  console.log("|---|---|---|---|---|---|---|---|");
  for (const line of lines) console.log(line);
  // Published on the TempEval-3 platinum test set (UzZaman et al. 2013), not on these files.
  console.log(
    "| HeidelTime (TempEval-3 platinum, published) | – / – / **81.3** | – / – / **90.3** | – | – | **77.6** | – | – |",
  );
  console.log(
    "| SUTime (TempEval-3 platinum, published) | – / – / **79.6** | – / – / **90.3** | – | – | **67.4** | – | – |",
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
