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
 * A text whose support is checked, read once: its stems, each stem's weight (as `supportScore` weighs it) and
 * whether it is a number, their total, and its score against each paragraph content checked so far. A briefing
 * checks the same wording against many paragraphs, and wire copies repeat the same paragraphs many times.
 */
interface TextProfile {
  stems: string[];
  weights: number[];
  numbers: boolean[];
  totalWeight: number;
  /** Best passage score per paragraph content id (see `ParagraphContent`). */
  scores: Map<number, SupportScore>;
  /** Whether the paragraph content supports the text, per content id. */
  supported: Map<number, boolean>;
}

/**
 * A paragraph's text as support reads it, shared by every paragraph with the same text and language (a wire
 * story's copies): its stems and its passages are computed once.
 */
interface ParagraphContent {
  id: number;
  text: string;
  language: string | null;
  stems: Set<string>;
  passages: Array<ReadonlySet<string>> | null;
  /** Every stem of its passages: a passage can share no more with a text than this does. */
  passageStems: ReadonlySet<string> | null;
}

/**
 * The stems of every paragraph of the articles, computed once: support checks run for every candidate citation
 * of every sentence, and each would otherwise tokenize the paragraph again. Scores are memoized per text and
 * paragraph content; everything here is a pure function of the articles given, so the memos never change a
 * result, only how often it is computed.
 */
export class ParagraphStems {
  // Keyed by language, then text: one map per language rather than joined keys, since checks run by the
  // hundred thousand and a joined key is a new string to hash each time.
  private readonly contents = new Map<string, Map<string, ParagraphContent>>();
  private contentCount = 0;
  private readonly profiles = new Map<string, Map<string, TextProfile>>();
  private readonly articles: Map<
    string,
    {
      paragraphs: Map<number, Paragraph>;
      language: string | null;
      contents: Map<number, ParagraphContent | null>;
      /** Every stem of every passage of the article, once asked for. */
      passageStems: ReadonlySet<string> | null;
    }
  >;
  private df: Map<string, number> | null = null;
  private readonly weights = new Map<string, number>();
  private paragraphCount = 0;

  constructor(
    articles: ReadonlyArray<{ id: string; paragraphs: readonly Paragraph[]; language?: string | null }>,
  ) {
    this.articles = new Map(
      articles.map((a) => [
        a.id,
        {
          paragraphs: new Map(a.paragraphs.map((p) => [p.n, p])),
          language: a.language ?? null,
          contents: new Map(),
          passageStems: null,
        },
      ]),
    );
  }

  paragraph(articleId: string, n: number): Paragraph | null {
    return this.articles.get(articleId)?.paragraphs.get(n) ?? null;
  }

  /** The paragraph's shared content, or null when the article or paragraph does not exist. */
  private content(articleId: string, n: number): ParagraphContent | null {
    const article = this.articles.get(articleId);
    if (!article) return null;
    let found = article.contents.get(n);
    if (found === undefined) {
      const paragraph = article.paragraphs.get(n);
      found = null;
      if (paragraph) {
        const byText = mapIn(this.contents, article.language ?? "");
        found = byText.get(paragraph.text) ?? null;
        if (!found) {
          found = {
            id: this.contentCount++,
            text: paragraph.text,
            language: article.language,
            stems: new Set(contentStems(paragraph.text, article.language).stems),
            passages: null,
            passageStems: null,
          };
          byText.set(paragraph.text, found);
        }
      }
      article.contents.set(n, found);
    }
    return found;
  }

  /** Stems of a paragraph, or null when the article or paragraph does not exist. */
  of(articleId: string, n: number): ReadonlySet<string> | null {
    return this.content(articleId, n)?.stems ?? null;
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
    let w = this.weights.get(stem);
    if (w === undefined) {
      const n = Math.max(1, this.paragraphCount);
      w = Math.log(1 + n / (this.df.get(stem) ?? 1));
      this.weights.set(stem, w);
    }
    return w;
  }

  private profile(text: string, language: string | null): TextProfile {
    const byText = mapIn(this.profiles, language ?? "");
    let found = byText.get(text);
    if (!found) {
      const stems = contentStems(text, language).stems;
      const numbers = stems.map(hasDigit);
      // A number is the most particular thing a sentence states: finding it weighs double (as in `supportScore`).
      const weights = stems.map((stem, i) => (numbers[i] ? 2 * this.weight(stem) : this.weight(stem)));
      let totalWeight = 0;
      for (const w of weights) totalWeight += w;
      found = { stems, weights, numbers, totalWeight, scores: new Map(), supported: new Map() };
      byText.set(text, found);
    }
    return found;
  }

  /** Stems of a briefing text (language of the article it came from: tokenizing CJK differs). */
  text(text: string, language: string | null = null): string[] {
    return this.profile(text, language).stems;
  }

  language(articleId: string): string | null {
    return this.articles.get(articleId)?.language ?? null;
  }

  /** Stems of each passage of a paragraph: every run of up to `window` sentences. */
  passages(articleId: string, n: number): Array<ReadonlySet<string>> {
    const content = this.content(articleId, n);
    return content ? passagesOf(content) : [];
  }

  /**
   * False when no paragraph of the article can support the text: it fails the thresholds even against all the
   * article's passages together (see `supports`). True means some paragraph may; ask each.
   */
  mayAnySupport(text: string, articleId: string): boolean {
    const article = this.articles.get(articleId);
    if (!article) return false;
    if (!article.passageStems) {
      const all = new Set<string>();
      for (const n of article.paragraphs.keys())
        for (const passage of this.passages(articleId, n)) for (const stem of passage) all.add(stem);
      article.passageStems = all;
    }
    return isSupport(profileScore(this.profile(text, article.language), article.passageStems));
  }

  /** Whether paragraph `n` of the article supports the text (false when there is no such paragraph). */
  supports(text: string, articleId: string, n: number): boolean {
    const content = this.content(articleId, n);
    if (!content) return false;
    const profile = this.profile(text, this.language(articleId));
    let found = profile.supported.get(content.id);
    if (found === undefined) {
      // Most paragraphs checked do not support the text, and one score against all the passages' stems together
      // tells most of them: a passage shares no more stems, weight or numbers than the whole does, so when the
      // whole fails the thresholds every passage does.
      passagesOf(content);
      found =
        isSupport(profileScore(profile, content.passageStems!)) && isSupport(this.score(text, articleId, n)!);
      profile.supported.set(content.id, found);
    }
    return found;
  }

  /** The support of the paragraph's best passage for the text; null when there is no such paragraph. */
  score(text: string, articleId: string, n: number): SupportScore | null {
    const content = this.content(articleId, n);
    if (!content) return null;
    const profile = this.profile(text, this.language(articleId));
    let best = profile.scores.get(content.id);
    if (!best) {
      for (const passage of passagesOf(content)) {
        const score = profileScore(profile, passage);
        if (
          !best ||
          isSupport(score) > isSupport(best) ||
          (isSupport(score) === isSupport(best) && score.share > best.share)
        )
          best = score;
      }
      // A paragraph has at least one passage (its whole text when sentence splitting finds none).
      profile.scores.set(content.id, best!);
    }
    return best!;
  }
}

function mapIn<V>(maps: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = maps.get(key);
  if (!found) {
    found = new Map();
    maps.set(key, found);
  }
  return found;
}

function passagesOf(content: ParagraphContent): Array<ReadonlySet<string>> {
  if (!content.passages) {
    // The paragraph number only labels the sentences; the passages of one text are the same in every copy.
    const sentences = splitSentences(content.text, 0).map(
      (s) => contentStems(s.text, content.language).stems,
    );
    const size = Math.min(SUPPORT_THRESHOLDS.window, sentences.length);
    const found: Array<ReadonlySet<string>> = [];
    for (let i = 0; i + size <= sentences.length; i++)
      found.push(new Set(sentences.slice(i, i + size).flat()));
    // Sentence splitting and tokenizing per sentence can miss a stem that spans a boundary.
    if (found.length === 0) found.push(content.stems);
    content.passages = found;
    content.passageStems = found.length === 1 ? found[0]! : new Set(found.flatMap((p) => [...p]));
  }
  return content.passages;
}

/** `supportScore` of a profiled text: the same sums in the same order, without weighing its stems again. */
function profileScore(profile: TextProfile, passage: ReadonlySet<string>): SupportScore {
  let shared = 0;
  let missingNumbers = 0;
  let sharedWeight = 0;
  const { stems, weights, numbers, totalWeight } = profile;
  for (let i = 0; i < stems.length; i++) {
    if (passage.has(stems[i]!)) {
      shared++;
      sharedWeight += weights[i]!;
    } else if (numbers[i]) missingNumbers++;
  }
  return {
    shared,
    total: stems.length,
    share: totalWeight ? sharedWeight / totalWeight : 0,
    missingNumbers,
  };
}
