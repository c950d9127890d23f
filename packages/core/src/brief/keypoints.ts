import type { Claim } from "../claims/claim";
import { type ClaimGroup, groupPairs, similarPairs } from "../claims/group";
import { type ClaimContext, claimSimilarity } from "../claims/similarity";
import type { Genre } from "../schemas/article";
import type { Citation, CitedText, KeyPoint } from "../schemas/briefing";
import { withReferent } from "./pronoun";
import type { ParagraphStems } from "./support";
import { argues, isAnaphoric, isMeta, pointText, wordCount } from "./wording";

export interface KeyPointInput {
  claims: readonly Claim[];
  ctx: ClaimContext;
  stems: ParagraphStems;
  /** Per article id: its citation label, genre and order among the sources. */
  sources: ReadonlyMap<string, { label: string; genre: Genre; order: number }>;
  /** Who a claim's leading "He"/"She" is, when the text makes it certain. */
  referent: (claim: Claim) => string | null;
  max: number;
}

interface Wording {
  claim: Claim;
  text: string;
  citations: Citation[];
  articleIds: string[];
  quality: number;
}

/** A paragraph of an article, by its number. */
interface Paragraph {
  articleId: string;
  paragraph: number;
}

/** The paragraphs that may support a group's wordings, and the citations found so far per wording text. */
interface CitationPool {
  paragraphs: Paragraph[];
  /** A story's wire copies give a group the same sentence many times: each text is checked once. */
  cited: Map<string, Citation[]>;
}

interface Candidate {
  group: ClaimGroup;
  main: Wording;
  extra: Wording | null;
  articleIds: string[];
  score: number;
}

// Two claims this similar are linked when looking for paragraphs that may support a point's wording: looser
// than grouping, because the support check decides.
const CITATION_LINK = 0.18;
// A point this similar to one already chosen says the same again.
const DUPLICATE = 0.3;
const MIN_WORDS = 6;
const MAX_WORDS = 60;
// Fewer content stems than this and almost any paragraph of the story "supports" it ("This is a key aspect").
const MIN_STEMS = 7;
// A second sentence joins a point only if this share of its weight is new, i.e. it adds a fact.
const EXTRA_NEW_SHARE = 0.5;

const GENRE_WEIGHT: Record<Genre, number> = { news: 0.3, analysis: 0.15, opinion: 0 };

/**
 * Centrality of each claim: the summed similarity to every other claim (LexRank's degree form), with links to
 * other articles counting double: what several outlets say is what the story is about.
 */
function centrality(claims: readonly Claim[], pairs: ReturnType<typeof similarPairs>): number[] {
  const degree = claims.map(() => 0);
  for (const { a, b, similarity } of pairs) {
    const weight = claims[a]!.articleId === claims[b]!.articleId ? similarity : 2 * similarity;
    degree[a]! += weight;
    degree[b]! += weight;
  }
  const max = Math.max(1e-9, ...degree);
  return degree.map((d) => d / max);
}

/**
 * Key points: groups of claims that say the same thing, each worded by one of its sentences (news over opinion,
 * one that stands alone, central, early, precise) and citing every paragraph of every source that supports that
 * wording; a second sentence of the group joins when it adds a fact. Ranked by how many sources support them,
 * then centrality and position; a point that repeats a chosen one is dropped.
 */
export function buildKeyPoints(input: KeyPointInput): KeyPoint[] {
  const { claims, ctx } = input;
  if (claims.length === 0 || input.max <= 0) return [];
  const index = new Map(claims.map((c, i) => [c.id, i]));
  const pairs = similarPairs(claims, ctx, { threshold: 0.1, sameArticle: true });
  const central = centrality(claims, pairs);
  const neighbours = claims.map(() => [] as number[]);
  for (const { a, b, similarity } of pairs) {
    if (similarity < CITATION_LINK) continue;
    neighbours[a]!.push(b);
    neighbours[b]!.push(a);
  }
  const candidates: Candidate[] = [];
  for (const group of groupPairs(claims, pairs)) {
    const candidate = pointOf(group, index, central, neighbours, input);
    if (candidate) candidates.push(candidate);
  }
  candidates.sort((a, b) => b.score - a.score || a.main.claim.id.localeCompare(b.main.claim.id));
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    if (chosen.length >= input.max) break;
    const words = [candidate.main, candidate.extra].filter((w): w is Wording => !!w);
    const duplicate = chosen.some((c) =>
      [c.main, c.extra].some(
        (w) =>
          w &&
          words.some((x) => x.claim.id === w.claim.id || claimSimilarity(w.claim, x.claim, ctx) >= DUPLICATE),
      ),
    );
    if (!duplicate) chosen.push(candidate);
  }
  return chosen.map((c, i) => ({
    n: i + 1,
    sentences: [c.main, c.extra]
      .filter((w): w is Wording => !!w)
      .map((w): CitedText => ({ text: w.text, citations: w.citations })),
    articleIds: c.articleIds,
    genre: input.sources.get(c.main.claim.articleId)!.genre,
    attributedTo: c.main.claim.attribution?.speaker ?? null,
  }));
}

function pointOf(
  group: ClaimGroup,
  index: ReadonlyMap<string, number>,
  central: readonly number[],
  neighbours: readonly number[][],
  input: KeyPointInput,
): Candidate | null {
  // Paragraphs that may support the group's wording: its own claims' and those of claims linked to them.
  const linked = new Set<number>();
  for (const claim of group.claims) {
    const i = index.get(claim.id)!;
    linked.add(i);
    for (const j of neighbours[i]!) linked.add(j);
  }
  const paragraphs: Paragraph[] = [];
  const seen = new Set<string>();
  for (const i of linked) {
    const { articleId, paragraph } = input.claims[i]!;
    const key = `${articleId}\u0000${paragraph}`;
    if (seen.has(key)) continue;
    seen.add(key);
    paragraphs.push({ articleId, paragraph });
  }
  const pool: CitationPool = { paragraphs, cited: new Map() };
  const wordings = group.claims
    .map((claim) => wordingOf(claim, central[index.get(claim.id)!]!, pool, input))
    .filter((w): w is Wording => !!w);
  if (wordings.length === 0) return null;
  const rank = (w: Wording) => w.articleIds.length + w.quality;
  const main = wordings.reduce((best, w) => (rank(w) > rank(best) ? w : best));
  const extra = extraSentence(main, wordings, input.ctx, (id) => input.sources.get(id)!.genre);
  const articleIds = [...new Set([...main.citations, ...(extra?.citations ?? [])].map((c) => c.articleId))];
  const sourceOrder = (id: string) => input.sources.get(id)!.order;
  articleIds.sort((a, b) => sourceOrder(a) - sourceOrder(b));
  return { group, main, extra, articleIds, score: articleIds.length + main.quality };
}

function wordingOf(
  claim: Claim,
  centrality: number,
  pool: CitationPool,
  input: KeyPointInput,
): Wording | null {
  if (claim.question || claim.stems.length < MIN_STEMS || isMeta(claim.text)) return null;
  const words = wordCount(claim.text);
  if (words < MIN_WORDS || words > MAX_WORDS) return null;
  const text = pointText(withReferent(claim.text, input.referent(claim)));
  const citations = cite(text, claim, pool, input);
  if (citations.length === 0) return null;
  const articleIds = [...new Set(citations.map((c) => c.articleId))];
  const source = input.sources.get(claim.articleId)!;
  let quality = GENRE_WEIGHT[source.genre] + 0.6 * centrality + 0.3 * (1 - claim.relativePosition);
  if (argues(claim.text)) quality -= 0.4;
  if (isAnaphoric(text)) quality -= 0.5;
  if (words > 40) quality -= 0.01 * (words - 40);
  // Precise beats vague: "on March 19" over "this March", "$550 billion" over "a massive pledge".
  if (claim.figures.length > 0) quality += 0.1;
  if (claim.dates.some((d) => d.length === 10)) quality += 0.15;
  else if (claim.dates.length > 0) quality += 0.05;
  return { claim, text, citations, articleIds, quality };
}

/** A sentence of the group that states something the main one does not (another side of the same fact). */
function extraSentence(
  main: Wording,
  wordings: readonly Wording[],
  ctx: ClaimContext,
  genreOf: (articleId: string) => Genre,
): Wording | null {
  const mainGenre = genreOf(main.claim.articleId);
  const mainStems = new Set(main.claim.stems);
  let best: Wording | null = null;
  let bestNew = 0;
  for (const w of wordings) {
    // Another outlet's side of the fact; the main sentence's own article already had its say.
    if (w.claim.articleId === main.claim.articleId) continue;
    if (argues(w.claim.text) || isAnaphoric(w.text)) continue;
    // An opinion piece's sentence does not join a reported point as if it were reporting too.
    if (genreOf(w.claim.articleId) === "opinion" && mainGenre !== "opinion") continue;
    let total = 0;
    let fresh = 0;
    for (const stem of w.claim.stems) {
      const weight = ctx.idf(stem);
      total += weight;
      if (!mainStems.has(stem)) fresh += weight;
    }
    const share = total ? fresh / total : 0;
    // New words alone can be the same fact retold; a new name, number or date is a new fact.
    const anchors = [
      ...w.claim.entities.filter((e) => !main.claim.entities.includes(e)),
      ...w.claim.figures.filter((f) => !main.claim.figures.includes(f)),
      ...w.claim.dates.filter((d) => !main.claim.dates.includes(d)),
    ];
    // Another outlet's number for the same quantity ("killed 350" beside "killed 352"), or its other day for
    // the same event, is always worth showing.
    const disagrees =
      w.claim.figures.some((f) => {
        const unit = f.slice(0, f.lastIndexOf(":"));
        return !main.claim.figures.includes(f) && main.claim.figures.some((m) => m.startsWith(`${unit}:`));
      }) ||
      w.claim.dates.some(
        (d) =>
          d.length === 10 && !main.claim.dates.includes(d) && main.claim.dates.some((m) => m.length === 10),
      );
    const score = disagrees ? 1 + share : share;
    if (((anchors.length > 0 && share >= EXTRA_NEW_SHARE) || disagrees) && score > bestNew) {
      best = w;
      bestNew = score;
    }
  }
  return best;
}

/** Citations of the wording, in source order: none unless its own paragraph supports it (trimming can break that). */
function cite(text: string, wording: Claim, pool: CitationPool, input: KeyPointInput): Citation[] {
  if (!input.stems.supports(text, wording.articleId, wording.paragraph)) return [];
  let found = pool.cited.get(text);
  if (!found) {
    const out: Array<Citation & { order: number }> = [];
    for (const { articleId, paragraph } of pool.paragraphs) {
      if (!input.stems.supports(text, articleId, paragraph)) continue;
      const source = input.sources.get(articleId)!;
      out.push({ articleId, source: source.label, paragraph, order: source.order });
    }
    out.sort((a, b) => a.order - b.order || a.paragraph - b.paragraph);
    found = out.map(({ articleId, source, paragraph }) => ({ articleId, source, paragraph }));
    pool.cited.set(text, found);
  }
  return found.map((c) => ({ ...c }));
}
