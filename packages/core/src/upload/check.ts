import { MAX_PASTE_BYTES } from "../schemas/ingest";

/** The file types an upload may be, by extension; the content decides between HTML and text in the end. */
export const uploadExtensions = {
  html: "html",
  htm: "html",
  txt: "text",
  md: "markdown",
  markdown: "markdown",
} as const;
export type UploadKind = (typeof uploadExtensions)[keyof typeof uploadExtensions];

export const UPLOAD_ACCEPT = ".html,.htm,.txt,.md,.markdown,text/html,text/plain,text/markdown";
export const MAX_UPLOAD_BYTES = MAX_PASTE_BYTES;
export const MAX_FILE_NAME_CHARS = 255;
/**
 * Files the /submit form takes in one batch; the server's per-client upload limit (RATE_LIMIT_UPLOAD_PER_MIN,
 * bursts of twice that) is what holds for scripts.
 */
export const MAX_UPLOAD_FILES = 50;

export type UploadCheck = { ok: true; kind: UploadKind } | { ok: false; error: string };

/** A file name as it may appear in a message: no control characters, at most 120 characters. */
export function displayName(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "").trim() || "(unnamed file)";
  return clean.length > 120 ? `${clean.slice(0, 119)}…` : clean;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * What can be told from a file's name and size alone, in the browser before sending and on the server again.
 * Messages name the file and the limit, so a list of errors can be read without the list of files.
 */
export function checkUpload(name: string, size: number): UploadCheck {
  const shown = displayName(name);
  if (name.length > MAX_FILE_NAME_CHARS) {
    return {
      ok: false,
      error: `“${shown}”: the file name is longer than ${MAX_FILE_NAME_CHARS} characters.`,
    };
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const kind = extension ? uploadExtensions[extension as keyof typeof uploadExtensions] : undefined;
  if (!kind) {
    return {
      ok: false,
      error: `“${shown}” is not an .html, .htm, .txt, .md or .markdown file; only those can be uploaded.`,
    };
  }
  if (size === 0) return { ok: false, error: `“${shown}” is empty.` };
  if (size > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      error: `“${shown}” is ${megabytes(size)}; files larger than ${megabytes(MAX_UPLOAD_BYTES)} cannot be uploaded.`,
    };
  }
  return { ok: true, kind };
}
