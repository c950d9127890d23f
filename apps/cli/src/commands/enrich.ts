import { enrichArticle, enrichmentTerms } from "@parallax/core/enrich";
import type { Enrichment, NormalizedArticle } from "@parallax/core/schemas";
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
});

function render(article: NormalizedArticle, enrichment: Enrichment): string {
  const lines = [article.title, `  reference date: ${enrichment.referenceDate ?? "none"}`, "", "Entities"];
  for (const e of enrichment.entities.slice(0, 25)) {
    const aliases = e.aliases.map((a) => `${a.text} ×${a.count}`).join(", ");
    lines.push(`  ${e.name} (${e.type}${e.standsFor ? `, stands for ${e.standsFor}` : ""}) — ${aliases}`);
    if (e.description) lines.push(`      ${e.description.text} [¶${e.description.paragraph}]`);
  }
  lines.push("", "Timeline");
  for (const event of enrichment.timeline) {
    lines.push(
      `  ${event.date}${event.expected ? " (expected)" : ""}  ${event.phrase} [¶${event.paragraph}]`,
    );
  }
  lines.push("", "Figures");
  for (const f of enrichment.figures)
    lines.push(
      `  ${f.text} → ${f.value}${f.unit ? ` ${f.unit}` : ""}${f.subject ? ` (${f.subject})` : ""} [¶${f.paragraph}]`,
    );
  lines.push("", "Quotes");
  for (const q of enrichment.quotes.filter((q) => q.kind === "direct" || q.kind === "reported")) {
    lines.push(`  ${q.speaker ?? "unattributed"} (${q.kind}): ${q.text.slice(0, 100)} [¶${q.paragraph}]`);
  }
  lines.push("", `Keywords: ${enrichment.keywords.map((k) => k.term).join(", ")}`);
  return `${lines.join("\n")}\n`;
}

export function registerEnrich(program: Command): void {
  program
    .command("enrich")
    .description(
      "find entities, dates and timeline, figures, quotes and keywords in local files (text, HTML, or parallax extract JSON)",
    )
    .argument("<files...>", "files to read; - reads standard input")
    .option("--published-at <iso>", "reference date for relative dates when a document has none")
    .option("--json", "print one enriched article per line")
    .action(async (files: string[], raw: unknown, command: Command) => {
      const parsed = zOptions.safeParse(raw);
      if (!parsed.success)
        command.error(`error: ${parsed.error.issues.map((i) => i.message).join("; ")}`, { exitCode: 2 });
      const options = parsed.data!;
      const loaded: { file: string; articles: NormalizedArticle[] | null; error?: string }[] = [];
      for (const file of files) {
        try {
          loaded.push({ file, articles: await readArticles(file) });
        } catch (error) {
          loaded.push({ file, articles: null, error: (error as Error).message });
        }
      }
      // The articles given together are the corpus their keywords are distinctive against.
      const frequencies = new Map<string, number>();
      const all = loaded.flatMap((entry) => entry.articles ?? []);
      for (const article of all) {
        for (const term of enrichmentTerms({ ...article, language: article.language })) {
          frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
        }
      }
      const corpus = {
        documents: all.length,
        documentFrequency: (term: string) => frequencies.get(term) ?? 0,
      };
      let failed = false;
      for (const entry of loaded) {
        if (!entry.articles) {
          failed = true;
          if (options.json)
            process.stdout.write(`${JSON.stringify({ file: entry.file, error: entry.error })}\n`);
          else process.stderr.write(`${entry.file}: ${entry.error}\n`);
          continue;
        }
        for (const article of entry.articles) {
          const { enrichment } = enrichArticle(article, {
            referenceDate: options.publishedAt ?? null,
            corpus,
          });
          process.stdout.write(
            options.json ? `${JSON.stringify({ ...article, enrichment })}\n` : render(article, enrichment),
          );
        }
      }
      if (failed) process.exitCode = 1;
    });
}
