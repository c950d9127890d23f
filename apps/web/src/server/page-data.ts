import "server-only";
import { randomUUID } from "node:crypto";
import { storyCardsVersion, storyPageVersion } from "@parallax/db";
import { headers } from "next/headers";
import { services } from "./context";
import { PageCache } from "./page-cache";

/**
 * The home page's cards and a story page's data, shared by the readers of this web process (see PageCache).
 * While a burst of articles changes them every moment, a reader may see the cards up to HOME_GRACE_MS behind
 * and a story's article list up to STORY_GRACE_MS behind (a story page has fewer readers than the home page, so
 * its copy would otherwise be out of date at nearly every view); a new briefing version is read at once for its
 * story's page (its own cache entry), and changes made through this process (moves, splits) clear everything.
 */
const HOME_GRACE_MS = 5_000;
const STORY_GRACE_MS = 15_000;
const MAX_AGE_MS = 30_000;

interface Caches {
  home: PageCache<object>;
  stories: PageCache<object>;
  /** Which data value each render for the page HTML cache (server/page-html.ts) was made from, by render id. */
  renders: Map<string, object>;
  /** Proves a render request came from this process's page HTML cache, not from a client. */
  renderSecret: string;
  /** What else `clearPageCaches` clears (the page HTML cache's previous renders). */
  onClear: Set<() => void>;
}

// On globalThis: every route is bundled separately, and the tRPC route (moves, splits) must clear the same caches
// that the pages read.
const holder = globalThis as typeof globalThis & { __parallaxPageCaches?: Caches };
function caches(): Caches {
  holder.__parallaxPageCaches ??= {
    home: new PageCache({ maxAgeMs: MAX_AGE_MS, graceMs: HOME_GRACE_MS, maxEntries: 1 }),
    stories: new PageCache({ maxAgeMs: MAX_AGE_MS, graceMs: STORY_GRACE_MS, maxEntries: 1_000 }),
    renders: new Map(),
    renderSecret: randomUUID(),
    onClear: new Set(),
  };
  return holder.__parallaxPageCaches;
}

/** Where a page's data is kept and at which version it is now; null for a page that is not kept. */
export interface PageSlot {
  cache: "home" | "stories";
  key: string;
  version: string;
}

export async function homeSlot(): Promise<PageSlot> {
  return { cache: "home", key: "home", version: await storyCardsVersion(services().db) };
}

/** A story page (not `?version=N` briefings, read as asked); an id that is no story has none. */
export async function storySlot(id: string): Promise<PageSlot | null> {
  const version = await storyPageVersion(services().db, id);
  if (version === null) return null;
  // The briefing version is in the key: a new briefing is never served late.
  return {
    cache: "stories",
    key: `${id.toLowerCase()}@${version.briefingVersion ?? 0}`,
    version: version.token,
  };
}

async function cached<V extends object>(slot: () => Promise<PageSlot | null>, read: () => Promise<V>) {
  let found: PageSlot | null;
  try {
    found = await slot();
  } catch {
    // The read reports the outage its own way.
    return read();
  }
  if (found === null) return read();
  const value = (await caches()[found.cache].get(found.key, found.version, read)) as V;
  await noteRender(value);
  return value;
}

/** The unfiltered first page of story cards and the filter choices. */
export function cachedHome<V extends object>(read: () => Promise<V>): Promise<V> {
  return cached(homeSlot, read);
}

/** A story page's data; see `storySlot`. */
export function cachedStoryPage<V extends object>(id: string, read: () => Promise<V>): Promise<V> {
  return cached(() => storySlot(id), read);
}

/** The kept data `cachedHome`/`cachedStoryPage` would render at once for the slot, if any (PageCache.peek). */
export function peekPageData(slot: PageSlot): object | undefined {
  return caches()[slot.cache].peek(slot.key, slot.version);
}

export const RENDER_HEADER = "x-parallax-page-render";

/** The header value that asks this process for a render on behalf of the page HTML cache. */
export function renderRequest(): { id: string; header: string } {
  const id = randomUUID();
  return { id, header: `${caches().renderSecret}:${id}` };
}

export function isRenderRequest(value: string | null): boolean {
  return value?.startsWith(`${caches().renderSecret}:`) ?? false;
}

/** The data value the render `id` was made from (once: it is forgotten as it is taken). */
export function takeRender(id: string): object | undefined {
  const renders = caches().renders;
  const value = renders.get(id);
  renders.delete(id);
  return value;
}

/** In a render for the page HTML cache: which kept data value the HTML shows. */
async function noteRender(value: object) {
  const asked = (await headers()).get(RENDER_HEADER);
  if (!isRenderRequest(asked)) return;
  const renders = caches().renders;
  // Taken by the page HTML cache as its render answers; this only bounds what abandoned renders leave.
  if (renders.size > 1_000) renders.clear();
  renders.set(asked!.slice(caches().renderSecret.length + 1), value);
}

export function clearPageCaches(): void {
  const cached = holder.__parallaxPageCaches;
  cached?.home.clear();
  cached?.stories.clear();
  for (const clear of cached?.onClear ?? []) clear();
}

/** `clear` runs whenever the page caches are cleared (in whichever route bundle clears them). */
export function onPageCachesClear(clear: () => void): void {
  caches().onClear.add(clear);
}

/** How long after it was rendered a page may still be served while its newer version renders. */
export function staleForMs(slot: PageSlot): number {
  return slot.cache === "home" ? HOME_GRACE_MS : STORY_GRACE_MS;
}
