"use client";

import { formatDate, UNTITLED } from "@parallax/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { useRefreshOnNewBriefing } from "./briefing-refresh";
import { clientErrorMessage } from "./client-errors";
import { SignInTo, useViewer } from "./viewer";

export interface StoryArticleRow {
  id: string;
  title: string | null;
  sourceName: string | null;
  publishedAt: string | null;
  pinned: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Outcome = {
  text: string;
  link?: { href: string; label: string };
  /** Whether the rebuild of the briefing reached the queue. */
  queued: boolean;
};

/**
 * The story's articles with the two corrections a person can make: move one article to another story (or a
 * new one), and split selected articles off into a new story. Both are pinned where they are put. The list
 * itself is server-rendered, so it reads without JavaScript; the controls need it.
 */
export function StoryArticles({
  storyId,
  articles,
  briefingVersion,
  arrivedByMove = false,
}: {
  storyId: string;
  articles: StoryArticleRow[];
  briefingVersion: number | null;
  /** The reader was sent here by a move that emptied their story: this story's briefing is being rebuilt. */
  arrivedByMove?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { isAdmin } = useViewer();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome | null>(
    arrivedByMove ? { text: "The article was moved here.", queued: true } : null,
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [targetError, setTargetError] = useState<{ articleId: string; message: string } | null>(null);
  // The briefing version on screen when a change was made: the page refreshes once the rebuilt one is stored.
  const [watchFrom, setWatchFrom] = useState<number | null | undefined>(
    arrivedByMove ? briefingVersion : undefined,
  );
  useRefreshOnNewBriefing(storyId, briefingVersion, watchFrom !== undefined && watchFrom === briefingVersion);
  const rebuilt = watchFrom !== undefined && briefingVersion !== watchFrom;

  const onError = (error: unknown) => {
    setOutcome(null);
    setFailure(clientErrorMessage(error));
  };
  const afterChange = (result: Outcome) => {
    setFailure(null);
    setOutcome(result);
    setSelected(new Set());
    setWatchFrom(briefingVersion);
    router.refresh();
  };

  const move = useMutation(
    trpc.story.moveArticle.mutationOptions({
      onError,
      onSuccess: (result) => {
        const where = result.created ? "a new story" : "the other story";
        if (result.emptied) {
          // Nothing is left here: this story's id now leads to where its last article went.
          router.push(`/stories/${result.toStoryId}?moved=1`);
          return;
        }
        afterChange({
          text: `Moved to ${where}.`,
          link: { href: `/stories/${result.toStoryId}`, label: `Open ${where}` },
          queued: result.briefingsQueued,
        });
      },
    }),
  );
  const split = useMutation(
    trpc.story.split.mutationOptions({
      onError,
      onSuccess: (result) =>
        afterChange({
          text: `Split ${result.articleIds.length === 1 ? "one article" : `${result.articleIds.length} articles`} off into a new story.`,
          link: { href: `/stories/${result.newStoryId}`, label: "Open the new story" },
          queued: result.briefingsQueued,
        }),
    }),
  );
  const busy = move.isPending || split.isPending;

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  const submitMove = (articleId: string) => (event: FormEvent) => {
    event.preventDefault();
    const target = (targets[articleId] ?? "").trim();
    if (!UUID.test(target)) {
      setTargetError({ articleId, message: "Enter a story id (as in its address, /stories/…)." });
      return;
    }
    setTargetError(null);
    move.mutate({ articleId, toStoryId: target.toLowerCase() });
  };

  const canSplit = selected.size > 0 && selected.size < articles.length;
  return (
    <>
      <ul className="story-articles">
        {articles.map((article) => {
          const title = article.title ?? UNTITLED;
          const published = formatDate(article.publishedAt);
          const inputId = `move-${article.id}`;
          const invalid = targetError?.articleId === article.id;
          return (
            <li key={article.id} className="story-article">
              <div className="story-article-head">
                {isAdmin ? (
                  <>
                    <input
                      type="checkbox"
                      id={`select-${article.id}`}
                      checked={selected.has(article.id)}
                      onChange={(e) => toggle(article.id, e.target.checked)}
                      disabled={articles.length < 2}
                    />
                    <label htmlFor={`select-${article.id}`}>
                      <span className="visually-hidden">Select for a split: </span>
                      {title}
                    </label>
                  </>
                ) : (
                  <span>{title}</span>
                )}
              </div>
              <p className="meta">
                {article.sourceName ? <span className="meta-source">{article.sourceName}</span> : null}
                {published && article.publishedAt ? (
                  <time dateTime={article.publishedAt}>{published}</time>
                ) : null}
                {article.pinned ? <span>Placed here by hand</span> : null}
                <Link href={`/articles/${article.id}`}>
                  Read<span className="visually-hidden"> “{title}”</span>
                </Link>
              </p>
              {isAdmin ? (
                <form className="move-form" onSubmit={submitMove(article.id)} noValidate>
                  <label htmlFor={inputId}>
                    Move to story<span className="visually-hidden"> (“{title}”)</span>
                  </label>
                  <input
                    id={inputId}
                    name="toStoryId"
                    placeholder="story id"
                    autoComplete="off"
                    spellCheck={false}
                    value={targets[article.id] ?? ""}
                    onChange={(e) => setTargets({ ...targets, [article.id]: e.target.value })}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? `${inputId}-error` : undefined}
                  />
                  <button type="submit" className="button button-secondary" disabled={busy}>
                    Move<span className="visually-hidden"> “{title}”</span>
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={busy || articles.length < 2}
                    onClick={() => move.mutate({ articleId: article.id, toStoryId: "new" })}
                  >
                    Move to a new story<span className="visually-hidden"> (“{title}”)</span>
                  </button>
                  {invalid ? (
                    <p className="field-error" id={`${inputId}-error`}>
                      {targetError.message}
                    </p>
                  ) : null}
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
      {isAdmin ? (
        <div className="split-bar">
          <button
            type="button"
            className="button"
            disabled={busy || !canSplit}
            onClick={() => split.mutate({ storyId, articleIds: [...selected] })}
          >
            Split selected articles into a new story
          </button>
          <p className="story-hint muted">
            {articles.length < 2
              ? "A story of one article cannot be split."
              : "Select the articles that belong to another story; at least one must stay."}
          </p>
        </div>
      ) : (
        <SignInTo action="move articles between stories or split this story" />
      )}
      <div aria-live="polite">
        {failure ? <p className="notice notice-error">{failure}</p> : null}
        {outcome ? (
          <p className="notice notice-ok">
            {outcome.text}{" "}
            {!outcome.queued
              ? "The briefing could not be queued for a rebuild right now; it follows the story’s next change."
              : rebuilt
                ? "The briefing above is rebuilt."
                : "The briefing is being rebuilt and appears above when it is ready."}{" "}
            {outcome.link ? <Link href={outcome.link.href}>{outcome.link.label}</Link> : null}
          </p>
        ) : null}
      </div>
    </>
  );
}
