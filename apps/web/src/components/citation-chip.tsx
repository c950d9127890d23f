"use client";

import type { Citation } from "@parallax/core";
import { CiteText, citationHref, citationName } from "@parallax/ui";
import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";

/**
 * A `[Caixin ¶4]` chip that opens the cited paragraph in place, under the sentence: its text, outlet, number
 * and a link to it in the full article. Rendered as that plain link until the page is interactive, so it works
 * without JavaScript; Escape closes the panel and returns focus to the chip.
 */
export function CitationChip({ citation }: { citation: Citation }) {
  const [interactive, setInteractive] = useState(false);
  const [open, setOpen] = useState(false);
  const chip = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => setInteractive(true), []);

  const href = citationHref(citation);
  const text = <CiteText citation={citation} />;
  if (!interactive)
    return (
      <a className="cite" href={href}>
        {text}
      </a>
    );

  const close = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    event.stopPropagation();
    setOpen(false);
    chip.current?.focus();
  };
  return (
    <span className="cite-holder">
      <button
        ref={chip}
        type="button"
        className="cite"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onKeyDown={close}
        onClick={() => setOpen((was) => !was)}
      >
        {text}
      </button>
      {open ? (
        <CitationPanel
          citation={citation}
          id={panelId}
          onKeyDown={close}
          onClose={() => {
            setOpen(false);
            chip.current?.focus();
          }}
        />
      ) : null}
    </span>
  );
}

/**
 * The opened chip's panel. Its own component so that the paragraph's query exists only for an opened chip: a
 * story page renders hundreds of chips, and a query per chip made each of them cost a render on the server.
 */
function CitationPanel({
  citation,
  id,
  onKeyDown,
  onClose,
}: {
  citation: Citation;
  id: string;
  onKeyDown: (event: KeyboardEvent) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const paragraph = useQuery({
    ...trpc.article.paragraph.queryOptions({ id: citation.articleId, n: citation.paragraph }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
  const href = citationHref(citation);
  const name = citationName(citation);
  return (
    // biome-ignore lint/a11y/useSemanticElements: it sits inside the cited sentence's <p> or <li>, where a <fieldset> or <section> cannot.
    <span id={id} className="cite-panel" role="group" aria-label={`Cited: ${name}`}>
      {paragraph.isPending ? (
        <span className="cite-panel-status" role="status">
          Loading the paragraph…
        </span>
      ) : paragraph.isError ? (
        <span className="cite-panel-status" role="alert">
          This paragraph cannot be shown here ({paragraph.error.message}). It may still be in the article.
        </span>
      ) : (
        <q className="cite-panel-text">{paragraph.data.text}</q>
      )}
      <span className="cite-panel-meta">
        <span>
          {paragraph.data?.outlet ?? citation.source}, ¶{citation.paragraph}
          {paragraph.data?.articleTitle ? ` of “${paragraph.data.articleTitle}”` : ""}
        </span>
        <a href={href} onKeyDown={onKeyDown}>
          Read it in the full article
        </a>
        <button type="button" className="cite-panel-close" onKeyDown={onKeyDown} onClick={onClose}>
          Close<span className="visually-hidden"> {name}</span>
        </button>
      </span>
    </span>
  );
}
