import { formatCount, formatDate, UNTITLED } from "./format";
import type { LinkComponent } from "./link";

export function storyHref(id: string): string {
  return `/stories/${id}`;
}

/** The columns a story list shows (the API's `story.list` items). */
export interface StoryListEntry {
  id: string;
  title: string | null;
  articleCount: number;
  sourceCount: number;
  firstAt: string | null;
  lastAt: string | null;
}

/** "12 Mar 2026" or "10 Feb – 12 Mar 2026"-style span of a story's publication dates. */
export function StoryDates({ firstAt, lastAt }: Pick<StoryListEntry, "firstAt" | "lastAt">) {
  const first = formatDate(firstAt);
  const last = formatDate(lastAt);
  if (!first || !last || !firstAt || !lastAt) return <span>Undated</span>;
  if (first === last) return <time dateTime={firstAt}>{first}</time>;
  return (
    <span>
      <time dateTime={firstAt}>{first}</time> – <time dateTime={lastAt}>{last}</time>
    </span>
  );
}

export function StoryListItem({ story, Link = "a" }: { story: StoryListEntry; Link?: LinkComponent }) {
  return (
    <li className="article-list-item">
      <article aria-labelledby={`story-${story.id}`}>
        <h2 className="article-list-title" id={`story-${story.id}`}>
          <Link href={storyHref(story.id)}>{story.title ?? UNTITLED}</Link>
        </h2>
        <p className="meta">
          <span>{formatCount(story.articleCount, "article")}</span>
          <span>{formatCount(story.sourceCount, "source")}</span>
          <StoryDates firstAt={story.firstAt} lastAt={story.lastAt} />
        </p>
      </article>
    </li>
  );
}

export function StoryList({ stories, Link = "a" }: { stories: StoryListEntry[]; Link?: LinkComponent }) {
  return (
    <ol className="article-list story-list">
      {stories.map((story) => (
        <StoryListItem key={story.id} story={story} Link={Link} />
      ))}
    </ol>
  );
}
