import { paragraphAnchor } from "./article-body";
import { articleHref } from "./article-list";
import { formatCount, formatDate, UNTITLED } from "./format";
import type { LinkComponent } from "./link";
import { storyHref } from "./story-list";

export interface EntityStoryEntry {
  storyId: string;
  headline: string | null;
  title: string | null;
  briefingVersion: number | null;
  articleCount: number;
  entityArticles: number;
  mentions: number;
  lastAt: string | null;
  updatedAt: string;
}

export interface EntityQuoteEntry {
  articleId: string;
  title: string | null;
  source: string | null;
  publishedAt: string | null;
  paragraph: number;
  text: string;
  kind: string;
  speaker: string | null;
  cue: string | null;
  namesEntity: boolean;
}

export interface OutletNamingEntry {
  sourceId: string | null;
  source: string | null;
  articles: number;
  mentions: number;
  aliases: ReadonlyArray<{ text: string; count: number }>;
  descriptions: readonly string[];
  standsFor: readonly string[];
}

const NO_OUTLET = "Articles of no known outlet";

/** The aliases found across the corpus, most used first, each with its count. */
export function AliasList({ aliases }: { aliases: ReadonlyArray<{ text: string; count: number }> }) {
  if (aliases.length === 0) return <p className="ent-empty">No aliases recorded.</p>;
  return (
    <ul className="ent-chips" aria-label="Aliases">
      {aliases.map((a) => (
        <li key={a.text} className="ent-chip">
          {a.text} <span className="ent-count">×{a.count}</span>
        </li>
      ))}
    </ul>
  );
}

/** The stories the entity appears in, with their latest briefing headline. */
export function EntityStories({
  stories,
  Link = "a",
}: {
  stories: readonly EntityStoryEntry[];
  Link?: LinkComponent;
}) {
  if (stories.length === 0) return <p className="ent-empty">No story names it yet.</p>;
  return (
    <ol className="ent-list">
      {stories.map((s) => {
        const updated = formatDate(s.lastAt ?? s.updatedAt);
        return (
          <li key={s.storyId} className="ent-list-item">
            <h3 className="ent-item-title">
              <Link href={storyHref(s.storyId)}>{s.headline ?? s.title ?? UNTITLED}</Link>
            </h3>
            <p className="ent-meta">
              <span>{formatCount(s.articleCount, "article")}</span>
              <span>
                named in {s.entityArticles} of them ({formatCount(s.mentions, "mention")})
              </span>
              {updated ? (
                <span>
                  last news <time dateTime={s.lastAt ?? s.updatedAt}>{updated}</time>
                </span>
              ) : null}
              <span>{s.briefingVersion ? `briefing version ${s.briefingVersion}` : "not briefed yet"}</span>
            </p>
          </li>
        );
      })}
    </ol>
  );
}

/** Quotes, each with who said it and a link to the paragraph it is in. */
export function EntityQuotes({
  quotes,
  empty,
  showSpeaker,
}: {
  quotes: readonly EntityQuoteEntry[];
  empty: string;
  showSpeaker: boolean;
}) {
  if (quotes.length === 0) return <p className="ent-empty">{empty}</p>;
  return (
    <ul className="ent-list">
      {quotes.map((q) => {
        const date = formatDate(q.publishedAt);
        return (
          <li key={`${q.articleId}-${q.paragraph}-${q.text}`} className="ent-list-item">
            <blockquote
              className="ent-quote"
              cite={`${articleHref(q.articleId)}#${paragraphAnchor(q.paragraph)}`}
            >
              <p>
                {q.kind === "direct" ? `“${q.text}”` : q.text}
                {q.kind === "reported" ? <span className="ent-tag"> (reported speech)</span> : null}
              </p>
            </blockquote>
            <p className="ent-meta">
              {showSpeaker ? (
                <span className="ent-speaker">
                  {q.speaker ?? "Unattributed"}
                  {q.cue ? ` ${q.cue}` : ""}
                </span>
              ) : null}
              <a href={`${articleHref(q.articleId)}#${paragraphAnchor(q.paragraph)}`}>
                {q.source ?? "Unknown outlet"} <span aria-hidden="true">¶</span>
                <span className="visually-hidden">paragraph </span>
                {q.paragraph}
              </a>
              <span className="ent-article-title">{q.title ?? UNTITLED}</span>
              {date && q.publishedAt ? <time dateTime={q.publishedAt}>{date}</time> : null}
              {showSpeaker && !q.namesEntity ? (
                <span className="ent-tag">in a paragraph naming it</span>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** How each outlet names the entity: a table of outlets, the aliases they use and the titles they give it. */
export function OutletNaming({ outlets }: { outlets: readonly OutletNamingEntry[] }) {
  if (outlets.length === 0) return <p className="ent-empty">No outlet names it yet.</p>;
  return (
    // A region of its own that scrolls sideways on a narrow screen, so keyboard users can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="ent-table-wrap" aria-label="Table of outlets (scrolls sideways)" tabIndex={0}>
      <table className="ent-table">
        <caption className="visually-hidden">
          How each outlet names it, outlets with most mentions first
        </caption>
        <thead>
          <tr>
            <th scope="col">Outlet</th>
            <th scope="col">Names used (times)</th>
            <th scope="col">Described as</th>
            <th scope="col">Articles</th>
          </tr>
        </thead>
        <tbody>
          {outlets.map((o) => (
            <tr key={`${o.sourceId ?? ""}-${o.source ?? ""}`}>
              <th scope="row">{o.source ?? NO_OUTLET}</th>
              <td>
                {o.aliases.length === 0 ? (
                  "—"
                ) : (
                  <ul className="ent-inline">
                    {o.aliases.map((a) => (
                      <li key={a.text}>
                        {a.text} <span className="ent-count">({a.count})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {o.descriptions.length === 0 && o.standsFor.length === 0 ? (
                  "—"
                ) : (
                  <ul className="ent-inline">
                    {o.descriptions.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                    {o.standsFor.map((d) => (
                      <li key={`stands-${d}`}>stands for {d}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {o.articles}
                <br />
                <span className="ent-count">{formatCount(o.mentions, "mention")}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
