import { performance } from "node:perf_hooks";
import { dateCases, extractionCases } from "./data";
import { type DateCounts, dateScores, median, prf, type SnippetCounts, scoreSnippets } from "./score";
import { type System, systems } from "./systems";

/**
 * `pnpm bench:extract`: every extractor on the same decoded pages, in this one process, one after another.
 * Quality: trafilatura's snippet set (../shared/data/extraction) and htmldate's date set (../shared/data/dates).
 * Speed: wall time per page on the extraction set, single-threaded; memory: peak RSS growth while a system runs.
 */
const only = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const chosen = only.length ? systems.filter((s) => only.some((o) => s.name.startsWith(o))) : systems;
const extraction = extractionCases();
const dates = dateCases();

interface Row {
  system: string;
  precision: number;
  recall: number;
  f1: number;
  dateAccuracy: number;
  datePrecision: number;
  dateRecall: number;
  medianMs: number;
  pagesPerSecond: number;
  peakMb: number;
  errors: number;
}

async function run(system: System): Promise<Row> {
  globalThis.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const counts: SnippetCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const times: number[] = [];
  let errors = 0;
  for (const page of extraction) {
    const start = performance.now();
    let text = "";
    try {
      text = (await system.extract(page.html, page.url)).text;
    } catch {
      errors++;
    }
    times.push(performance.now() - start);
    peak = Math.max(peak, process.memoryUsage().rss);
    scoreSnippets(text, page, counts);
  }
  const dateCounts: DateCounts = { correct: 0, wrong: 0, missing: 0 };
  for (const page of dates) {
    let found: string | null = null;
    try {
      found = (await system.extract(page.html, page.url)).date;
    } catch {
      errors++;
    }
    if (!found) dateCounts.missing++;
    else if (found === page.date) dateCounts.correct++;
    else dateCounts.wrong++;
  }
  const quality = prf(counts);
  const dateQuality = dateScores(dateCounts);
  const total = times.reduce((a, b) => a + b, 0);
  return {
    system: system.name,
    ...quality,
    dateAccuracy: dateQuality.accuracy,
    datePrecision: dateQuality.precision,
    dateRecall: dateQuality.recall,
    medianMs: median(times),
    pagesPerSecond: (extraction.length / total) * 1000,
    peakMb: (peak - baseline) / 1024 / 1024,
    errors,
  };
}

const rows: Row[] = [];
for (const system of chosen) {
  // One warm-up pass over a few pages so JIT compilation is not billed to the first pages.
  for (const page of extraction.slice(0, 5))
    await Promise.resolve(system.extract(page.html, page.url)).catch(() => {});
  rows.push(await run(system));
  process.stderr.write(`done: ${system.name}\n`);
}

const f = (n: number, d = 3) => n.toFixed(d);
console.log(
  `\nExtraction: ${extraction.length} pages (snippets), ${dates.length} pages (dates), Node ${process.version}\n`,
);
console.log(
  "| system | precision | recall | F1 | date accuracy | date precision | date recall | median ms/page | pages/s | peak MB | errors |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.system} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${f(r.dateAccuracy)} | ${f(r.datePrecision)} | ${f(r.dateRecall)} | ${f(r.medianMs, 1)} | ${f(r.pagesPerSecond, 1)} | ${f(r.peakMb, 0)} | ${r.errors} |`,
  );
}
