import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { compareArticles, labelKey, weightedLogOdds } from "@parallax/core/compare";
import { tokens } from "@parallax/core/dedupe";
import { enrichArticle } from "@parallax/core/enrich";
import { mergeCorpusEntities } from "@parallax/core/enrich/entities";
import { stopWords, termCounts } from "@parallax/core/enrich/keywords";
import { normalize } from "@parallax/core/normalize";
import type { Comparison, ComparisonArticleInput, ComparisonInput } from "@parallax/core/schemas";
import { dataRoot } from "./data";

/**
 * `pnpm bench:compare`: comparisons on NewsWCL50 (10 events, each reported by five US outlets from left `LL` to
 * right `RR`, with annotated mentions of each concept in index.json).
 *
 * Word choice: for each event, LL against RR. A labelled pair is two annotated mentions of one concept that
 * differ, one only LL uses and one only RR uses ("its leader, Kim Jong-un" ~ "North Korean dictator"); the
 * comparison's pairs are, for each actor both sides name, a label only LL uses with a label only RR uses. A system
 * label matches an annotated mention when the words of one contain the other's and the shorter has at least half
 * the longer's words (case, hyphens, dots and leading articles aside). Recall: labelled pairs with a matching
 * system pair; precision: system pairs matching a labelled pair. Concept level: concepts with any labelled pair
 * found. Peer, same run: the entity aliases enrichment already lists (no labels around the names). Action pairs
 * (`wordChoice.actions`: acts and things both sides state a fact about) are scored the same way, a phrase only LL
 * uses with a phrase only RR uses per act, on the concepts that name no actor, and together with the labels on all.
 * The judge is unchanged: an unannotated but right label ("the communist state" for North Korea) counts as wrong,
 * so precision is a lower bound.
 *
 * Distinctive terms: a side's top 10 against the other, scored by share of them among the words its annotated
 * mentions use and the other side's mentions of the same concepts do not. Weighted log-odds with an informative
 * Dirichlet prior (ours) beside raw counts and the raw difference of relative frequencies.
 *
 * Similarity: pairs of the same event (from the 5-way comparisons) against pairs of different events (2-way),
 * ours beside TF-IDF cosine, as ROC AUC. Times: compareArticles alone (enrichment done before), median over the
 * ten events, for 2 and 5 articles.
 */

interface GoldMention {
  concept: string;
  text: string;
}
interface Entry {
  file: string;
  event: number;
  outlet: string;
  mentions: GoldMention[];
}

const OUTLETS = ["LL", "L", "M", "R", "RR"] as const;
const dir = path.join(dataRoot, "newswcl50");
const index = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Entry[];
const entry = (event: number, outlet: string) => index.find((e) => e.event === event && e.outlet === outlet)!;

function article(e: Entry): ComparisonArticleInput {
  const text = readFileSync(path.join(dir, e.file), "utf8");
  // The files were rebuilt from CoNLL tokens: the first line holds the title and the first paragraph together.
  const lines = text.split("\n").filter((l) => l.trim());
  const paragraphs = lines.map((line, i) => ({ n: i + 1, kind: "paragraph" as const, text: line.trim() }));
  const { enrichment } = enrichArticle({ paragraphs, language: "en", publishedAt: null });
  const title = /^.{10,200}?[.!?](?=\s)/.exec(lines[0] ?? "")?.[0] ?? (lines[0] ?? "").slice(0, 120);
  return {
    id: e.file,
    title,
    paragraphs,
    publishedAt: null,
    language: "en",
    source: { name: e.outlet, country: "US" },
    genre: null,
    enrichment,
  };
}

const articles = new Map(index.map((e) => [e.file, article(e)]));
const side = (e: Entry) => ({ label: e.outlet, articles: [articles.get(e.file)!] });

// --- word choice -----------------------------------------------------------------------------------------------

const DETERMINER = /^(?:the|a|an)$/;
const words = (text: string) =>
  labelKey(text)
    .split(" ")
    .filter((w, i) => w && !(i === 0 && DETERMINER.test(w)));

function matches(system: string, gold: string): boolean {
  const s = words(system);
  const g = words(gold);
  if (s.length === 0 || g.length === 0) return false;
  const [short, long] = s.length <= g.length ? [s, g] : [g, s];
  const set = new Set(long);
  return short.every((w) => set.has(w)) && short.length * 2 >= long.length;
}

interface LabelledPair {
  concept: string;
  ll: string;
  rr: string;
}
interface SystemPair {
  actor: string;
  ll: string;
  rr: string;
}

/** Per concept annotated in both articles: the texts only LL uses × the texts only RR uses. */
function labelledPairs(ll: Entry, rr: Entry): LabelledPair[] {
  const texts = (e: Entry) => {
    const m = new Map<string, Map<string, string>>();
    for (const x of e.mentions) {
      if (!x.text.trim()) continue;
      const byKey = m.get(x.concept) ?? new Map<string, string>();
      m.set(x.concept, byKey);
      byKey.set(words(x.text).join(" "), x.text.trim());
    }
    return m;
  };
  const a = texts(ll);
  const b = texts(rr);
  const out: LabelledPair[] = [];
  for (const [concept, left] of a) {
    const right = b.get(concept);
    if (!right) continue;
    const onlyLeft = [...left.entries()].filter(([k]) => !right.has(k));
    const onlyRight = [...right.entries()].filter(([k]) => !left.has(k));
    for (const [, x] of onlyLeft) for (const [, y] of onlyRight) out.push({ concept, ll: x, rr: y });
  }
  return out;
}

/** Acts and things both sides state a fact about: a phrase only LL uses with a phrase only RR uses, as for actors. */
function actionPairs(comparison: Comparison): SystemPair[] {
  const out: SystemPair[] = [];
  for (const action of comparison.wordChoice.actions) {
    const ll = action.sides.find((s) => s.side === "LL")?.phrases.filter((p) => p.exclusive) ?? [];
    const rr = action.sides.find((s) => s.side === "RR")?.phrases.filter((p) => p.exclusive) ?? [];
    for (const x of ll) for (const y of rr) out.push({ actor: action.concept, ll: x.text, rr: y.text });
  }
  return out;
}

function systemPairs(comparison: Comparison): SystemPair[] {
  const out: SystemPair[] = [];
  for (const actor of comparison.wordChoice.actors) {
    const ll = actor.sides.find((s) => s.side === "LL")?.labels.filter((l) => l.exclusive) ?? [];
    const rr = actor.sides.find((s) => s.side === "RR")?.labels.filter((l) => l.exclusive) ?? [];
    for (const x of ll) for (const y of rr) out.push({ actor: actor.entity, ll: x.text, rr: y.text });
  }
  return out;
}

/** The peer: enrichment's own aliases per entity (one slug across the pair), exclusive ones paired. */
function aliasPairs(ll: ComparisonArticleInput, rr: ComparisonArticleInput): SystemPair[] {
  const { renamed } = mergeCorpusEntities([ll.enrichment.entities, rr.enrichment.entities]);
  const aliases = (a: ComparisonArticleInput, i: number) => {
    const m = new Map<string, Set<string>>();
    for (const e of a.enrichment.entities) {
      const slug = e.standsFor ?? renamed[i]!.get(e.slug) ?? e.slug;
      const set = m.get(slug) ?? new Set<string>();
      m.set(slug, set);
      for (const alias of e.aliases) set.add(alias.text);
    }
    return m;
  };
  const a = aliases(ll, 0);
  const b = aliases(rr, 1);
  const out: SystemPair[] = [];
  for (const [slug, left] of a) {
    const right = b.get(slug);
    if (!right) continue;
    const keysRight = new Set([...right].map(labelKey));
    const keysLeft = new Set([...left].map(labelKey));
    for (const x of left) {
      if (keysRight.has(labelKey(x))) continue;
      for (const y of right) if (!keysLeft.has(labelKey(y))) out.push({ actor: slug, ll: x, rr: y });
    }
  }
  return out;
}

interface PairScore {
  gold: number;
  found: number;
  system: number;
  real: number;
  concepts: number;
  conceptsFound: number;
}
const emptyScore = (): PairScore => ({
  gold: 0,
  found: 0,
  system: 0,
  real: 0,
  concepts: 0,
  conceptsFound: 0,
});

function scorePairs(gold: LabelledPair[], system: SystemPair[], into: PairScore): void {
  const hit = (g: LabelledPair, s: SystemPair) => matches(s.ll, g.ll) && matches(s.rr, g.rr);
  const foundConcepts = new Set<string>();
  for (const g of gold) {
    if (system.some((s) => hit(g, s))) {
      into.found++;
      foundConcepts.add(g.concept);
    }
  }
  into.gold += gold.length;
  into.concepts += new Set(gold.map((g) => g.concept)).size;
  into.conceptsFound += foundConcepts.size;
  into.system += system.length;
  into.real += system.filter((s) => gold.some((g) => hit(g, s))).length;
}

// --- distinctive terms ------------------------------------------------------------------------------------------

const STOP = stopWords("en");

/** Words of a side's mentions of shared concepts that the other side's mentions of those concepts never use. */
function goldVocabulary(own: Entry, other: Entry): Set<string> {
  const byConcept = (e: Entry) => {
    const m = new Map<string, Set<string>>();
    for (const x of e.mentions) {
      const set = m.get(x.concept) ?? new Set<string>();
      m.set(x.concept, set);
      for (const w of words(x.text)) if (!STOP.has(w)) set.add(w);
    }
    return m;
  };
  const a = byConcept(own);
  const b = byConcept(other);
  const out = new Set<string>();
  for (const [concept, set] of a) {
    const theirs = b.get(concept);
    if (!theirs) continue;
    for (const w of set) if (!theirs.has(w)) out.add(w);
  }
  return out;
}

type Ranker = (own: Map<string, number>, other: Map<string, number>) => string[];
const K = 10;
const eligible = (own: Map<string, number>) => [...own.entries()].filter(([, n]) => n >= 2);
const rankers: Record<string, Ranker> = {
  "weighted log-odds, informative Dirichlet prior (ours)": (own, other) =>
    weightedLogOdds(own, other)
      .filter((t) => t.count >= 2)
      .map((t) => t.term),
  "raw count on the side": (own) =>
    eligible(own)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([t]) => t),
  "difference of relative frequencies": (own, other) => {
    const n1 = [...own.values()].reduce((a, b) => a + b, 0) || 1;
    const n2 = [...other.values()].reduce((a, b) => a + b, 0) || 1;
    return eligible(own)
      .map(([t, n]) => [t, n / n1 - (other.get(t) ?? 0) / n2] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([t]) => t);
  },
};

const countsOf = (a: ComparisonArticleInput) => termCounts(a.paragraphs, { language: "en" });
const inGold = (term: string, gold: Set<string>) => term.split(" ").some((w) => gold.has(w));

// --- similarity ---------------------------------------------------------------------------------------------------

function tfIdfCosine(all: ComparisonArticleInput[]): (a: string, b: string) => number {
  const text = (a: ComparisonArticleInput) => a.paragraphs.map((p) => p.text).join("\n");
  const tf = new Map(all.map((a) => [a.id, new Map<string, number>()]));
  const df = new Map<string, number>();
  for (const a of all) {
    const m = tf.get(a.id)!;
    for (const t of tokens(text(a))) m.set(t, (m.get(t) ?? 0) + 1);
    for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const vectors = new Map(
    [...tf.entries()].map(([id, m]) => {
      const v = new Map<string, number>();
      let norm = 0;
      for (const [t, c] of m) {
        const w = c * Math.log(all.length / df.get(t)!);
        if (w > 0) {
          v.set(t, w);
          norm += w * w;
        }
      }
      return [id, { v, norm: Math.sqrt(norm) || 1 }] as const;
    }),
  );
  return (a, b) => {
    const x = vectors.get(a)!;
    const y = vectors.get(b)!;
    let dot = 0;
    for (const [t, w] of x.v) dot += w * (y.v.get(t) ?? 0);
    return dot / (x.norm * y.norm);
  };
}

/** ROC AUC: the chance that a random same-event pair scores above a random different-event pair. */
function auc(positive: number[], negative: number[]): number {
  let wins = 0;
  for (const p of positive) for (const n of negative) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positive.length * negative.length);
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const median = (xs: number[]) => quantile(xs, 0.5);
const f3 = (x: number) => x.toFixed(3);
const pct = (num: number, den: number) => (den ? ((100 * num) / den).toFixed(1) : "–");

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

// --- run --------------------------------------------------------------------------------------------------------

const started = performance.now();
const events = [...new Set(index.map((e) => e.event))].sort((a, b) => a - b);
const options = { wordChoice: { maxActors: 1000, maxLabels: 1000, maxActions: 1000 } };
// Warm the JIT on one comparison, or the first event pays for compiling.
compareArticles({ sides: [side(entry(0, "LL")), side(entry(0, "RR"))] }, options);

const ours = emptyScore();
const oursActors = emptyScore();
const oursActions = emptyScore();
const oursBoth = emptyScore();
const peer = emptyScore();
const precisionAt = new Map(Object.keys(rankers).map((name) => [name, { hits: 0, total: 0 }]));
const twoWay: number[] = [];
const fiveWay: number[] = [];
const same: Array<{ a: string; b: string; ours: number }> = [];
const actorLike = (c: string) => /_(?:ACTOR|ACTOR-I|COUNTRY)$/.test(c);

for (const event of events) {
  const ll = entry(event, "LL");
  const rr = entry(event, "RR");
  const input: ComparisonInput = { sides: [side(ll), side(rr)] };
  const { value: comparison, ms } = timed(() => compareArticles(input, options));
  twoWay.push(ms);
  const gold = labelledPairs(ll, rr);
  const system = systemPairs(comparison);
  scorePairs(gold, system, ours);
  scorePairs(
    gold.filter((g) => actorLike(g.concept)),
    system,
    oursActors,
  );
  const actions = actionPairs(comparison);
  scorePairs(
    gold.filter((g) => !actorLike(g.concept)),
    actions,
    oursActions,
  );
  scorePairs(gold, [...system, ...actions], oursBoth);
  scorePairs(gold, aliasPairs(articles.get(ll.file)!, articles.get(rr.file)!), peer);

  for (const [own, other] of [
    [ll, rr],
    [rr, ll],
  ] as const) {
    const vocabulary = goldVocabulary(own, other);
    const a = countsOf(articles.get(own.file)!);
    const b = countsOf(articles.get(other.file)!);
    for (const [name, rank] of Object.entries(rankers)) {
      const top = rank(a, b).slice(0, K);
      const score = precisionAt.get(name)!;
      score.hits += top.filter((t) => inGold(t, vocabulary)).length;
      score.total += top.length;
    }
  }

  const five: ComparisonInput = { sides: OUTLETS.map((o) => side(entry(event, o))) };
  const run = timed(() => compareArticles(five, options));
  fiveWay.push(run.ms);
  for (const pair of run.value.similarity) same.push({ a: pair.a, b: pair.b, ours: pair.similarity });
}

// Different events: the same outlet's article of two events (45 pairs), compared two at a time.
const different: Array<{ a: string; b: string; ours: number }> = [];
for (const e of events) {
  for (const f of events) {
    if (f <= e) continue;
    const outlet = OUTLETS[(e + f) % OUTLETS.length]!;
    const x = entry(e, outlet);
    const y = entry(f, outlet === "LL" ? "RR" : "LL");
    const c = compareArticles({ sides: [side(x), { ...side(y), label: `${y.outlet} ` }] });
    different.push({ a: x.file, b: y.file, ours: c.similarity[0]!.similarity });
  }
}
const cosine = tfIdfCosine([...articles.values()]);

console.log(`\n## Word choice, LL vs RR on each of NewsWCL50's ${events.length} events\n`);
console.log(
  "| system | labelled pairs | found | recall | system pairs | real | precision | concepts with a labelled pair | concepts found |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
const pairRow = (name: string, s: PairScore) =>
  `| ${name} | ${s.gold} | ${s.found} | ${pct(s.found, s.gold)} % | ${s.system} | ${s.real} | ${pct(s.real, s.system)} % | ${s.concepts} | ${s.conceptsFound} (${pct(s.conceptsFound, s.concepts)} %) |`;
console.log(pairRow("**ours** (labels around names)", ours));
console.log(pairRow("ours, actor and country concepts only", oursActors));
console.log(pairRow("ours, other concepts (actions, events, things) by action pairs", oursActions));
console.log(pairRow("**ours, labels and action pairs**", oursBoth));
console.log(pairRow("peer: enrichment's aliases, no labels", peer));
console.log(
  '\nAll concepts count in the first row, actions and events too ("the meeting" ~ "a great chance to solve a world problem"), which name no entity and which the actor labels do not cover; the second row keeps the concepts that name an actor or a country.',
);

console.log(`\n## Distinctive terms, top ${K} per side (LL vs RR, 20 sides)\n`);
console.log("| ranking | precision@10 against the sides' own mention words |\n|---|---|");
for (const [name, s] of precisionAt)
  console.log(`| ${name} | ${pct(s.hits, s.total)} % (${s.hits}/${s.total}) |`);

const positive = same.map((p) => p.ours);
const negative = different.map((p) => p.ours);
const positiveCos = same.map((p) => cosine(p.a, p.b));
const negativeCos = different.map((p) => cosine(p.a, p.b));
console.log(
  `\n## Similarity: ${same.length} same-event pairs vs ${different.length} different-event pairs\n\n| measure | AUC | same event: min / median / max | different events: min / median / max |\n|---|---|---|---|`,
);
const spread = (xs: number[]) => `${f3(Math.min(...xs))} / ${f3(median(xs))} / ${f3(Math.max(...xs))}`;
console.log(
  `| **ours** (claim coverage) | ${f3(auc(positive, negative))} | ${spread(positive)} | ${spread(negative)} |`,
);
console.log(
  `| TF-IDF cosine | ${f3(auc(positiveCos, negativeCos))} | ${spread(positiveCos)} | ${spread(negativeCos)} |`,
);

const seeds = path.resolve(dataRoot, "..", "seeds");
const seed = (file: string, name: string, referenceDate: string | null): ComparisonArticleInput => {
  const a = normalize({ kind: "text", text: readFileSync(path.join(seeds, file), "utf8") });
  const { enrichment } = enrichArticle(a, { referenceDate });
  return {
    id: file,
    title: a.title,
    paragraphs: a.paragraphs,
    publishedAt: a.publishedAt,
    language: a.language,
    source: { name, country: null },
    genre: a.genre,
    enrichment,
  };
};
const seedInput: ComparisonInput = {
  sides: [
    { label: "nippon.com", articles: [seed("000_692c35d782a7bbcb.txt", "nippon.com", null)] },
    { label: "Caixin", articles: [seed("002_41147d8f43a0c177.txt", "Caixin", "2026-02-12")] },
  ],
};
const seedRuns = Array.from({ length: 5 }, () => timed(() => compareArticles(seedInput)).ms);

console.log("\n## Time of one comparison (compareArticles; enrichment done before)\n");
console.log("| comparison | median ms | max ms |\n|---|---|---|");
console.log(
  `| 2-way, NewsWCL50 LL vs RR (10 events) | ${median(twoWay).toFixed(0)} | ${Math.max(...twoWay).toFixed(0)} |`,
);
console.log(
  `| 5-way, NewsWCL50 all outlets (10 events) | ${median(fiveWay).toFixed(0)} | ${Math.max(...fiveWay).toFixed(0)} |`,
);
console.log(
  `| 2-way, the two seeds (5 runs) | ${median(seedRuns).toFixed(0)} | ${Math.max(...seedRuns).toFixed(0)} |`,
);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
