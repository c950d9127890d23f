import type { Paragraph } from "@parallax/core";

/** `p-N` is the public anchor of paragraph N: citations link to `/articles/<id>#p-N`. */
export function paragraphAnchor(n: number): string {
  return `p-${n}`;
}

function ParagraphNumber({ n }: { n: number }) {
  return (
    <a className="pn" href={`#${paragraphAnchor(n)}`} title={`Link to paragraph ${n}`}>
      ¶{n}
    </a>
  );
}

type Block = { kind: "single"; paragraph: Paragraph } | { kind: "list"; items: Paragraph[] };

/** Consecutive list items become one list, so a screen reader announces "list, 4 items". */
function toBlocks(paragraphs: Paragraph[]): Block[] {
  const blocks: Block[] = [];
  for (const paragraph of paragraphs) {
    const last = blocks.at(-1);
    if (paragraph.kind === "list-item") {
      if (last?.kind === "list") last.items.push(paragraph);
      else blocks.push({ kind: "list", items: [paragraph] });
    } else {
      blocks.push({ kind: "single", paragraph });
    }
  }
  return blocks;
}

function SingleBlock({ paragraph }: { paragraph: Paragraph }) {
  const id = paragraphAnchor(paragraph.n);
  // The number sits beside the heading, not inside it, so the heading's accessible name is its text alone.
  const content =
    paragraph.kind === "heading" ? (
      <h2 className="body-heading">{paragraph.text}</h2>
    ) : paragraph.kind === "quote" ? (
      <blockquote>
        <p>{paragraph.text}</p>
      </blockquote>
    ) : paragraph.kind === "note" ? (
      <p className="note">
        <span className="note-label">Note: </span>
        {paragraph.text}
      </p>
    ) : (
      <p>{paragraph.text}</p>
    );
  return (
    <div className={`para para-${paragraph.kind}`} id={id}>
      <ParagraphNumber n={paragraph.n} />
      {content}
    </div>
  );
}

/**
 * An article's body as numbered blocks. Extracted text is rendered as text, never as HTML: it came from
 * pages we do not control.
 */
export function ArticleBody({ paragraphs, lang }: { paragraphs: Paragraph[]; lang?: string | null }) {
  return (
    <div className="article-body" lang={lang ?? undefined}>
      {toBlocks(paragraphs).map((block) =>
        block.kind === "single" ? (
          <SingleBlock key={block.paragraph.n} paragraph={block.paragraph} />
        ) : (
          <ul className="para-list" key={`list-${block.items[0]?.n}`}>
            {block.items.map((item) => (
              <li className="para para-list-item" id={paragraphAnchor(item.n)} key={item.n}>
                <ParagraphNumber n={item.n} />
                <span>{item.text}</span>
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
