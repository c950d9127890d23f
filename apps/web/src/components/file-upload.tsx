"use client";

import { checkUpload, MAX_UPLOAD_FILES, UPLOAD_ACCEPT } from "@parallax/core/upload/check";
import { formatCount, ProgressBar } from "@parallax/ui";
import { type ChangeEvent, type DragEvent, useCallback, useEffect, useRef, useState } from "react";
import { JobProgress } from "./job-progress";

/** Files sent at once: enough to keep the connection busy, few enough that each one's progress means something. */
const CONCURRENCY = 3;
/** Binary formats announce themselves in their first bytes; the server looks at the whole file again. */
const SNIFF_BYTES = 8192;

type Phase = "waiting" | "uploading" | "submitted" | "error";

interface Row {
  key: string;
  name: string;
  size: number;
  file: File | null;
  phase: Phase;
  loaded: number;
  error: string | null;
  articleId: string | null;
  created: boolean;
}

interface UploadReply {
  id?: string;
  created?: boolean;
  error?: string;
}

/** NUL bytes without a UTF-16 byte-order mark: not a text file, whatever its name. */
async function looksBinary(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !utf16 && head.includes(0);
}

/** One file to POST /api/uploads, reporting bytes sent; resolves with the server's reply, never rejects. */
function send(
  file: File,
  onProgress: (loaded: number) => void,
): Promise<{ status: number; reply: UploadReply }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/uploads?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (event) => onProgress(event.loaded);
    xhr.onload = () => {
      let reply: UploadReply = {};
      try {
        reply = JSON.parse(xhr.responseText) as UploadReply;
      } catch {
        reply = { error: `the server answered ${xhr.status} without a readable reason` };
      }
      resolve({ status: xhr.status, reply });
    };
    xhr.onerror = () =>
      resolve({ status: 0, reply: { error: "could not reach Parallax; check your connection." } });
    xhr.send(file);
  });
}

function sizeLabel(bytes: number): string {
  return bytes < 1024
    ? formatCount(bytes, "byte")
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function RowStatus({ row }: { row: Row }) {
  if (row.phase === "error") {
    return (
      <div className="notice notice-error" role="alert">
        <p>{row.error}</p>
      </div>
    );
  }
  if (row.phase === "waiting") return <p className="upload-waiting">Waiting to upload…</p>;
  if (row.phase === "uploading") {
    const percent = row.size > 0 ? (row.loaded / row.size) * 100 : 0;
    return <ProgressBar percent={percent} label="Uploading" />;
  }
  return row.articleId ? (
    <>
      {row.created ? null : <p className="notice-title">Already in Parallax; following its progress.</p>}
      <JobProgress articleId={row.articleId} />
    </>
  ) : null;
}

/**
 * Upload saved pages and text files, many at once: each file is checked here (name, size, binary content),
 * sent on its own with its upload progress, then followed through the pipeline like a pasted article. One
 * file's failure never stops the others.
 */
export function FileUpload() {
  const [rows, setRows] = useState<Row[]>([]);
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [batchNotice, setBatchNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const active = useRef(0);
  const started = useRef(new Set<string>());

  const update = useCallback((key: string, change: Partial<Row>) => {
    setRows((list) => list.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }, []);

  // Starts waiting files while fewer than CONCURRENCY are on their way.
  useEffect(() => {
    const next = rows.filter((row) => row.phase === "waiting" && row.file && !started.current.has(row.key));
    for (const row of next) {
      if (active.current >= CONCURRENCY) break;
      active.current += 1;
      started.current.add(row.key);
      const file = row.file!;
      update(row.key, { phase: "uploading", loaded: 0, file: null });
      void send(file, (loaded) => update(row.key, { loaded })).then(({ status, reply }) => {
        active.current -= 1;
        if ((status === 200 || status === 202) && reply.id) {
          update(row.key, {
            phase: "submitted",
            loaded: row.size,
            articleId: reply.id,
            created: reply.created ?? true,
          });
        } else {
          update(row.key, {
            phase: "error",
            error: reply.error ?? `“${row.name}” could not be uploaded (the server answered ${status}).`,
          });
        }
      });
    }
  }, [rows, update]);

  async function addFiles(chosen: readonly File[]) {
    if (chosen.length === 0) return;
    const files = chosen.slice(0, MAX_UPLOAD_FILES);
    const left = chosen.length - files.length;
    setBatchNotice(
      left > 0
        ? `${formatCount(chosen.length, "file")} chosen: at most ${MAX_UPLOAD_FILES} are uploaded at once. The first ${MAX_UPLOAD_FILES} are on their way; add the other ${left} once they are done.`
        : null,
    );
    const added: Row[] = await Promise.all(
      files.map(async (file) => {
        const key = `upload-${++counter.current}`;
        const base = { key, name: file.name, size: file.size, loaded: 0, articleId: null, created: false };
        const checked = checkUpload(file.name, file.size);
        if (!checked.ok) return { ...base, file: null, phase: "error" as const, error: checked.error };
        if (await looksBinary(file).catch(() => false)) {
          return {
            ...base,
            file: null,
            phase: "error" as const,
            error: `“${file.name}” is not text or HTML: it contains binary data.`,
          };
        }
        return { ...base, file, phase: "waiting" as const, error: null };
      }),
    );
    const refused = added.filter((row) => row.phase === "error").length;
    setAnnouncement(
      `${formatCount(added.length, "file")} added${refused > 0 ? `, ${refused} cannot be uploaded` : ""}${left > 0 ? `, ${left} left out (at most ${MAX_UPLOAD_FILES} at once)` : ""}.`,
    );
    setRows((list) => [...added, ...list]);
  }

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    void addFiles([...(event.target.files ?? [])]);
    // The same file can be chosen again after a fix.
    event.target.value = "";
  }

  function onDrop(event: DragEvent<HTMLFieldSetElement>) {
    event.preventDefault();
    setDragging(false);
    void addFiles([...event.dataTransfer.files]);
  }

  return (
    <section aria-labelledby="upload-heading" className="upload">
      <h2 id="upload-heading">Upload files</h2>
      <fieldset
        className={`upload-drop${dragging ? " upload-drop-active" : ""}`}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <legend className="visually-hidden">Files to upload</legend>
        <label htmlFor="upload-files" className="upload-label">
          Choose files
        </label>
        <p className="hint" id="upload-hint">
          Saved web pages (.html, .htm), text (.txt) or Markdown (.md), up to 5 MB each; pick up to{" "}
          {MAX_UPLOAD_FILES} at once or drop them here.
        </p>
        <input
          ref={inputRef}
          id="upload-files"
          type="file"
          multiple
          accept={UPLOAD_ACCEPT}
          aria-describedby="upload-hint"
          onChange={onChange}
        />
        {dragging ? <p className="upload-drop-note">Drop the files to upload them.</p> : null}
      </fieldset>
      {batchNotice ? (
        <div className="notice notice-error" role="alert">
          <p>{batchNotice}</p>
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {rows.length > 0 ? (
        <ul className="upload-list" aria-label="Uploaded files">
          {rows.map((row) => (
            <li key={row.key} className="upload-item" data-phase={row.phase}>
              <p className="upload-name">
                <span>{row.name || "(unnamed file)"}</span>{" "}
                <span className="upload-size">{sizeLabel(row.size)}</span>
              </p>
              <RowStatus row={row} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
