import { basename, extname } from "node:path";
import {
  type BriefingArticle,
  buildBriefing,
  inferReferenceDate,
  renderBriefingMarkdown,
} from "@parallax/core/brief";
import { enrichArticle } from "@parallax/core/enrich";
import type { NormalizedArticle } from "@parallax/core/schemas";
import type { Command } from "commander";
import { z } from "zod";
import { readArticles } from "../articles";

const zOptions = z.object({
  publishedAt: z
    .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
      message: "--published-at must be an ISO 8601 date or date-time",
    })
    .optional(),
  sources: z
    .string()
    .transform((list) => list.split(",").map((name) => name.trim()))
    .optional(),
  json: z.boolean().optional(),
  markdown: z.boolean().optional(),
});

/** A stable, readable id per article: the file's name, numbered when a file holds several or names repeat. */
function articleIds(entries: ReadonlyArray<{ file: string; count: number }>): string[] {
  const ids: string[] = [];
  const used = new Set<string>();
  for (const { file, count } of entries) {
    const stem = file === "-" ? "stdin" : basename(file, extname(file)) || "article";
    for (let i = 0; i < count; i++) {
      let id = count > 1 ? `${stem}-${i + 1}` : stem;
      for (let n = 2; used.has(id); n++) id = `${stem}-${n}`;
      used.add(id);
      ids.push(id);
    }
  }
  return ids;
}

/**
 * Enriched as `parallax enrich` would, with one addition: an article without a publication date (and no
 * --published-at) is dated by its own text (its latest fully written date), so "March 19" resolves to a year
 * and can be told apart as past or expected.
 */
function enrich(article: NormalizedArticle, publishedAt: string | undefined) {
  const first = enrichArticle(article, { referenceDate: publishedAt ?? null }).enrichment;
  if (article.publishedAt || publishedAt) return first;
  const inferred = inferReferenceDate(first.times);
  return inferred ? enrichArticle(article, { referenceDate: inferred }).enrichment : first;
}

export function registerBrief(program: Command): void {
  program
    .command("brief")
    .description(
      "print a briefing of local files taken as one story: key points with citations, who's involved, timeline, figures, sources",
    )
    .argument(
      "<files...>",
      "files to read (text, HTML, or parallax extract/enrich JSON); - reads standard input",
    )
    .option("--markdown", "print Markdown (the default)")
    .option("--json", "print the briefing as JSON")
    .option("--published-at <iso>", "reference date for relative dates when a document has none")
    .option(
      "--sources <names>",
      "comma-separated source labels for the articles, in order (default: outlet or file name)",
    )
    .action(async (files: string[], raw: unknown, command: Command) => {
      const parsed = zOptions.safeParse(raw);
      if (!parsed.success)
        command.error(`error: ${parsed.error.issues.map((i) => i.message).join("; ")}`, { exitCode: 2 });
      const options = parsed.data!;
      if (options.json && options.markdown)
        command.error("error: choose one of --json and --markdown", { exitCode: 2 });
      const loaded: Array<{ file: string; articles: NormalizedArticle[] }> = [];
      let failed = false;
      for (const file of files) {
        try {
          loaded.push({ file, articles: await readArticles(file) });
        } catch (error) {
          failed = true;
          process.stderr.write(`${file}: ${(error as Error).message}\n`);
        }
      }
      const all = loaded.flatMap((entry) => entry.articles);
      if (all.length === 0) command.error("error: no article to brief", { exitCode: 1 });
      const ids = articleIds(loaded.map((entry) => ({ file: entry.file, count: entry.articles.length })));
      const fileOf = loaded.flatMap((entry) => entry.articles.map(() => entry.file));
      const articles: BriefingArticle[] = all.map((article, i) => ({
        ...article,
        id: ids[i]!,
        label: options.sources?.[i] || (fileOf[i] === "-" ? null : basename(fileOf[i]!)),
        // A label given on the command line names the outlet for this run.
        siteName: options.sources?.[i] || article.siteName,
        enrichment: enrich(article, options.publishedAt),
      }));
      const briefing = buildBriefing(articles, { scope: articles.length === 1 ? "article" : "story" });
      process.stdout.write(options.json ? `${JSON.stringify(briefing)}\n` : renderBriefingMarkdown(briefing));
      if (failed) process.exitCode = 1;
    });
}
