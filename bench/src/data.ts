import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeHtmlBytes } from "@parallax/core/normalize";

/** ../shared/data beside the repository, as DEVELOPERS.md places it. */
export const dataRoot = path.resolve(import.meta.dirname, "../../../shared/data");

export interface ExtractionCase {
  file: string;
  url: string;
  html: string;
  with: string[];
  without: string[];
}

export interface DateCase {
  file: string;
  url: string;
  html: string;
  date: string;
}

function pages<T extends { file: string }>(set: string): Array<T & { html: string }> {
  const expected = JSON.parse(readFileSync(path.join(dataRoot, set, "expected.json"), "utf8")) as Record<
    string,
    T
  >;
  return Object.values(expected).map((entry) => ({
    ...entry,
    // Every system gets the same decoded text; charset detection is part of our engine and scored here.
    html: decodeHtmlBytes(readFileSync(path.join(dataRoot, set, "pages", entry.file)), null),
  }));
}

export const extractionCases = (): ExtractionCase[] => pages<ExtractionCase>("extraction");
export const dateCases = (): DateCase[] => pages<DateCase>("dates");

export interface NewsWclArticle {
  file: string;
  event: number;
  /** `LL`, `L`, `M`, `R`, `RR`: the outlet's place from left to right. */
  outlet: string;
  /** The file's first line, as the set writes titles. */
  title: string;
  text: string;
  mentions: Array<{ concept: string; sentence: number; tokens: [number, number]; text: string }>;
}

/** NewsWCL50: 50 articles (10 events × 5 outlets) with their annotated concept mentions, in index order. */
export function newsWcl50(): NewsWclArticle[] {
  const dir = path.join(dataRoot, "newswcl50");
  const index = JSON.parse(readFileSync(path.join(dir, "index.json"), "utf8")) as Array<
    Omit<NewsWclArticle, "title" | "text">
  >;
  return index.map((entry) => {
    const raw = readFileSync(path.join(dir, entry.file), "utf8");
    const cut = raw.indexOf("\n");
    return { ...entry, title: raw.slice(0, cut).trim(), text: raw.slice(cut + 1) };
  });
}
