import type { RouterOutputs } from "@parallax/api";
import { languageName, StoryCards } from "@parallax/ui";
import type { Metadata } from "next";
import Link from "next/link";
import { Unavailable } from "~/components/unavailable";
import { type HomeFilters, homeHref, parseHomeParams } from "~/home-params";
import { getCaller } from "~/server/caller";
import { cachedHome } from "~/server/page-data";
import { isUnavailable } from "~/server/errors";

export const metadata: Metadata = {
  title: "Latest stories",
  alternates: {
    types: { "application/atom+xml": [{ url: "/feeds/stories.atom", title: "Parallax stories" }] },
  },
};

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Options = RouterOutputs["story"]["filters"];

const EMPTY_OPTIONS: Options = { outlets: [], countries: [], languages: [] };

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
function countryLabel(country: string): string {
  if (country === "unknown") return "Unknown";
  try {
    return /^[A-Z]{2}$/i.test(country) ? (regionNames.of(country.toUpperCase()) ?? country) : country;
  } catch {
    return country;
  }
}

/** A select of the values present, keeping a value from the URL that is not (any more) among them. */
function Select({
  name,
  label,
  value,
  options,
}: {
  name: keyof HomeFilters;
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
}) {
  const all =
    value && !options.some((o) => o.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <div className="home-filter">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value}>
        <option value="">Any</option>
        {all.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function FilterForm({ filters, options }: { filters: HomeFilters; options: Options }) {
  return (
    <form className="home-filters" method="get" action="/" aria-labelledby="filters-title">
      <h2 id="filters-title" className="visually-hidden">
        Filter stories
      </h2>
      <div className="home-filter">
        <label htmlFor="filter-from">Published from</label>
        <input id="filter-from" name="from" type="date" defaultValue={filters.from} />
      </div>
      <div className="home-filter">
        <label htmlFor="filter-to">Published to</label>
        <input id="filter-to" name="to" type="date" defaultValue={filters.to} />
      </div>
      <Select
        name="outlet"
        label="Outlet"
        value={filters.outlet}
        options={options.outlets.map((o) => ({ value: o.domain ?? o.id, label: `${o.name} (${o.stories})` }))}
      />
      <Select
        name="country"
        label="Country"
        value={filters.country}
        options={options.countries.map((c) => ({
          value: c.country,
          label: `${countryLabel(c.country)} (${c.stories})`,
        }))}
      />
      <Select
        name="language"
        label="Language"
        value={filters.language}
        options={options.languages.map((l) => ({
          value: l.language,
          label: `${languageName(l.language) ?? l.language} (${l.stories})`,
        }))}
      />
      <div className="home-filter">
        <label htmlFor="filter-entity">Entity</label>
        <input
          id="filter-entity"
          name="entity"
          type="text"
          defaultValue={filters.entity}
          maxLength={200}
          aria-describedby="filter-entity-hint"
          placeholder="e.g. takaichi-sanae"
        />
        <span id="filter-entity-hint" className="hint">
          Its id, as in its page’s address
        </span>
      </div>
      <div className="home-filter-actions">
        <button type="submit" className="button">
          Filter
        </button>
        <Link href="/">Clear filters</Link>
      </div>
    </form>
  );
}

export default async function HomePage({ searchParams }: Props) {
  const { filters, ignored, cursor } = parseHomeParams(await searchParams);
  const filtered = Object.values(filters).some(Boolean);
  const caller = await getCaller();
  const unavailable = (error: unknown) => {
    if (isUnavailable(error)) return null;
    throw error;
  };
  const readCards = () =>
    caller.story.cards({
      limit: PAGE_SIZE,
      cursor,
      ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
    });
  // The latest stories, unfiltered, are what most readers open: shared between them with their filter choices
  // (filtered views are not).
  const [page, options] =
    filtered || cursor
      ? await Promise.all([readCards().catch(unavailable), caller.story.filters().catch(unavailable)])
      : ((await cachedHome(() => Promise.all([readCards(), caller.story.filters()])).catch(unavailable)) ?? [
          null,
          null,
        ]);
  const now = new Date();

  return (
    <div className="home">
      <div className="home-head">
        <h1 className="page-title">Latest stories</h1>
        <a className="feed-link" href="/feeds/stories.atom">
          Atom feed<span className="visually-hidden"> of the latest stories</span>
        </a>
      </div>
      <p className="lede">
        Articles about the same events, grouped as they arrive, most recently updated first. Each briefing
        cites its sources paragraph by paragraph.
      </p>
      <FilterForm filters={filters} options={options ?? EMPTY_OPTIONS} />
      {ignored.length > 0 ? (
        <div className="notice notice-warn" role="status">
          <p className="notice-title">Some filters in the address were ignored</p>
          <ul>
            {ignored.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <section aria-labelledby="stories-title">
        <h2 id="stories-title" className="visually-hidden">
          Stories
        </h2>
        {!page ? (
          <Unavailable />
        ) : page.items.length === 0 ? (
          <div className="empty-state">
            {cursor ? (
              <p>No older stories.</p>
            ) : filtered ? (
              <p>
                No story matches these filters. <Link href="/">Show all stories</Link>.
              </p>
            ) : (
              <>
                <p>No stories yet.</p>
                <p>
                  Stories form once submitted articles are processed.{" "}
                  <Link href="/submit">Submit an article</Link> or browse{" "}
                  <Link href="/articles">the articles</Link>.
                </p>
              </>
            )}
          </div>
        ) : (
          <StoryCards cards={page.items} now={now} Link={Link} />
        )}
      </section>
      {page && (cursor || page.nextCursor) ? (
        <nav className="pagination" aria-label="Pages">
          {cursor ? <Link href={homeHref(filters)}>Latest</Link> : <span />}
          {page.nextCursor ? <Link href={homeHref(filters, page.nextCursor)}>Older stories</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
