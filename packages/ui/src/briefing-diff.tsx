import type { BriefingDiff } from "@parallax/core/brief";
import type { ReactNode } from "react";
import { CitedSentence, formatEventDate, KeyPointItem } from "./briefing";
import { formatCount } from "./format";

const datingText = (d: { date: string; dates: string[]; conflict: boolean }) =>
  d.conflict ? d.dates.map(formatEventDate).join(" / ") : formatEventDate(d.date);

/** One `<h4>` part of the changes, left out when it has nothing. */
function Part({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <div className="diff-part">
      <h4>{title}</h4>
      {children}
    </div>
  );
}

/** What changed from the previous version of a briefing, section by section. */
export function BriefingDiffView({ diff, previousVersion }: { diff: BriefingDiff; previousVersion: number }) {
  if (!diff.changed)
    return <p className="muted">Nothing readers see changed since version {previousVersion}.</p>;
  const { keyPoints, timeline, figures, sources } = diff;
  const kept = keyPoints.unchanged.length;
  return (
    <div className="briefing-diff">
      <p className="muted">
        Since version {previousVersion}: {formatCount(keyPoints.added.length, "key point")} added,{" "}
        {keyPoints.recited.length} with other citations, {keyPoints.removed.length} removed, {kept} unchanged;{" "}
        {formatCount(sources.added.length, "source")} added, {sources.removed.length} removed.
      </p>
      {diff.headline.changed ? (
        <div className="diff-part">
          <h4>Headline</h4>
          <p>
            <del>{diff.headline.previous?.text ?? "none"}</del> →{" "}
            <ins>{diff.headline.next?.text ?? "none"}</ins>
          </p>
        </div>
      ) : null}
      <Part title="Sources" count={sources.added.length + sources.removed.length}>
        <ul className="diff-list">
          {sources.added.map((s) => (
            <li key={`+${s.articleId}`} className="diff-added">
              Added: {s.label} — {s.title}
            </li>
          ))}
          {sources.removed.map((s) => (
            <li key={`-${s.articleId}`} className="diff-removed">
              Removed: {s.label} — {s.title}
            </li>
          ))}
        </ul>
      </Part>
      <Part title="New key points" count={keyPoints.added.length}>
        <ol className="key-points diff-added">
          {keyPoints.added.map((point) => (
            <KeyPointItem key={point.n} point={point} />
          ))}
        </ol>
      </Part>
      <Part title="Key points with other citations" count={keyPoints.recited.length}>
        <ol className="key-points">
          {keyPoints.recited.map(({ next }) => (
            <KeyPointItem key={next.n} point={next} />
          ))}
        </ol>
      </Part>
      <Part title="Key points no longer in the briefing" count={keyPoints.removed.length}>
        <ol className="key-points diff-removed">
          {keyPoints.removed.map((point) => (
            <KeyPointItem key={point.n} point={point} />
          ))}
        </ol>
      </Part>
      <Part
        title="Timeline"
        count={timeline.added.length + timeline.removed.length + timeline.dateChanged.length}
      >
        <ul className="diff-list">
          {timeline.added.map((entry, i) => (
            <li key={`+${i}`} className="diff-added">
              Added: <time dateTime={entry.date}>{formatEventDate(entry.date)}</time> — {entry.event.text}
            </li>
          ))}
          {timeline.dateChanged.map((change, i) => (
            <li key={`~${i}`}>
              Date changed: {datingText(change.previous)} → {datingText(change.next)} —{" "}
              <CitedSentence text={change.event} />
            </li>
          ))}
          {timeline.removed.map((entry, i) => (
            <li key={`-${i}`} className="diff-removed">
              Removed: <time dateTime={entry.date}>{formatEventDate(entry.date)}</time> — {entry.event.text}
            </li>
          ))}
        </ul>
      </Part>
      <Part
        title="Key figures"
        count={figures.added.length + figures.removed.length + figures.changed.length}
      >
        <ul className="diff-list">
          {figures.added.map((f, i) => (
            <li key={`+${i}`} className="diff-added">
              Added: {f.subject ? `${f.subject}: ` : ""}
              {f.values.map((v) => v.text).join("; ")}
            </li>
          ))}
          {figures.changed.map(({ previous, next }, i) => (
            <li key={`~${i}`}>
              Changed: {next.subject ? `${next.subject}: ` : ""}
              {previous.values.map((v) => v.text).join("; ")} →{" "}
              {next.values.map((v) => v.text).join(next.conflict ? " vs " : "; ")}
              {next.conflict && !previous.conflict ? " (sources now disagree)" : ""}
            </li>
          ))}
          {figures.removed.map((f, i) => (
            <li key={`-${i}`} className="diff-removed">
              Removed: {f.subject ? `${f.subject}: ` : ""}
              {f.values.map((v) => v.text).join("; ")}
            </li>
          ))}
        </ul>
      </Part>
    </div>
  );
}
