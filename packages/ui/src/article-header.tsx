import type { Article } from "@parallax/core";
import { formatDate, formatDateTime, hostOf, UNTITLED } from "./format";
import { StatusBadge } from "./status-badge";

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "English" for "en"; the code itself when the runtime does not know it. */
export function languageName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Title and provenance of an article: where it came from, who wrote it, when, in which language. */
export function ArticleHeader({ article }: { article: Omit<Article, "paragraphs"> }) {
  const original = article.canonicalUrl ?? article.url;
  const sourceName = article.source?.name ?? hostOf(original);
  const published = formatDate(article.publishedAt);
  const language = languageName(article.language);
  const authors = article.authors.length > 0 ? article.authors.join(", ") : article.byline;
  return (
    <header className="article-header">
      {article.genre && article.genre !== "news" ? (
        <p className={`genre genre-${article.genre}`}>
          {article.genre === "opinion" ? "Opinion" : "Analysis"}
        </p>
      ) : null}
      <h1 lang={article.title ? (article.language ?? undefined) : undefined}>{article.title ?? UNTITLED}</h1>
      <p className="meta">
        {sourceName ? <span className="meta-source">{sourceName}</span> : null}
        {authors ? <span className="meta-byline">{authors}</span> : null}
        {article.section ? <span className="meta-section">{article.section}</span> : null}
        {published && article.publishedAt ? <time dateTime={article.publishedAt}>{published}</time> : null}
        {language ? (
          <span>
            <span className="visually-hidden">Language: </span>
            {language}
          </span>
        ) : null}
        {article.status !== "ready" ? <StatusBadge status={article.status} /> : null}
      </p>
      {article.description ? <p className="article-description">{article.description}</p> : null}
      {original ? (
        <p className="meta">
          <a href={original} rel="noopener noreferrer nofollow" target="_blank" className="original-link">
            Read the original<span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          <span className="meta-url">{hostOf(original)}</span>
        </p>
      ) : null}
      <p className="meta meta-submitted">
        Added <time dateTime={article.createdAt}>{formatDateTime(article.createdAt)}</time>
      </p>
    </header>
  );
}
