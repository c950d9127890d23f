import { contentStems } from "../claims/text";
import { splitSentences } from "../enrich/text/sentences";
import type { Paragraph } from "../schemas/paragraph";

/**
 * When a paragraph supports a sentence: one passage of it (a sentence, or two running ones) holds at least
 * `minShare` of the sentence's content, each stem weighted by its rarity among the story's paragraphs (so the
 * story's own frame words, "Takaichi", "Japan", count little), at least `minShared` stems (or all of a shorter
 * text's), and every number the sentence states. The share lets a paraphrase cite the other outlet ("her ruling
 * coalition enjoys a two-thirds parliamentary majority" ~ "the LDP-Ishin coalition has the two-thirds majority");
 * the passage keeps a long paragraph from supporting anything by sheer size; the numbers rule keeps "352 seats"
 * from citing a paragraph that never says 352.
 */
export const SUPPORT_THRESHOLDS = { minShare: 0.35, minShared: 3, window: 2 };

export interface SupportScore {
  shared: number;
  total: number;
  /** Share of the text's stem weight found in the paragraph (each stem weighs its rarity among the paragraphs). */
  share: number;
  /** Numbers of the text missing from the paragraph. */
  missingNumbers: number;
}

const hasDigit = (stem: string) => /\p{N}/u.test(stem);

export function supportScore(
  textStems: readonly string[],
  paragraphStems: ReadonlySet<string>,
  weight: (stem: string) => number = () => 1,
): SupportScore {
  let shared = 0;
  let missingNumbers = 0;
  let sharedWeight = 0;
  let totalWeight = 0;
  for (const stem of textStems) {
    // A number is the most particular thing a sentence states: finding it weighs double.
    const w = hasDigit(stem) ? 2 * weight(stem) : weight(stem);
    totalWeight += w;
    if (paragraphStems.has(stem)) {
      shared++;
      sharedWeight += w;
    } else if (hasDigit(stem)) missingNumbers++;
  }
  const total = textStems.length;
  return { shared, total, share: totalWeight ? sharedWeight / totalWeight : 0, missingNumbers };
}

export function isSupport(score: SupportScore): boolean {
  return (
    score.total > 0 &&
    score.missingNumbers === 0 &&
    score.shared >= Math.min(SUPPORT_THRESHOLDS.minShared, score.total) &&
    score.share >= SUPPORT_THRESHOLDS.minShare
  );
}

/**
 * The stems of every paragraph of the articles, computed once: support checks run for every candidate citation
 * of every sentence, and each would otherwise tokenize the paragraph again.
 */
export class ParagraphStems {
  private readonly cache = new Map<string, Set<string> | null>();
  private readonly passageCache = new Map<string, Array<ReadonlySet<string>>>();
  private readonly stemsOfText = new Map<string, string[]>();
  private readonly articles: Map<string, { paragraphs: Map<number, Paragraph>; language: string | null }>;
  private df: Map<string, number> | null = null;
  private paragraphCount = 0;

  constructor(
    articles: ReadonlyArray<{ id: string; paragraphs: readonly Paragraph[]; language?: string | null }>,
  ) {
    this.articles = new Map(
      articles.map((a) => [
        a.id,
        { paragraphs: new Map(a.paragraphs.map((p) => [p.n, p])), language: a.language ?? null },
      ]),
    );
  }

  paragraph(articleId: string, n: number): Paragraph | null {
    return this.articles.get(articleId)?.paragraphs.get(n) ?? null;
  }

  /** Stems of a paragraph, or null when the article or paragraph does not exist. */
  of(articleId: string, n: number): ReadonlySet<string> | null {
    const key = `${articleId}\u0000${n}`;
    if (!this.cache.has(key)) {
      const article = this.articles.get(articleId);
      const paragraph = article?.paragraphs.get(n);
      this.cache.set(key, paragraph ? new Set(contentStems(paragraph.text, article!.language).stems) : null);
    }
    return this.cache.get(key)!;
  }

  /**
   * Rarity of a stem among all the paragraphs given: the story's own frame words ("Takaichi", "Japan") weigh
   * little, so a paragraph supports a sentence only if it shares what is particular to the sentence.
   */
  weight(stem: string): number {
    if (!this.df) {
      this.df = new Map();
      for (const [id, article] of this.articles) {
        for (const n of article.paragraphs.keys()) {
          this.paragraphCount++;
          for (const s of this.of(id, n)!) this.df.set(s, (this.df.get(s) ?? 0) + 1);
        }
      }
    }
    const n = Math.max(1, this.paragraphCount);
    return Math.log(1 + n / (this.df.get(stem) ?? 1));
  }

  /** Stems of a briefing text (language of the article it came from: tokenizing CJK differs). */
  text(text: string, language: string | null = null): string[] {
    const key = `${language ?? ""}\u0000${text}`;
    let stems = this.stemsOfText.get(key);
    if (!stems) {
      stems = contentStems(text, language).stems;
      this.stemsOfText.set(key, stems);
    }
    return stems;
  }

  language(articleId: string): string | null {
    return this.articles.get(articleId)?.language ?? null;
  }

  /** Stems of each passage of a paragraph: every run of up to `window` sentences. */
  passages(articleId: string, n: number): Array<ReadonlySet<string>> {
    const key = `${articleId}\u0000${n}`;
    let found = this.passageCache.get(key);
    if (!found) {
      const article = this.articles.get(articleId);
      const paragraph = article?.paragraphs.get(n);
      found = [];
      if (paragraph) {
        const sentences = splitSentences(paragraph.text, n).map(
          (s) => contentStems(s.text, article!.language).stems,
        );
        const size = Math.min(SUPPORT_THRESHOLDS.window, sentences.length);
        for (let i = 0; i + size <= sentences.length; i++)
          found.push(new Set(sentences.slice(i, i + size).flat()));
        // Sentence splitting and tokenizing per sentence can miss a stem that spans a boundary.
        if (found.length === 0) found.push(this.of(articleId, n)!);
      }
      this.passageCache.set(key, found);
    }
    return found;
  }

  /** Whether paragraph `n` of the article supports the text (false when there is no such paragraph). */
  supports(text: string, articleId: string, n: number): boolean {
    const score = this.score(text, articleId, n);
    return !!score && isSupport(score);
  }

  /** The support of the paragraph's best passage for the text; null when there is no such paragraph. */
  score(text: string, articleId: string, n: number): SupportScore | null {
    if (!this.of(articleId, n)) return null;
    const stems = this.text(text, this.language(articleId));
    let best: SupportScore | null = null;
    for (const passage of this.passages(articleId, n)) {
      const score = supportScore(stems, passage, (stem) => this.weight(stem));
      if (
        !best ||
        isSupport(score) > isSupport(best) ||
        (isSupport(score) === isSupport(best) && score.share > best.share)
      )
        best = score;
    }
    return best;
  }
}
