"use client";

import type { RouterOutputs } from "@parallax/api";
import { type WatchKind, watchKinds, zNewWatch } from "@parallax/core";
import { formatDateTime } from "@parallax/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { watchTitle } from "~/alert-feed";
import { useTRPC } from "~/trpc/react";
import { clientErrorMessage, errorIssues } from "./client-errors";
import { Field } from "./field";
import { SignInTo, useViewer } from "./viewer";

type Watch = RouterOutputs["watch"]["list"]["items"][number];
type Fields = { kind: WatchKind; value: string; label: string; webhookUrl: string };
type Errors = Partial<Record<keyof Fields, string>>;

const KIND_LABELS: Record<WatchKind, string> = {
  entity: "An entity (person, organisation, place)",
  query: "A search query",
  outlet: "An outlet",
};
const VALUE_HINTS: Record<WatchKind, string> = {
  entity: "The entity’s slug, as in its page address: shigeru-ishiba for /entities/shigeru-ishiba.",
  query: 'Words as on the search page: "exact phrase", or, -excluded. At most 300 characters.',
  outlet: "The outlet’s domain, such as nikkei.com, or its source id.",
};

function fieldErrors(issues: ReadonlyArray<{ path: string; message: string }>): Errors {
  const found: Errors = {};
  for (const issue of issues) {
    const key = issue.path.split(".")[0] as keyof Fields;
    if (key in { kind: 1, value: 1, label: 1, webhookUrl: 1 } && !found[key]) found[key] = issue.message;
  }
  return found;
}

function WatchForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [fields, setFields] = useState<Fields>({ kind: "entity", value: "", label: "", webhookUrl: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ title: string; secret: string | null } | null>(null);
  const create = useMutation(
    trpc.watch.create.mutationOptions({
      onSuccess: ({ watch, secret }) => {
        setCreated({ title: watchTitle(watch), secret: watch.webhookUrl ? secret : null });
        setFields((f) => ({ ...f, value: "", label: "", webhookUrl: "" }));
        router.refresh();
      },
      onError: (error) => {
        const found = fieldErrors(errorIssues(error));
        setErrors(found);
        setFormError(
          Object.keys(found).length > 0 ? null : `Could not save the watch: ${clientErrorMessage(error)}`,
        );
      },
    }),
  );
  const set = (name: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setCreated(null);
    const parsed = zNewWatch.safeParse(fields);
    if (!parsed.success) {
      const found = fieldErrors(
        parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
      setErrors(found);
      const first = Object.keys(found)[0];
      if (first) document.getElementById(`watch-${first}`)?.focus();
      return;
    }
    setErrors({});
    create.mutate(fields);
  }

  return (
    <form className="form watch-form" onSubmit={onSubmit} noValidate aria-labelledby="new-watch-heading">
      <div className="field">
        <label htmlFor="watch-kind">What to watch</label>
        <select
          id="watch-kind"
          name="watch-kind"
          value={fields.kind}
          onChange={(event) => set("kind")(event.target.value)}
        >
          {watchKinds.map((kind) => (
            <option key={kind} value={kind}>
              {KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="watch-value"
        label={fields.kind === "entity" ? "Entity" : fields.kind === "query" ? "Query" : "Outlet"}
        hint={VALUE_HINTS[fields.kind]}
        value={fields.value}
        onChange={set("value")}
        error={errors.value}
      />
      <Field
        id="watch-label"
        label="Name (optional)"
        hint="How the watch is listed; its kind and value when empty."
        value={fields.label}
        onChange={set("label")}
        error={errors.label}
      />
      <Field
        id="watch-webhookUrl"
        label="Webhook URL (optional)"
        hint="Each alert is POSTed here as signed JSON (http:// or https://)."
        type="url"
        value={fields.webhookUrl}
        onChange={set("webhookUrl")}
        error={errors.webhookUrl}
      />
      {formError ? (
        <p className="notice notice-error" role="alert">
          {formError}
        </p>
      ) : null}
      <p>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Saving…" : "Save watch"}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {created ? (
          <div className="notice watch-created">
            <p>Saved the watch “{created.title}”.</p>
            {created.secret ? (
              <>
                <p>
                  Its webhook secret, shown only now (an administrator can show it again). Verify each
                  delivery’s X-Parallax-Signature with it:
                </p>
                <p>
                  <code className="watch-secret">{created.secret}</code>
                </p>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </form>
  );
}

function WatchItem({ watch, onRemoved }: { watch: Watch; onRemoved: (title: string) => void }) {
  const trpc = useTRPC();
  const { isAdmin } = useViewer();
  const queryClient = useQueryClient();
  const title = watchTitle(watch);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = useMutation(
    trpc.watch.remove.mutationOptions({
      onSuccess: () => onRemoved(title),
      onError: (e) => setError(`Could not remove: ${clientErrorMessage(e)}`),
    }),
  );
  async function showSecret() {
    try {
      setSecret((await queryClient.fetchQuery(trpc.watch.secret.queryOptions({ id: watch.id }))).secret);
    } catch (e) {
      setError(`Could not show the secret: ${clientErrorMessage(e)}`);
    }
  }
  const last = watch.lastAlertAt ? formatDateTime(new Date(watch.lastAlertAt).toISOString()) : null;
  return (
    <li className="watch-item">
      <h3 className="watch-title">{title}</h3>
      <dl className="watch-facts">
        <dt>Kind</dt>
        <dd>
          {watch.kind} <code>{watch.value}</code>
        </dd>
        <dt>Last alert</dt>
        <dd>{last ?? "None yet"}</dd>
        <dt>Alerts</dt>
        <dd>
          {watch.alertCount} ({watch.unreadCount} unread)
        </dd>
        <dt>Webhook</dt>
        <dd>{watch.webhookUrl ? <code className="watch-url">{watch.webhookUrl}</code> : "None"}</dd>
      </dl>
      {secret ? (
        <p>
          Webhook secret: <code className="watch-secret">{secret}</code>
        </p>
      ) : null}
      {error ? (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="watch-actions">
        <a href={`/alerts/feeds/${watch.id}.atom`}>
          Atom feed<span className="visually-hidden"> of {title}</span>
        </a>
        {isAdmin && watch.webhookUrl && !secret ? (
          <button type="button" className="button button-secondary" onClick={showSecret}>
            Show secret<span className="visually-hidden"> of {title}</span>
          </button>
        ) : null}
        {isAdmin ? (
          <button
            type="button"
            className="button button-secondary"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ id: watch.id })}
          >
            Remove<span className="visually-hidden"> {title}</span>
          </button>
        ) : null}
      </p>
    </li>
  );
}

/** The form for a new watch and the list of watches; changes re-render the page's server data. */
export function WatchManager({ watches }: { watches: Watch[] }) {
  const router = useRouter();
  const { isAdmin } = useViewer();
  const [status, setStatus] = useState("");
  return (
    <>
      <section aria-labelledby="new-watch-heading" className="alerts-section">
        <h2 id="new-watch-heading">New watch</h2>
        {isAdmin ? <WatchForm /> : <SignInTo action="save, remove or mark watches' alerts read" />}
      </section>
      <section aria-labelledby="watches-heading" className="alerts-section">
        <h2 id="watches-heading">Watches</h2>
        <p role="status" aria-live="polite" className="visually-hidden">
          {status}
        </p>
        {watches.length === 0 ? (
          <p className="empty-state">No watches yet. Save one above to be alerted.</p>
        ) : (
          <ul className="watch-list">
            {watches.map((watch) => (
              <WatchItem
                key={watch.id}
                watch={watch}
                onRemoved={(title) => {
                  setStatus(`Removed the watch “${title}”.`);
                  router.refresh();
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** Marks every unread alert read. */
export function MarkAllRead({ unread }: { unread: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { isAdmin } = useViewer();
  const [message, setMessage] = useState("");
  const mark = useMutation(
    trpc.watch.markRead.mutationOptions({
      onSuccess: ({ marked }) => {
        setMessage(`Marked ${marked} alert${marked === 1 ? "" : "s"} read.`);
        router.refresh();
      },
      onError: (e) => setMessage(`Could not mark alerts read: ${clientErrorMessage(e)}`),
    }),
  );
  if (!isAdmin) return null;
  return (
    <p className="alerts-mark">
      <button
        type="button"
        className="button button-secondary"
        disabled={unread === 0 || mark.isPending}
        onClick={() => mark.mutate({ all: true })}
      >
        Mark all read
      </button>
      <span role="status" aria-live="polite">
        {message}
      </span>
    </p>
  );
}
