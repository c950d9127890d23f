/**
 * What a page read from the database, kept in this web process for the next readers of the same page. Each entry
 * carries the version of the data it was read at (a cheap query the caller makes per request):
 * - same version: served as it is for half of `maxAgeMs`, then, up to `maxAgeMs`, while it is read again in the
 *   background (so a page with steady readers is refreshed before anyone has to wait for it);
 * - another version: served for `graceMs` after it was read (readers of a story that gains an article every
 *   second would otherwise each wait for a fresh read), then read again before answering.
 * Concurrent readers of one page share one read. A failed read is never kept; the error goes to the reader
 * who waited for it, and a failed background read leaves the entry as it was.
 */
export interface PageCacheOptions {
  maxAgeMs: number;
  graceMs: number;
  maxEntries: number;
}

interface Entry<V> {
  value?: V;
  version?: string;
  readAt: number;
  reading?: Promise<V>;
  /** The read last asked for: what `peek` refreshes the entry with. */
  read?: () => Promise<V>;
}

export class PageCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Bumped by `clear()`: a read started before it is not stored after it. */
  private generation = 0;

  constructor(private readonly options: PageCacheOptions) {}

  async get(key: string, version: string, read: () => Promise<V>): Promise<V> {
    const entry = this.entries.get(key);
    if (entry) entry.read = read;
    const served = this.servable(key, version);
    return served !== undefined ? served : this.readInto(key, version, read);
  }

  /**
   * What `get` would answer at once, without waiting for a read: the kept value (starting the same background
   * read `get` would, with the read last asked for), or undefined when `get` would have to wait.
   */
  peek(key: string, version: string): V | undefined {
    return this.servable(key, version);
  }

  private servable(key: string, version: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.value !== undefined) {
      const age = Date.now() - entry.readAt;
      const current = entry.version === version;
      if (current && age < this.options.maxAgeMs / 2) return entry.value;
      if ((current && age < this.options.maxAgeMs) || (!current && age < this.options.graceMs)) {
        if (entry.read) this.readInto(key, version, entry.read).catch(() => {});
        return entry.value;
      }
    }
    return undefined;
  }

  /** After a change made through this process (a move, a split): every page reads the database again. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  private readInto(key: string, version: string, read: () => Promise<V>): Promise<V> {
    const existing = this.entries.get(key);
    if (existing?.reading) return existing.reading;
    const generation = this.generation;
    const readAt = Date.now();
    const reading = read();
    const entry: Entry<V> = existing ?? { readAt: 0 };
    entry.reading = reading;
    entry.read = read;
    this.remember(key, entry);
    reading.then(
      (value) => {
        if (entry.reading === reading) entry.reading = undefined;
        if (generation !== this.generation) return;
        Object.assign(entry, { value, version, readAt });
        this.remember(key, entry);
      },
      () => {
        if (entry.reading === reading) entry.reading = undefined;
        if (entry.value === undefined && this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return reading;
  }

  /** Most recently read last; the least recently read go first past `maxEntries`. */
  private remember(key: string, entry: Entry<V>) {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
