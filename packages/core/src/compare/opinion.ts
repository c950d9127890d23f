import { splitSentences } from "../enrich/text/sentences";
import { genreOf } from "../normalize/genre";
import type { Genre } from "../schemas/article";
import type { Quote } from "../schemas/enrichment";
import type { Paragraph } from "../schemas/paragraph";

/**
 * Whether an article argues rather than reports, when its page did not say (a pasted text, a site without
 * schema.org types or an opinion section). Reporters keep their own voice out of news copy: "I", "we", "should",
 * "must", "doubtless" and questions to the reader appear there only inside quotes, which enrichment has found and
 * which are blanked before counting. Columns and editorials use them all the time. Stance detection of this kind
 * is the classic lexical baseline (Wiebe et al. 2004, "Learning subjective language"); it reads English only and
 * a news piece that quotes at length without quotation marks can look argued.
 */

// Each pattern is one kind of sign; a sentence counts once however many it has.
const SIGNS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ["first-person", /(?:^|[^\p{L}])(?:I|I['’](?:m|d|ve|ll)|my|me|myself)(?![\p{L}'’])/u],
  // Case-sensitive: "US" is a country.
  ["inclusive-we", /(?:^|[^\p{L}])(?:[Ww]e|us|[Oo]urs?|ourselves|[Ll]et us|[Ll]et['’]s)(?![\p{L}'’])/u],
  [
    "prescriptive",
    /(?:^|[^\p{L}])(?:should|ought to|must|needs to|need to|it is (?:high )?time|it is (?:vital|essential|imperative|crucial|incumbent))(?![\p{L}])/iu,
  ],
  [
    "evaluative",
    /(?:^|[^\p{L}])(?:doubtless|undoubtedly|of course|surely|frankly|arguably|needless to say|to be sure|in my view|in our view|i believe|would be (?:wise|unwise|inadvisable|a mistake))(?![\p{L}])/iu,
  ],
  ["question", /\?["'”’)]*$/u],
];
const VOICE = new Set(["first-person", "inclusive-we"]);
// Quotes the quote finder missed (a second quoted sentence without its own marks) speak in the first person
// too; a column also argues: it prescribes, judges or asks.
const STANCE = new Set(["prescriptive", "evaluative", "question"]);

// Share of body sentences with a sign above which a piece argues. Of NewsWCL50's 50 articles (five outlets from
// left to right) the reports with stance signs in two or more sentences stay at or under 12 % of their sentences,
// except quote-heavy ones whose signs are all first person (a memo, a speech quoted without marks); its one
// column (a Fox News opinion piece) has 35 %, the nippon.com seed 42 %.
const OPINION_SHARE = 0.2;
// The author's own voice must show more than once: a single "we" can be a quote the quote finder missed.
const MIN_VOICE_SENTENCES = 2;
const MIN_STANCE_SENTENCES = 2;
const ARGUED_SHARE = 0.3;

export interface OpinionSigns {
  sentences: number;
  /** Sentences with at least one sign of the author's own stance. */
  signed: number;
  /** Sentences in the first person ("I", "we") outside quotes. */
  voiced: number;
  /** Sentences that prescribe, judge or ask the reader. */
  stance: number;
  /** Paragraph of the first signed sentence (a place to cite). */
  firstParagraph: number | null;
}

/** Blanks the quoted and reported speech enrichment found, so a speaker's "we must" is not the author's. */
function blankSpeech(paragraph: Paragraph, quotes: readonly Quote[]): string {
  let text = paragraph.text;
  for (const q of quotes) {
    if (q.paragraph !== paragraph.n || (q.kind !== "direct" && q.kind !== "reported")) continue;
    text = text.slice(0, q.start) + " ".repeat(Math.max(0, q.end - q.start)) + text.slice(q.end);
  }
  // Quotation marks enrichment did not call speech (scare quotes, titles) still hold someone else's words.
  return text.replace(/[“"][^”"]{0,400}[”"]/g, (m) => " ".repeat(m.length));
}

export function opinionSigns(paragraphs: readonly Paragraph[], quotes: readonly Quote[]): OpinionSigns {
  let sentences = 0;
  let signed = 0;
  let voiced = 0;
  let stance = 0;
  let firstParagraph: number | null = null;
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== "paragraph") continue;
    const blanked = blankSpeech(paragraph, quotes);
    for (const sentence of splitSentences(paragraph.text, paragraph.n)) {
      const text = blanked.slice(sentence.start, sentence.end).trim();
      if (text.split(/\s+/).length < 3) continue;
      sentences++;
      const found = SIGNS.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
      if (found.length === 0) continue;
      signed++;
      if (found.some((name) => VOICE.has(name))) voiced++;
      if (found.some((name) => STANCE.has(name))) stance++;
      firstParagraph ??= paragraph.n;
    }
  }
  return { sentences, signed, voiced, stance, firstParagraph };
}

export interface GenreReading {
  genre: Genre;
  basis: "declared" | "title" | "text";
  /** Signed sentences per 100 body sentences. */
  signals: number;
  firstParagraph: number | null;
}

/**
 * The genre a comparison labels an article with: opinion or analysis when the page said so; a title kicker
 * ("Analysis: …", "Opinion | …"); else the text's own stance signs. Declared "news" is what the normalizer
 * says when nothing said otherwise, so the text can still show an opinion piece.
 */
export function readGenre(article: {
  title: string;
  genre: Genre | null;
  paragraphs: readonly Paragraph[];
  quotes: readonly Quote[];
}): GenreReading {
  const signs = opinionSigns(article.paragraphs, article.quotes);
  const signals = signs.sentences ? (100 * signs.signed) / signs.sentences : 0;
  const reading = (genre: Genre, basis: GenreReading["basis"]): GenreReading => ({
    genre,
    basis,
    signals: Math.round(signals * 10) / 10,
    firstParagraph: signs.firstParagraph,
  });
  if (article.genre === "opinion" || article.genre === "analysis") return reading(article.genre, "declared");
  const kicker = genreOf({ types: [], section: null, title: article.title, url: null });
  if (kicker) return reading(kicker, "title");
  const share = signs.sentences ? signs.signed / signs.sentences : 0;
  const argued =
    signs.stance >= MIN_STANCE_SENTENCES &&
    ((share >= OPINION_SHARE && signs.voiced >= MIN_VOICE_SENTENCES) ||
      (share >= ARGUED_SHARE && signs.sentences >= 8));
  return reading(argued ? "opinion" : "news", argued ? "text" : article.genre ? "declared" : "text");
}
