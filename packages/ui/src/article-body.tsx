import type { EntityType, Paragraph } from "@parallax/core";
import {
  type EnrichmentMarks,
  htmlDateTime,
  type InlineMark,
  marksByParagraph,
  type Segment,
  type SpeakerNote,
  segmentParagraph,
} from "./paragraph-marks";

/** `p-N` is the public anchor of paragraph N: citations link to `/articles/<id>#p-N`. */
export function paragraphAnchor(n: number): string {
  return `p-${n}`;
}

/** The entity page agreed across the app: `/entities/<slug>`. */
export function entityHref(slug: string): string {
  return `/entities/${encodeURIComponent(slug)}`;
}

export const entityTypeLabels: Record<EntityType, string> = {
  person: "person",
  organization: "organisation",
  place: "place",
  event: "event",
  law: "law or agreement",
};

const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 4 });

function figureTitle(mark: Extract<InlineMark, { kind: "figure" }>): string {
  const value =
    mark.figureKind === "percent" ? `${numberFormat.format(mark.value)}%` : numberFormat.format(mark.value);
  const unit = mark.unit && mark.unit !== "%" ? ` ${mark.unit}` : "";
  return `Figure: ${value}${unit}`;
}

function ParagraphNumber({ n }: { n: number }) {
  return (
    <a className="pn" href={`#${paragraphAnchor(n)}`} title={`Link to paragraph ${n}`}>
      ¶{n}
    </a>
  );
}

/**
 * One marked run of text. Each kind differs by shape, not colour alone: names are links (solid underline),
 * dates are dotted-underlined `<time>`, figures are outlined `<data>`. `announceType` adds the entity's type
 * as hidden text on its first mention, so a screen reader hears it once rather than at every name.
 */
function MarkedSegment({ segment, announceType }: { segment: Segment; announceType: boolean }) {
  const { mark, text } = segment;
  if (!mark) return text;
  if (mark.kind === "entity") {
    const type = entityTypeLabels[mark.entityType];
    return (
      <a
        className={`mark mark-entity mark-${mark.entityType}`}
        href={entityHref(mark.slug)}
        title={`${mark.name} (${type})`}
      >
        {text}
        {announceType ? <span className="visually-hidden"> ({type})</span> : null}
      </a>
    );
  }
  if (mark.kind === "time") {
    const dateTime = htmlDateTime(mark.value);
    return dateTime ? (
      <time className="mark mark-time" dateTime={dateTime} title={`Date: ${mark.value}`}>
        {text}
      </time>
    ) : (
      <span className="mark mark-time" title={`Date: ${mark.value}`}>
        {text}
      </span>
    );
  }
  return (
    <data className="mark mark-figure" value={String(mark.value)} title={figureTitle(mark)}>
      {text}
    </data>
  );
}

type Rendered = {
  paragraph: Paragraph;
  segments: Segment[];
  speakers: SpeakerNote[];
  announce: Set<Segment>;
};

function MarkedText({ item }: { item: Rendered }) {
  return item.segments.map((segment, index) => (
    <MarkedSegment key={index} segment={segment} announceType={item.announce.has(segment)} />
  ));
}

/** "— Speaker" under a paragraph that quotes someone, linking to the speaker's entity page when known. */
function Speakers({ speakers }: { speakers: SpeakerNote[] }) {
  if (speakers.length === 0) return null;
  return (
    <p className="para-speakers">
      <span className="visually-hidden">Quoted in this paragraph: </span>
      <span aria-hidden="true">— </span>
      {speakers.map((note, index) => (
        <span key={index}>
          {index > 0 ? "; " : null}
          {note.slug ? (
            <a href={entityHref(note.slug)} title={note.cue ? `${note.speaker} ${note.cue}` : undefined}>
              {note.speaker}
            </a>
          ) : (
            note.speaker
          )}
        </span>
      ))}
    </p>
  );
}

type Block = { kind: "single"; item: Rendered } | { kind: "list"; items: Rendered[] };

/** Consecutive list items become one list, so a screen reader announces "list, 4 items". */
function toBlocks(items: Rendered[]): Block[] {
  const blocks: Block[] = [];
  for (const item of items) {
    const last = blocks.at(-1);
    if (item.paragraph.kind === "list-item") {
      if (last?.kind === "list") last.items.push(item);
      else blocks.push({ kind: "list", items: [item] });
    } else {
      blocks.push({ kind: "single", item });
    }
  }
  return blocks;
}

function SingleBlock({ item }: { item: Rendered }) {
  const { paragraph } = item;
  const text = <MarkedText item={item} />;
  // The number sits beside the heading, not inside it, so the heading's accessible name is its text alone.
  const content =
    paragraph.kind === "heading" ? (
      <h2 className="body-heading">{text}</h2>
    ) : paragraph.kind === "quote" ? (
      <blockquote>
        <p>{text}</p>
      </blockquote>
    ) : paragraph.kind === "note" ? (
      <p className="note">
        <span className="note-label">Note: </span>
        {text}
      </p>
    ) : (
      <p>{text}</p>
    );
  return (
    <div className={`para para-${paragraph.kind}`} id={paragraphAnchor(paragraph.n)}>
      <ParagraphNumber n={paragraph.n} />
      {content}
      {paragraph.kind === "heading" ? null : <Speakers speakers={item.speakers} />}
    </div>
  );
}

/**
 * Segments every paragraph and picks, in reading order, the first mention of each entity outside headings
 * (a heading's accessible name must stay its own words).
 */
function renderPlan(paragraphs: Paragraph[], enrichment: EnrichmentMarks | null | undefined): Rendered[] {
  const marks = marksByParagraph(enrichment);
  const announced = new Set<string>();
  return paragraphs.map((paragraph) => {
    const own = marks.get(paragraph.n);
    const segments = segmentParagraph(paragraph.text, own?.inline ?? []);
    const announce = new Set<Segment>();
    if (paragraph.kind !== "heading") {
      for (const segment of segments) {
        if (segment.mark?.kind !== "entity" || announced.has(segment.mark.slug)) continue;
        announced.add(segment.mark.slug);
        announce.add(segment);
      }
    }
    return { paragraph, segments, speakers: own?.speakers ?? [], announce };
  });
}

/**
 * An article's body as numbered blocks, with its enrichment marked in the text when there is one: names
 * linking to entity pages, dates, figures, and who is quoted. Extracted text is rendered as text, never as
 * HTML: it came from pages we do not control.
 */
export function ArticleBody({
  paragraphs,
  lang,
  enrichment,
}: {
  paragraphs: Paragraph[];
  lang?: string | null;
  enrichment?: EnrichmentMarks | null;
}) {
  return (
    <div className="article-body" lang={lang ?? undefined}>
      {toBlocks(renderPlan(paragraphs, enrichment)).map((block) =>
        block.kind === "single" ? (
          <SingleBlock key={block.item.paragraph.n} item={block.item} />
        ) : (
          <ul className="para-list" key={`list-${block.items[0]?.paragraph.n}`}>
            {block.items.map((item) => (
              <li
                className="para para-list-item"
                id={paragraphAnchor(item.paragraph.n)}
                key={item.paragraph.n}
              >
                <ParagraphNumber n={item.paragraph.n} />
                <span>
                  <MarkedText item={item} />
                </span>
                <Speakers speakers={item.speakers} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
