import { readFileSync } from "node:fs";
import path from "node:path";
import { extractEntities, mergeCorpusEntities } from "@parallax/core/enrich/entities";
import nlp from "compromise";
import { dataRoot } from "./data";

/**
 * `pnpm --filter @parallax/bench run bench:entities`: entity mentions and alias clusters against NewsWCL50's
 * annotated ACTOR and COUNTRY concepts, ours beside compromise (people/organizations/places, grouped by exact
 * normalized text), in the same run.
 *
 * Gold spans: index.json gives each mention's sentence, token range and text in the CoNLL tokenization the files
 * were rebuilt from. We re-tokenize the text alike, place each annotated sentence where all its mentions' texts
 * line up (tolerating off-by-two token differences) and take the mention's characters from there.
 *
 * Matching: each system mention takes the concept of the tightest gold mention it overlaps, and each system entity
 * the majority concept of its mentions. A gold mention is found when a system mention overlapping it belongs to an
 * entity whose majority concept is the gold one. NewsWCL50 annotates only the concepts of each event, and also
 * descriptions and pronouns ("the president", "he"), so recall is given over all ACTOR/COUNTRY mentions and over
 * the named ones (a capitalized word other than a determiner or pronoun), and precision only over system mentions
 * that overlap an annotated ACTOR/COUNTRY span; how many do not is shown beside it. Clusters: purity (share of an
 * entity's annotated mentions in its majority concept), inverse purity, and B³ F1 over found gold mentions, within
 * each article and across the five articles of each event (the same slug in two articles is one cluster).
 */
interface GoldMention {
  concept: string;
  sentence: number;
  tokens: [number, number];
  text: string;
}
interface Entry {
  file: string;
  event: number;
  mentions: GoldMention[];
}
interface Span {
  start: number;
  end: number;
}
interface SysMention extends Span {
  entity: string;
}
interface Gold extends Span {
  concept: string;
  named: boolean;
}

const dir = path.join(dataRoot, "newswcl50");
const index = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Entry[];
const scored = (c: string) => /_(?:ACTOR|COUNTRY)$/.test(c);
const compact = (s: string) =>
  s.replace(/\s+/g, "").replace(/[’‘]/g, "'").replace(/[“”]/g, '"').toLowerCase();

/** spaCy-like tokens with offsets: punctuation apart, hyphens between letters apart, "'s" and "n't" apart. */
function tokenize(text: string): Span[] {
  const out: Span[] = [];
  const keep =
    /^(?:(?:\p{L}\.)+|\p{Lu}\.|(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Co|Corp|Inc|Ltd|Lt|Col|Fla|Va|Md|Calif|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs)\.)$/u;
  for (const m of text.matchAll(/\S+/g)) {
    let s = m.index;
    let e = s + m[0].length;
    const tail: Span[] = [];
    while (s < e && /["'“‘([{—–$…-]/.test(text[s]!)) out.push({ start: s, end: ++s });
    while (e > s && /["'”’)\]},.;:!?…%—–]/.test(text[e - 1]!) && !keep.test(text.slice(s, e)))
      tail.unshift({ start: --e, end: e + 1 });
    const word = text.slice(s, e);
    const suffix = /(?:['’]s|n['’]t)$/i.exec(word);
    if (suffix && suffix.index > 0) {
      tail.unshift({ start: s + suffix.index, end: e });
      e = s + suffix.index;
    }
    let from = s;
    for (const h of text.slice(s, e).matchAll(/(?<=\p{L})[-—–](?=\p{L})|[—–]/gu)) {
      const at = s + h.index;
      if (at > from) out.push({ start: from, end: at });
      out.push({ start: at, end: at + 1 });
      from = at + 1;
    }
    if (e > from) out.push({ start: from, end: e });
    out.push(...tail);
  }
  return out;
}

/** Character spans of the annotated mentions, and how many could be placed. */
function alignGold(text: string, mentions: GoldMention[]): { gold: Gold[]; placed: number } {
  const tokens = tokenize(text);
  const flat = compact(text);
  const toFlat: number[] = [];
  for (let i = 0, j = 0; i <= text.length; i++) {
    toFlat[i] = j;
    if (i < text.length && !/\s/.test(text[i]!)) j++;
  }
  const fromFlat = (j: number) => toFlat.findIndex((x) => x >= j);
  const at = (m: GoldMention, k: number) =>
    k >= 0 && k < tokens.length && flat.startsWith(compact(m.text), toFlat[tokens[k]!.start]!);
  const bySentence = new Map<number, GoldMention[]>();
  for (const m of mentions)
    if (m.text.trim()) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  const gold: Gold[] = [];
  let lower = 0;
  for (const s of [...bySentence.keys()].sort((a, b) => a - b)) {
    const list = bySentence.get(s)!;
    const fit = (g: number, m: GoldMention) => [0, -1, 1, -2, 2].find((d) => at(m, g + m.tokens[0] + d));
    let best = { g: -1, score: 0 };
    for (let g = Math.max(0, lower - 3); g < Math.min(tokens.length, lower + 800); g++) {
      const score = list.filter((m) => fit(g, m) !== undefined).length;
      if (score > best.score) best = { g, score };
      if (score === list.length) break;
    }
    if (best.g < 0) continue;
    for (const m of list) {
      const d = fit(best.g, m);
      if (d === undefined || !scored(m.concept)) continue;
      const start = tokens[best.g + m.tokens[0] + d]!.start;
      const end = fromFlat(toFlat[start]! + compact(m.text).length);
      const named = /\p{Lu}/u.test(
        m.text.replace(/^(?:The|He|His|Her|It|Its|Their|They|We|Our|This|That|A|An)\b/, ""),
      );
      gold.push({ start, end, concept: m.concept, named });
    }
    lower = best.g + Math.max(...list.map((m) => m.tokens[1])) + 1;
  }
  return { gold, placed: gold.length };
}

interface Article {
  entry: Entry;
  text: string;
  paragraphs: Array<{ n: number; kind: "paragraph"; text: string; offset: number }>;
  gold: Gold[];
  total: number;
}

const articles: Article[] = index.map((entry) => {
  const text = readFileSync(path.join(dir, entry.file), "utf8");
  const paragraphs = [...text.matchAll(/[^\n]+/g)]
    .filter((m) => m[0].trim())
    .map((m, i) => ({ n: i + 1, kind: "paragraph" as const, text: m[0], offset: m.index }));
  const { gold } = alignGold(text, entry.mentions);
  return { entry, text, paragraphs, gold, total: entry.mentions.filter((m) => scored(m.concept)).length };
});

/** A system reads the whole corpus (ours resolves aliases across articles) and gives each article's mentions. */
type System = (all: Article[]) => SysMention[][];

/** Ours; `folded` groups a capital or seat of government with the state it stands for ("White House"). */
/**
 * Ours, with corpus-level alias resolution (mergeCorpusEntities) over the 50 articles; `folded` also groups a
 * capital or seat of government with the state it stands for ("White House", "Washington" in "Washington said").
 */
const ours =
  (folded: boolean): System =>
  (all) => {
    const results = all.map((a) => extractEntities(a.paragraphs));
    const { renamed } = mergeCorpusEntities(results.map((r) => r.entities));
    return results.map(({ entities, mentions }, i) => {
      const offset = new Map(all[i]!.paragraphs.map((p) => [p.n, p.offset]));
      const standsFor = new Map(entities.map((e) => [e.slug, e.standsFor]));
      return mentions.map((m) => ({
        start: offset.get(m.paragraph)! + m.start,
        end: offset.get(m.paragraph)! + m.end,
        entity: (folded && standsFor.get(m.entity)) || renamed[i]!.get(m.entity) || m.entity,
      }));
    });
  };

const peer: System = (all) => all.map(peerArticle);

function peerArticle(a: Article): SysMention[] {
  const out: SysMention[] = [];
  for (const p of a.paragraphs) {
    const doc = nlp(p.text);
    for (const [kind, view] of [
      ["person", doc.people()],
      ["org", doc.organizations()],
      ["place", doc.places()],
    ] as const) {
      for (const m of view.json({ offset: true }) as Array<{ text: string; offset: { start: number } }>) {
        const text = m.text.replace(/^[\s\-–—"“'‘(]+/, "").replace(/(?:['’]s)?[\s.,;:!?"”’)]*$/, "");
        const start = p.offset + m.offset.start + m.text.indexOf(text);
        const key = text.toLowerCase().replace(/^the\s+/, "");
        if (text) out.push({ start, end: start + text.length, entity: `${kind}:${key}` });
      }
    }
  }
  return out;
}

interface Scores {
  recall: number;
  namedRecall: number;
  precision: number;
  onAnnotated: number;
  offAnnotation: number;
  purity: number;
  inversePurity: number;
  b3: number;
  crossB3: number;
  articlesPerSecond: number;
}

const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** B-cubed F1 over items that have both a system cluster and a gold class. */
function bcubed(items: Array<{ cluster: string; klass: string }>): number {
  let p = 0;
  let r = 0;
  for (const item of items) {
    const same = items.filter((o) => o.cluster === item.cluster);
    const klass = items.filter((o) => o.klass === item.klass);
    const both = same.filter((o) => o.klass === item.klass).length;
    p += both / same.length;
    r += both / klass.length;
  }
  return items.length ? f1(p / items.length, r / items.length) : 0;
}

function score(system: System): Scores {
  let found = 0;
  let named = 0;
  let namedFound = 0;
  let goldTotal = 0;
  let correct = 0;
  let onAnnotated = 0;
  let offAnnotation = 0;
  let pure = 0;
  let inverse = 0;
  let b3Sum = 0;
  const cross = new Map<number, Array<{ cluster: string; klass: string }>>();
  const started = performance.now();
  const outputs = system(articles);
  const seconds = (performance.now() - started) / 1000;
  for (const [i, a] of articles.entries()) {
    const mentions = outputs[i]!;
    goldTotal += a.total;
    // Each system mention takes the concept of the tightest gold mention it overlaps.
    const conceptOf = new Map<SysMention, string>();
    for (const m of mentions) {
      const hits = a.gold.filter((g) => overlap(m, g)).sort((x, y) => x.end - x.start - (y.end - y.start));
      if (hits[0]) conceptOf.set(m, hits[0].concept);
      else offAnnotation++;
    }
    const counts = new Map<string, Map<string, number>>();
    for (const [m, c] of conceptOf) {
      const byConcept = counts.get(m.entity) ?? new Map<string, number>();
      byConcept.set(c, (byConcept.get(c) ?? 0) + 1);
      counts.set(m.entity, byConcept);
    }
    const majority = new Map([...counts].map(([e, byC]) => [e, [...byC].sort((x, y) => y[1] - x[1])[0]![0]]));
    for (const [m, c] of conceptOf) {
      onAnnotated++;
      if (majority.get(m.entity) === c) correct++;
    }
    for (const byC of counts.values()) pure += Math.max(...byC.values());
    const items: Array<{ cluster: string; klass: string }> = [];
    for (const g of a.gold) {
      const hits = mentions.filter((m) => overlap(m, g));
      if (g.named) named++;
      if (hits.some((m) => majority.get(m.entity) === g.concept)) {
        found++;
        if (g.named) namedFound++;
      }
      if (hits[0]) items.push({ cluster: hits[0].entity, klass: g.concept });
    }
    const byClass = new Map<string, Map<string, number>>();
    for (const it of items) {
      const m = byClass.get(it.klass) ?? new Map<string, number>();
      m.set(it.cluster, (m.get(it.cluster) ?? 0) + 1);
      byClass.set(it.klass, m);
    }
    for (const m of byClass.values()) inverse += Math.max(...m.values());
    b3Sum += bcubed(items) * items.length;
    cross.set(a.entry.event, [...(cross.get(a.entry.event) ?? []), ...items]);
  }
  const itemsTotal = [...cross.values()].reduce((n, l) => n + l.length, 0);
  const crossB3 = [...cross.values()].reduce((s, l) => s + bcubed(l) * l.length, 0) / itemsTotal;
  return {
    recall: found / goldTotal,
    namedRecall: namedFound / named,
    precision: correct / onAnnotated,
    onAnnotated,
    offAnnotation,
    purity: pure / onAnnotated,
    inversePurity: inverse / itemsTotal,
    b3: b3Sum / itemsTotal,
    crossB3,
    articlesPerSecond: articles.length / seconds,
  };
}

const placed = articles.reduce((n, a) => n + a.gold.length, 0);
const total = articles.reduce((n, a) => n + a.total, 0);
const pct = (x: number) => `${(100 * x).toFixed(1)}`;
extractEntities(articles[0]!.paragraphs);
peerArticle(articles[0]!);
const rows = [
  ["Parallax", score(ours(false))],
  ["Parallax, capitals and seats folded into their state", score(ours(true))],
  ["compromise 14 (people/orgs/places, exact text)", score(peer)],
] as const;

console.log(
  `\nNewsWCL50: ${articles.length} articles, ${placed}/${total} ACTOR+COUNTRY gold mentions placed in the text\n`,
);
console.log(
  "| system | recall (all) | recall (named) | precision (on annotated spans) | F1 (named) | mentions on / off annotated spans |",
);
console.log("|---|---|---|---|---|---|");
for (const [label, s] of rows) {
  console.log(
    `| ${label} | ${pct(s.recall)} | ${pct(s.namedRecall)} | ${pct(s.precision)} | ${pct(f1(s.precision, s.namedRecall))} | ${s.onAnnotated} / ${s.offAnnotation} |`,
  );
}
console.log(
  "\n| system | purity | inverse purity | B³ F1 (in article) | B³ F1 (across the 5 articles of an event) | articles/s |",
);
console.log("|---|---|---|---|---|---|");
for (const [label, s] of rows) {
  console.log(
    `| ${label} | ${pct(s.purity)} | ${pct(s.inversePurity)} | ${pct(s.b3)} | ${pct(s.crossB3)} | ${s.articlesPerSecond.toFixed(1)} |`,
  );
}
