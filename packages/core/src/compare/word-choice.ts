import { termCounts } from "../enrich/keywords/index";
import { tokenSpans } from "../enrich/text/tokens";
import type { ComparisonCitation, DistinctiveTerm, WordChoice, WordChoiceActor } from "../schemas/comparison";
import { compareActions } from "./actions";
import { findLabels, type Label, labelKey } from "./labels";
import { type LogOddsOptions, weightedLogOdds } from "./log-odds";
import { citation, type Prepared, type PreparedArticle } from "./prepare";

export interface WordChoiceOptions extends LogOddsOptions {
  /** Actors shown (those named differently first). */
  maxActors?: number;
  /** Labels shown per actor and side. */
  maxLabels?: number;
  /** Distinctive terms shown per side. */
  maxTerms?: number;
  /** Acts and things worded differently in shared facts, shown (most surely the same fact first). */
  maxActions?: number;
}

const MAX_CITATIONS = 5;
// A term seen once on a side says little about the side's vocabulary, whatever its z.
const MIN_TERM_COUNT = 2;
const SUBSUMED_SHARE = 0.75;

const uniqueCitations = (list: ComparisonCitation[]): ComparisonCitation[] => {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.articleId}#${c.paragraph}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** Labels of every article, keyed by entity, under the comparison's shared slugs. */
export function articleLabels(article: PreparedArticle): Label[] {
  const language = article.input.language ?? article.input.enrichment.language;
  return findLabels(article.input.paragraphs, article.mentions, {
    language,
    entityOf: (slug) => article.entities.get(slug),
  });
}

function actors(prepared: Prepared, labels: Map<PreparedArticle, Label[]>, options: WordChoiceOptions) {
  // entity → side → label key → { surface forms, count, citations }
  type Entry = { forms: Map<string, number>; count: number; citations: ComparisonCitation[] };
  const table = new Map<string, Map<string, Map<string, Entry>>>();
  // entity → side → every label and every name inside a label the side writes (what it "uses")
  const used = new Map<string, Map<string, Set<string>>>();
  const mentions = new Map<string, Map<string, number>>();
  for (const article of prepared.articles) {
    for (const label of labels.get(article) ?? []) {
      const bySide = table.get(label.entity) ?? new Map<string, Map<string, Entry>>();
      table.set(label.entity, bySide);
      const byKey = bySide.get(article.side) ?? new Map<string, Entry>();
      bySide.set(article.side, byKey);
      const key = labelKey(label.text);
      if (!key) continue;
      const uses = used.get(label.entity) ?? new Map<string, Set<string>>();
      used.set(label.entity, uses);
      const set = uses.get(article.side) ?? new Set<string>();
      uses.set(article.side, set);
      set.add(key);
      if (label.name) set.add(labelKey(label.name));
      const entry: Entry = byKey.get(key) ?? { forms: new Map(), count: 0, citations: [] };
      byKey.set(key, entry);
      entry.count++;
      entry.forms.set(label.text, (entry.forms.get(label.text) ?? 0) + 1);
      entry.citations.push(citation(article, label.paragraph));
      const counts = mentions.get(label.entity) ?? new Map<string, number>();
      mentions.set(label.entity, counts);
      counts.set(article.side, (counts.get(article.side) ?? 0) + 1);
    }
  }
  const entityInfo = (slug: string) => {
    for (const a of prepared.articles) {
      const e = a.entities.get(slug);
      if (e) return e;
    }
    return null;
  };
  const out: Array<WordChoiceActor & { total: number }> = [];
  for (const [entity, bySide] of table) {
    if (bySide.size < 2) continue;
    const sides = prepared.sides
      .filter((side) => bySide.has(side))
      .map((side) => {
        const byKey = bySide.get(side)!;
        const labelsOf = [...byKey.entries()].map(([key, entry]) => {
          // A side that writes "North Korean leader Kim Jong Un" also writes the name "Kim Jong Un": a label is
          // this side's own when no other side writes it, as a label or as the name inside one.
          const exclusive = ![...(used.get(entity) ?? new Map<string, Set<string>>()).entries()].some(
            ([other, keys]) => other !== side && keys.has(key),
          );
          const text = [...entry.forms.entries()].sort(
            (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
          )[0]![0];
          return {
            text,
            count: entry.count,
            exclusive,
            citations: uniqueCitations(entry.citations).slice(0, MAX_CITATIONS),
          };
        });
        // Distinct wording first, then the usual names by frequency.
        labelsOf.sort(
          (a, b) =>
            Number(b.exclusive) - Number(a.exclusive) || b.count - a.count || a.text.localeCompare(b.text),
        );
        return {
          side,
          mentions: mentions.get(entity)?.get(side) ?? 0,
          labels: labelsOf.slice(0, options.maxLabels ?? 10),
        };
      });
    const info = entityInfo(entity);
    const differs = sides.filter((s) => s.labels.some((l) => l.exclusive)).length >= 2;
    const total = sides.reduce((n, s) => n + s.mentions, 0);
    out.push({ entity, name: info?.name ?? entity, type: info?.type ?? "other", sides, differs, total });
  }
  out.sort(
    (a, b) => Number(b.differs) - Number(a.differs) || b.total - a.total || a.entity.localeCompare(b.entity),
  );
  return out.slice(0, options.maxActors ?? 15).map(({ total: _, ...actor }) => actor);
}

/** Term counts of one side: the same content words and phrases keywords use, summed over its articles. */
function sideCounts(articles: readonly PreparedArticle[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const article of articles) {
    const language = article.input.language ?? article.input.enrichment.language;
    const body = article.input.paragraphs.filter((p) => p.kind !== "note" && p.kind !== "heading");
    for (const [term, n] of termCounts(body, { language })) counts.set(term, (counts.get(term) ?? 0) + n);
  }
  return counts;
}

/** Paragraphs where a term (a word, or two words in a row) occurs. */
function termCitations(articles: readonly PreparedArticle[], term: string): ComparisonCitation[] {
  const parts = term.split(" ");
  const out: ComparisonCitation[] = [];
  for (const article of articles) {
    const language = article.input.language ?? article.input.enrichment.language;
    for (const p of article.input.paragraphs) {
      if (p.kind === "note" || p.kind === "heading") continue;
      const words = tokenSpans(p.text, language).map((t) => t.term);
      const found = words.some((w, i) => parts.every((part, k) => words[i + k] === part) && w === parts[0]);
      if (found) out.push(citation(article, p.n));
      if (out.length >= MAX_CITATIONS) return out;
    }
  }
  return out;
}

function distinctive(prepared: Prepared, options: WordChoiceOptions): WordChoice["distinctive"] {
  const bySide = prepared.sides.map((side) => prepared.articles.filter((a) => a.side === side));
  const counts = bySide.map(sideCounts);
  return prepared.sides.map((side, i) => {
    const rest = new Map<string, number>();
    counts.forEach((c, j) => {
      if (j === i) return;
      for (const [term, n] of c) rest.set(term, (rest.get(term) ?? 0) + n);
    });
    const ranked = weightedLogOdds(counts[i]!, rest, options).filter(
      (t) => t.z > 0 && t.count >= MIN_TERM_COUNT,
    );
    // A word that mostly occurs inside a listed phrase ("power" in "power systems") adds nothing beside it.
    const phrases = ranked.filter((t) => t.term.includes(" "));
    const scored = ranked
      .filter(
        (t) =>
          t.term.includes(" ") ||
          !phrases.some((p) => p.term.split(" ").includes(t.term) && p.count >= SUBSUMED_SHARE * t.count),
      )
      .slice(0, options.maxTerms ?? 12);
    const terms: DistinctiveTerm[] = scored.map((t) => ({
      term: t.term,
      count: t.count,
      otherCount: t.otherCount,
      logOdds: Math.round(t.logOdds * 1000) / 1000,
      z: Math.round(t.z * 1000) / 1000,
      citations: termCitations(bySide[i]!, t.term),
    }));
    return { side, terms };
  });
}

/**
 * Word choice: how each side names the actors they share (the labels around each name), and each side's most
 * distinctive vocabulary against the others by weighted log-odds with an informative Dirichlet prior.
 */
export function compareWordChoice(
  prepared: Prepared,
  options: WordChoiceOptions = {},
  labels: Map<PreparedArticle, Label[]> = new Map(prepared.articles.map((a) => [a, articleLabels(a)])),
): WordChoice {
  return {
    actors: actors(prepared, labels, options),
    distinctive: distinctive(prepared, options),
    actions: compareActions(prepared, { maxActions: options.maxActions }),
  };
}
