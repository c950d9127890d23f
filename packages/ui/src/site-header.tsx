import type { ReactNode } from "react";
import type { LinkComponent } from "./link";

export interface NavItem {
  href: string;
  label: string;
  /** Paths under this prefix also mark the item current (Articles is current on `/articles/…`). */
  matchPrefix?: string;
}

export const defaultNavItems: NavItem[] = [
  { href: "/", label: "Stories", matchPrefix: "/stories" },
  { href: "/articles", label: "Articles", matchPrefix: "/articles" },
  { href: "/search", label: "Search" },
  { href: "/sources", label: "Sources" },
  { href: "/submit", label: "Submit" },
  { href: "/feeds", label: "Feeds", matchPrefix: "/feeds" },
  { href: "/alerts", label: "Alerts", matchPrefix: "/alerts" },
  { href: "/jobs", label: "Jobs" },
  { href: "/admin", label: "Admin" },
];

function isCurrent(item: NavItem, currentPath: string | null | undefined): boolean {
  if (!currentPath) return false;
  if (currentPath === item.href) return true;
  return item.matchPrefix !== undefined && currentPath.startsWith(item.matchPrefix);
}

export function Nav({
  items = defaultNavItems,
  currentPath,
  Link = "a",
}: {
  items?: NavItem[];
  currentPath?: string | null;
  Link?: LinkComponent;
}) {
  return (
    <nav aria-label="Main" className="site-nav">
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={isCurrent(item, currentPath) ? "page" : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Longest query the header box sends; longer pastes are cut by the browser rather than refused by the server. */
export const SEARCH_MAX_LENGTH = 200;

/**
 * A plain GET form to `/search?q=…`, so it works before (and without) JavaScript. `required` lets the browser
 * say "fill in this field" instead of opening an empty search.
 */
export function SiteSearch({ query }: { query?: string | null }) {
  return (
    <search className="site-search" aria-label="Site">
      <form action="/search" method="get">
        <label htmlFor="site-search-q" className="visually-hidden">
          Search articles and stories
        </label>
        <input
          id="site-search-q"
          type="search"
          name="q"
          placeholder="Search"
          required
          maxLength={SEARCH_MAX_LENGTH}
          autoComplete="off"
          enterKeyHint="search"
          defaultValue={query ?? undefined}
        />
        <button type="submit" className="site-search-button">
          Search
        </button>
      </form>
    </search>
  );
}

/**
 * The skip link comes first so keyboard users can jump past the navigation to `<main id="main">`. On a phone
 * the seven navigation items wrap onto a second line and the search box takes a row of its own: everything
 * stays visible and reachable without a menu button, with or without JavaScript.
 */
export function SiteHeader({
  currentPath,
  Link = "a",
  items,
  account,
}: {
  currentPath?: string | null;
  Link?: LinkComponent;
  items?: NavItem[];
  /** Who is signed in (`SiteAccount`), after the search box. */
  account?: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="site-name">
            Parallax
          </Link>
          <Nav currentPath={currentPath} Link={Link} {...(items ? { items } : {})} />
          <SiteSearch />
          {account}
        </div>
      </header>
    </>
  );
}
