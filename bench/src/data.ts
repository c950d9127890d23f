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
