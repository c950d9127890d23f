import type { CandidateQuery, CorpusStats, MergeRecord, NewStory, StoryIndex, StorySummary } from "./types";

/**
 * A 30-bit FNV-1a hash of a term (small integers stay unboxed in V8). Two terms sharing a key share a document
 * frequency; among three million terms about four thousand pairs do, too few to move any IDF that matters.
 */
function termKey(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & 0x3fffffff;
}

/**
 * `StoryIndex` in memory, for the bench, tests and the offline CLI. Postings are capped: each term keeps the
 * `postingsCap` stories most recently updated under it, so a common word costs the same at 100k articles as at
 * 1k. Story ids are `s1`, `s2`, … in creation order, so a run is reproducible.
 */
export class MemoryStoryIndex implements StoryIndex {
  /** Term hash (30-bit FNV-1a) → document frequency: a small key per term, however long, and no GC'd strings. */
  private readonly df = new Map<number, number>();
  private documents = 0;
  private totalLength = 0;
  private readonly stories = new Map<string, StorySummary>();
  /** Term → story ids, least recently updated first. */
  private readonly postings = new Map<string, string[]>();
  private readonly postedUnder = new Map<string, readonly string[]>();
  private readonly redirects = new Map<string, string>();
  readonly merges: MergeRecord[] = [];
  /** What assignments asked of the index, so tests and the bench can check the work stays bounded. */
  readonly calls = { candidates: 0, maxLimit: 0, postingsRead: 0, storiesLoaded: 0 };
  private nextId = 1;

  constructor(private readonly postingsCap = 200) {}

  stats(): CorpusStats {
    return { documents: this.documents, totalLength: this.totalLength };
  }

  documentFrequencies(terms: readonly string[]): Map<string, number> {
    const out = new Map<string, number>();
    for (const term of terms) out.set(term, this.df.get(termKey(term)) ?? 0);
    return out;
  }

  addDocument(terms: readonly string[], length: number): void {
    this.documents++;
    this.totalLength += length;
    for (const term of new Set(terms)) {
      const key = termKey(term);
      this.df.set(key, (this.df.get(key) ?? 0) + 1);
    }
  }

  candidates(query: CandidateQuery): string[] {
    this.calls.candidates++;
    this.calls.maxLimit = Math.max(this.calls.maxLimit, query.limit);
    const shared = new Map<string, number>();
    for (const { term, weight } of query.terms) {
      const list = this.postings.get(term);
      if (!list) continue;
      for (let i = list.length - 1, read = 0; i >= 0 && read < query.perTerm; i--, read++) {
        const id = list[i]!;
        this.calls.postingsRead++;
        const lastAt = this.stories.get(id)?.lastAt ?? null;
        if (query.since !== null && lastAt !== null && lastAt < query.since) continue;
        shared.set(id, (shared.get(id) ?? 0) + weight);
      }
    }
    return [...shared]
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
      .slice(0, query.limit)
      .map(([id]) => id);
  }

  loadStories(ids: readonly string[]): StorySummary[] {
    this.calls.storiesLoaded += ids.length;
    return ids.flatMap((id) => {
      const story = this.stories.get(id);
      return story ? [story] : [];
    });
  }

  createStory(story: NewStory, postings: readonly string[]): string {
    const id = `s${this.nextId++}`;
    this.saveStory({ ...story, id }, postings);
    return id;
  }

  saveStory(story: StorySummary, postings: readonly string[]): void {
    this.unpost(story.id);
    this.stories.set(story.id, story);
    for (const term of postings) {
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
      }
      list.push(story.id);
      if (list.length > this.postingsCap) list.shift();
    }
    this.postedUnder.set(story.id, postings);
  }

  recordMerge(merge: MergeRecord): void {
    this.unpost(merge.from);
    this.stories.delete(merge.from);
    this.redirects.set(merge.from, merge.into);
    this.merges.push(merge);
  }

  /** The story an id now stands for, following merges. */
  resolve(id: string): string {
    let current = id;
    for (let next = this.redirects.get(current); next !== undefined; next = this.redirects.get(current))
      current = next;
    return current;
  }

  story(id: string): StorySummary | undefined {
    return this.stories.get(this.resolve(id));
  }

  get storyCount(): number {
    return this.stories.size;
  }

  private unpost(id: string): void {
    for (const term of this.postedUnder.get(id) ?? []) {
      const list = this.postings.get(term);
      const at = list?.lastIndexOf(id) ?? -1;
      if (list && at >= 0) list.splice(at, 1);
    }
    this.postedUnder.delete(id);
  }
}
