import type { FacetCount, SearchFilters, SearchHit, SearchResult } from "@parallax/core";
import { articleHref } from "./article-list";
import { paragraphAnchor } from "./article-body";
import { languageName } from "./article-header";
import { formatCount, formatDate, hostOf, UNTITLED } from "./format";
import type { LinkComponent } from "./link";

type SnippetParts = SearchHit["snippets"][number]["parts"];

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "Japan" for "JP"; the code when the runtime does not know it. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** Text with the matched words in `<mark>`; every part is rendered as text, never as HTML. */
export function Highlighted({ parts }: { parts: SnippetParts }) {
  return (
    <>
      {parts.map((part, i) =>
        part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

function SearchHitItem({ hit, Link }: { hit: SearchHit; Link: LinkComponent }) {
  const href = articleHref(hit.articleId);
  const source = hit.sourceName ?? hit.domain ?? hostOf(hit.url);
  const date = formatDate(hit.publishedAt);
  const titleId = `hit-${hit.articleId}`;
  return (
    <li className="search-hit">
      <article aria-labelledby={titleId}>
        <h2 className="search-hit-title" id={titleId}>
          <Link href={href}>{hit.title ? <Highlighted parts={hit.title} /> : UNTITLED}</Link>
        </h2>
        <p className="meta">
          {source ? <span className="meta-source">{source}</span> : null}
          {hit.country ? <span>{countryName(hit.country)}</span> : null}
          {hit.language ? <span>{languageName(hit.language)}</span> : null}
          {date && hit.publishedAt ? <time dateTime={hit.publishedAt}>{date}</time> : null}
        </p>
        {hit.snippets.length > 0 ? (
          <ul className="search-snippets">
            {hit.snippets.map((snippet) => (
              <li key={snippet.n}>
                <Link href={`${href}#${paragraphAnchor(snippet.n)}`} className="search-snippet-link">
                  <span className="search-snippet-n" aria-hidden="true">
                    ¶{snippet.n}
                  </span>
                  <span className="visually-hidden">Paragraph {snippet.n}: </span>{" "}
                  <Highlighted parts={snippet.parts} />
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="search-hit-note">The title matches.</p>
        )}
      </article>
    </li>
  );
}

export interface SearchResultsProps {
  result: SearchResult;
  /** URL of results page `page` for the same query and filters. */
  pageHref: (page: number) => string;
  Link?: LinkComponent;
}

/** Matching entities, the article hits of one page and the page navigation. */
export function SearchResults({ result, pageHref, Link = "a" }: SearchResultsProps) {
  const { hits, entities, total, page, pageCount } = result;
  return (
    <div className="search-results">
      <p className="search-summary" role="status">
        {total === 0
          ? `No articles match “${result.query}”.`
          : `${formatCount(total, "article")} ${total === 1 ? "matches" : "match"} “${result.query}”${
              pageCount > 1 ? `, page ${page} of ${pageCount}` : ""
            }.`}{" "}
        <span className="search-took">Searched in {result.tookMs.toFixed(1)} ms.</span>
      </p>
      {entities.length > 0 ? (
        <section className="search-entities" aria-labelledby="search-entities-title">
          <h2 id="search-entities-title">People, places and organisations</h2>
          <ul>
            {entities.map((entity) => (
              <li key={entity.slug}>
                <Link href={`/entities/${encodeURIComponent(entity.slug)}`}>{entity.name}</Link>{" "}
                <span className="search-entity-meta">
                  {entity.type}, {formatCount(entity.articleCount, "article")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {hits.length > 0 ? (
        <ol className="search-hits" start={(page - 1) * result.pageSize + 1}>
          {hits.map((hit) => (
            <SearchHitItem key={hit.articleId} hit={hit} Link={Link} />
          ))}
        </ol>
      ) : total > 0 ? (
        <p className="empty-state">
          There is no page {page}. <Link href={pageHref(1)}>Go to the first page</Link>.
        </p>
      ) : null}
      {pageCount > 1 && hits.length > 0 ? (
        <nav className="pagination" aria-label="Result pages">
          {page > 1 ? <Link href={pageHref(page - 1)}>Previous page</Link> : <span />}
          <span>
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? <Link href={pageHref(page + 1)}>Next page</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}

export interface SearchFacetsProps {
  facets: SearchResult["facets"];
  active: SearchFilters;
  /** URL with one filter set to `value`, or removed for null, on page 1. */
  filterHref: (key: keyof SearchFilters, value: string | null) => string;
  Link?: LinkComponent;
}

const FACETS: Array<{
  key: "sourceId" | "country" | "language" | "storyId";
  facet: keyof SearchResult["facets"];
  title: string;
  label: (f: FacetCount) => string;
}> = [
  { key: "sourceId", facet: "outlets", title: "Outlet", label: (f) => f.label },
  { key: "country", facet: "countries", title: "Country", label: (f) => countryName(f.value) },
  { key: "language", facet: "languages", title: "Language", label: (f) => languageName(f.value) ?? f.value },
  { key: "storyId", facet: "stories", title: "Story", label: (f) => f.label },
];

/** Facet counts as links that narrow the search; a chosen value says so in words and links to undo it. */
export function SearchFacets({ facets, active, filterHref, Link = "a" }: SearchFacetsProps) {
  return (
    <div className="search-facets">
      {FACETS.map(({ key, facet, title, label }) => {
        const counts = facets[facet];
        const chosen = active[key];
        if (counts.length === 0 && !chosen) return null;
        return (
          <section key={key} className="search-facet" aria-labelledby={`facet-${key}`}>
            <h3 id={`facet-${key}`}>{title}</h3>
            <ul>
              {counts.map((f) => {
                const selected = chosen !== undefined && chosen.toLowerCase() === f.value.toLowerCase();
                return (
                  <li key={f.value} className={selected ? "search-facet-selected" : undefined}>
                    {selected ? (
                      <>
                        <span className="search-facet-label">
                          {label(f)} <span className="search-facet-count">({f.count})</span>
                        </span>{" "}
                        <Link href={filterHref(key, null)}>
                          Remove<span className="visually-hidden"> filter {label(f)}</span>
                        </Link>
                      </>
                    ) : (
                      <Link href={filterHref(key, f.value)}>
                        {label(f)} <span className="search-facet-count">({f.count})</span>
                      </Link>
                    )}
                  </li>
                );
              })}
              {chosen && !counts.some((f) => f.value.toLowerCase() === chosen.toLowerCase()) ? (
                <li className="search-facet-selected">
                  <span className="search-facet-label">Filtered (no matches)</span>{" "}
                  <Link href={filterHref(key, null)}>
                    Remove<span className="visually-hidden"> {title.toLowerCase()} filter</span>
                  </Link>
                </li>
              ) : null}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
