import type {
  Comparison,
  ComparisonCitation,
  ComparisonPassage,
  FactComparison,
} from "../schemas/comparison";
import { inertMarkdown } from "../text/markdown";

export interface MarkdownOptions {
  /** Items shown per list (shared facts, only-here claims per side, actors). */
  limit?: number;
}

/** "[Caixin ¶8; nippon.com ¶8, ¶12]": citations grouped by source, paragraphs in order. */
export function formatCitations(citations: readonly ComparisonCitation[]): string {
  const bySource = new Map<string, Set<number>>();
  for (const c of citations) {
    const set = bySource.get(c.source) ?? new Set<number>();
    bySource.set(c.source, set);
    set.add(c.paragraph);
  }
  const parts = [...bySource.entries()].map(
    ([source, ns]) =>
      `${source} ${[...ns]
        .sort((a, b) => a - b)
        .map((n) => `¶${n}`)
        .join(", ")}`,
  );
  return parts.length ? `[${parts.join("; ")}]` : "";
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();
const genreTag = (p: ComparisonPassage) => (p.genre === "news" ? "" : ` _(${p.genre})_`);
const passageLine = (p: ComparisonPassage) => `${formatCitations([p.citation])}${genreTag(p)} ${p.text}`;
const pct = (x: number) => `${Math.round(x * 100)} %`;

function factLines(items: readonly FactComparison[]): string[] {
  return items.map(
    (item) =>
      `- **${item.kind}**, ${item.subject}: ${item.values
        .map((v) => `${v.side} “${v.text}” (${v.value}) ${formatCitations([v.passage.citation])}`)
        .join(" vs ")}`,
  );
}

/** The comparison as a markdown report, every item with its paragraphs on every side. */
export function renderComparisonMarkdown(comparison: Comparison, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? 12;
  const sides = comparison.sides.map((s) => s.label);
  const out: string[] = [`# Comparison: ${sides.join(" vs ")}`, ""];
  for (const side of comparison.sides) {
    for (const a of side.articles) {
      const meta = [a.source, a.country, a.publishedAt?.slice(0, 10), a.genre].filter(Boolean).join(", ");
      out.push(`- **${side.label}**: ${a.title || a.id} (${meta})`);
    }
  }

  out.push("", "## Overview", "");
  out.push(
    comparison.overview.length
      ? comparison.overview.map((s) => `${s.text} ${formatCitations(s.citations)}`).join(" ")
      : "_Nothing to sum up: the articles have no claims to compare._",
  );

  out.push("", "## Similarity", "", "| article | article | similarity | shared facts |", "|---|---|---|---|");
  const titleOf = new Map(comparison.sides.flatMap((s) => s.articles.map((a) => [a.id, a.source] as const)));
  for (const pair of comparison.similarity) {
    out.push(
      `| ${cell(titleOf.get(pair.a) ?? pair.a)} | ${cell(titleOf.get(pair.b) ?? pair.b)} | ${pair.similarity.toFixed(2)} | ${pair.sharedFacts} |`,
    );
  }

  out.push("", "## Shared facts", "");
  if (comparison.sharedFacts.length === 0) out.push("_None found._");
  comparison.sharedFacts.slice(0, limit).forEach((fact, i) => {
    const tags = [
      fact.opinion ? "**opinion on one side**" : null,
      fact.figures.length ? `figures: ${fact.figures.join(", ")}` : null,
      fact.dates.length ? `dates: ${fact.dates.join(", ")}` : null,
    ].filter(Boolean);
    out.push(`${i + 1}. ${tags.length ? `${tags.join("; ")}` : `similarity ${fact.similarity.toFixed(2)}`}`);
    for (const p of fact.passages) out.push(`   - ${passageLine(p)}`);
  });
  if (comparison.sharedFacts.length > limit)
    out.push(`\n_…and ${comparison.sharedFacts.length - limit} more._`);

  out.push("", "## Only here");
  for (const side of comparison.onlyHere) {
    out.push("", `### Only ${side.side}`, "");
    if (side.claims.length === 0) out.push("_Nothing that no other side reports._");
    side.claims.slice(0, limit).forEach((c, i) => {
      out.push(`${i + 1}. ${passageLine(c.passage)}`);
    });
  }

  out.push("", "## Conflicts", "");
  out.push(
    ...(comparison.conflicts.length
      ? factLines(comparison.conflicts)
      : ["_No conflicting figures, dates or attributions._"]),
  );
  if (comparison.compatible.length) {
    out.push("", "Differences of precision only (compatible):", "", ...factLines(comparison.compatible));
  }

  out.push("", "## Word choice", "", "### How each side names the actors they share", "");
  if (comparison.wordChoice.actors.length === 0) out.push("_No actor named on two sides._");
  else {
    out.push(`| actor | ${sides.map(cell).join(" | ")} |`, `|---|${sides.map(() => "---").join("|")}|`);
    for (const actor of comparison.wordChoice.actors.slice(0, limit)) {
      const cells = sides.map((side) => {
        const entry = actor.sides.find((s) => s.side === side);
        if (!entry) return "—";
        return entry.labels
          .slice(0, 4)
          .map(
            (l) =>
              `${l.exclusive ? "**" : ""}${cell(l.text)}${l.exclusive ? "**" : ""} ×${l.count} ${formatCitations(l.citations.slice(0, 2))}`,
          )
          .join("; ");
      });
      out.push(`| ${cell(actor.name)} | ${cells.join(" | ")} |`);
    }
    out.push("", "Bold: a label only that side uses.");
  }
  const actions = comparison.wordChoice.actions.filter((a) => a.pairs.length > 0);
  if (actions.length) {
    out.push("", "### Acts and things worded differently in the facts they share", "");
    for (const action of actions.slice(0, limit)) {
      const pair = action.pairs[0]!;
      const phrases = pair.phrases.map(
        (p) => `${cell(p.side)} “${cell(p.text)}” ${formatCitations([p.citation])}`,
      );
      out.push(`- **${cell(action.concept)}**: ${phrases.join(" · ")}`);
    }
  }
  out.push("", "### Distinctive terms (weighted log-odds, informative Dirichlet prior; z-scores)", "");
  for (const side of comparison.wordChoice.distinctive) {
    const terms = side.terms.map((t) => `${t.term} (z ${t.z.toFixed(1)}, ×${t.count} vs ×${t.otherCount})`);
    out.push(`- **${side.side}**: ${terms.length ? terms.join(", ") : "_none_"}`);
  }

  out.push("", "## Voices", "");
  for (const side of comparison.voices) {
    if (side.quotes === 0) {
      out.push(`- **${side.side}** quotes no one.`);
      continue;
    }
    const kinds = Object.entries(side.byKind)
      .filter(([, share]) => share > 0)
      .map(([kind, share]) => `${kind} ${pct(share)}`)
      .join(", ");
    out.push(`- **${side.side}** (${side.quotes} quotes; ${kinds}):`);
    for (const v of side.voices.slice(0, 8))
      out.push(
        `  - ${v.speaker} (${v.kind}): ${v.quotes} × , ${pct(v.share)} of quoted words ${formatCitations(v.citations)}`,
      );
  }

  out.push("", "## Emphasis and tone", "");
  if (comparison.emphasis.length) {
    out.push(`| entity | ${sides.map(cell).join(" | ")} |`, `|---|${sides.map(() => "---").join("|")}|`);
    for (const e of comparison.emphasis) {
      const cells = sides.map((side) => {
        const s = e.sides.find((x) => x.side === side);
        if (!s || s.mentions === 0) return "—";
        const tone = s.tone
          ? `, tone ${s.tone.mean >= 0 ? "+" : ""}${s.tone.mean.toFixed(2)} (${s.tone.positive}+/${s.tone.negative}− of ${s.tone.sentences})`
          : "";
        return `${pct(s.share)} of mentions${tone} ${formatCitations(s.citations)}`;
      });
      out.push(`| ${cell(e.name)} | ${cells.join(" | ")} |`);
    }
  }
  out.push("", `Tone: ${comparison.tone.method} Limits: ${comparison.tone.limits}`, "");
  return inertMarkdown(out.join("\n"));
}
