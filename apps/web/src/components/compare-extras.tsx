import Link from "next/link";
import type { ReactNode } from "react";
import { type CompareRequest, compareExportHref } from "~/compare-params";

/** The comparison as Markdown and JSON, with the same parameters as the page; `children` adds more links. */
export function CompareExports({ request, children }: { request: CompareRequest; children?: ReactNode }) {
  return (
    <ul className="cmp-exports" aria-label="Export this comparison">
      <li>
        <a href={compareExportHref(request, "md") ?? undefined}>Comparison as Markdown</a>
      </li>
      <li>
        <a href={compareExportHref(request, "json") ?? undefined}>Comparison as JSON</a>
      </li>
      {children}
    </ul>
  );
}

/** The articles a comparison could not use, each with the reason. */
export function ExcludedArticles({
  excluded,
}: {
  excluded: ReadonlyArray<{ articleId: string; reason: string }>;
}) {
  if (excluded.length === 0) return null;
  return (
    <div className="notice notice-warn">
      <p className="notice-title">Left out of this comparison</p>
      <ul>
        {excluded.map((e) => (
          <li key={e.articleId}>
            <Link href={`/articles/${e.articleId}`}>{e.articleId}</Link>: {e.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
