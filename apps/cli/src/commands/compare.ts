import { basename } from "node:path";
import { compareArticles, renderComparisonMarkdown } from "@parallax/core/compare";
import { enrichArticle } from "@parallax/core/enrich";
import type { ComparisonArticleInput, ComparisonSideInput, NormalizedArticle } from "@parallax/core/schemas";
import type { Command } from "commander";
import { z } from "zod";
import { readArticles } from "../articles";

const zOptions = z.object({
  publishedAt: z
    .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
      message: "--published-at must be an ISO 8601 date or date-time",
    })
    .optional(),
  json: z.boolean().optional(),
  markdown: z.boolean().optional(),
  labels: z.string().optional(),
});

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

/** What a side is called when no --labels are given: the site's name, its host, else the file's name. */
function defaultLabel(file: string, articles: readonly NormalizedArticle[]): string {
  const first = articles[0];
  return (
    first?.siteName ??
    hostOf(first?.canonicalUrl ?? first?.url ?? null) ??
    (file === "-" ? "stdin" : basename(file))
  );
}

function uniqueLabel(label: string, taken: ReadonlySet<string>): string {
  if (!taken.has(label)) return label;
  let n = 2;
  while (taken.has(`${label} (${n})`)) n++;
  return `${label} (${n})`;
}

export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description(
      "compare how two or more files cover a story (one side per file): shared facts, claims only one side makes, conflicts, word choice, voices, tone",
    )
    .argument("<a>", "first file (text, HTML, or parallax extract/enrich JSON); - reads standard input")
    .argument("<b>", "second file")
    .argument("[more...]", "more files, one side each")
    .option("--markdown", "print a markdown report (the default)")
    .option("--json", "print the comparison as JSON")
    .option("--labels <list>", "comma-separated side labels, one per file (default: site name or file name)")
    .option("--published-at <iso>", "reference date for relative dates when a document has none")
    .action(async (a: string, b: string, more: string[], raw: unknown, command: Command) => {
      const parsed = zOptions.safeParse(raw);
      if (!parsed.success)
        command.error(`error: ${parsed.error.issues.map((i) => i.message).join("; ")}`, { exitCode: 2 });
      const options = parsed.data!;
      if (options.json && options.markdown)
        command.error("error: choose --json or --markdown", { exitCode: 2 });
      const files = [a, b, ...more];
      if (files.filter((f) => f === "-").length > 1)
        command.error("error: standard input (-) can be read only once", { exitCode: 2 });
      const labels = options.labels?.split(",").map((l) => l.trim());
      if (labels && (labels.length !== files.length || labels.some((l) => !l)))
        command.error(`error: --labels needs ${files.length} non-empty labels, one per file`, {
          exitCode: 2,
        });

      const sides: ComparisonSideInput[] = [];
      const taken = new Set<string>();
      for (const [i, file] of files.entries()) {
        // A side that cannot be read leaves a comparison without it: stop rather than compare the rest.
        const fail = (message: string) => {
          process.stderr.write(`parallax compare: ${file}: ${message}\n`);
          process.exitCode = 1;
        };
        let articles: NormalizedArticle[];
        try {
          articles = await readArticles(file);
        } catch (error) {
          return fail((error as Error).message);
        }
        if (articles.length === 0) return fail("no article in it");
        const label = uniqueLabel(labels?.[i] ?? defaultLabel(file, articles), taken);
        taken.add(label);
        const stem = file === "-" ? "stdin" : basename(file);
        const inputs: ComparisonArticleInput[] = articles.map((article, k) => {
          // Enrichment is deterministic, so JSON from `parallax enrich` is simply enriched again.
          const { enrichment } = enrichArticle(article, { referenceDate: options.publishedAt ?? null });
          return {
            id: articles.length > 1 ? `${stem}#${k + 1}` : stem,
            title: article.title,
            paragraphs: article.paragraphs,
            publishedAt: article.publishedAt,
            language: article.language,
            source: { name: article.siteName ?? label, country: null },
            genre: article.genre,
            enrichment,
          };
        });
        sides.push({ label, articles: inputs });
      }
      // Two files of the same name would share an id; the side's position keeps them apart.
      const ids = new Set<string>();
      for (const [i, side] of sides.entries()) {
        for (const article of side.articles) {
          if (ids.has(article.id)) article.id = `${i + 1}:${article.id}`;
          ids.add(article.id);
        }
      }
      const comparison = compareArticles({ sides });
      process.stdout.write(
        options.json ? `${JSON.stringify(comparison)}\n` : renderComparisonMarkdown(comparison),
      );
    });
}
