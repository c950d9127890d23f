import type { CitedText, Genre } from "@parallax/core";
import { CitedSentence, GenreLabel } from "./briefing";
import { formatCount, formatDateTime, UNTITLED } from "./format";
import type { LinkComponent } from "./link";
import { storyHref } from "./story-list";

/** A home-page story card as `story.cards` gives it. */
export interface StoryCardEntry {
  id: string;
  headline: CitedText | null;
  title: string | null;
  keyPoints: Array<{ n: number; genre: Genre; sentences: CitedText[] }>;
  briefingVersion: number | null;
  articleCount: number;
  outlets: Array<{ id: string | null; name: string; domain: string | null; articles: number }>;
  countries: Array<{ country: string; articles: number }>;
  genres: { news: number; opinion: number; analysis: number; unspecified: number };
  updatedAt: string;
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const relativeFormat = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

/** "3 hours ago", "yesterday", "just now"; null for an unreadable date. `now` is given so a render is repeatable. */
export function formatRelative(iso: string, now: Date): string | null {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const diff = time - now.getTime();
  for (const [unit, ms] of units)
    if (Math.abs(diff) >= ms) return relativeFormat.format(Math.trunc(diff / ms), unit);
  return "just now";
}

const genreNames: Array<[keyof StoryCardEntry["genres"], string]> = [
  ["news", "news"],
  ["opinion", "opinion"],
  ["analysis", "analysis"],
  ["unspecified", "unclassified"],
];

/** A country code as a name where the browser knows it ("JP" → "Japan"), otherwise as stored. */
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
function countryName(country: string): string {
  if (country === "unknown") return "Country unknown";
  if (!/^[A-Z]{2}$/i.test(country)) return country;
  try {
    return regionNames.of(country.toUpperCase()) ?? country;
  } catch {
    return country;
  }
}

function Badges({ label, items }: { label: string; items: Array<{ key: string; text: string }> }) {
  if (items.length === 0) return null;
  return (
    <div className="story-mix-row">
      <dt>{label}</dt>
      <dd>
        <ul className="badges">
          {items.map((item) => (
            <li key={item.key} className="badge">
              {item.text}
            </li>
          ))}
        </ul>
      </dd>
    </div>
  );
}

/** How many outlets, which countries and what kinds of pieces a story is told by, all as text. */
export function SourceMix({ card }: { card: Pick<StoryCardEntry, "outlets" | "countries" | "genres"> }) {
  const kinds = genreNames
    .filter(([key]) => card.genres[key] > 0)
    .map(([key, name]) => ({ key, text: `${card.genres[key]} ${name}` }));
  return (
    <dl className="story-mix">
      <Badges
        label={card.outlets.length === 1 ? "Outlet" : `${card.outlets.length} outlets`}
        items={card.outlets.map((o) => ({ key: o.id ?? "none", text: `${o.name} ×${o.articles}` }))}
      />
      <Badges
        label={card.countries.length === 1 ? "Country" : "Countries"}
        items={card.countries.map((c) => ({
          key: c.country,
          text: `${countryName(c.country)} ×${c.articles}`,
        }))}
      />
      <Badges label="Kinds" items={kinds} />
    </dl>
  );
}

/**
 * Chips shown per sentence on a card; the rest are one "+N" chip leading to the briefing. A sentence that wire
 * copies repeat is cited by dozens of paragraphs, which on a card of two key points is noise, and on a page of
 * twenty cards was nine tenths of the home page's HTML.
 */
const CARD_CITATIONS = 3;

export function StoryCard({
  card,
  now,
  Link = "a",
}: {
  card: StoryCardEntry;
  now: Date;
  Link?: LinkComponent;
}) {
  const headingId = `story-card-${card.id}`;
  const relative = formatRelative(card.updatedAt, now);
  return (
    <li className="story-card">
      <article aria-labelledby={headingId}>
        <h2 className="story-card-title" id={headingId}>
          <Link href={storyHref(card.id)}>{card.headline?.text ?? card.title ?? UNTITLED}</Link>
        </h2>
        {card.keyPoints.length > 0 ? (
          <ul className="story-card-points" aria-label="Key points">
            {card.keyPoints.map((point) => (
              <li key={point.n}>
                {point.genre !== "news" ? <GenreLabel genre={point.genre} /> : null}{" "}
                {point.sentences.map((sentence, i) => {
                  const more = sentence.citations.length - CARD_CITATIONS;
                  return (
                    <span key={i}>
                      {i > 0 ? " " : null}
                      <CitedSentence
                        text={
                          more > 0
                            ? { ...sentence, citations: sentence.citations.slice(0, CARD_CITATIONS) }
                            : sentence
                        }
                      />
                      {more > 0 ? (
                        <Link className="cite cite-more" href={storyHref(card.id)}>
                          +{more}
                          <span className="visually-hidden">
                            {" "}
                            more cited paragraphs, in the story’s briefing
                          </span>
                        </Link>
                      ) : null}
                    </span>
                  );
                })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted story-card-pending">
            {card.briefingVersion === null ? "No briefing yet." : "The briefing has no key points."}
          </p>
        )}
        <SourceMix card={card} />
        <p className="meta story-card-meta">
          <span>{formatCount(card.articleCount, "article")}</span>
          <span>
            Updated{" "}
            <time dateTime={card.updatedAt} title={formatDateTime(card.updatedAt) ?? undefined}>
              {relative ?? card.updatedAt}
            </time>{" "}
            <span className="muted">({formatDateTime(card.updatedAt)})</span>
          </span>
        </p>
      </article>
    </li>
  );
}

export function StoryCards({
  cards,
  now,
  Link = "a",
}: {
  cards: StoryCardEntry[];
  now: Date;
  Link?: LinkComponent;
}) {
  return (
    <ol className="story-cards">
      {cards.map((card) => (
        <StoryCard key={card.id} card={card} now={now} Link={Link} />
      ))}
    </ol>
  );
}
