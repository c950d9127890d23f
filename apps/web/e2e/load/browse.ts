/** One page view: which page, when it started (ms since the epoch), how long it took, what it answered. */
export interface PageView {
  page: "home" | "story";
  startedAt: number;
  ms: number;
  status: number;
  /** How the page HTML cache answered (`x-parallax-page-cache`: hit, stale, miss), or null when it did not. */
  cache: string | null;
}

const STORY_LINK = /href="\/stories\/([0-9a-f-]{36})"/g;

async function view(url: string): Promise<Omit<PageView, "page"> & { html: string }> {
  const startedAt = Date.now();
  const t0 = performance.now();
  try {
    // As a browser loads a page: the HTML page cache answers page loads only.
    const response = await fetch(url, {
      headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
      signal: AbortSignal.timeout(30_000),
    });
    const html = await response.text();
    const cache = response.headers.get("x-parallax-page-cache");
    return { status: response.status, html, ms: performance.now() - t0, startedAt, cache };
  } catch {
    return { status: 0, html: "", ms: performance.now() - t0, startedAt, cache: null };
  }
}

/**
 * `users` people reading until `stop()`: each opens the home page, then one of the stories it lists (or of
 * `fallbackStories`), and pauses 200–600 ms between pages as a reader does. Every view is timed to the last
 * byte of the HTML.
 */
export function startBrowsing(baseUrl: string, users: number, fallbackStories: string[]) {
  const views: PageView[] = [];
  let running = true;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 400));
  const reader = async () => {
    while (running) {
      const home = await view(`${baseUrl}/`);
      views.push({
        page: "home",
        startedAt: home.startedAt,
        ms: home.ms,
        status: home.status,
        cache: home.cache,
      });
      const listed = [...home.html.matchAll(STORY_LINK)].map((m) => m[1]!);
      const choices = listed.length > 0 ? listed : fallbackStories;
      await pause();
      if (!running || choices.length === 0) continue;
      const id = choices[Math.floor(Math.random() * choices.length)];
      const story = await view(`${baseUrl}/stories/${id}`);
      views.push({
        page: "story",
        startedAt: story.startedAt,
        ms: story.ms,
        status: story.status,
        cache: story.cache,
      });
      await pause();
    }
  };
  const done = Promise.all(Array.from({ length: users }, reader));
  return {
    views,
    async stop() {
      running = false;
      await done;
    },
  };
}
