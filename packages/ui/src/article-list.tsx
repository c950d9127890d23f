import type { ArticleSummary } from "@parallax/core";
import { formatCount, formatDate, hostOf, UNTITLED } from "./format";
import type { LinkComponent } from "./link";
import { StatusBadge } from "./status-badge";

export function articleHref(id: string): string {
  return `/articles/${id}`;
}

/** Published date when the article states one, otherwise when it reached Parallax. */
function ArticleDate({ article }: { article: ArticleSummary }) {
  const iso = article.publishedAt ?? article.createdAt;
  const text = formatDate(iso);
  if (!text) return null;
  return (
    <time dateTime={iso} title={article.publishedAt ? "Published" : "Submitted"}>
      {article.publishedAt ? text : `Submitted ${text}`}
    </time>
  );
}

export function ArticleListItem({ article, Link = "a" }: { article: ArticleSummary; Link?: LinkComponent }) {
  const sourceName = article.source?.name ?? hostOf(article.canonicalUrl ?? article.url);
  return (
    <li className="article-list-item">
      <article aria-labelledby={`title-${article.id}`}>
        <h2 className="article-list-title" id={`title-${article.id}`}>
          <Link href={articleHref(article.id)}>{article.title ?? UNTITLED}</Link>
        </h2>
        {!article.title && article.url ? <p className="article-list-url">{article.url}</p> : null}
        <p className="meta">
          {sourceName ? <span className="meta-source">{sourceName}</span> : null}
          <ArticleDate article={article} />
          <StatusBadge status={article.status} />
          {article.status === "ready" ? (
            <span>{formatCount(article.paragraphCount, "paragraph")}</span>
          ) : null}
        </p>
      </article>
    </li>
  );
}

export function ArticleList({ articles, Link = "a" }: { articles: ArticleSummary[]; Link?: LinkComponent }) {
  return (
    <ol className="article-list">
      {articles.map((article) => (
        <ArticleListItem key={article.id} article={article} Link={Link} />
      ))}
    </ol>
  );
}
