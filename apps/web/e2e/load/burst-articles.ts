import { readFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../stack";

/** One pasted submission, as `POST /api/articles` takes it. */
export interface BurstArticle {
  event: number;
  body: { text: string; title: string; sourceName: string };
}

interface NewsWclEntry {
  file: string;
  event: number;
  outlet: string;
}

/**
 * A prime: articles are the polynomials of degree ≤ 2 over Z_P, P³ of them per event. Sentence row j of an
 * article is pool[j·P + f(j) mod P]; two distinct polynomials agree on at most 2 points, so any two articles
 * share at most 2 of their SENTENCES sentences (word-shingle Jaccard well under the 0.4 near-duplicate
 * threshold) while each still reads lead first, details after, about one event.
 */
const P = 11;
const SENTENCES = 10;
const PER_PARAGRAPH = 2;
const MAX_FROM_ONE_REPORT = 5;

const OUTLETS = [
  "Associated Press",
  "Reuters",
  "Agence France-Presse",
  "The Guardian",
  "The Washington Post",
  "The New York Times",
  "Fox News",
  "Breitbart",
  "HuffPost",
  "USA Today",
  "BBC News",
  "Deutsche Welle",
  "Al Jazeera",
  "Politico",
  "The Hill",
  "NPR",
];

/** Abbreviations and initials a sentence does not end at ("Mr. Kim", "the U.S. Senate", "John F. Kennedy"). */
const NOT_AN_END =
  /(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Prof|Rev|Fla|Calif|Wash|Va|No|Vol|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Inc|Corp|Co|vs)|\b[A-Z](?:\.[A-Z])*)\.$/;

/** Sentences of at least 8 and at most 60 words: whole statements, no datelines or captions. */
function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let current = "";
    for (const piece of paragraph.split(/(?<=[.!?]["”’]?)\s+(?=["“A-Z])/)) {
      current = current ? `${current} ${piece}` : piece;
      if (!NOT_AN_END.test(current)) {
        sentences.push(current.trim());
        current = "";
      }
    }
    if (current) sentences.push(current.trim());
  }
  return sentences.filter((s) => {
    const words = s.split(/\s+/).length;
    return words >= 8 && words <= 60;
  });
}

function titleFrom(sentence: string): string {
  // Without a dateline ("WEST PALM BEACH, Fla. — ").
  const words = sentence.replace(/^[^—]{0,40}—\s*/, "").split(/\s+/);
  return words
    .slice(0, 12)
    .join(" ")
    .replace(/[,;:]$/, "");
}

/**
 * `count` distinct, real-looking articles recombined from NewsWCL50's sentences: each event's five reports are
 * merged by relative position (leads first), and each article takes one sentence per row of that pool.
 */
export async function burstArticles(count: number): Promise<BurstArticle[]> {
  const dir = path.join(repoRoot, "../shared/data/newswcl50");
  const index = JSON.parse(await readFile(path.join(dir, "index.json"), "utf8")) as NewsWclEntry[];
  const byEvent = new Map<number, Array<{ at: number; sentence: string; report: string }>>();
  for (const entry of index) {
    const sentences = sentencesOf(await readFile(path.join(dir, entry.file), "utf8"));
    const list = byEvent.get(entry.event) ?? [];
    sentences.forEach((sentence, i) => {
      list.push({ at: i / sentences.length, sentence, report: entry.file });
    });
    byEvent.set(entry.event, list);
  }
  const perEvent = Math.ceil(count / byEvent.size);
  const events = [...byEvent.entries()]
    .sort(([a], [b]) => a - b)
    .map(([event, list]) => {
      // A quote several outlets carry word for word is one sentence of the pool.
      const reportOf = new Map<string, string>();
      for (const s of list.sort((a, b) => a.at - b.at))
        if (!reportOf.has(s.sentence)) reportOf.set(s.sentence, s.report);
      const sorted = [...reportOf.keys()];
      // Evenly spaced over the event, so the rows span its leads to its last details.
      const pool = Array.from(
        { length: P * SENTENCES },
        (_, i) => sorted[Math.floor((i * sorted.length) / (P * SENTENCES))]!,
      );
      if (new Set(pool).size !== pool.length) throw new Error(`event ${event} has too few sentences`);
      const made: string[][] = [];
      for (let n = 0; n < P ** 3 && made.length < perEvent; n++) {
        const [c0, c1, c2] = [n % P, Math.floor(n / P) % P, Math.floor(n / P ** 2) % P];
        const sentences = Array.from(
          { length: SENTENCES },
          (_, j) => pool[j * P + ((c0 + c1 * j + c2 * j * j) % P)]!,
        );
        // More than half from one outlet's report would near-copy it (a short report has about a dozen sentences).
        const fromReport = new Map<string, number>();
        for (const sentence of sentences) {
          const report = reportOf.get(sentence)!;
          fromReport.set(report, (fromReport.get(report) ?? 0) + 1);
        }
        if (Math.max(...fromReport.values()) <= MAX_FROM_ONE_REPORT) made.push(sentences);
      }
      if (made.length < perEvent)
        throw new Error(`event ${event} gives only ${made.length} distinct articles`);
      return { event, made };
    });

  const articles: BurstArticle[] = [];
  for (let n = 0; n < perEvent; n++) {
    for (const { event, made } of events) {
      if (articles.length === count) break;
      const sentences = made[n]!;
      const paragraphs: string[] = [];
      for (let i = 0; i < sentences.length; i += PER_PARAGRAPH)
        paragraphs.push(sentences.slice(i, i + PER_PARAGRAPH).join(" "));
      articles.push({
        event,
        body: {
          title: titleFrom(sentences[0]!),
          text: paragraphs.join("\n\n"),
          sourceName: OUTLETS[(n + event) % OUTLETS.length]!,
        },
      });
    }
  }
  return articles;
}
