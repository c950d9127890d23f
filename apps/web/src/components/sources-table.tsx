"use client";

import type { RouterOutputs } from "@parallax/api";
import { countryName } from "@parallax/core/sources";
import { formatDate, languageName, ScrollArea } from "@parallax/ui";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, Fragment, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { clientErrorMessage, errorIssues } from "./client-errors";
import { Field } from "./field";
import { SignInTo, useViewer } from "./viewer";
import {
  checkSettings,
  type SettingsErrors,
  type SettingsFields,
  sectionLines,
  settingsErrors,
} from "./source-settings";

type Outlet = RouterOutputs["source"]["list"]["items"][number];

function fieldsOf(outlet: Outlet): SettingsFields {
  return {
    country: outlet.country ?? "",
    perspective: outlet.perspective ?? "",
    opinionSections: outlet.opinionSections.join("\n"),
  };
}

function CountryCell({ outlet }: { outlet: Outlet }) {
  if (!outlet.country) return <span className="sources-unknown">Not known</span>;
  return (
    <>
      {countryName(outlet.country)} <span className="sources-code">({outlet.country})</span>
      {outlet.countrySource === "inferred" ? (
        <span className="sources-note"> inferred from the domain</span>
      ) : null}
    </>
  );
}

function SettingsForm({
  outlet,
  onSaved,
  onCancel,
}: {
  outlet: Outlet;
  onSaved: (outlet: Outlet) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const [fields, setFields] = useState<SettingsFields>(() => fieldsOf(outlet));
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const prefix = `source-${outlet.id}`;
  const update = useMutation(
    trpc.source.update.mutationOptions({
      onSuccess: onSaved,
      onError: (error) => {
        const { fields: fieldErrors, general } = settingsErrors(errorIssues(error));
        setErrors(fieldErrors);
        setFormError(
          Object.keys(fieldErrors).length > 0 && general.length === 0
            ? null
            : `Could not save: ${general[0] ?? clientErrorMessage(error)}`,
        );
      },
    }),
  );
  const set = (name: keyof SettingsFields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkSettings(fields);
    setErrors(found);
    setFormError(null);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${prefix}-${first}`)?.focus();
      return;
    }
    update.mutate({
      id: outlet.id,
      country: fields.country.trim() || null,
      perspective: fields.perspective.trim() || null,
      opinionSections: sectionLines(fields.opinionSections),
    });
  }

  return (
    <form
      className="form sources-form"
      onSubmit={onSubmit}
      noValidate
      aria-label={`Settings for ${outlet.name}`}
    >
      <Field
        id={`${prefix}-country`}
        label="Country"
        hint="Two-letter ISO 3166 code, such as JP or GB. Empty means not known."
        value={fields.country}
        onChange={set("country")}
        error={errors.country}
      />
      <Field
        id={`${prefix}-perspective`}
        label="Perspective"
        hint="A short label, such as “Japanese centre-right” (at most 80 characters)."
        value={fields.perspective}
        onChange={set("perspective")}
        error={errors.perspective}
      />
      <Field
        id={`${prefix}-opinionSections`}
        label="Opinion sections"
        hint="One per line: a section name (Commentary) or a URL path starting with / (/opinion/). Articles there count as opinion. At most 20."
        value={fields.opinionSections}
        onChange={set("opinionSections")}
        error={errors.opinionSections}
        multiline
      />
      {formError ? (
        <p className="notice notice-error" role="alert">
          {formError}
        </p>
      ) : null}
      <p className="sources-form-actions">
        <button type="submit" className="button" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}

/**
 * The outlets, one row each (a card on a phone), with an edit form opening under an outlet's row.
 * Saving updates the row in place and says so in a live region.
 */
export function SourcesTable({ initial }: { initial: Outlet[] }) {
  const { isAdmin } = useViewer();
  const [outlets, setOutlets] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const close = (id: string) => {
    setEditing(null);
    // Back to the button that opened the form, so keyboard users keep their place.
    requestAnimationFrame(() => document.getElementById(`source-edit-${id}`)?.focus());
  };

  return (
    <>
      <p role="status" aria-live="polite" className="sources-status">
        {status}
      </p>
      {isAdmin ? null : <SignInTo action="edit an outlet's country, perspective or opinion sections" />}
      <ScrollArea label="Outlets (scrolls sideways)">
        <table className="outlets-table">
          <caption className="visually-hidden">Outlets, most articles first</caption>
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Country</th>
              <th scope="col">Languages</th>
              <th scope="col" className="num">
                Articles
              </th>
              <th scope="col">Latest article</th>
              <th scope="col">Perspective</th>
              <th scope="col">Opinion sections</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {outlets.map((outlet) => (
              <Fragment key={outlet.id}>
                <tr>
                  <th scope="row" data-label="Outlet">
                    {outlet.name}
                    {outlet.domain && outlet.domain !== outlet.name ? (
                      <span className="sources-domain">{outlet.domain}</span>
                    ) : null}
                  </th>
                  <td data-label="Country">
                    <CountryCell outlet={outlet} />
                  </td>
                  <td data-label="Languages">
                    {outlet.languages.length > 0 ? (
                      outlet.languages.map((code) => languageName(code) ?? code).join(", ")
                    ) : (
                      <span className="sources-unknown">Not known</span>
                    )}
                  </td>
                  <td data-label="Articles" className="num">
                    {outlet.articleCount.toLocaleString("en-GB")}
                  </td>
                  <td data-label="Latest article">{formatDate(outlet.latestArticleAt) ?? "None"}</td>
                  <td data-label="Perspective">
                    {outlet.perspective ?? <span className="sources-unknown">None</span>}
                  </td>
                  <td data-label="Opinion sections">
                    {outlet.opinionSections.length > 0 ? (
                      <ul className="sources-sections">
                        {outlet.opinionSections.map((section) => (
                          <li key={section}>
                            <code>{section}</code>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="sources-unknown">None</span>
                    )}
                  </td>
                  <td className="sources-actions">
                    {isAdmin ? (
                      <button
                        type="button"
                        id={`source-edit-${outlet.id}`}
                        className="button button-secondary"
                        aria-expanded={editing === outlet.id}
                        aria-controls={editing === outlet.id ? `source-form-${outlet.id}` : undefined}
                        onClick={() => setEditing(editing === outlet.id ? null : outlet.id)}
                      >
                        Edit<span className="visually-hidden"> {outlet.name}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
                {editing === outlet.id ? (
                  <tr className="sources-form-row" id={`source-form-${outlet.id}`}>
                    <td colSpan={8}>
                      <SettingsForm
                        outlet={outlet}
                        onCancel={() => close(outlet.id)}
                        onSaved={(saved) => {
                          setOutlets((list) => list.map((o) => (o.id === saved.id ? saved : o)));
                          setStatus(`Saved the settings of ${saved.name}.`);
                          close(saved.id);
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </>
  );
}
