import type {
  Comparison,
  ComparisonCitation,
  ComparisonPassage,
  Emphasis,
  FactComparison,
  SideVoices,
  Tone,
  WordChoiceActor,
} from "@parallax/core";
import { citationHref, GenreLabel } from "./briefing";
import { formatDate, UNTITLED } from "./format";

/** The pieces `ComparisonView` is made of: citations, passages and the tables of each section. */
const pct = (x: number) => `${Math.round(x * 100)} %`;
const signed = (x: number, digits = 2) => `${x > 0 ? "+" : x < 0 ? "−" : ""}${Math.abs(x).toFixed(digits)}`;

/**
 * "[nippon.com ¶8, ¶12; Caixin ¶3]": each paragraph a link, grouped by source, at most `max` links. Denser than
 * one chip per citation: word choice and voices cite many paragraphs per item.
 */
export function CitationGroup({
  citations,
  max = 6,
}: {
  citations: readonly ComparisonCitation[];
  max?: number;
}) {
  if (citations.length === 0) return null;
  const groups = new Map<string, ComparisonCitation[]>();
  const seen = new Set<string>();
  for (const c of citations) {
    const id = `${c.articleId}:${c.paragraph}`;
    if (seen.has(id) || seen.size >= max) continue;
    seen.add(id);
    groups.set(c.source, [...(groups.get(c.source) ?? []), c]);
  }
  const more = new Set(citations.map((c) => `${c.articleId}:${c.paragraph}`)).size - seen.size;
  return (
    <span className="cmp-cites">
      [
      {[...groups.entries()].map(([source, list], g) => (
        <span key={source}>
          {g > 0 ? "; " : ""}
          {source}{" "}
          {list
            .sort((a, b) => a.paragraph - b.paragraph)
            .map((c, i) => (
              <span key={`${c.articleId}:${c.paragraph}`}>
                {i > 0 ? ", " : ""}
                <a href={citationHref(c)}>
                  <span aria-hidden="true">¶</span>
                  <span className="visually-hidden">{source} paragraph </span>
                  {c.paragraph}
                </a>
              </span>
            ))}
        </span>
      ))}
      {more > 0 ? ` and ${more} more` : ""}]
    </span>
  );
}

export function Passage({ passage, side = true }: { passage: ComparisonPassage; side?: boolean }) {
  return (
    <figure className="cmp-passage">
      <blockquote>
        <p>{passage.text}</p>
      </blockquote>
      <figcaption>
        {side && passage.citation.side !== passage.citation.source ? (
          <span className="cmp-side-name">{passage.citation.side}</span>
        ) : null}{" "}
        {passage.genre === "news" ? null : <GenreLabel genre={passage.genre} />}{" "}
        <CitationGroup citations={[passage.citation]} />
      </figcaption>
    </figure>
  );
}

const GENRE_BASIS = { declared: "as the outlet labels it", title: "from its title", text: "from its text" };

export function SidesTable({ comparison }: { comparison: Comparison }) {
  return (
    <div className="cmp-table-wrap">
      <table className="cmp-table">
        <caption>The sides and their articles</caption>
        <thead>
          <tr>
            <th scope="col">Side</th>
            <th scope="col">Article</th>
            <th scope="col">Outlet</th>
            <th scope="col">Published</th>
            <th scope="col">Opinion or reporting</th>
          </tr>
        </thead>
        {comparison.sides.map((side) => (
          <tbody key={side.label}>
            {side.articles.map((a, i) => (
              <tr key={a.id}>
                {i === 0 ? (
                  <th scope="rowgroup" rowSpan={side.articles.length}>
                    {side.label}
                  </th>
                ) : null}
                <td className="cmp-title">
                  <a href={`/articles/${a.id}`}>{a.title || UNTITLED}</a>
                </td>
                <td>
                  {a.source}
                  {a.country ? ` (${a.country})` : ""}
                </td>
                <td>{formatDate(a.publishedAt) ?? "undated"}</td>
                <td>
                  {a.genre === "news" ? "reporting" : a.genre} ({GENRE_BASIS[a.genreBasis]})
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export function SimilarityTable({ comparison }: { comparison: Comparison }) {
  const name = new Map(comparison.sides.flatMap((s) => s.articles.map((a) => [a.id, a] as const)));
  const cell = (id: string) => {
    const a = name.get(id);
    return <a href={`/articles/${id}`}>{a ? `${a.source}: ${a.title || UNTITLED}` : id}</a>;
  };
  const pairs = [...comparison.similarity].sort((x, y) => y.similarity - x.similarity);
  return (
    <div className="cmp-table-wrap">
      <table className="cmp-table">
        <caption>How much of their story content two articles share (1 the same, 0 unrelated)</caption>
        <thead>
          <tr>
            <th scope="col">Article</th>
            <th scope="col">Article</th>
            <th scope="col">Similarity</th>
            <th scope="col">Shared facts</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={`${p.a}:${p.b}`}>
              <td className="cmp-title">{cell(p.a)}</td>
              <td className="cmp-title">{cell(p.b)}</td>
              <td className="num">{p.similarity.toFixed(2)}</td>
              <td className="num">{p.sharedFacts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FactList({ items }: { items: readonly FactComparison[] }) {
  return (
    <ul className="cmp-facts">
      {items.map((item, i) => (
        <li key={i}>
          <p className="cmp-fact-title">
            <span className="cmp-kind">{item.kind}</span> {item.subject}
          </p>
          <ul className="cmp-aligned">
            {item.values.map((v, k) => (
              <li key={k}>
                <p className="cmp-value">
                  <span className="cmp-side-name">{v.side}</span>: “{v.text}” <code>{v.value}</code>
                </p>
                <Passage passage={v.passage} side={false} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

/** A row of a wording table: one actor or concept, and the phrases each side uses for it. */
export interface WordingRow {
  key: string;
  name: string;
  differs: boolean;
  sides: ReadonlyArray<{
    side: string;
    phrases: ReadonlyArray<{
      text: string;
      count: number;
      exclusive: boolean;
      citations: readonly ComparisonCitation[];
    }>;
  }>;
}

/** Sides as columns, actors or concepts as rows, each cell the side's phrases (bold: only that side's). */
export function WordingTable({
  rows,
  sides,
  caption,
  rowHeader,
  differsLabel,
}: {
  rows: readonly WordingRow[];
  sides: string[];
  caption: string;
  rowHeader: string;
  differsLabel: string;
}) {
  return (
    <div className="cmp-table-wrap">
      <table className="cmp-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {sides.map((s) => (
              <th scope="col" key={s}>
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.name}
                {row.differs ? <span className="cmp-badge">{differsLabel}</span> : null}
              </th>
              {sides.map((side) => {
                const entry = row.sides.find((s) => s.side === side);
                return (
                  <td key={side}>
                    {entry && entry.phrases.length > 0 ? (
                      <ul className="cmp-labels">
                        {entry.phrases.slice(0, 5).map((p) => (
                          <li key={p.text}>
                            {p.exclusive ? <strong>{p.text}</strong> : p.text} ×{p.count}
                            {p.exclusive ? <span className="visually-hidden"> (only {side})</span> : null}{" "}
                            <CitationGroup citations={p.citations} max={2} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ActorsTable({ actors, sides }: { actors: readonly WordChoiceActor[]; sides: string[] }) {
  return (
    <WordingTable
      rows={actors.map((actor) => ({
        key: actor.entity,
        name: actor.name,
        differs: actor.differs,
        sides: actor.sides.map((s) => ({ side: s.side, phrases: s.labels })),
      }))}
      sides={sides}
      caption="How each side names the actors they share (in bold: a name only that side uses)"
      rowHeader="Actor"
      differsLabel="named differently"
    />
  );
}

export function DistinctiveTerms({ comparison }: { comparison: Comparison }) {
  return comparison.wordChoice.distinctive.map((side) => (
    <div className="cmp-table-wrap" key={side.side}>
      <table className="cmp-table">
        <caption>Words {side.side} uses more than the other sides</caption>
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Uses</th>
            <th scope="col">Uses on other sides</th>
            <th scope="col">Log-odds</th>
            <th scope="col">z-score</th>
            <th scope="col">Cited</th>
          </tr>
        </thead>
        <tbody>
          {side.terms.length === 0 ? (
            <tr>
              <td colSpan={6}>No distinctive term.</td>
            </tr>
          ) : (
            side.terms.map((t) => (
              <tr key={t.term}>
                <th scope="row">{t.term}</th>
                <td className="num">{t.count}</td>
                <td className="num">{t.otherCount}</td>
                <td className="num">{signed(t.logOdds)}</td>
                <td className="num">{signed(t.z)}</td>
                <td>
                  <CitationGroup citations={t.citations} max={3} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  ));
}

export function VoicesTable({ side }: { side: SideVoices }) {
  const kinds = Object.entries(side.byKind)
    .filter(([, share]) => share > 0)
    .map(([kind, share]) => `${kind} ${pct(share)}`)
    .join(", ");
  if (side.quotes === 0) return <p>{side.side} quotes no one.</p>;
  return (
    <div className="cmp-table-wrap">
      <table className="cmp-table">
        <caption>
          Whom {side.side} quotes: {side.quotes} quote{side.quotes === 1 ? "" : "s"}; quoted words by kind of
          speaker: {kinds}
        </caption>
        <thead>
          <tr>
            <th scope="col">Speaker</th>
            <th scope="col">Kind</th>
            <th scope="col">Quotes</th>
            <th scope="col">Words</th>
            <th scope="col">Share of quoted words</th>
            <th scope="col">Cited</th>
          </tr>
        </thead>
        <tbody>
          {side.voices.map((v) => (
            <tr key={`${v.speaker}:${v.entity}`}>
              <th scope="row">{v.speaker}</th>
              <td>{v.kind}</td>
              <td className="num">{v.quotes}</td>
              <td className="num">{v.words}</td>
              <td className="num">{pct(v.share)}</td>
              <td>
                <CitationGroup citations={v.citations} max={3} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function toneText(tone: Tone | null): string {
  if (!tone || tone.sentences === 0) return "no tone measured";
  return `tone ${signed(tone.mean)} (${tone.positive} positive, ${tone.negative} negative of ${tone.sentences} sentences)`;
}

export function EmphasisTable({ emphasis, sides }: { emphasis: readonly Emphasis[]; sides: string[] }) {
  return (
    <div className="cmp-table-wrap">
      <table className="cmp-table">
        <caption>
          Share of each side's entity mentions, and the tone of the sentences that mention the entity
        </caption>
        <thead>
          <tr>
            <th scope="col">Entity</th>
            {sides.map((s) => (
              <th scope="col" key={s}>
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {emphasis.map((e) => (
            <tr key={e.entity}>
              <th scope="row">{e.name}</th>
              {sides.map((side) => {
                const s = e.sides.find((x) => x.side === side);
                return (
                  <td key={side}>
                    {!s || s.mentions === 0 ? (
                      "not mentioned"
                    ) : (
                      <>
                        {pct(s.share)} of mentions ({s.mentions}), {toneText(s.tone)}{" "}
                        <CitationGroup citations={s.citations} max={3} />
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
