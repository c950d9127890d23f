import "server-only";
import { storyCardsVersion, storyPageVersion } from "@parallax/db";
import { services } from "./context";
import { PageCache } from "./page-cache";

/**
 * The home page's cards and a story page's data, shared by the readers of this web process (see PageCache).
 * While a burst of articles changes them every moment, a reader may see the cards up to HOME_GRACE_MS behind
 * and a story's article list up to STORY_GRACE_MS behind (a story page has fewer readers than the home page, so
 * its copy would otherwise be out of date at nearly every view); a new briefing version shows at once on its
 * story's page (its own cache entry), and changes made through this process (moves, splits) clear everything.
 */
const HOME_GRACE_MS = 5_000;
const STORY_GRACE_MS = 15_000;
const MAX_AGE_MS = 30_000;

interface Caches {
  home: PageCache<unknown>;
  stories: PageCache<unknown>;
}

// On globalThis: every route is bundled separately, and the tRPC route (moves, splits) must clear the same caches
// that the pages read.
const holder = globalThis as typeof globalThis & { __parallaxPageCaches?: Caches };
function caches(): Caches {
  holder.__parallaxPageCaches ??= {
    home: new PageCache({ maxAgeMs: MAX_AGE_MS, graceMs: HOME_GRACE_MS, maxEntries: 1 }),
    stories: new PageCache({ maxAgeMs: MAX_AGE_MS, graceMs: STORY_GRACE_MS, maxEntries: 1_000 }),
  };
  return holder.__parallaxPageCaches;
}

/** The unfiltered first page of story cards and the filter choices. */
export async function cachedHome<V>(read: () => Promise<V>): Promise<V> {
  let version: string;
  try {
    version = await storyCardsVersion(services().db);
  } catch {
    // The read reports the outage its own way.
    return read();
  }
  return caches().home.get("home", version, read) as Promise<V>;
}

/** A story page's data (not `?version=N` briefings, read as asked); an id that is no story is not cached. */
export async function cachedStoryPage<V>(id: string, read: () => Promise<V>): Promise<V> {
  let version: Awaited<ReturnType<typeof storyPageVersion>>;
  try {
    version = await storyPageVersion(services().db, id);
  } catch {
    return read();
  }
  if (version === null) return read();
  // The briefing version is in the key: a new briefing is never served late.
  const key = `${id.toLowerCase()}@${version.briefingVersion ?? 0}`;
  return caches().stories.get(key, version.token, read) as Promise<V>;
}

export function clearPageCaches(): void {
  const cached = holder.__parallaxPageCaches;
  cached?.home.clear();
  cached?.stories.clear();
}
