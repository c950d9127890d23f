import { performance } from "node:perf_hooks";
import { type BriefingArticle, buildBriefing, checkCitations, citedTexts } from "@parallax/core/brief";
import { enrichArticle } from "@parallax/core/enrich";
import { normalize } from "@parallax/core/normalize";
import type { Briefing } from "@parallax/core/schemas";
import { type NewsWclArticle, newsWcl50 } from "./data";

/**
 * `pnpm bench:brief`: the briefing of each NewsWCL50 event (its five articles, one story). Citation support is
 * the share of key-point sentences whose every citation passes `checkCitations` (content-word overlap with the
 * cited paragraph, all numbers present): it must be 100 %. Coverage: of the event's TOP_K most-mentioned
 * concepts in index.json (actors, countries, actions, events), the share the briefing names: one of the
 * concept's annotated mention strings appears in the briefing's text (pronouns and bare determiners left out),
 * or the entity most of its mentions resolve to is among the briefing's entities. Peer in the same run: "lead",
 * the first sentence of each article, the usual extractive baseline, scored by the same coverage.
 */
const TOP_K = 10;
const PRONOUNS = new Set(
  "he him his she her hers they them their theirs it its we us our i me my you your who whom which that this these those the a an".split(
    " ",
  ),
);

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .replace(/\s+(['’]s|n't|[.,;:!?)])/g, "$1")
    .trim();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const meaningful = (mention: string) => mention.split(/\s+/).some((w) => !PRONOUNS.has(w.toLowerCase()));

function prepare(entry: NewsWclArticle): BriefingArticle {
  const article = normalize({ kind: "text", text: entry.text }, { title: entry.title });
  const { enrichment } = enrichArticle(article);
  return { ...article, id: entry.file, label: entry.outlet, siteName: entry.outlet, enrichment };
}

interface Concept {
  name: string;
  mentions: number;
  strings: string[];
  /** The entity slug most of its mentions fall on, if any. */
  entity: string | null;
}

/** The event's most-mentioned concepts, each with its mention strings and the entity those mentions name. */
function topConcepts(entries: readonly NewsWclArticle[], articles: readonly BriefingArticle[]): Concept[] {
  const byConcept = new Map<string, string[]>();
  for (const entry of entries)
    for (const m of entry.mentions) byConcept.set(m.concept, [...(byConcept.get(m.concept) ?? []), m.text]);
  return [...byConcept.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, TOP_K)
    .map(([name, strings]) => {
      const votes = new Map<string, number>();
      for (const article of articles)
        for (const e of article.enrichment.entities) {
          const aliases = e.aliases.map((a) => squash(a.text));
          const hits = strings.filter((s) => aliases.some((a) => squash(s).includes(a))).length;
          if (hits > 0) votes.set(e.slug, (votes.get(e.slug) ?? 0) + hits);
        }
      const [entity, hits] = [...votes.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
      return {
        name,
        mentions: strings.length,
        strings: [...new Set(strings.filter(meaningful).map(squash))],
        entity: entity && hits >= strings.length / 3 ? entity : null,
      };
    });
}

function covered(concept: Concept, text: string, entities: ReadonlySet<string>): boolean {
  if (concept.entity && entities.has(concept.entity)) return true;
  return concept.strings.some((s) =>
    new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(s)}(?![\\p{L}\\p{N}])`, "u").test(text),
  );
}

function briefingText(briefing: Briefing): string {
  const parts = citedTexts(briefing).map((t) => t.text);
  for (const e of briefing.entities) parts.push(e.name);
  return squash(parts.join(" \n "));
}

/** Headline and key points only: the part a reader reads first, the fair match for the lead baseline. */
function summaryText(briefing: Briefing): string {
  const parts = [
    briefing.headline?.text ?? "",
    ...briefing.keyPoints.flatMap((p) => p.sentences.map((s) => s.text)),
  ];
  return squash(parts.join(" \n "));
}

const entries = newsWcl50();
const events = [...new Set(entries.map((e) => e.event))].sort((a, b) => a - b);
const rows: string[] = [];
const totals = {
  points: 0,
  sentences: 0,
  supported: 0,
  sourcesPerPoint: 0,
  covered: 0,
  summary: 0,
  lead: 0,
  concepts: 0,
};
const times: number[] = [];
for (const event of events) {
  const group = entries.filter((e) => e.event === event);
  const articles = group.map(prepare);
  const started = performance.now();
  const briefing = buildBriefing(articles);
  const ms = performance.now() - started;
  times.push(ms);
  const failures = checkCitations(briefing, articles).filter((f) => f.section === "keyPoint");
  const sentences = briefing.keyPoints.flatMap((p) => p.sentences);
  const unsupported = new Set(failures.map((f) => f.text));
  const supported = sentences.filter((s) => s.citations.length > 0 && !unsupported.has(s.text)).length;
  const perPoint = briefing.keyPoints.map((p) => p.articleIds.length);
  const concepts = topConcepts(group, articles);
  const text = briefingText(briefing);
  const slugs = new Set(briefing.entities.map((e) => e.slug));
  const hit = concepts.filter((c) => covered(c, text, slugs)).length;
  const summaryHit = concepts.filter((c) => covered(c, summaryText(briefing), new Set())).length;
  const leadText = squash(
    articles
      .map((a) => a.paragraphs.find((p) => p.kind === "paragraph")?.text.split(/(?<=[.!?])\s+/)[0] ?? "")
      .join(" \n "),
  );
  const leadHit = concepts.filter((c) => covered(c, leadText, new Set())).length;
  const mean = perPoint.length ? perPoint.reduce((a, b) => a + b, 0) / perPoint.length : 0;
  rows.push(
    `| ${event} | ${briefing.keyPoints.length} | ${sentences.length} | ${sentences.length ? ((100 * supported) / sentences.length).toFixed(1) : "—"} | ${mean.toFixed(1)} | ${hit}/${concepts.length} | ${summaryHit}/${concepts.length} | ${leadHit}/${concepts.length} | ${briefing.timeline.length} | ${briefing.figures.length} | ${ms.toFixed(0)} |`,
  );
  totals.points += briefing.keyPoints.length;
  totals.sentences += sentences.length;
  totals.supported += supported;
  totals.sourcesPerPoint += perPoint.reduce((a, b) => a + b, 0);
  totals.covered += hit;
  totals.lead += leadHit;
  totals.summary += summaryHit;
  totals.concepts += concepts.length;
}

console.log(`# Briefings — NewsWCL50, one briefing per event (5 outlets each)\n`);
console.log(
  `Coverage: the event's ${TOP_K} most-mentioned index.json concepts named anywhere in the briefing, in its headline and key points only, and in "lead", the first sentence of each article (peer baseline).\n`,
);
console.log(
  "| event | key points | sentences | citation support % | sources per key point | concept coverage | in key points | lead coverage | timeline entries | figures | build ms |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
const sorted = [...times].sort((a, b) => a - b);
console.log(
  `| **all** | ${totals.points} | ${totals.sentences} | **${((100 * totals.supported) / Math.max(1, totals.sentences)).toFixed(1)}** | ${(totals.sourcesPerPoint / Math.max(1, totals.points)).toFixed(2)} | **${((100 * totals.covered) / totals.concepts).toFixed(0)} %** | ${((100 * totals.summary) / totals.concepts).toFixed(0)} % | ${((100 * totals.lead) / totals.concepts).toFixed(0)} % | | | median ${sorted[sorted.length >> 1]!.toFixed(0)} |`,
);
if (totals.supported !== totals.sentences) {
  console.error(
    `\n${totals.sentences - totals.supported} key-point sentences cite a paragraph that does not support them`,
  );
  process.exitCode = 1;
}
