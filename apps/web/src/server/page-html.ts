import "server-only";
import type { NextRequest } from "next/server";
import {
  homeSlot,
  isRenderRequest,
  type PageSlot,
  onPageCachesClear,
  peekPageData,
  RENDER_HEADER,
  renderRequest,
  staleForMs,
  storySlot,
  takeRender,
} from "./page-data";
import { SESSION_COOKIES } from "./credentials";

/**
 * The rendered HTML of the home page and of story pages as an anonymous reader sees them, kept per data value
 * of the page data cache (server/page-data.ts): a page is rendered again exactly when its data would be read
 * again, so the HTML is never older than the data rules allow (a new briefing version shows at once), and
 * rendering (most of a page's cost) is done once per data value instead of once per reader.
 *
 * While a page's newer version renders, its previous render is served to the readers who ask meanwhile, if it
 * was rendered less than the data cache's grace for that page ago (`staleForMs`: the same bound within which an
 * article list may already be behind); only the reader who finds no such render waits. Under a burst of
 * articles a story gains a briefing version every few seconds, and without this each of its readers waited for
 * a render on a machine busy with the pipeline.
 *
 * Only requests that carry no credentials (no session cookie, no Authorization header) and ask for the plain
 * page (no query, not a client navigation's RSC request) are served from it: whatever a signed-in viewer sees
 * (admin controls, their name) is never kept. A page is rendered for the cache by asking this server for it
 * with no credentials and a per-process secret header, which the proxy lets through to the page itself.
 */

interface Rendered {
  body: ArrayBuffer;
  headers: [string, string][];
}

interface HtmlCache {
  /** By data value: an entry goes when the data cache lets the value go. */
  pages: WeakMap<object, Rendered>;
  /** Each page's last render and when it was made, by path: served while the page's next render runs. */
  previous: Map<string, { page: Rendered; renderedAt: number }>;
  /** Bumped when the page caches are cleared: a render started before is not kept as a previous render. */
  generation: number;
  /** One render at a time per page: concurrent readers of a page missing from the cache share it. */
  rendering: Map<string, Promise<Rendered | null>>;
}

/** As many pages as the story data cache keeps. */
const MAX_PREVIOUS = 1_000;

const holder = globalThis as typeof globalThis & { __parallaxPageHtml?: HtmlCache };
function htmlCache(): HtmlCache {
  if (!holder.__parallaxPageHtml) {
    const cache: HtmlCache = {
      pages: new WeakMap(),
      previous: new Map(),
      generation: 0,
      rendering: new Map(),
    };
    onPageCachesClear(() => {
      cache.generation++;
      cache.previous.clear();
    });
    holder.__parallaxPageHtml = cache;
  }
  return holder.__parallaxPageHtml;
}

const STORY_PATH = /^\/stories\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Hop-by-hop, length and encoding headers describe one response's transfer, not the page. */
const NOT_KEPT = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "date",
  "keep-alive",
  "transfer-encoding",
]);

export const CACHE_STATUS_HEADER = "x-parallax-page-cache";

/** Whether the request may be answered from the cache at all: an anonymous reader's plain page view. */
export function isCacheable(request: NextRequest): boolean {
  // `request.url` too: the router's own fetches (`?_rsc=`) can reach the proxy with that query and their flight
  // headers taken off nextUrl and the headers, and an HTML answer to one left the client's request hanging
  // (found by the hostile-text browser test: `networkidle` never came). Only a browser's page load asks for HTML.
  if (request.method !== "GET" || request.nextUrl.search !== "" || new URL(request.url).search !== "")
    return false;
  if (!request.headers.get("accept")?.includes("text/html")) return false;
  if (request.nextUrl.pathname !== "/" && !STORY_PATH.test(request.nextUrl.pathname)) return false;
  const h = request.headers;
  if (h.has("authorization") || h.has("rsc") || h.has("next-router-prefetch") || h.has("next-action"))
    return false;
  return !SESSION_COOKIES.some((name) => request.cookies.has(name));
}

export function isCacheRender(request: NextRequest): boolean {
  return isRenderRequest(request.headers.get(RENDER_HEADER));
}

async function slotOf(pathname: string): Promise<PageSlot | null> {
  const story = STORY_PATH.exec(pathname);
  return story ? storySlot(story[1]!) : homeSlot();
}

/**
 * The page from the cache, or rendered into it; null when it cannot be (the database is away, no such story,
 * the render answered other than 200): the caller then lets the request render the page as usual.
 */
export async function cachedPage(request: NextRequest): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  let slot: PageSlot | null;
  try {
    slot = await slotOf(pathname);
  } catch {
    return null;
  }
  if (slot === null) return null;
  const data = peekPageData(slot);
  const kept = data === undefined ? undefined : htmlCache().pages.get(data);
  if (kept) return respond(kept, "hit");
  const previous = htmlCache().previous.get(pathname);
  if (previous && Date.now() - previous.renderedAt < staleForMs(slot)) {
    void renderShared(pathname);
    return respond(previous.page, "stale");
  }
  const rendered = await renderShared(pathname);
  return rendered ? respond(rendered, "miss") : null;
}

function respond(page: Rendered, status: "hit" | "stale" | "miss"): Response {
  const headers = new Headers(page.headers);
  headers.set(CACHE_STATUS_HEADER, status);
  return new Response(page.body, { status: 200, headers });
}

function renderShared(pathname: string): Promise<Rendered | null> {
  const { rendering } = htmlCache();
  const running = rendering.get(pathname);
  if (running) return running;
  const render = renderPage(pathname).finally(() => rendering.delete(pathname));
  rendering.set(pathname, render);
  return render;
}

/** This server's own address, as `next start` records it for its own use. */
function ownOrigin(): string | null {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (origin) return origin.replace("://localhost:", "://127.0.0.1:");
  return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null;
}

async function renderPage(pathname: string): Promise<Rendered | null> {
  const origin = ownOrigin();
  if (!origin) return null;
  const { id, header } = renderRequest();
  const cache = htmlCache();
  const generation = cache.generation;
  try {
    const response = await fetch(new URL(pathname, origin), {
      headers: { [RENDER_HEADER]: header, accept: "text/html" },
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.arrayBuffer();
    if (response.status !== 200 || response.headers.has("set-cookie")) return null;
    const page: Rendered = {
      body,
      headers: [...response.headers].filter(([name]) => !NOT_KEPT.has(name.toLowerCase())),
    };
    // Kept under the data value the page was rendered from; a render that read nothing kept is not kept.
    const data = takeRender(id);
    if (data !== undefined) cache.pages.set(data, page);
    if (generation === cache.generation) remember(cache.previous, pathname, page);
    return page;
  } catch {
    return null;
  } finally {
    takeRender(id);
  }
}

/** Most recently rendered last; the least recently rendered go first past MAX_PREVIOUS. */
function remember(previous: HtmlCache["previous"], pathname: string, page: Rendered) {
  previous.delete(pathname);
  previous.set(pathname, { page, renderedAt: Date.now() });
  for (const oldest of previous.keys()) {
    if (previous.size <= MAX_PREVIOUS) break;
    previous.delete(oldest);
  }
}
