import { MAX_QUERY_LENGTH, SEARCH_MAX_PAGE, type SearchFilters, zSearchFilters } from "@parallax/core";

type SearchParams = Record<string, string | string[] | undefined>;

/** What `/search` was asked for. A hand-edited bad value is dropped (the filter is off, page 1), never an error. */
export interface SearchRequest {
  q: string;
  page: number;
  filters: SearchFilters;
}

const FILTER_KEYS = ["sourceId", "country", "language", "storyId", "from", "to"] as const;
// The router refuses longer input; the URL is cut to fit it (the query itself is cut further when searched).
const MAX_Q = 4 * MAX_QUERY_LENGTH;

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

export function parseSearchRequest(params: SearchParams): SearchRequest {
  const q = (first(params.q) ?? "").slice(0, MAX_Q).trim();
  const pageText = first(params.page) ?? "";
  const pageNumber = /^\d{1,4}$/.test(pageText) ? Number(pageText) : 1;
  const page = pageNumber >= 1 && pageNumber <= SEARCH_MAX_PAGE ? pageNumber : 1;
  const filters: SearchFilters = {};
  for (const key of FILTER_KEYS) {
    const value = first(params[key])?.trim();
    if (!value) continue;
    const parsed = zSearchFilters.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) filters[key] = parsed.data;
  }
  // A range given backwards is read the way round it can be meant.
  if (filters.from && filters.to && filters.from > filters.to)
    [filters.from, filters.to] = [filters.to, filters.from];
  return { q, page, filters };
}

/** `/search?…` for the request with some parts changed; page 1 is left out of the URL. */
export function searchHref(
  request: SearchRequest,
  change: { page?: number; filter?: { key: keyof SearchFilters; value: string | null } } = {},
): string {
  const filters: SearchFilters = { ...request.filters };
  if (change.filter) {
    if (change.filter.value === null) delete filters[change.filter.key];
    else filters[change.filter.key] = change.filter.value;
  }
  const params = new URLSearchParams();
  params.set("q", request.q);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const page = change.filter ? 1 : (change.page ?? request.page);
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}
