import type { Article, ArticleLink, Caption, Digest, Entity } from "@parallax/core";
import { entityHref } from "./article-body";
import { UNTITLED } from "./format";

/** Image captions and photo credits, kept apart from the body so they are never read as the story's text. */
export function CaptionList({ captions }: { captions: Caption[] }) {
  if (captions.length === 0) return null;
  return (
    <section className="extras" aria-labelledby="captions-title">
      <h2 id="captions-title">Images</h2>
      <ul className="caption-list">
        {captions.map((caption, index) => (
          <li key={index}>
            {caption.text}
            {caption.credit ? <span className="caption-credit"> — {caption.credit}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const citationLabel = (citations: number[]) => citations.map((n) => `[para. ${n}]`).join("");

/**
 * The article's own digest (summary, key points citing the full piece's paragraphs as the source numbered
 * them, notes on who is named, dated timeline), shown as structure rather than as a run of list items.
 */
export function DigestView({ digest }: { digest: Digest }) {
  return (
    <section className="extras digest" aria-labelledby="digest-title">
      <h2 id="digest-title">The source's digest</h2>
      {digest.summary.length > 0 ? (
        <ul className="digest-summary">
          {digest.summary.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {digest.keyPoints.length > 0 ? (
        <ol className="digest-points">
          {digest.keyPoints.map((point) => (
            <li key={point.n} value={point.n}>
              {point.text} <span className="citation-ref">{citationLabel(point.citations)}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {digest.entities.length > 0 ? (
        <dl className="digest-entities">
          {digest.entities.map((entity) => (
            <div key={entity.name}>
              <dt>{entity.name}</dt>
              <dd>{entity.description}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {digest.timeline.length > 0 ? (
        <ol className="digest-timeline">
          {digest.timeline.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.date}>{entry.label}</time> {entry.text}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function ArticleLinkItem({ link }: { link: ArticleLink }) {
  return (
    <li>
      <a href={`/articles/${link.id}`}>{link.title ?? link.url ?? UNTITLED}</a>
    </li>
  );
}

/** Both directions of duplication: the first copy this one repeats, and the later copies of this one. */
export function DuplicateLinks({ article }: { article: Pick<Article, "duplicateOf" | "duplicates"> }) {
  if (!article.duplicateOf && article.duplicates.length === 0) return null;
  return (
    <section className="extras" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">Other copies</h2>
      {article.duplicateOf ? (
        <p>
          This text was first stored as <a href={`/articles/${article.duplicateOf}`}>another article</a>.
        </p>
      ) : null}
      {article.duplicates.length > 0 ? (
        <>
          <p>Later copies of this text:</p>
          <ul>
            {article.duplicates.map((link) => (
              <ArticleLinkItem key={link.id} link={link} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

const indexedTypes = [
  { type: "person", title: "People" },
  { type: "organization", title: "Organisations" },
  { type: "place", title: "Places" },
] as const;

/** Whether "In this article" has anything to list: a person, an organisation or a place. */
export function hasIndexedEntities(entities: Pick<Entity, "type">[]): boolean {
  return entities.some((entity) => indexedTypes.some((group) => group.type === entity.type));
}

/** How many names of each type are listed before the rest fold away; long wire stories name dozens. */
const SHOWN_PER_TYPE = 12;

function EntityLinks({ entities }: { entities: Pick<Entity, "slug" | "name" | "mentions">[] }) {
  return entities.map((entity) => (
    <li key={entity.slug}>
      <a href={entityHref(entity.slug)}>{entity.name}</a>{" "}
      <span className="entity-count">
        {entity.mentions}
        <span className="visually-hidden"> {entity.mentions === 1 ? "mention" : "mentions"}</span>
      </span>
    </li>
  ));
}

/** "In this article": the people, organisations and places it names, most mentioned first, each a link. */
export function EntityIndex({
  entities,
}: {
  entities: Pick<Entity, "slug" | "name" | "type" | "mentions">[];
}) {
  const groups = indexedTypes
    .map((group) => ({
      ...group,
      entities: entities
        .filter((entity) => entity.type === group.type)
        .sort((a, b) => b.mentions - a.mentions),
    }))
    .filter((group) => group.entities.length > 0);
  if (groups.length === 0) return null;
  return (
    <aside className="entity-index" aria-labelledby="entity-index-title">
      <h2 id="entity-index-title">In this article</h2>
      {groups.map((group) => {
        const shown = group.entities.slice(0, SHOWN_PER_TYPE);
        const rest = group.entities.slice(SHOWN_PER_TYPE);
        return (
          <div key={group.type} className="entity-index-group">
            <h3 id={`entity-index-${group.type}`}>{group.title}</h3>
            <ul aria-labelledby={`entity-index-${group.type}`}>
              <EntityLinks entities={shown} />
            </ul>
            {rest.length > 0 ? (
              <details>
                <summary>
                  {rest.length} more {group.title.toLowerCase()}
                </summary>
                <ul>
                  <EntityLinks entities={rest} />
                </ul>
              </details>
            ) : null}
          </div>
        );
      })}
    </aside>
  );
}

/** The story the article was placed in, by its headline, so the reader can go to the briefing. */
export function StoryLink({ story }: { story: { id: string; title: string | null; articleCount: number } }) {
  return (
    <p className="story-link">
      <span className="story-link-label">Part of the story </span>
      <a href={`/stories/${encodeURIComponent(story.id)}`}>{story.title ?? UNTITLED}</a>{" "}
      <span className="muted">
        ({story.articleCount} {story.articleCount === 1 ? "article" : "articles"})
      </span>
    </p>
  );
}
