import { DuplicateIndex } from "@parallax/core/dedupe";
import type { NormalizedArticle } from "@parallax/core/schemas";
import type { Command } from "commander";
import { z } from "zod";
import { extractFile } from "../articles";

const zOptions = z.object({
  url: z.url({ protocol: /^https?$/, message: "--url must be an http(s) URL" }).optional(),
  title: z
    .string()
    .trim()
    .min(1, "--title is empty")
    .max(500, "--title is longer than 500 characters")
    .optional(),
  publishedAt: z
    .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
      message: "--published-at must be an ISO 8601 date or date-time (2026-03-12, 2026-03-12T09:00:00+09:00)",
    })
    .optional(),
  json: z.boolean().optional(),
});

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "is a directory",
  EACCES: "permission denied",
};

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code && SYSTEM_ERRORS[code]) return SYSTEM_ERRORS[code];
  return error instanceof Error ? error.message : String(error);
}

const KIND_MARK: Record<string, string> = { heading: "## ", quote: "> ", "list-item": "• ", paragraph: "" };

/** The article for a person reading a terminal: title, metadata, then the numbered paragraphs. */
function render(article: NormalizedArticle): string {
  const width = String(article.paragraphs.length).length;
  const metadata: [string, string | null][] = [
    ["title source", article.titleSource],
    ["byline", article.byline],
    ["published", article.publishedAt],
    ["site", article.siteName],
    ["language", article.language],
    ["url", article.url],
    ["canonical", article.canonicalUrl],
    ["content hash", article.contentHash],
    ["duplicate of", article.duplicateOf],
  ];
  const lines = [article.title, ...metadata.map(([label, value]) => `  ${label}: ${value ?? "—"}`), ""];
  for (const paragraph of article.paragraphs) {
    lines.push(`${String(paragraph.n).padStart(width)}  ${KIND_MARK[paragraph.kind] ?? ""}${paragraph.text}`);
  }
  return `${lines.join("\n")}\n`;
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description(
      "extract the article from local files (HTML or text, - for stdin) as ingest would, without a database",
    )
    .argument("<files...>", "files to read; - reads standard input")
    .option("--url <url>", "the URL the document came from (for canonical URL and site name)")
    .option("--title <title>", "use this title instead of the document's")
    .option("--published-at <iso>", "use this publication date (ISO 8601) instead of the document's")
    .option("--json", "print one JSON object per file, one per line")
    .action(async (files: string[], raw: unknown, command: Command) => {
      const parsed = zOptions.safeParse(raw);
      if (!parsed.success) {
        command.error(`error: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`, {
          exitCode: 2,
        });
      }
      const options = parsed.data!;
      let failed = false;
      // Files given together are checked against each other as stored articles are: a later copy names the first.
      const duplicates = new DuplicateIndex();
      for (const [index, file] of files.entries()) {
        let line: string;
        try {
          const extracted = await extractFile(file, options);
          const article = { ...extracted, duplicateOf: duplicates.check(file, extracted)?.id ?? null };
          line = options.json ? `${JSON.stringify(article)}\n` : render(article);
        } catch (error) {
          failed = true;
          if (options.json) line = `${JSON.stringify({ file, error: describe(error) })}\n`;
          else {
            process.stderr.write(`${file}: ${describe(error)}\n`);
            continue;
          }
        }
        if (!options.json && files.length > 1) line = `${index > 0 ? "\n" : ""}==> ${file} <==\n${line}`;
        process.stdout.write(line);
      }
      if (failed) process.exitCode = 1;
    });
}
