"use client";

import { formatDateTime } from "@parallax/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { clientErrorMessage } from "./client-errors";
import { Field } from "./field";

const when = (date: Date | null) => (date ? (formatDateTime(date.toISOString()) ?? "—") : "never");

/** Create API tokens (each shown once) and revoke them; the list says when each was last used. */
export function TokensManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.admin.tokens.queryOptions());
  const [name, setName] = useState("");
  const [scope, setScope] = useState<"submit" | "admin">("submit");
  const [nameError, setNameError] = useState<string | undefined>();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [status, setStatus] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.tokens.queryKey() });

  const create = useMutation(
    trpc.admin.createToken.mutationOptions({
      onSuccess: ({ token, record }) => {
        setCreated({ name: record.name, token });
        setName("");
        void refresh();
      },
      onError: (error) => setNameError(clientErrorMessage(error)),
    }),
  );
  const revoke = useMutation(
    trpc.admin.revokeToken.mutationOptions({
      onSuccess: () => {
        setStatus("Token revoked: requests with it are refused from now on.");
        void refresh();
      },
      onError: (error) => setStatus(`Could not revoke: ${clientErrorMessage(error)}`),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setNameError("Name the token, for example after the script that will use it.");
      document.getElementById("token-name")?.focus();
      return;
    }
    setNameError(undefined);
    setCreated(null);
    create.mutate({ name: name.trim(), scope });
  }

  return (
    <section aria-label="API tokens" className="tokens">
      <form className="form tokens-form" onSubmit={onSubmit} noValidate>
        <Field id="token-name" label="Token name" value={name} onChange={setName} error={nameError} />
        <div className="field">
          <label htmlFor="token-scope">Scope</label>
          <select
            id="token-scope"
            value={scope}
            onChange={(event) => setScope(event.target.value as "submit" | "admin")}
          >
            <option value="submit">submit: submit articles only</option>
            <option value="admin">admin: everything an administrator can do</option>
          </select>
        </div>
        <p>
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? "Creating…" : "Create token"}
          </button>
        </p>
      </form>
      {created ? (
        <div className="notice notice-ok tokens-created" role="status">
          <p>Token “{created.name}” created. Copy it now: it is not shown again.</p>
          <p>
            <code className="token-value">{created.token}</code>
          </p>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="tokens-status">
        {status}
      </p>
      {tokens.error ? (
        <p className="notice notice-error" role="alert">
          Could not list the tokens: {clientErrorMessage(tokens.error)}
        </p>
      ) : null}
      {tokens.data && tokens.data.length === 0 ? <p className="empty-state">No API tokens yet.</p> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <ul className="tokens-list">
          {tokens.data.map((token) => (
            <li key={token.id} className={token.revokedAt ? "token-item token-revoked" : "token-item"}>
              <h3 className="token-name">{token.name}</h3>
              <dl className="token-facts">
                <dt>Token</dt>
                <dd>
                  <code>{token.prefix}…</code>
                </dd>
                <dt>Scope</dt>
                <dd>{token.scope}</dd>
                <dt>Created</dt>
                <dd>{when(token.createdAt)}</dd>
                <dt>Last used</dt>
                <dd>{when(token.lastUsedAt)}</dd>
                {token.revokedAt ? (
                  <>
                    <dt>Revoked</dt>
                    <dd>{when(token.revokedAt)}</dd>
                  </>
                ) : null}
              </dl>
              {token.revokedAt ? null : (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: token.id })}
                >
                  Revoke<span className="visually-hidden"> {token.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
