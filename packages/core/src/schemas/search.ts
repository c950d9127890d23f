import { z } from "zod";
import { MAX_QUERY_LENGTH } from "../search/text";

export const SEARCH_PAGE_SIZE = 20;
/** Deep pages cost an OFFSET over every match; nobody reads page 500 of a search. */
export const SEARCH_MAX_PAGE = 250;

const zDay = z.iso.date();

/** Search filters (facets). Each narrows the result; all are optional. */
export const zSearchFilters = z.object({
  sourceId: z.uuid().optional(),
  /** ISO 3166-1 alpha-2 as stored on sources. */
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "a two-letter country code")
    .transform((c) => c.toUpperCase())
    .optional(),
  /** BCP 47 tag as stored on articles ("en", "ja", "zh-Hant"). */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,2}$/, "a language tag such as en or ja")
    .optional(),
  storyId: z.uuid().optional(),
  /** Published on or after this day (UTC). */
  from: zDay.optional(),
  /** Published on or before this day (UTC). */
  to: zDay.optional(),
});
export type SearchFilters = z.infer<typeof zSearchFilters>;

export const zSearchInput = zSearchFilters.extend({
  /** websearch syntax: words, "quoted phrases", OR, -excluded. Longer input is cut, not refused. */
  q: z
    .string()
    .max(4 * MAX_QUERY_LENGTH, `a query of at most ${4 * MAX_QUERY_LENGTH} characters`)
    .transform((q) => q.trim()),
  page: z.number().int().min(1).max(SEARCH_MAX_PAGE).default(1),
});
export type SearchInput = z.input<typeof zSearchInput>;

export const zSnippetPart = z.object({ text: z.string(), mark: z.boolean() });

export const zSearchHit = z.object({
  articleId: z.uuid(),
  /** Title with the matched words marked; null for an untitled article. */
  title: z.array(zSnippetPart).nullable(),
  url: z.string().nullable(),
  sourceName: z.string().nullable(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  language: z.string().nullable(),
  publishedAt: z.string().nullable(),
  score: z.number(),
  /** Best matching paragraphs, best first; `n` is the paragraph number (anchor `p-N`). */
  snippets: z.array(z.object({ n: z.number().int().min(1), parts: z.array(zSnippetPart) })),
});
export type SearchHit = z.infer<typeof zSearchHit>;

export const zFacetCount = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof zFacetCount>;

export const zSearchResult = z.object({
  /** The query as searched (trimmed, cut); empty means nothing was searched. */
  query: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  /** Time spent in the database, milliseconds. */
  tookMs: z.number(),
  hits: z.array(zSearchHit),
  entities: z.array(
    z.object({ slug: z.string(), name: z.string(), type: z.string(), articleCount: z.number().int() }),
  ),
  facets: z.object({
    outlets: z.array(zFacetCount),
    countries: z.array(zFacetCount),
    languages: z.array(zFacetCount),
    stories: z.array(zFacetCount),
  }),
});
export type SearchResult = z.infer<typeof zSearchResult>;
