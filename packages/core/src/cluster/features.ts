import type { ClusterOptions } from "./options";
import { porterStep1 } from "./stem";
import { stopwordsFor } from "./stopwords";
import { capitalizedPhrases, isContent, isTitleCase, type Token, tokenize, uncommonNames } from "./tokens";
import type { ClusterDoc } from "./types";

/**
 * The terms of one article, before any corpus statistics: words (`w:`, stemmed), pairs of neighbouring content
 * words (`b:`), title words again (`t:`), entities (`e:`: enrichment's slugs, or capitalized phrases when there
 * are none), figures (`f:`) and dates (`d:`), each with a count (title words count `titleRepeat` times when
 * there is a body, body words less the further down they are).
 */
export interface ArticleFeatures {
  counts: Map<string, number>;
  /** Weighted number of words, BM25's document length. */
  length: number;
  /** Epoch milliseconds, or null. */
  publishedAt: number | null;
}

/** Splits text into lines (paragraphs), so Title Case is judged per line. */
function lines(text: string): string[] {
  return text.split(/\n+/).filter((line) => line.trim().length > 0);
}

/**
 * Weight of a body paragraph starting `offset` words in. News puts the event first (the inverted pyramid) and
 * background last, and background is what related stories share ("North Korea's nuclear programme").
 */
function positionWeight(offset: number, lead: ClusterOptions["lead"]): number {
  return Math.max(lead.floor, 0.5 ** (Math.max(0, offset - lead.words) / lead.halfWords));
}

export function extractFeatures(doc: ClusterDoc, options: ClusterOptions): ArticleFeatures {
  const counts = new Map<string, number>();
  const add = (term: string, by: number) => counts.set(term, (counts.get(term) ?? 0) + by);
  const paragraphs = lines(doc.text);
  const stop = stopwordsFor(doc.language);
  const withEntities = (doc.entities?.length ?? 0) > 0;
  let length = 0;
  let offset = 0;
  for (let index = 0; index <= paragraphs.length; index++) {
    const isTitle = index === 0;
    const tokens = tokenize(isTitle ? doc.title : paragraphs[index - 1]!);
    const weight = isTitle
      ? paragraphs.length > 0
        ? options.titleRepeat
        : 1
      : positionWeight(offset, options.lead);
    if (!isTitle) offset += tokens.length;
    const titleCase = isTitleCase(tokens, stop);
    let previous: string | null = null;
    let previousToken: Token | null = null;
    for (const token of tokens) {
      if (token.boundary) previous = null;
      // Inside a name ("Kim Jong Un", "North Korea") a pair says nothing the entity term does not.
      const inName =
        !titleCase &&
        !withEntities &&
        previousToken?.capitalized === true &&
        (token.capitalized || token.hyphenated) &&
        (token.adjacent || token.hyphenated);
      previousToken = token;
      if (inName) previous = null;
      if (!isContent(token.word, stop)) {
        if (stop.has(token.word)) previous = null;
        continue;
      }
      const word = porterStep1(token.word);
      add(`w:${word}`, weight);
      // The title again as its own field: two headlines of one event tend to share title words even when
      // their bodies wander apart.
      if (isTitle) add(`t:${word}`, 1);
      length += weight;
      if (previous !== null) add(`b:${previous} ${word}`, weight);
      previous = word;
    }
    if (!withEntities) {
      const names = titleCase ? uncommonNames(tokens, stop) : capitalizedPhrases(tokens, stop);
      for (const name of names) add(`e:${name}`, weight);
    }
  }
  for (const entity of doc.entities ?? []) add(`e:${entity}`, 1);
  for (const figure of doc.figures ?? []) add(`f:${figure}`, 1);
  for (const date of doc.dates ?? []) add(`d:${date}`, 1);
  const time = doc.publishedAt ? Date.parse(doc.publishedAt) : Number.NaN;
  return { counts, length, publishedAt: Number.isNaN(time) ? null : time };
}
