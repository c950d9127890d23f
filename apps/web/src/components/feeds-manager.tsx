"use client";

import type { RouterOutputs } from "@parallax/api";
import { formatCount, formatDateTime } from "@parallax/ui";
import { useMutation } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { clientErrorMessage } from "./client-errors";
import { Field } from "./field";
import { SignInTo, useViewer } from "./viewer";

type Feed = RouterOutputs["subscription"]["list"][number];
type Candidate = Extract<RouterOutputs["subscription"]["add"], { status: "choose" }>["candidates"][number];

const MAX_OPML_BYTES = 2 * 1024 * 1024;
const when = (date: Date | null) => (date ? (formatDateTime(date.toISOString()) ?? "—") : "never");

function StatusText({ feed }: { feed: Feed }) {
  if (feed.status === "failing")
    return (
      <span className="feeds-status feeds-status-failing">
        Failing ({formatCount(feed.consecutiveFailures, "time")} in a row, polling less often):{" "}
        {feed.lastError ?? "unknown error"}
      </span>
    );
  if (feed.status === "new") return <span className="feeds-status">Waiting for its first poll</span>;
  return <span className="feeds-status feeds-status-ok">Working</span>;
}

function FeedRow({
  feed,
  onRemoved,
  onStatus,
}: {
  feed: Feed;
  onRemoved: (feed: Feed) => void;
  onStatus: (text: string) => void;
}) {
  const trpc = useTRPC();
  const { isAdmin } = useViewer();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = feed.title ?? feed.url;
  const remove = useMutation(
    trpc.subscription.remove.mutationOptions({
      onSuccess: onRemoved,
      onError: (e) => setError(`Could not remove: ${clientErrorMessage(e)}`),
    }),
  );
  const poll = useMutation(
    trpc.subscription.pollNow.mutationOptions({
      onSuccess: () => onStatus(`${name} will be polled now; reload the page in a moment to see the result.`),
      onError: (e) => setError(`Could not poll: ${clientErrorMessage(e)}`),
    }),
  );
  const headingId = `feed-${feed.id}`;
  return (
    <li className="feeds-item" aria-labelledby={headingId}>
      <h3 id={headingId} className="feeds-title">
        {name}
      </h3>
      <p className="feeds-url">
        <a href={feed.url}>{feed.url}</a>
      </p>
      <dl className="feeds-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusText feed={feed} />
          </dd>
        </div>
        <div>
          <dt>Items</dt>
          <dd>{feed.itemCount.toLocaleString("en-GB")}</dd>
        </div>
        <div>
          <dt>Every</dt>
          <dd>{feed.intervalMinutes} min</dd>
        </div>
        <div>
          <dt>Last polled</dt>
          <dd>{when(feed.lastPolledAt)}</dd>
        </div>
        <div>
          <dt>Next poll</dt>
          <dd>{when(feed.nextPollAt)}</dd>
        </div>
      </dl>
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      {isAdmin ? (
        <p className="feeds-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => poll.mutate({ id: feed.id })}
            disabled={poll.isPending}
            aria-describedby={headingId}
          >
            {poll.isPending ? "Asking…" : "Poll now"}
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className="button feeds-danger"
                onClick={() => remove.mutate({ id: feed.id })}
                disabled={remove.isPending}
                // biome-ignore lint/a11y/noAutofocus: the confirmation replaces the button that had focus.
                autoFocus
              >
                {remove.isPending ? "Removing…" : `Yes, remove ${name}`}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirming(true)}
              aria-describedby={headingId}
            >
              Remove…
            </button>
          )}
        </p>
      ) : null}
    </li>
  );
}

/** Subscribe (with discovery on a web page), the list with each feed's state, OPML import and export. */
export function FeedsManager({ initial }: { initial: Feed[] }) {
  const trpc = useTRPC();
  const { isAdmin } = useViewer();
  const [feeds, setFeeds] = useState(initial);
  const [url, setUrl] = useState("");
  const [urlError, setUrlError] = useState<string | undefined>();
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [status, setStatus] = useState("");
  const [importError, setImportError] = useState<string | null>(null);

  const upsert = (feed: Feed) =>
    setFeeds((list) =>
      [...list.filter((f) => f.id !== feed.id), feed].sort((a, b) =>
        (a.title ?? a.url).localeCompare(b.title ?? b.url),
      ),
    );

  const add = useMutation(
    trpc.subscription.add.mutationOptions({
      onSuccess: (result) => {
        if (result.status === "choose") {
          setCandidates(result.candidates);
          setStatus(
            `That is a web page. ${formatCount(result.candidates.length, "feed")} found on it; choose one below.`,
          );
          return;
        }
        upsert(result.feed);
        setCandidates(null);
        setUrl("");
        setStatus(
          result.created
            ? `Subscribed to ${result.feed.title ?? result.feed.url}. Its first poll runs now.`
            : `Already subscribed to ${result.feed.title ?? result.feed.url}.`,
        );
      },
      onError: (error) => setUrlError(clientErrorMessage(error)),
    }),
  );
  const importer = useMutation(
    trpc.subscription.importOpml.mutationOptions({
      onSuccess: (result) => {
        setStatus(
          `Imported ${formatCount(result.added, "feed")}; ${result.existing} already subscribed, ${result.skipped.length} skipped. Reload to see them.`,
        );
        setImportError(
          result.skipped.length
            ? `Skipped: ${result.skipped.map((s) => `${s.text} (${s.reason})`).join("; ")}`
            : null,
        );
      },
      onError: (error) => setImportError(`Could not import: ${clientErrorMessage(error)}`),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = url.trim();
    if (!/^https?:\/\/\S+$/i.test(value)) {
      setUrlError("Enter the address of a feed or a site, starting with http:// or https://.");
      document.getElementById("feed-url")?.focus();
      return;
    }
    setUrlError(undefined);
    add.mutate({ url: value });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    setImportError(null);
    if (!file) return;
    if (file.size === 0) return setImportError(`${file.name} is empty.`);
    if (file.size > MAX_OPML_BYTES) return setImportError(`${file.name} is larger than 2 MB.`);
    importer.mutate({ opml: await file.text() });
  }

  return (
    <div className="feeds">
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <section aria-labelledby="feeds-add-heading" className="feeds-section">
        <h2 id="feeds-add-heading">Add a feed</h2>
        {isAdmin ? null : <SignInTo action="add, poll, remove or import feeds" />}
        {isAdmin ? (
          <form className="form feeds-add" onSubmit={onSubmit} noValidate>
            <Field
              id="feed-url"
              label="Feed or site address"
              hint="A feed’s URL, or a site’s home page to look for its feeds."
              type="url"
              value={url}
              onChange={setUrl}
              error={urlError}
            />
            <p>
              <button type="submit" className="button" disabled={add.isPending}>
                {add.isPending ? "Checking…" : "Add"}
              </button>
            </p>
          </form>
        ) : null}
        {candidates ? (
          <div className="feeds-candidates">
            <h3>Feeds found on that page</h3>
            <ul>
              {candidates.map((c) => (
                <li key={c.url}>
                  <span>
                    {c.title ?? "Untitled feed"} — <span className="feeds-url">{c.url}</span> (
                    {formatCount(c.itemCount, "item")})
                  </span>{" "}
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => add.mutate({ url: c.url })}
                    disabled={add.isPending}
                  >
                    Subscribe to {c.title ?? c.url}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {status ? <p className="notice notice-ok">{status}</p> : null}
      </section>

      <section aria-labelledby="feeds-list-heading" className="feeds-section">
        <h2 id="feeds-list-heading" tabIndex={-1}>
          Subscriptions ({feeds.length})
        </h2>
        {feeds.length === 0 ? (
          <p className="empty-state">No feeds yet. Add one above, or import an OPML file.</p>
        ) : (
          <ul className="feeds-list">
            {feeds.map((feed) => (
              <FeedRow
                key={feed.id}
                feed={feed}
                onStatus={setStatus}
                onRemoved={(removed) => {
                  setFeeds((list) => list.filter((f) => f.id !== removed.id));
                  setStatus(`Removed ${removed.title ?? removed.url}; its articles stay.`);
                  requestAnimationFrame(() => document.getElementById("feeds-list-heading")?.focus());
                }}
              />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="feeds-opml-heading" className="feeds-section">
        <h2 id="feeds-opml-heading">OPML</h2>
        {isAdmin ? (
          <p>
            <label htmlFor="feeds-opml-file">Import subscriptions from an OPML file</label>
            <br />
            <input
              id="feeds-opml-file"
              type="file"
              accept=".opml,.xml,text/x-opml,application/xml,text/xml"
              onChange={onFile}
              disabled={importer.isPending}
              aria-describedby={importError ? "feeds-opml-error" : undefined}
            />
          </p>
        ) : null}
        {importError ? (
          <p id="feeds-opml-error" className="notice notice-error" role="alert">
            {importError}
          </p>
        ) : null}
        <p>
          <a href="/feeds/export.opml" download>
            Export subscriptions as OPML
          </a>
        </p>
      </section>
    </div>
  );
}
