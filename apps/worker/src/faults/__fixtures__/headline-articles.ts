import { readFileSync } from "node:fs";
import { normalize } from "@parallax/core/normalize";

/** Real headlines (UCI News Aggregator, March 2014; ../shared/data/uci-headlines), in time order. */
function readHeadlines(): string[] {
  const csv = readFileSync(
    new URL("../../../../../../shared/data/uci-headlines/headlines.csv", import.meta.url),
    "utf8",
  );
  const titles: string[] = [];
  // ID,TITLE,URL,…: the title is the second field, quoted when it holds a comma ("" is an escaped quote).
  for (const line of csv.split("\n").slice(1)) {
    const match = /^\d+,(?:"((?:[^"]|"")*)"|([^,]*)),/.exec(line);
    const title = (match?.[1]?.replaceAll('""', '"') ?? match?.[2] ?? "").trim();
    if (title.length >= 20) titles.push(title.replace(/\s*\.\.\.$/, ""));
  }
  return [...new Set(titles)];
}

export interface ShortArticle {
  title: string;
  text: string;
  /** How many paragraphs the normalizer makes of it, run here on the same input as the worker's. */
  paragraphs: number;
}

const PER_ARTICLE = 6;
/** A prime step through the headlines: neighbours in the file (often one story) land in different articles. */
const STEP = 4_099;

/**
 * `count` short, distinct articles: a title and five one-sentence paragraphs, each a real headline. Each
 * headline is used once and one article's come from unrelated stories, so no two articles read alike (the
 * pipeline would call them duplicates) and stories stay small.
 */
export function headlineArticles(count: number): ShortArticle[] {
  const headlines = readHeadlines();
  const total = headlines.length;
  if (total % STEP === 0 || count * PER_ARTICLE > total)
    throw new Error(`only ${Math.floor(total / PER_ARTICLE)} distinct headline articles can be made`);
  return Array.from({ length: count }, (_, k) => {
    const lines = Array.from(
      { length: PER_ARTICLE },
      (_, i) => headlines[((k * PER_ARTICLE + i) * STEP) % total]!,
    );
    const [title = "", ...sentences] = lines;
    const text = sentences.map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join("\n\n");
    return { title, text, paragraphs: normalize({ kind: "text", text, title }).paragraphs.length };
  });
}
