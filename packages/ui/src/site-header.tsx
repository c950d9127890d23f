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

/** The skip link comes first so keyboard users can jump past the navigation to `<main id="main">`. */
export function SiteHeader({
  currentPath,
  Link = "a",
  items,
}: {
  currentPath?: string | null;
  Link?: LinkComponent;
  items?: NavItem[];
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
        </div>
      </header>
    </>
  );
}
