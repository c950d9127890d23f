import type { Comparison } from "@parallax/core";
import type { ReactNode } from "react";
import {
  ActorsTable,
  CitationGroup,
  DistinctiveTerms,
  EmphasisTable,
  FactList,
  Passage,
  SidesTable,
  SimilarityTable,
  VoicesTable,
} from "./comparison-parts";
import { ActionsTable, EmphasisChart, VoicesChart } from "./comparison-charts";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="cmp-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A comparison laid out for reading: sides, a cited overview, similarity, shared facts with the aligned passages
 * of every side, what only one side reports, conflicts, word choice, voices, emphasis and tone. Every item links
 * to the paragraphs it comes from. Section headings are `h2`, under the page's `h1`.
 */
export function ComparisonView({
  comparison,
  actorLimit = 15,
}: {
  comparison: Comparison;
  actorLimit?: number;
}) {
  const sides = comparison.sides.map((s) => s.label);
  const actors = comparison.wordChoice.actors.slice(0, actorLimit);
  return (
    <div className="comparison">
      <SidesTable comparison={comparison} />

      <Section id="cmp-overview" title="Overview">
        {comparison.overview.length > 0 ? (
          <p className="cmp-overview">
            {comparison.overview.map((s, i) => (
              <span key={i}>
                {s.text} <CitationGroup citations={s.citations} />{" "}
              </span>
            ))}
          </p>
        ) : (
          <p>Nothing to sum up: the articles have no claims to compare.</p>
        )}
      </Section>

      <Section id="cmp-similarity" title="Similarity">
        <SimilarityTable comparison={comparison} />
      </Section>

      <div className="cmp-columns">
        <Section id="cmp-shared" title="Shared facts">
          {comparison.sharedFacts.length === 0 ? <p>No claim is reported on more than one side.</p> : null}
          <ol className="cmp-facts">
            {comparison.sharedFacts.map((fact, i) => (
              <li key={i}>
                <p className="cmp-fact-title">
                  Reported by {fact.sides.join(" and ")}
                  {fact.opinion ? (
                    <span className="cmp-badge cmp-badge-opinion">shared opinion, not fact</span>
                  ) : null}
                  <span className="cmp-muted">
                    {" "}
                    similarity {fact.similarity.toFixed(2)}
                    {fact.figures.length ? `; figures ${fact.figures.join(", ")}` : ""}
                    {fact.dates.length ? `; dates ${fact.dates.join(", ")}` : ""}
                  </span>
                </p>
                <ul className="cmp-aligned">
                  {fact.passages.map((p) => (
                    <li key={`${p.citation.articleId}:${p.citation.paragraph}:${p.text.slice(0, 40)}`}>
                      <Passage passage={p} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </Section>

        <Section id="cmp-only" title="Only here">
          {comparison.onlyHere.map((side) => (
            <div key={side.side}>
              <h3>Only in {side.side}</h3>
              {side.claims.length === 0 ? <p>Nothing that no other side reports.</p> : null}
              <ol className="cmp-only">
                {side.claims.map((c) => (
                  <li
                    key={`${c.passage.citation.articleId}:${c.passage.citation.paragraph}:${c.passage.text.slice(0, 40)}`}
                  >
                    <Passage passage={c.passage} side={false} />
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </Section>

        <Section id="cmp-conflicts" title="Conflicts">
          {comparison.conflicts.length === 0 ? (
            <p>No conflicting figures, dates or attributions.</p>
          ) : (
            <FactList items={comparison.conflicts} />
          )}
          {comparison.compatible.length > 0 ? (
            <details className="cmp-compatible">
              <summary>Differences of precision only ({comparison.compatible.length})</summary>
              <FactList items={comparison.compatible} />
            </details>
          ) : null}
        </Section>
      </div>

      <Section id="cmp-words" title="Word choice">
        <h3>Names for the same actors</h3>
        {actors.length === 0 ? (
          <p>No actor is named on two sides.</p>
        ) : (
          <ActorsTable actors={actors} sides={sides} />
        )}
        {comparison.wordChoice.actors.length > actors.length ? (
          <p className="cmp-muted">…and {comparison.wordChoice.actors.length - actors.length} more actors.</p>
        ) : null}
        <h3>Wording of the same acts and events</h3>
        {comparison.wordChoice.actions.length === 0 ? (
          <p>No act or event of the shared facts is worded differently.</p>
        ) : (
          <ActionsTable actions={comparison.wordChoice.actions.slice(0, actorLimit)} sides={sides} />
        )}
        <h3>Distinctive terms</h3>
        <p className="cmp-method">
          Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), each side
          against the others; a z-score beyond ±1.96 is conventionally significant.
        </p>
        <DistinctiveTerms comparison={comparison} />
      </Section>

      <Section id="cmp-voices" title="Voices">
        <VoicesChart voices={comparison.voices} />
        {comparison.voices.map((side) => (
          <div key={side.side}>
            <h3>{side.side}</h3>
            <VoicesTable side={side} />
          </div>
        ))}
      </Section>

      <Section id="cmp-emphasis" title="Emphasis and tone">
        {comparison.emphasis.length === 0 ? (
          <p>No entity is prominent enough to compare.</p>
        ) : (
          <>
            <EmphasisChart emphasis={comparison.emphasis} sides={sides} />
            <EmphasisTable emphasis={comparison.emphasis} sides={sides} />
          </>
        )}
        <p className="cmp-method">
          <strong>Tone method:</strong> {comparison.tone.method}
        </p>
        <p className="cmp-method">
          <strong>Limits:</strong> {comparison.tone.limits}
        </p>
      </Section>
    </div>
  );
}
