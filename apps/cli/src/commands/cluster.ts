import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import {
  articleClusterDoc,
  assignArticle,
  DEFAULT_CLUSTER_OPTIONS,
  MemoryStoryIndex,
} from "@parallax/core/cluster";
import { enrichArticle } from "@parallax/core/enrich";
import { normalize } from "@parallax/core/normalize";
import { type NormalizedArticle, zEnrichment, zNormalizedArticle } from "@parallax/core/schemas";
import type { Command } from "commander";
import { z } from "zod";

const zIsoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
  message: "must be an ISO 8601 date or date-time",
});

const zOptions = z.object({ publishedAt: zIsoDate.optional() });

/** The bare form of a line: enough to normalize an article on the spot. */
const zBareLine = z
  .strictObject({
    id: z.union([z.string().min(1).max(500), z.number()]).transform(String),
    text: z.string().optional(),
    html: z.string().optional(),
    title: z.string().trim().min(1).max(500).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    publishedAt: zIsoDate.optional(),
    sourceName: z.string().trim().min(1).max(200).optional(),
  })
  .refine((line) => (line.text === undefined) !== (line.html === undefined), {
    message: "give exactly one of text and html",
  });

/** `parallax extract`/`enrich` output: a normalized article, with an id and enrichment when a later stage added them. */
const zArticleLine = zNormalizedArticle.extend({
  id: z
    .union([z.string().min(1).max(500), z.number()])
    .transform(String)
    .optional(),
  enrichment: z.unknown().optional(),
});

interface Parsed {
  id: string;
  article: NormalizedArticle;
  enrichment: z.infer<typeof zEnrichment> | null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** One input line as an article with an id; throws an Error naming what is wrong with it. */
function parseLine(line: string, lineNumber: number, publishedAt: string | undefined): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error("not JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error("not a JSON object");
  if ("paragraphs" in value) {
    const parsed = zArticleLine.safeParse(value);
    if (!parsed.success) throw new Error(`not an extracted article: ${describeIssues(parsed.error)}`);
    const { id, enrichment, ...article } = parsed.data;
    const stored = enrichment === undefined ? null : zEnrichment.safeParse(enrichment);
    if (stored && !stored.success) throw new Error(`enrichment: ${describeIssues(stored.error)}`);
    return {
      id: id ?? article.canonicalUrl ?? article.url ?? String(lineNumber),
      article,
      enrichment: stored?.data ?? null,
    };
  }
  const parsed = zBareLine.safeParse(value);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  const bare = parsed.data;
  const url = bare.url ? { url: bare.url } : {};
  const article = normalize(
    bare.html !== undefined
      ? { kind: "html", html: bare.html, ...url }
      : { kind: "text", text: bare.text!, ...url },
    {
      ...(bare.title ? { title: bare.title } : {}),
      ...((bare.publishedAt ?? publishedAt) ? { publishedAt: bare.publishedAt ?? publishedAt } : {}),
    },
  );
  return {
    id: bare.id,
    article: { ...article, siteName: bare.sourceName ?? article.siteName },
    enrichment: null,
  };
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = file === "-" ? process.stdin : createReadStream(file);
  const reader = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const line of reader) yield line;
  } finally {
    reader.close();
  }
}

export function registerCluster(program: Command): void {
  program
    .command("cluster")
    .description(
      "group articles into stories offline, as the worker does: reads JSON lines in arrival order (parallax extract/enrich output, or {id, text|html, title?, url?, publishedAt?, sourceName?}) and prints {id, storyId} per line",
    )
    .argument("<articles.jsonl>", "JSON lines file; - reads standard input")
    .option("--published-at <iso>", "reference date for articles without one (relative dates, time decay)")
    .action(async (file: string, raw: unknown, command: Command) => {
      const parsed = zOptions.safeParse(raw);
      if (!parsed.success)
        command.error(`error: --published-at ${parsed.error.issues[0]?.message}`, { exitCode: 2 });
      const options = parsed.data!;
      const index = new MemoryStoryIndex();
      const results: Array<{ id: string; storyId: string } | { line: number; id?: string; error: string }> =
        [];
      let lineNumber = 0;
      try {
        for await (const line of lines(file)) {
          lineNumber++;
          if (!line.trim()) continue;
          let item: Parsed;
          try {
            item = parseLine(line, lineNumber, options.publishedAt);
          } catch (error) {
            results.push({ line: lineNumber, error: (error as Error).message });
            continue;
          }
          const enrichment =
            item.enrichment ??
            enrichArticle(item.article, { referenceDate: options.publishedAt ?? null }).enrichment;
          const doc = articleClusterDoc(item.id, item.article, enrichment);
          const { storyId } = await assignArticle(doc, index, DEFAULT_CLUSTER_OPTIONS);
          results.push({ id: item.id, storyId });
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason =
          code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(error);
        command.error(`error: ${file}: ${reason}`, { exitCode: 1 });
      }
      // Printed once the stream is read, so that every id shows the story it ended in after later merges.
      let failed = false;
      for (const result of results) {
        if ("storyId" in result) result.storyId = index.resolve(result.storyId);
        else failed = true;
        process.stdout.write(`${JSON.stringify(result)}\n`);
      }
      const assigned = results.filter((r) => "storyId" in r).length;
      process.stderr.write(
        `${assigned} articles in ${index.storyCount} stories (${index.merges.length} merges)${failed ? `; ${results.length - assigned} lines refused` : ""}\n`,
      );
      if (failed) process.exitCode = 1;
    });
}
