import type {
  ArticleSimilarity,
  ComparisonArticle,
  ComparisonCitation,
  Emphasis,
  FactComparison,
  OnlyHere,
  OverviewSentence,
  SharedFact,
  SideVoices,
  WordChoice,
} from "../schemas/comparison";

export interface OverviewParts {
  sides: string[];
  articles: ComparisonArticle[];
  sharedFacts: SharedFact[];
  onlyHere: OnlyHere[];
  conflicts: FactComparison[];
  compatible: FactComparison[];
  wordChoice: WordChoice;
  voices: SideVoices[];
  emphasis: Emphasis[];
  similarity: ArticleSimilarity[];
}

const WORDS = 14;

/** A passage cut to its first words, for quoting inside a sentence. */
function quote(text: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const cut = words
    .slice(0, WORDS)
    .join(" ")
    .replace(/[,;:.]+$/, "");
  return `“${cut}${words.length > WORDS ? "…" : ""}”`;
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
const percent = (x: number) => `${Math.round(x * 100)} %`;

const KIND_WORDS = {
  official: "officials",
  expert: "experts",
  anonymous: "unnamed sources",
  other: "others",
};

/**
 * One paragraph summing up the comparison, built only from its parts, each sentence citing the passages it
 * rests on. Sentences whose part is empty are left out rather than said without a source.
 */
export function buildOverview(parts: OverviewParts): OverviewSentence[] {
  const out: OverviewSentence[] = [];
  const say = (text: string, citations: ComparisonCitation[]) => {
    if (citations.length > 0) out.push({ text, citations });
  };
  const sides = list(parts.sides);

  const facts = parts.sharedFacts.slice(0, 2);
  if (facts.length > 0) {
    const cited = facts.flatMap((f) => f.passages.map((p) => p.citation));
    const examples = facts.map((f) => {
      const shortest = [...f.passages].sort((a, b) => a.text.length - b.text.length)[0]!;
      return quote(shortest.text);
    });
    const opinion = parts.sharedFacts.filter((f) => f.opinion).length;
    const label = opinion
      ? ` (${opinion === parts.sharedFacts.length ? "all" : opinion} from an opinion piece on one side)`
      : "";
    say(
      `${sides} share ${parts.sharedFacts.length} claim${parts.sharedFacts.length === 1 ? "" : "s"}${label}, among them ${list(examples)}.`,
      cited,
    );
  }

  for (const side of parts.onlyHere) {
    const top = side.claims[0];
    if (!top) continue;
    say(
      `Only ${side.side} reports ${quote(top.passage.text)}${side.claims.length > 1 ? `, one of ${side.claims.length} claims no other side makes` : ""}.`,
      [top.passage.citation],
    );
  }

  const conflict = parts.conflicts[0];
  if (conflict) {
    const values = conflict.values.map((v) => `${v.side} has ${v.text}`);
    say(
      `They disagree on ${conflict.subject}: ${list(values)}${parts.conflicts.length > 1 ? ` (${parts.conflicts.length} conflicts in all)` : ""}.`,
      conflict.values.map((v) => v.passage.citation),
    );
  } else {
    const withFigures = parts.sharedFacts
      .filter((f) => f.figures.length > 0 || f.dates.length > 0)
      .slice(0, 3);
    if (withFigures.length > 0) {
      const named = [...new Set(withFigures.flatMap((f) => [...f.figures, ...f.dates]))].slice(0, 4);
      say(
        `No figure, date or attribution conflicts: both give ${list(named)} alike${parts.compatible.length ? `, and ${parts.compatible.length} difference${parts.compatible.length === 1 ? " is" : "s are"} one of precision only` : ""}.`,
        withFigures.flatMap((f) => f.passages.map((p) => p.citation)),
      );
    }
  }

  for (const article of parts.articles) {
    if (article.genre === "news") continue;
    const first = parts.sharedFacts
      .flatMap((f) => f.passages)
      .find((p) => p.citation.articleId === article.id);
    const mine = parts.onlyHere
      .flatMap((s) => s.claims)
      .find((c) => c.passage.citation.articleId === article.id);
    const cite = first?.citation ?? mine?.passage.citation;
    if (!cite) continue;
    say(
      article.genre === "opinion"
        ? `${article.source}'s piece argues in its author's voice (opinion${article.genreBasis === "text" ? ", from its first-person and prescriptive sentences" : ""}): what it shares with the others is shared opinion, not corroboration.`
        : `${article.source}'s piece is labelled analysis: it interprets as well as reports.`,
      [cite],
    );
  }

  const actor = parts.wordChoice.actors.find((a) => a.differs);
  if (actor) {
    const phrases = actor.sides
      .map((s) => ({ side: s.side, label: s.labels.find((l) => l.exclusive) }))
      .filter((x): x is { side: string; label: NonNullable<typeof x.label> } => !!x.label)
      .slice(0, 3);
    say(
      `For ${actor.name}, ${list(phrases.map((p) => `${p.side} writes “${p.label.text}”`))}.`,
      phrases.flatMap((p) => p.label.citations.slice(0, 1)),
    );
  }

  const voiced = parts.voices.filter((v) => v.quotes > 0);
  if (voiced.length > 0) {
    const phrases = voiced.map((v) => {
      const [kind, share] = (Object.entries(v.byKind) as Array<[keyof typeof KIND_WORDS, number]>).sort(
        (a, b) => b[1] - a[1],
      )[0]!;
      return `${v.side} mostly ${KIND_WORDS[kind]} (${percent(share)} of its quoted words, ${v.voices.length} voice${v.voices.length === 1 ? "" : "s"})`;
    });
    const silent = parts.voices.filter((v) => v.quotes === 0).map((v) => v.side);
    say(
      `As for voices, ${list(phrases)}${silent.length ? `; ${list(silent)} quote${silent.length === 1 ? "s" : ""} no one` : ""}.`,
      voiced.flatMap((v) => v.voices.slice(0, 2).flatMap((x) => x.citations.slice(0, 1))),
    );
  }

  const skewed = parts.emphasis
    .map((e) => {
      const shares = e.sides.map((s) => s.share);
      return { e, spread: Math.max(...shares) - Math.min(...shares) };
    })
    .sort((a, b) => b.spread - a.spread)[0];
  if (skewed && skewed.spread >= 0.03) {
    say(
      `${skewed.e.name} takes ${list(skewed.e.sides.map((s) => `${percent(s.share)} of ${s.side}'s entity mentions`))}.`,
      skewed.e.sides.flatMap((s) => s.citations.slice(0, 1)),
    );
  }

  if (parts.similarity.length > 0 && facts.length > 0) {
    const mean = parts.similarity.reduce((s, x) => s + x.similarity, 0) / parts.similarity.length;
    say(
      `Overall, the articles share about ${percent(mean)} of their story content${parts.similarity.length > 1 ? " (mean over pairs)" : ""}.`,
      facts[0]!.passages.map((p) => p.citation),
    );
  }
  return out;
}
