import type { IngestRequest } from "@parallax/core";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import { readLocalDocument } from "../documents";
import { readEnv } from "../env";

const zOptions = z.object({
  api: z.url({ protocol: /^https?$/ }).optional(),
  title: z.string().min(1).optional(),
  sourceName: z.string().min(1).optional(),
  wait: z.boolean(),
  json: z.boolean().optional(),
});

interface Outcome {
  input: string;
  id: string | null;
  status: string;
  error: string | null;
  url: string | null;
}

const FINAL = new Set(["ready", "duplicate", "failed"]);

async function callApi(base: string, path: string, init?: RequestInit): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    const token = readEnv().PARALLAX_TOKEN;
    const headers = new Headers(init?.headers);
    if (token) headers.set("authorization", `Bearer ${token}`);
    response = await fetch(new URL(path, base), { ...init, headers, signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    throw new Error(
      `Parallax is not answering at ${base} (${(error as Error).message}); start it with pnpm start or set PARALLAX_URL`,
    );
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) throw new Error(String(body.error ?? `HTTP ${response.status}`));
  return body;
}

async function toRequest(input: string, options: z.infer<typeof zOptions>): Promise<IngestRequest> {
  if (/^https?:\/\//i.test(input)) return { url: input };
  const document = await readLocalDocument(input);
  if (document.kind === "html") return { html: document.content };
  return {
    text: document.content,
    ...(options.title ? { title: options.title } : {}),
    ...(options.sourceName ? { sourceName: options.sourceName } : {}),
  };
}

async function ingestOne(base: string, input: string, options: z.infer<typeof zOptions>): Promise<Outcome> {
  try {
    const request = await toRequest(input, options);
    const submitted = await callApi(base, "/api/articles", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    const id = String(submitted.id);
    let status = String(submitted.status);
    let error: string | null = null;
    while (options.wait && !FINAL.has(status)) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const progress = await callApi(base, `/api/articles/${id}`);
      status = String(progress.status);
      error = (progress.error as string | null) ?? null;
    }
    return {
      input,
      id,
      status,
      error: status === "failed" ? error : null,
      url: new URL(`/articles/${id}`, base).toString(),
    };
  } catch (error) {
    return { input, id: null, status: "error", error: (error as Error).message, url: null };
  }
}

/** Runs `worker` over `items` with at most `limit` in flight, keeping results in input order. */
async function mapLimited<T, R>(items: T[], limit: number, worker: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description(
      "submit files (HTML or text, - for stdin) or URLs to a running Parallax and follow them until ready",
    )
    .argument("<inputs...>", "files or http(s) URLs")
    .option("--api <url>", "where Parallax answers (default $PARALLAX_URL or http://localhost:3000)")
    .option("--title <title>", "title for pasted text files")
    .option("--source-name <name>", "outlet name for pasted text files")
    .option("--no-wait", "return once submitted instead of waiting for each article to be ready")
    .option("--json", "print one JSON object per input")
    .action(async (inputs: string[], raw: unknown) => {
      const options = zOptions.parse(raw);
      const base = options.api ?? readEnv().PARALLAX_URL;
      const bar =
        options.json || !process.stderr.isTTY
          ? null
          : new SingleBar({ format: "ingest [{bar}] {value}/{total} {last}", stream: process.stderr });
      bar?.start(inputs.length, 0, { last: "" });
      const outcomes = await mapLimited(inputs, 4, async (input) => {
        const outcome = await ingestOne(base, input, options);
        bar?.increment({ last: `${outcome.status}` });
        return outcome;
      });
      bar?.stop();
      for (const outcome of outcomes) {
        if (options.json) process.stdout.write(`${JSON.stringify(outcome)}\n`);
        else
          process.stdout.write(
            `${outcome.input}\t${outcome.status}\t${outcome.error ?? outcome.url ?? ""}\n`,
          );
      }
      if (outcomes.some((o) => o.status === "failed" || o.status === "error")) process.exitCode = 1;
    });
}
