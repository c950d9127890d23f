"use client";

import type { RouterInputs, RouterOutputs } from "@parallax/api";
import { MAX_PASTE_BYTES } from "@parallax/core";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { clientErrorMessage, errorIssues } from "./client-errors";
import { Field } from "./field";
import { JobProgress } from "./job-progress";
import { TabList, TabPanel } from "./tabs";

type Kind = "url" | "text" | "html";
type SubmitInput = RouterInputs["article"]["submit"];
type SubmitResult = RouterOutputs["article"]["submit"];
type Errors = Partial<Record<string, string>>;

const tabs = [
  { id: "url", label: "URL" },
  { id: "text", label: "Paste text" },
  { id: "html", label: "Paste HTML" },
] as const;

const PREFIX = "submit";
const emptyFields = { url: "", text: "", title: "", sourceName: "", html: "", htmlUrl: "" };
type Fields = typeof emptyFields;

function checkUrl(value: string, required: boolean): string | null {
  const trimmed = value.trim();
  if (!trimmed) return required ? "Enter the address of an article." : null;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:"
      ? null
      : "The address must start with http:// or https://.";
  } catch {
    return "This is not a complete web address (for example https://example.com/story).";
  }
}

function checkDocument(value: string, what: string): string | null {
  if (!value.trim()) return `Paste the ${what} first.`;
  if (new TextEncoder().encode(value).length > MAX_PASTE_BYTES) return `The ${what} is larger than 5 MB.`;
  return null;
}

/** Checks what can be checked here and builds the request; the server checks again with the same schema. */
function buildRequest(kind: Kind, fields: Fields): { input: SubmitInput | null; errors: Errors } {
  const errors: Errors = {};
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  if (kind === "url") {
    const problem = checkUrl(fields.url, true);
    if (problem) errors["url.url"] = problem;
    return { input: problem ? null : { url: fields.url.trim() }, errors };
  }
  if (kind === "text") {
    const problem = checkDocument(fields.text, "text");
    if (problem) errors["text.text"] = problem;
    const title = optional(fields.title);
    const sourceName = optional(fields.sourceName);
    const input = { text: fields.text, ...(title ? { title } : {}), ...(sourceName ? { sourceName } : {}) };
    return { input: problem ? null : input, errors };
  }
  const problem = checkDocument(fields.html, "HTML");
  if (problem) errors["html.html"] = problem;
  const urlProblem = checkUrl(fields.htmlUrl, false);
  if (urlProblem) errors["html.url"] = urlProblem;
  const url = optional(fields.htmlUrl);
  return { input: problem || urlProblem ? null : { html: fields.html, ...(url ? { url } : {}) }, errors };
}

const REFETCH_NOTES = {
  queued: "A refresh was queued: if the page has changed, the article gets a new revision.",
  recent: "This page was refreshed a few minutes ago; the article already shows what it found.",
  deferred: "A refresh could not be queued right now; submit it again later to look for changes.",
} as const;

function SubmissionResult({ result }: { result: SubmitResult }) {
  const href = `/articles/${result.articleId}`;
  if (!result.created && (result.status === "ready" || result.status === "duplicate")) {
    return (
      <div className="notice notice-warn" role="status">
        <p className="notice-title">Already in Parallax</p>
        {result.refetch ? <p>{REFETCH_NOTES[result.refetch]}</p> : null}
        <p>
          <Link href={href}>Read the article</Link>
        </p>
      </div>
    );
  }
  return (
    <>
      {result.created ? null : <p className="notice-title">Already in Parallax; following its progress.</p>}
      <JobProgress articleId={result.articleId} />
    </>
  );
}

export function SubmitForm() {
  const trpc = useTRPC();
  const [kind, setKind] = useState<Kind>("url");
  const [fields, setFields] = useState<Fields>(emptyFields);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<SubmitResult | null>(null);

  const submit = useMutation(
    trpc.article.submit.mutationOptions({
      onSuccess: (data) => setResult(data),
      onError: (error, input) => {
        const submittedKind: Kind = "text" in input ? "text" : "html" in input ? "html" : "url";
        const fieldErrors: Errors = {};
        const general: string[] = [];
        for (const issue of errorIssues(error)) {
          if (issue.path) fieldErrors[`${submittedKind}.${issue.path}`] = issue.message;
          else general.push(issue.message);
        }
        setErrors(fieldErrors);
        setFormError(
          Object.keys(fieldErrors).length > 0 && general.length === 0
            ? null
            : `Could not submit: ${general[0] ?? clientErrorMessage(error)}`,
        );
      },
    }),
  );

  const set = (name: keyof Fields) => (value: string) =>
    setFields((current) => ({ ...current, [name]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { input, errors: found } = buildRequest(kind, fields);
    setErrors(found);
    setFormError(null);
    setResult(null);
    if (!input) {
      const first = Object.keys(found)[0];
      if (first) document.getElementById(`${PREFIX}-${first.replace(".", "-")}`)?.focus();
      return;
    }
    submit.mutate(input);
  }

  const fieldProps = (key: string, name: keyof Fields) => ({
    id: `${PREFIX}-${key.replace(".", "-")}`,
    value: fields[name],
    onChange: set(name),
    error: errors[key],
  });
  const button = (
    <button type="submit" className="button" disabled={submit.isPending}>
      {submit.isPending ? "Submitting…" : "Add to Parallax"}
    </button>
  );

  return (
    <div>
      <TabList tabs={tabs} selected={kind} onSelect={setKind} prefix={PREFIX} label="What to submit" />
      <TabPanel prefix={PREFIX} id="url" selected={kind === "url"}>
        <form className="form" onSubmit={onSubmit} noValidate>
          <Field label="Article URL" type="url" placeholder="https://" {...fieldProps("url.url", "url")} />
          {button}
        </form>
      </TabPanel>
      <TabPanel prefix={PREFIX} id="text" selected={kind === "text"}>
        <form className="form" onSubmit={onSubmit} noValidate>
          <Field
            label="Text"
            multiline
            hint="The article’s text, headings on lines of their own."
            {...fieldProps("text.text", "text")}
          />
          <Field label="Title (optional)" {...fieldProps("text.title", "title")} />
          <Field
            label="Source name (optional)"
            hint="The outlet that published it."
            {...fieldProps("text.sourceName", "sourceName")}
          />
          {button}
        </form>
      </TabPanel>
      <TabPanel prefix={PREFIX} id="html" selected={kind === "html"}>
        <form className="form" onSubmit={onSubmit} noValidate>
          <Field
            label="HTML"
            multiline
            code
            hint="The page’s full HTML source."
            {...fieldProps("html.html", "html")}
          />
          <Field
            label="Page URL (optional)"
            type="url"
            placeholder="https://"
            {...fieldProps("html.url", "htmlUrl")}
          />
          {button}
        </form>
      </TabPanel>
      <section aria-label="Submission status" className="submission-status">
        {formError ? (
          <div className="notice notice-error" role="alert">
            <p>{formError}</p>
          </div>
        ) : null}
        {result ? <SubmissionResult key={result.articleId} result={result} /> : null}
      </section>
    </div>
  );
}
