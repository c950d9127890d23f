import {
  COMPARISON_VERSION,
  type Comparison,
  type ComparisonArticle,
  type ComparisonInput,
  zComparisonInput,
} from "../schemas/comparison";
import { findConflicts } from "./conflicts";
import { compareEmphasis, type EmphasisOptions } from "./emphasis";
import { buildOverview } from "./overview";
import { prepare } from "./prepare";
import { type AlignOptions, alignClaims } from "./shared";
import { articleSimilarities } from "./similarity";
import { TONE_LIMITS, TONE_METHOD } from "./tone";
import { compareVoices } from "./voices";
import { articleLabels, compareWordChoice, type WordChoiceOptions } from "./word-choice";

export interface CompareOptions {
  align?: AlignOptions;
  wordChoice?: WordChoiceOptions;
  emphasis?: EmphasisOptions;
  /** Shared facts kept, most important first. */
  maxSharedFacts?: number;
  /** Claims kept per side in "only here", most important first. */
  maxOnlyHere?: number;
}

export class ComparisonInputError extends Error {
  override name = "ComparisonInputError";
}

function validate(input: ComparisonInput): ComparisonInput {
  const parsed = zComparisonInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ComparisonInputError(
      `invalid comparison input at ${issue.path.join(".") || "root"}: ${issue.message}`,
    );
  }
  const labels = new Set<string>();
  const ids = new Set<string>();
  for (const side of parsed.data.sides) {
    if (labels.has(side.label)) throw new ComparisonInputError(`two sides are labelled "${side.label}"`);
    labels.add(side.label);
    for (const article of side.articles) {
      if (ids.has(article.id))
        throw new ComparisonInputError(`article ${article.id} is on more than one side`);
      ids.add(article.id);
    }
  }
  return parsed.data;
}

/**
 * Compares how two or more sides cover a story, claim by claim: shared facts, what only one side says,
 * conflicting figures, dates and attributions, word choice, voices, emphasis and tone, opinion labels, a cited
 * overview and a similarity for every pair of articles. Pure and deterministic: the same input (in the same
 * order) gives the same comparison. Throws `ComparisonInputError` on input the schema refuses.
 */
export function compareArticles(input: ComparisonInput, options: CompareOptions = {}): Comparison {
  const prepared = prepare(validate(input));
  const labels = new Map(prepared.articles.map((a) => [a, articleLabels(a)]));
  const aligned = alignClaims(prepared, options.align);
  const { conflicts, compatible } = findConflicts(prepared, aligned.groups);
  const wordChoice = compareWordChoice(prepared, options.wordChoice, labels);
  const voices = compareVoices(prepared, labels);
  const emphasis = compareEmphasis(prepared, options.emphasis);
  const similarity = articleSimilarities(prepared, aligned.groups);
  const sharedFacts = aligned.sharedFacts.slice(0, options.maxSharedFacts ?? 50);
  const onlyHere = aligned.onlyHere.map((s) => ({
    ...s,
    claims: s.claims.slice(0, options.maxOnlyHere ?? 25),
  }));
  const articles: ComparisonArticle[] = prepared.articles.map((a) => ({
    id: a.input.id,
    side: a.side,
    title: a.input.title,
    source: a.source,
    country: a.input.source?.country ?? null,
    publishedAt: a.input.publishedAt,
    genre: a.genre.genre,
    genreBasis: a.genre.basis,
    opinionSignals: a.genre.signals,
    claims: a.claims.length,
  }));
  const overview = buildOverview({
    sides: prepared.sides,
    articles,
    sharedFacts,
    onlyHere,
    conflicts,
    compatible,
    wordChoice,
    voices,
    emphasis,
    similarity,
  });
  return {
    version: COMPARISON_VERSION,
    sides: prepared.sides.map((label) => ({ label, articles: articles.filter((a) => a.side === label) })),
    overview,
    similarity,
    sharedFacts,
    onlyHere,
    conflicts,
    compatible,
    wordChoice,
    voices,
    emphasis,
    tone: { method: TONE_METHOD, limits: TONE_LIMITS },
  };
}
