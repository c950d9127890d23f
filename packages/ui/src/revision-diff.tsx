import type { ParagraphChange, RevisionDiff } from "@parallax/core/revisions";
import type { ReactNode } from "react";
import { formatCount, formatDateTime } from "./format";
import type { LinkComponent } from "./link";

export interface RevisionItem {
  revision: number;
  createdAt: string;
  reason: "first" | "refetch" | "reprocess";
  paragraphCount: number;
}

const REASONS: Record<RevisionItem["reason"], string> = {
  first: "first stored",
  refetch: "the page changed",
  reprocess: "read again by a newer extractor",
};

/**
 * "Revisions (N)" on an article page: every text the article has shown, each one after the first linking to
 * what changed from the one before. Nothing at all for an article with a single revision.
 */
export function RevisionList({
  articleId,
  revisions,
  Link = "a",
}: {
  articleId: string;
  revisions: readonly RevisionItem[];
  Link?: LinkComponent;
}) {
  if (revisions.length < 2) return null;
  const latest = revisions.at(-1)!.revision;
  return (
    <section className="revision-list" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisions ({revisions.length})</h2>
      <p>The source changed this article after it was first stored; this page shows revision {latest}.</p>
      <ol>
        {revisions.map((r, i) => (
          <li key={r.revision}>
            Revision {r.revision}, {formatDateTime(r.createdAt)}: {REASONS[r.reason]},{" "}
            {formatCount(r.paragraphCount, "paragraph")}
            {i > 0 ? (
              <>
                {" "}
                <Link
                  href={`/articles/${articleId}/revisions?from=${revisions[i - 1]!.revision}&to=${r.revision}`}
                >
                  What changed in revision {r.revision}
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Label({ children, tone }: { children: ReactNode; tone: "added" | "removed" | "changed" | "moved" }) {
  return <span className={`revision-label revision-label-${tone}`}>{children}</span>;
}

function Change({ change }: { change: ParagraphChange }) {
  switch (change.op) {
    case "added":
      return (
        <li className="revision-change revision-added">
          <Label tone="added">+ Added as ¶{change.newN}</Label>
          <ins>{change.text}</ins>
        </li>
      );
    case "removed":
      return (
        <li className="revision-change revision-removed">
          <Label tone="removed">− Removed ¶{change.oldN}</Label>
          <del>{change.text}</del>
        </li>
      );
    case "changed":
      return (
        <li className="revision-change revision-changed">
          <Label tone="changed">
            ± Changed ¶{change.oldN}
            {change.oldN !== change.newN ? ` (now ¶${change.newN})` : ""}
          </Label>
          <p>
            {change.parts.map((part, i) =>
              part.op === "ins" ? (
                <ins key={i}>{part.text}</ins>
              ) : part.op === "del" ? (
                <del key={i}>{part.text}</del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
        </li>
      );
    case "same":
      return (
        <li className="revision-change revision-same">
          {change.oldN !== change.newN ? (
            <Label tone="moved">
              Unchanged, ¶{change.oldN} is now ¶{change.newN}
            </Label>
          ) : (
            <span className="revision-label">Unchanged ¶{change.newN}</span>
          )}
          <p>{change.text}</p>
        </li>
      );
  }
}

/**
 * What changed between two revisions, paragraph by paragraph. Insertions and deletions are <ins> and <del>
 * with a written label on every paragraph, so colour is never the only sign; unchanged paragraphs fold away.
 */
export function RevisionDiffView({ diff, from, to }: { diff: RevisionDiff; from: number; to: number }) {
  const unchanged = diff.changes.filter((c) => c.op === "same" && c.oldN === c.newN).length;
  const shown = diff.changes.filter((c) => !(c.op === "same" && c.oldN === c.newN));
  return (
    <section className="revision-diff" aria-labelledby="revision-diff-heading">
      <h2 id="revision-diff-heading">
        From revision {from} to revision {to}
      </h2>
      <p className="revision-summary">
        {formatCount(diff.changed, "paragraph")} changed, {diff.added} added, {diff.removed} removed
        {diff.renumbered ? `, ${diff.renumbered} renumbered` : ""}; {unchanged} unchanged.
        {diff.coarse ? " The revisions were too large to compare word by word everywhere." : ""}
      </p>
      {shown.length === 0 ? (
        <p>The text is the same in both revisions.</p>
      ) : (
        <ol className="revision-changes">
          {shown.map((change, i) => (
            <Change key={i} change={change} />
          ))}
        </ol>
      )}
      {unchanged > 0 ? (
        <details className="revision-unchanged">
          <summary>Show the {formatCount(unchanged, "unchanged paragraph")}</summary>
          <ol>
            {diff.changes
              .filter((c) => c.op === "same" && c.oldN === c.newN)
              .map((c) => (
                <Change key={c.op === "same" ? c.newN : 0} change={c} />
              ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

/** "N points cite a paragraph that changed; rebuilding" above a story's briefing. */
export function StaleBriefingNotice({ points }: { points: readonly { point: number; reason: string }[] }) {
  const distinct = [...new Set(points.map((p) => p.point))].sort((a, b) => a - b);
  if (distinct.length === 0) return null;
  return (
    <div className="notice notice-warn stale-briefing" role="status">
      <p className="notice-title">
        {distinct.length === 1 ? "1 point cites" : `${distinct.length} points cite`} a paragraph that changed;
        rebuilding
      </p>
      <p>
        Key {distinct.length === 1 ? "point" : "points"} {distinct.join(", ")}: a source article was updated
        after this briefing was built.
      </p>
    </div>
  );
}
