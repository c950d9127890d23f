import { SearchFacets, SearchResults } from "@parallax/ui";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { Unavailable } from "~/components/unavailable";
import { parseSearchRequest, type SearchRequest, searchHref } from "~/search-params";
import { getCaller } from "~/server/caller";
import { isUnavailable } from "~/server/errors";

type Params = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: Params }): Promise<Metadata> {
  const { q } = parseSearchRequest(await searchParams);
  return { title: q ? `Search: ${q.slice(0, 60)}` : "Search" };
}

function SearchForm({ request }: { request: SearchRequest }) {
  const { filters } = request;
  return (
    <search className="search-form-landmark" aria-label="Search articles">
      <form className="search-form" action="/search" method="get">
        <div className="field search-query">
          <label htmlFor="search-q">Search articles, paragraphs and entities</label>
          <div className="search-query-row">
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={request.q}
              maxLength={1024}
              autoComplete="off"
              aria-describedby="search-hint"
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
          <p className="hint" id="search-hint">
            Words must all appear; use “quotes” for a phrase, OR for either word, and -word to leave a word
            out. Japanese, Chinese and Korean work too.
          </p>
        </div>
        <fieldset className="search-dates">
          <legend>Published between</legend>
          <div className="field">
            <label htmlFor="search-from">From</label>
            <input id="search-from" name="from" type="date" defaultValue={filters.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="search-to">To</label>
            <input id="search-to" name="to" type="date" defaultValue={filters.to ?? ""} />
          </div>
        </fieldset>
        {/* Facet choices stay on while the words change; each one has a Remove link beside the results. */}
        {filters.sourceId ? <input type="hidden" name="sourceId" value={filters.sourceId} /> : null}
        {filters.country ? <input type="hidden" name="country" value={filters.country} /> : null}
        {filters.language ? <input type="hidden" name="language" value={filters.language} /> : null}
        {filters.storyId ? <input type="hidden" name="storyId" value={filters.storyId} /> : null}
      </form>
    </search>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Params }) {
  const request = parseSearchRequest(await searchParams);
  if (!request.q) {
    return (
      <>
        <h1 className="page-title">Search</h1>
        <SearchForm request={request} />
      </>
    );
  }
  const caller = await getCaller();
  const outcome = await caller.search
    .query({ q: request.q, page: request.page, ...request.filters })
    .then((result) => ({ result, refused: null }))
    .catch((error: unknown) => {
      if (isUnavailable(error)) return { result: null, refused: null };
      // A search too broad to finish in time: its message says what to change.
      if (error instanceof TRPCError && error.code === "BAD_REQUEST")
        return { result: null, refused: error.message };
      // Over the search rate limit: the message says how long to wait.
      if (error instanceof TRPCError && error.code === "TOO_MANY_REQUESTS")
        return { result: null, refused: error.message };
      throw error;
    });
  const { result, refused } = outcome;
  return (
    <>
      <h1 className="page-title">Search</h1>
      <SearchForm request={request} />
      {result ? (
        <div className="search-layout">
          <SearchResults result={result} pageHref={(page) => searchHref(request, { page })} Link={Link} />
          {result.total > 0 || Object.keys(request.filters).length > 0 ? (
            <aside className="search-aside" aria-labelledby="search-refine">
              <h2 id="search-refine">Refine</h2>
              <SearchFacets
                facets={result.facets}
                active={request.filters}
                filterHref={(key, value) => searchHref(request, { filter: { key, value } })}
                Link={Link}
              />
            </aside>
          ) : null}
        </div>
      ) : refused ? (
        <div className="notice notice-error" role="alert">
          <p>{refused}</p>
        </div>
      ) : (
        <Unavailable />
      )}
    </>
  );
}
