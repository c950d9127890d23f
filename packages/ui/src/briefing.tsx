import type {
  Briefing,
  BriefingEntity,
  BriefingSource,
  Citation,
  CitedText,
  Genre,
  KeyFigure,
  KeyPoint,
  TimelineEntry,
} from "@parallax/core";
import type { ComponentType } from "react";
import { entityHref, paragraphAnchor } from "./article-body";
import { articleHref } from "./article-list";
import { formatDate } from "./format";
import { TimelineChart } from "./timeline-chart";
import { ScrollArea } from "./scroll-area";

/**
 * What renders one citation chip. The default is a plain link to the paragraph; the web app passes one that
 * opens the paragraph in place.
 */
export type CiteComponent = ComponentType<{ citation: Citation }>;

/** Where a citation leads: the cited paragraph of the article page. */
export function citationHref(citation: Pick<Citation, "articleId" | "paragraph">): string {
  return `${articleHref(citation.articleId)}#${paragraphAnchor(citation.paragraph)}`;
}

/** What a citation is called to a screen reader: "Caixin paragraph 4". */
export function citationName(citation: Pick<Citation, "source" | "paragraph">): string {
  return `${citation.source} paragraph ${citation.paragraph}`;
}

/**
 * A chip's text: `[Caixin ¶4]` on screen, "Caixin paragraph 4" read aloud. The spoken name is the visible
 * text with its symbols spelled out, so speech-input users can say what they see.
 */
export function CiteText({ citation }: { citation: Pick<Citation, "source" | "paragraph"> }) {
  return (
    <>
      <span aria-hidden="true">[</span>
      {citation.source} <span aria-hidden="true">¶</span>
      <span className="visually-hidden">paragraph </span>
      {citation.paragraph}
      <span aria-hidden="true">]</span>
    </>
  );
}

/** `[Caixin ¶4]` chips, each a link to the paragraph it cites. */
export function Citations({ citations, Cite }: { citations: readonly Citation[]; Cite?: CiteComponent }) {
  if (citations.length === 0) return null;
  return (
    <span className="cites">
      {citations.map((c) =>
        Cite ? (
          <Cite key={`${c.articleId}-${c.paragraph}`} citation={c} />
        ) : (
          <a key={`${c.articleId}-${c.paragraph}`} className="cite" href={citationHref(c)}>
            <CiteText citation={c} />
          </a>
        ),
      )}
    </span>
  );
}

export function CitedSentence({ text, Cite }: { text: CitedText; Cite?: CiteComponent | undefined }) {
  return (
    <>
      {text.text} <Citations citations={text.citations} {...(Cite ? { Cite } : {})} />
    </>
  );
}

const genreLabels: Record<Genre, string> = { news: "News", opinion: "Opinion", analysis: "Analysis" };

export function GenreLabel({ genre, inferred = false }: { genre: Genre; inferred?: boolean }) {
  return (
    <span className={`label label-genre-${genre}`} title={inferred ? "Judged from the text" : undefined}>
      {genreLabels[genre]}
      {inferred ? <span className="visually-hidden"> (judged from the text)</span> : null}
    </span>
  );
}

/** A flag beside an item: `expected`, `conflict`, `new`. Text, never colour alone. */
export function Flag({ kind, children }: { kind: "expected" | "conflict" | "new"; children: string }) {
  return <span className={`flag flag-${kind}`}>{children}</span>;
}

const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** An event date to its own precision: "19 Mar 2026", "Mar 2026", "2026", "2026-Q2". */
export function formatEventDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}/.test(iso)) return formatDate(iso.slice(0, 10)) ?? iso;
  if (/^\d{4}-\d{2}$/.test(iso)) return monthFormat.format(new Date(`${iso}-01T00:00:00Z`));
  return iso;
}

export function KeyPointItem({
  point,
  isNew = false,
  Cite,
}: {
  point: KeyPoint;
  isNew?: boolean;
  Cite?: CiteComponent | undefined;
}) {
  return (
    <li value={point.n} className="key-point">
      {isNew ? <Flag kind="new">New</Flag> : null}
      {point.genre !== "news" ? <GenreLabel genre={point.genre} /> : null}{" "}
      {point.sentences.map((sentence, i) => (
        <span key={i}>
          {i > 0 ? " " : null}
          <CitedSentence text={sentence} Cite={Cite} />
        </span>
      ))}
      {point.attributedTo ? <span className="attribution"> According to {point.attributedTo}.</span> : null}
    </li>
  );
}

function EntityItem({ entity, Cite }: { entity: BriefingEntity; Cite?: CiteComponent | undefined }) {
  return (
    <li>
      <strong>
        <a href={entityHref(entity.slug)}>{entity.name}</a>
      </strong>{" "}
      <span className="muted">({entity.type})</span>
      {entity.description ? (
        <>
          {" — "}
          <CitedSentence text={entity.description} Cite={Cite} />
        </>
      ) : null}
      <br />
      <span className="muted">
        Mentions: {entity.mentions.map((m) => `${m.source} ${m.count}`).join(", ")}
      </span>
    </li>
  );
}

function TimelineItem({ entry, Cite }: { entry: TimelineEntry; Cite?: CiteComponent | undefined }) {
  return (
    <li>
      <time dateTime={entry.date}>{formatEventDate(entry.date)}</time>
      {entry.expected ? <Flag kind="expected">Expected</Flag> : null}
      {entry.conflict ? <Flag kind="conflict">Dates conflict</Flag> : null}{" "}
      <CitedSentence text={entry.event} Cite={Cite} />
      {entry.conflict ? (
        <ul className="sub-list">
          {entry.reports.map((report) => (
            <li key={`${report.articleId}-${report.citation.paragraph}-${report.date}`}>
              {report.source} dates it <time dateTime={report.date}>{formatEventDate(report.date)}</time>{" "}
              <Citations citations={[report.citation]} {...(Cite ? { Cite } : {})} />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

const figureKinds: Record<KeyFigure["kind"], string> = {
  money: "An amount of money",
  percent: "A percentage",
  count: "A count",
  ratio: "A ratio",
  fraction: "A fraction",
};

/** Key figures as a table: what is counted, every value the sources give (with citations), and whether they conflict. */
export function FiguresTable({
  figures,
  Cite,
  caption = "Key figures, with the value each source gives",
}: {
  figures: readonly KeyFigure[];
  Cite?: CiteComponent | undefined;
  caption?: string;
}) {
  return (
    <ScrollArea label="Key figures (scrolls sideways)">
      <table className="sources-table figures-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Values given</th>
            <th scope="col">Agreement</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((figure, i) => (
            <tr key={`${figure.subject}-${i}`} className={figure.conflict ? "figure-conflict" : undefined}>
              <th scope="row">
                {figure.subject ?? figureKinds[figure.kind]}
                {figure.unit ? <span className="muted"> ({figure.unit})</span> : null}
              </th>
              <td>
                <ul className="figure-values">
                  {figure.values.map((value, j) => (
                    <li key={`${value.text}-${j}`}>
                      {value.text} <Citations citations={value.citations} {...(Cite ? { Cite } : {})} />
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {figure.conflict ? (
                  <Flag kind="conflict">⚠ Sources disagree</Flag>
                ) : figure.values.length > 1 ? (
                  "Compatible"
                ) : (
                  "One value"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

function SourceRow({ source }: { source: BriefingSource }) {
  const published = formatDate(source.publishedAt);
  return (
    <tr>
      <th scope="row">{source.label}</th>
      <td>{source.outlet ?? "—"}</td>
      <td>{source.country ?? "—"}</td>
      <td>
        {published && source.publishedAt ? (
          <time dateTime={source.publishedAt}>{published}</time>
        ) : source.referenceDate ? (
          `Not given (text dated to ${formatEventDate(source.referenceDate)})`
        ) : (
          "Not given"
        )}
      </td>
      <td>
        <GenreLabel genre={source.genre} inferred={source.genreInferred} />
      </td>
      <td>
        <a href={articleHref(source.articleId)}>{source.title}</a>
      </td>
    </tr>
  );
}

/**
 * A briefing's sections under `<h3>` headings (the page's `<h2>` names the briefing): key points, who's
 * involved, timeline, key figures and sources. `newKeyPoints` marks the points a reader has not seen in the
 * previous version.
 */
export function BriefingView({
  briefing,
  newKeyPoints,
  idPrefix = "briefing",
  Cite,
}: {
  briefing: Briefing;
  newKeyPoints?: ReadonlySet<number>;
  idPrefix?: string;
  /** Renders citation chips; plain links to the paragraphs when absent. */
  Cite?: CiteComponent;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="briefing">
      <section aria-labelledby={id("points")}>
        <h3 id={id("points")}>Key points</h3>
        {briefing.keyPoints.length > 0 ? (
          <ol className="key-points">
            {briefing.keyPoints.map((point) => (
              <KeyPointItem
                key={point.n}
                point={point}
                isNew={newKeyPoints?.has(point.n) ?? false}
                Cite={Cite}
              />
            ))}
          </ol>
        ) : (
          <p className="muted">Nothing the sources say could be summarized.</p>
        )}
      </section>
      {briefing.entities.length > 0 ? (
        <section aria-labelledby={id("entities")}>
          <h3 id={id("entities")}>Who’s involved</h3>
          <ul className="briefing-list">
            {briefing.entities.map((entity) => (
              <EntityItem key={entity.slug} entity={entity} Cite={Cite} />
            ))}
          </ul>
        </section>
      ) : null}
      {briefing.timeline.length > 0 ? (
        <section aria-labelledby={id("timeline")}>
          <h3 id={id("timeline")}>Timeline</h3>
          <TimelineChart entries={briefing.timeline} />
          <h4 className="timeline-list-title">Timeline as a list</h4>
          <ol className="briefing-list timeline">
            {briefing.timeline.map((entry, i) => (
              <TimelineItem key={`${entry.date}-${i}`} entry={entry} Cite={Cite} />
            ))}
          </ol>
        </section>
      ) : null}
      {briefing.figures.length > 0 ? (
        <section aria-labelledby={id("figures")}>
          <h3 id={id("figures")}>Key figures</h3>
          <FiguresTable figures={briefing.figures} Cite={Cite} />
        </section>
      ) : null}
      <section aria-labelledby={id("sources")}>
        <h3 id={id("sources")}>Sources</h3>
        <ScrollArea label="Sources (scrolls sideways)">
          <table className="sources-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Outlet</th>
                <th scope="col">Country</th>
                <th scope="col">Published</th>
                <th scope="col">Kind</th>
                <th scope="col">Title</th>
              </tr>
            </thead>
            <tbody>
              {briefing.sources.map((source) => (
                <SourceRow key={source.articleId} source={source} />
              ))}
            </tbody>
          </table>
        </ScrollArea>
      </section>
    </div>
  );
}
