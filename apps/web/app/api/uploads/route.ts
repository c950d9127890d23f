import { createCaller } from "@parallax/api";
import { displayName, MAX_FILE_NAME_CHARS, MAX_UPLOAD_BYTES, uploadToIngest } from "@parallax/core/upload";
import { z } from "zod";
import { log } from "~/server/context";
import { describeError } from "~/server/errors";
import { limitRequest } from "~/server/rate-limit";
import { submittedReply, withSubmitTurn } from "~/server/submit-gate";
import { jsonError, jsonReply } from "~/server/http";
import { readBodyBytes } from "~/server/upload-body";

const zName = z
  .string()
  .trim()
  .min(1, "name the file: ?name=<file name>")
  .max(MAX_FILE_NAME_CHARS, `the file name is longer than ${MAX_FILE_NAME_CHARS} characters`)
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), "the file name contains control characters");

/**
 * Upload one file (.html, .htm, .txt, .md, .markdown) as an article: the file's bytes are the request body,
 * its name is `?name=`. The server decides the type from the name and the content and decodes the bytes
 * itself. 202 when new and queued, 200 when Parallax already holds the same document; 400 or 413 with an
 * error naming the file otherwise.
 */
export async function POST(request: Request) {
  const limited = await limitRequest(request, "upload", "submit");
  if (!limited.ok) return limited.response;
  const name = zName.safeParse(new URL(request.url).searchParams.get("name") ?? "");
  if (!name.success) return jsonError(400, name.error.issues[0]?.message ?? "bad file name");
  const shown = displayName(name.data);
  const body = await readBodyBytes(
    request,
    MAX_UPLOAD_BYTES,
    `“${shown}” is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; larger files cannot be uploaded.`,
  );
  if (!body.ok) return body.response;
  return withSubmitTurn(async () => {
    const upload = uploadToIngest(name.data, body.bytes, request.headers.get("content-type"));
    if (!upload.ok) return jsonError(400, upload.error);
    try {
      const caller = createCaller(limited.context);
      const result = await caller.article.submit(upload.request);
      return submittedReply(result, { name: shown, kind: upload.kind });
    } catch (error) {
      const reply = describeError(error, log);
      return jsonReply({ ...reply, body: { ...reply.body, error: `“${shown}”: ${reply.body.error}` } });
    }
  });
}
