import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import {
  articleClusterDoc,
  assignArticle,
  type ClusterDoc,
  type ClusterOptions,
  DEFAULT_CLUSTER_OPTIONS,
  MemoryStoryIndex,
} from "@parallax/core/cluster";
import { tokens } from "@parallax/core/dedupe";
import { enrichArticle } from "@parallax/core/enrich";
import { normalize } from "@parallax/core/normalize";
import { dataRoot } from "./data";

/**
 * `pnpm bench:cluster`: story clustering, B-cubed against gold stories, ours (DEFAULT_CLUSTER_OPTIONS, the same
 * settings on every set) beside a plain single-pass TF-IDF; then the cost of one assignment as the index grows.
 * NewsWCL50 has no dates, so it arrives in seeded shuffled orders; the UCI headlines arrive in their own time
 * order, title only, TIMESTAMP as publication time.
 */
interface Labeled {
  doc: ClusterDoc;
  gold: string;
}

function newswcl(): Labeled[] {
  const dir = path.join(dataRoot, "newswcl50");
  const index = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Array<{
    file: string;
    event: number;
  }>;
  return index.map(({ file, event }) => {
    const raw = readFileSync(path.join(dir, file), "utf8");
    const cut = raw.indexOf("\n");
    const doc = { id: file, title: raw.slice(0, cut).trim(), text: raw.slice(cut + 1), publishedAt: null };
    return { doc, gold: String(event) };
  });
}

/** NewsWCL50 as the worker sees it: normalized, enriched, then `articleClusterDoc` (entities, figures, days). */
function newswclEnriched(): Labeled[] {
  return newswcl().map(({ doc, gold }) => {
    const article = normalize({ kind: "text", text: `${doc.title}\n\n${doc.text}` }, { title: doc.title });
    const { enrichment } = enrichArticle(article);
    return { doc: articleClusterDoc(doc.id, { ...article, publishedAt: null }, enrichment), gold };
  });
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[i++];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "," || c === "\n") {
      row.push(field);
      field = "";
      if (c === "\n") {
        rows.push(row);
        row = [];
      }
    } else if (c !== "\r") field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function uciHeadlines(): Labeled[] {
  const [head, ...rows] = parseCsv(readFileSync(path.join(dataRoot, "uci-headlines/headlines.csv"), "utf8"));
  const col = (name: string) => head!.indexOf(name);
  // The file's last line is cut off mid-URL; only complete rows count.
  return rows
    .filter((r) => r.length === head!.length && /^\d+$/.test(r[col("TIMESTAMP")]!))
    .map((r) => ({
      doc: {
        id: r[col("ID")]!,
        title: r[col("TITLE")]!,
        text: "",
        publishedAt: new Date(Number(r[col("TIMESTAMP")])).toISOString(),
      },
      gold: r[col("STORY")]!,
    }));
}

interface Score {
  precision: number;
  recall: number;
  f1: number;
  stories: number;
}

/** B-cubed (Bagga & Baldwin): per item, the share of its cluster in its gold story and vice versa, averaged. */
function bcubed(predicted: readonly string[], gold: readonly string[]): Score {
  const count = (keys: Iterable<string>) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const sizes = count(predicted);
  const goldSizes = count(gold);
  const both = count(predicted.map((p, i) => `${p}\u0000${gold[i]}`));
  let precision = 0;
  let recall = 0;
  predicted.forEach((p, i) => {
    const shared = both.get(`${p}\u0000${gold[i]}`)!;
    precision += shared / sizes.get(p)!;
    recall += shared / goldSizes.get(gold[i]!)!;
  });
  precision /= predicted.length;
  recall /= predicted.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), stories: sizes.size };
}

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = prng(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function ours(items: readonly Labeled[], options: ClusterOptions): Promise<Score & { merges: number }> {
  const index = new MemoryStoryIndex();
  const ids: string[] = [];
  for (const { doc } of items) ids.push((await assignArticle(doc, index, options)).storyId);
  const score = bcubed(
    ids.map((id) => index.resolve(id)),
    items.map((item) => item.gold),
  );
  return { ...score, merges: index.merges.length };
}

/** The plain baseline: raw TF × log(N/df) with incremental df, cosine to every cluster's centroid, one threshold. */
function plainTfIdf(items: readonly Labeled[], threshold: number): Score {
  const df = new Map<string, number>();
  const centroids: Array<{ terms: Map<string, number>; norm: number }> = [];
  const assigned: string[] = [];
  items.forEach(({ doc }, n) => {
    const tf = new Map<string, number>();
    for (const t of tokens(`${doc.title}\n${doc.text}`)) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = c * Math.log((n + 1) / df.get(t)!);
      if (w <= 0) continue;
      vector.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    let best = -1;
    let bestScore = 0;
    centroids.forEach((c, i) => {
      let dot = 0;
      for (const [t, w] of vector) dot += w * (c.terms.get(t) ?? 0);
      const score = c.norm > 0 ? dot / (norm * c.norm) : 0;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0 || bestScore < threshold) {
      centroids.push({ terms: new Map(), norm: 0 });
      best = centroids.length - 1;
    }
    const c = centroids[best]!;
    for (const [t, w] of vector) c.terms.set(t, (c.terms.get(t) ?? 0) + w / norm);
    c.norm = Math.sqrt([...c.terms.values()].reduce((s, w) => s + w * w, 0));
    assigned.push(String(best));
  });
  return bcubed(
    assigned,
    items.map((item) => item.gold),
  );
}

const f3 = (x: number) => x.toFixed(3);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const row = (name: string, s: Score, extra = "") =>
  `| ${name} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${s.stories} | ${extra} |`;
const meanScore = (scores: Score[]): Score => ({
  precision: mean(scores.map((s) => s.precision)),
  recall: mean(scores.map((s) => s.recall)),
  f1: mean(scores.map((s) => s.f1)),
  stories: Math.round(mean(scores.map((s) => s.stories))),
});

const SEEDS = [1, 2, 3, 4, 5];
const MORE_SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);
const BASELINE_THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
const header = "| system | B³ precision | B³ recall | B³ F1 | stories | notes |\n|---|---|---|---|---|---|";

async function oursOver(orders: readonly Labeled[][], options = DEFAULT_CLUSTER_OPTIONS) {
  const runs = [];
  for (const order of orders) runs.push(await ours(order, options));
  return runs;
}

async function quality(): Promise<void> {
  const articles = newswcl();
  const headlines = uciHeadlines();
  const orders = SEEDS.map((seed) => shuffled(articles, seed));
  // The baseline gets every threshold of the sweep on each set, and the one best on both together.
  const sweep = BASELINE_THRESHOLDS.map((t) => ({
    t,
    wcl: meanScore(orders.map((o) => plainTfIdf(o, t))),
    uci: plainTfIdf(headlines, t),
  }));
  const bestOf = (pick: (x: (typeof sweep)[number]) => number) =>
    sweep.reduce((a, b) => (pick(b) > pick(a) ? b : a));
  const plainWcl = bestOf((x) => x.wcl.f1);
  const plainUci = bestOf((x) => x.uci.f1);
  const plainBoth = bestOf((x) => x.wcl.f1 + x.uci.f1);

  const runs = await oursOver(orders);
  const many = await oursOver(MORE_SEEDS.map((seed) => shuffled(articles, seed)));
  const enriched = newswclEnriched();
  const pipeline = await oursOver(SEEDS.map((seed) => shuffled(enriched, seed)));
  const pipelineMany = await oursOver(MORE_SEEDS.map((seed) => shuffled(enriched, seed)));
  console.log(`\n## NewsWCL50 (${articles.length} articles, 10 events, no dates; seeded shuffled orders)\n`);
  console.log(header);
  const perOrder = `F1 per order ${runs.map((r) => f3(r.f1)).join(" ")}`;
  console.log(row(`ours, mean of orders ${SEEDS.join(", ")}`, meanScore(runs), perOrder));
  console.log(row("ours, order 1", runs[0]!, `${runs[0]!.merges} merges`));
  const spread = `F1 min ${f3(Math.min(...many.map((r) => r.f1)))}, max ${f3(Math.max(...many.map((r) => r.f1)))}`;
  console.log(row(`ours, mean of ${MORE_SEEDS.length} orders`, meanScore(many), spread));
  const pipelineSpread = `F1 min ${f3(Math.min(...pipelineMany.map((r) => r.f1)))}, max ${f3(Math.max(...pipelineMany.map((r) => r.f1)))}`;
  console.log(
    row(
      `ours + enrichment (the worker's input), mean of orders ${SEEDS.join(", ")}`,
      meanScore(pipeline),
      `F1 per order ${pipeline.map((r) => f3(r.f1)).join(" ")}`,
    ),
  );
  console.log(
    row(`ours + enrichment, mean of ${MORE_SEEDS.length} orders`, meanScore(pipelineMany), pipelineSpread),
  );
  console.log(
    row(`plain TF-IDF, mean of ${SEEDS.length} orders`, plainWcl.wcl, `threshold ${plainWcl.t} (best here)`),
  );
  console.log(row("plain TF-IDF, same", plainBoth.wcl, `threshold ${plainBoth.t} (best on both sets)`));

  const undated = headlines.map(({ doc, gold }) => ({ doc: { ...doc, publishedAt: null }, gold }));
  const [dated] = await oursOver([headlines]);
  // Feeds are polled, not pushed: let each headline arrive up to two hours after its time, so that stories
  // interleave instead of arriving one burst after another.
  const lag = prng(1);
  const polled = headlines
    .map((item) => ({ item, arrival: Date.parse(item.doc.publishedAt!) + lag() * 2 * 3_600_000 }))
    .sort((a, b) => a.arrival - b.arrival)
    .map(({ item }) => item);
  const [interleaved] = await oursOver([polled]);
  const [textOnly] = await oursOver([undated]);
  const gold = new Set(headlines.map((h) => h.gold)).size;
  console.log(`\n## UCI headline stream (${headlines.length} headlines, ${gold} stories, titles only)\n`);
  console.log(header);
  console.log(row("ours, time order", dated!, `${dated!.merges} merges`));
  console.log(row("ours, arriving up to 2 h late", interleaved!, "stories interleave; dates kept"));
  console.log(row("ours, dates removed (text alone)", textOnly!, `${textOnly!.merges} merges`));
  console.log(row("plain TF-IDF, time order", plainUci.uci, `threshold ${plainUci.t} (best here)`));
  console.log(row("plain TF-IDF, same", plainBoth.uci, `threshold ${plainBoth.t} (best on both sets)`));

  console.log("\n### UCI by time half-life (NewsWCL50 is undated, so unaffected)\n");
  console.log("| half-life (h) | B³ precision | B³ recall | B³ F1 | stories |\n|---|---|---|---|---|");
  for (const halfLifeHours of [1, 2, 4, 8, 24]) {
    const options = { ...DEFAULT_CLUSTER_OPTIONS, time: { ...DEFAULT_CLUSTER_OPTIONS.time, halfLifeHours } };
    const [r] = await oursOver([headlines], options);
    const mark = halfLifeHours === DEFAULT_CLUSTER_OPTIONS.time.halfLifeHours ? " (default)" : "";
    console.log(
      `| ${halfLifeHours}${mark} | ${f3(r!.precision)} | ${f3(r!.recall)} | ${f3(r!.f1)} | ${r!.stories} |`,
    );
  }
}

/**
 * Synthetic stream: a Zipf vocabulary of made-up words, stories with their own topic words and names, articles
 * of a 10-word title and a 120-word body (40 % function words), 200 articles an hour, each story alive for a
 * few hours to three days.
 */
function* syntheticStream(seed: number): Generator<ClusterDoc> {
  const random = prng(seed);
  const syllables =
    "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu".split(
      " ",
    );
  const word = (i: number) => {
    let w = "";
    for (let n = i + 7; n > 0; n = Math.floor(n / syllables.length)) w += syllables[n % syllables.length];
    return w;
  };
  const VOCABULARY = 30_000;
  const cdf: number[] = [];
  let total = 0;
  for (let r = 1; r <= VOCABULARY; r++) {
    total += 1 / r;
    cdf.push(total);
  }
  const zipf = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return word(lo);
  };
  const functionWords = "the of and to in a that for on is was with said by as at from".split(" ");
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  type Story = { words: string[]; names: string[]; endsAt: number };
  const active: Story[] = [];
  let now = Date.parse("2026-01-01T00:00:00Z");
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const text = (story: Story, length: number, topical: number) => {
    const out: string[] = [];
    for (let i = 0; i < length; i++) {
      const r = random();
      if (r < 0.4) out.push(pick(functionWords));
      else if (r < 0.4 + topical * 0.6)
        out.push(random() < 0.2 ? capital(pick(story.names)) : pick(story.words));
      else out.push(zipf());
      if (i % 15 === 14) out.push(".");
    }
    return out.join(" ").replace(/ \./g, ".");
  };
  for (let i = 0; ; i++) {
    now += -Math.log(1 - random()) * 18_000;
    for (let s = active.length - 1; s >= 0; s--) if (active[s]!.endsAt < now) active.splice(s, 1);
    if (active.length === 0 || random() < 0.08) {
      const words = Array.from({ length: 25 }, () => word(200 + Math.floor(random() * (VOCABULARY - 200))));
      const names = Array.from({ length: 3 }, () => word(Math.floor(random() * VOCABULARY)));
      active.push({ words, names, endsAt: now + (2 + random() * 70) * 3_600_000 });
    }
    // Popular stories get more: the newest few are the busiest.
    const story =
      active[Math.max(0, active.length - 1 - Math.floor(-Math.log(1 - random()) * 3)) % active.length]!;
    const title = capital(text(story, 10, 0.6));
    yield { id: `a${i}`, title, text: text(story, 120, 0.35), publishedAt: new Date(now).toISOString() };
  }
}

async function scale(): Promise<void> {
  const checkpoints = [1_000, 10_000, 100_000];
  const probe = 400;
  // Warm the JIT on a throwaway index first, or the first size pays for compiling.
  const warmUp = new MemoryStoryIndex();
  const warmStream = syntheticStream(99);
  for (let i = 0; i < 3_000; i++)
    await assignArticle(warmStream.next().value as ClusterDoc, warmUp, DEFAULT_CLUSTER_OPTIONS);
  // Generated as consumed, so the bench's own memory stays out of the index's.
  const stream = syntheticStream(7);
  const nextDoc = () => stream.next().value as ClusterDoc;
  const index = new MemoryStoryIndex();
  const rows: string[] = [];
  let stored = 0;
  const quantile = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;
  for (const checkpoint of checkpoints) {
    for (; stored < checkpoint; stored++) await assignArticle(nextDoc(), index, DEFAULT_CLUSTER_OPTIONS);
    const before = { ...index.calls };
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < probe; i++) {
      const doc = nextDoc();
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      await assignArticle(doc, index, DEFAULT_CLUSTER_OPTIONS);
      wall.push(performance.now() - start);
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1000);
    }
    stored += probe;
    const postings = (index.calls.postingsRead - before.postingsRead) / probe;
    const loaded = (index.calls.storiesLoaded - before.storiesLoaded) / probe;
    rows.push(
      `| ${checkpoint.toLocaleString("en")} | ${index.storyCount.toLocaleString("en")} | ${quantile(wall, 0.5).toFixed(3)} | ${quantile(wall, 0.95).toFixed(3)} | ${quantile(cpu, 0.5).toFixed(3)} | ${quantile(cpu, 0.95).toFixed(3)} | ${postings.toFixed(0)} | ${loaded.toFixed(1)} |`,
    );
  }
  console.log(`\n## Cost of one assignment (synthetic stream, ${probe} assignments timed at each size)\n`);
  console.log(
    "CPU time is the process's (GC threads included) and holds up when other work shares the machine.\n",
  );
  console.log(
    "| articles stored | stories | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms | postings read | stories scored |\n" +
      "|---|---|---|---|---|---|---|---|",
  );
  for (const line of rows) console.log(line);
}

// `bench:cluster quality` or `bench:cluster scale` runs one half.
const only = process.argv[2];
const started = performance.now();
if (only !== "scale") await quality();
if (only !== "quality") await scale();
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
