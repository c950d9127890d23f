import { type AnyNode, type Element, isTag } from "domhandler";
import { type VisibleDate, visibleDates } from "./dateline";
import { parseDateText, type ScanOptions } from "./dates";
import type { PageMeta } from "./html-meta";
import { dateFromUrl, monthFromUrl } from "./url-date";

// Meta names that carry the publication date (htmldate's list, from a survey of news and blog CMSes), most
// specific first: the generic "date" is the build date on some sites and is trusted last.
const PUBLISHED_META = [
  "article:published_time",
  "og:article:published_time",
  "og:published_time",
  "article:published",
  "article:published_date",
  "article:post_date",
  "datepublished",
  "datecreated",
  "date_published",
  "publishdate",
  "publish-date",
  "publish_date",
  "published_date",
  "published-date",
  "publisheddate",
  "published_time",
  "publication_date",
  "publish_time",
  "pubdate",
  "og:pubdate",
  "og:publish_date",
  "og:datepublished",
  "rnews:datepublished",
  "bt:pubdate",
  "article.published",
  "article.created",
  "article_date_original",
  "originalpublicationdate",
  "displaydate",
  "citation_publication_date",
  "citation_date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date.created",
  "dc.created",
  "dcterms.created",
  "dc.date.publication",
  "dc.date",
  "dc:date",
  "dcterms.date",
  "sailthru.date",
  "parsely-pub-date",
  "cxenseparse:recs:publishtime",
  "vr:published_time",
  "mediator_published_time",
  "date",
];

const MODIFIED_META = [
  "article:modified_time",
  "og:article:modified_time",
  "article:modified",
  "og:updated_time",
  "og:modified_time",
  "datemodified",
  "dateupdate",
  "dc.modified",
  "dcterms.modified",
  "modified_time",
  "updated_time",
  "last-modified",
  "lastmod",
  "lastmodified",
  "modified",
];

// Before the web there were no web pages; a "date" earlier than this is a founding year or a historic event.
const EARLIEST = Date.UTC(1995, 0, 1);
// Publishers' clocks and zones run a little ahead of ours; a day more is not a future date yet.
const CLOCK_SLACK_MS = 36 * 3600 * 1000;

function plausible(iso: string | null): iso is string {
  if (!iso) return false;
  const time = Date.parse(iso);
  return time >= EARLIEST && time <= Date.now() + CLOCK_SLACK_MS;
}

const dayOf = (iso: string) => iso.slice(0, 10);

export interface Candidate {
  iso: string;
  kind: "published" | "modified" | "unknown";
  /** Where it came from, most trusted first: structured data, the URL, then what the page shows. */
  tier: "structured" | "url" | "visible";
  visible?: VisibleDate;
}

function structuredDates(page: PageMeta): Candidate[] {
  const found: Candidate[] = [];
  const add = (value: string | null | undefined, kind: Candidate["kind"]) => {
    // Machine-written values follow no locale: 11/01/2023 in a meta tag is as likely US as European.
    const iso = value ? parseDateText(value) : null;
    if (plausible(iso)) found.push({ iso, kind, tier: "structured" });
  };
  const article = page.jsonLd.article;
  add(article?.datePublished, "published");
  for (const key of PUBLISHED_META) add(page.meta.get(key), "published");
  add(article?.dateCreated, "published");
  add(page.jsonLd.pageDatePublished, "published");
  add(article?.dateModified, "modified");
  for (const key of MODIFIED_META) add(page.meta.get(key), "modified");
  add(page.jsonLd.pageDateModified, "modified");
  return found;
}

/** The element the article lives in: its <article>, or else the container's parent. */
function articleScope(container: AnyNode): AnyNode {
  for (let node: AnyNode | null = container; node; node = node.parent) {
    if (isTag(node) && node.name === "article") return node;
  }
  return container.parent ?? container;
}

export interface PageDates {
  publishedAt: string | null;
  modifiedAt: string | null;
}

/**
 * htmldate's order of evidence: structured metadata (JSON-LD, meta tags, itemprop), then a full date in the
 * page's URL, then the datelines the page shows (labelled, date-named elements, <time>, next to the headline).
 * A candidate must be plausible (1995 to tomorrow); a modified date stands in for the publication date only
 * when the page shows no other date at all.
 */
export function findPageDates(
  page: PageMeta,
  container: AnyNode,
  headline: Element | null,
  options: ScanOptions,
): PageDates {
  return resolve(dateCandidates(page, container, headline, options));
}

/** Every plausible date the page offers, structured ones first, then the URL's, then the visible ones. */
export function dateCandidates(
  page: PageMeta,
  container: AnyNode,
  headline: Element | null,
  options: ScanOptions,
): Candidate[] {
  let root: AnyNode = container;
  while (root.parent) root = root.parent;
  const scope = articleScope(container);
  const structured = structuredDates(page);
  const url = [page.canonical, page.meta.get("og:url")].map(dateFromUrl).find(plausible) ?? null;
  const visible = visibleDates(page, root, scope, headline, options)
    .filter((date) => plausible(date.iso))
    .map((date): Candidate => ({ iso: date.iso, kind: date.kind, tier: "visible", visible: date }));
  const month = monthFromUrl(page.canonical) ?? monthFromUrl(page.meta.get("og:url"));
  const all = [
    ...structured,
    ...(url ? [{ iso: url, kind: "published", tier: "url" } as const] : []),
    ...visible,
  ];
  return month ? all.filter((c) => dayOf(c.iso).startsWith(month)) : all;
}

/** Visible dates in order of trust: in the article, labelled or marked up as published, never "updated". */
function visibleRank(candidate: Candidate): number {
  const shown = candidate.visible!;
  let rank = shown.inArticle ? 4 : 0;
  if (candidate.kind === "published") rank += 2;
  if (shown.source === "label" || shown.source === "markup") rank += 1;
  return rank;
}

const instant = (iso: string) => Date.parse(iso);

/**
 * The same moment written with the publisher's offset, when some source gives one: "2023-11-09T02:11:03Z"
 * and "2023-11-08T21:11:03-05:00" are one instant, but only the second says which day it was where it
 * was published.
 */
function withOffset(chosen: Candidate, candidates: readonly Candidate[]): string {
  if (!chosen.iso.endsWith("Z")) return chosen.iso;
  const local = candidates.find(
    (c) => !c.iso.endsWith("Z") && Math.abs(instant(c.iso) - instant(chosen.iso)) < 60_000,
  );
  return local?.iso ?? chosen.iso;
}

/**
 * A complete date in the page's URL is the publication day on nearly every site that writes one; another
 * source on the same day only adds the time. Otherwise structured metadata is trusted when the page shows
 * the same day, or shows no dateline of its own; a dateline shown in the article that no structured date
 * agrees with wins (the meta tag is then a CMS creation or import date). Without structured dates: the best
 * dateline the page shows, and only when the page offers nothing else, its modification date.
 */
function resolve(candidates: readonly Candidate[]): PageDates {
  const modified = candidates.find((c) => c.kind === "modified") ?? null;
  const structured = candidates.filter((c) => c.tier === "structured" && c.kind === "published");
  const visible = candidates
    .filter((c) => c.tier === "visible" && c.kind !== "modified")
    .map((candidate, order) => ({ candidate, order, rank: visibleRank(candidate) }))
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .map(({ candidate }) => candidate);
  const shownDays = new Set(
    candidates.filter((c) => c.tier === "visible" && c.visible!.inArticle).map((c) => dayOf(c.iso)),
  );
  const shown = visible.find((c) => c.visible!.inArticle) ?? null;
  const url = candidates.find((c) => c.tier === "url");
  const published = url
    ? ([...structured, ...visible].find((c) => dayOf(c.iso) === dayOf(url.iso)) ?? url)
    : (structured.find((c) => shownDays.has(dayOf(c.iso))) ??
      (structured.length > 0 ? (shown ?? structured[0]!) : null) ??
      visible[0] ??
      modified);
  return {
    publishedAt: published ? withOffset(published, candidates) : null,
    modifiedAt: modified ? withOffset(modified, candidates) : null,
  };
}
