import type { Briefing, Citation } from "../schemas/briefing";
import { inertMarkdown } from "../text/markdown";

/** "[Caixin ¶11, ¶15, nippon.com ¶12]": consecutive paragraphs of one source share its label. */
export function formatCitations(citations: readonly Citation[]): string {
  if (citations.length === 0) return "";
  const parts: string[] = [];
  let last: string | null = null;
  for (const c of citations) {
    parts.push(c.articleId === last ? `¶${c.paragraph}` : `${c.source} ¶${c.paragraph}`);
    last = c.articleId;
  }
  return `[${parts.join(", ")}]`;
}

const cell = (text: string | null) => (text ?? "—").replace(/\|/g, "\\|").replace(/\s+/g, " ");
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);

/**
 * The briefing as Markdown: headline, numbered key points each ending in its citations, who's involved,
 * timeline (expected events and conflicting dates marked), key figures (disagreements marked) and sources.
 */
export function renderBriefingMarkdown(briefing: Briefing): string {
  const out: string[] = [];
  const headline = briefing.headline;
  out.push(`# ${headline ? headline.text : "Briefing"}`);
  if (headline) out.push("", `_Headline from ${formatCitations(headline.citations)}_`);
  const count = briefing.sources.length;
  out.push(
    "",
    `${count} source${count === 1 ? "" : "s"}: ${briefing.sources.map((s) => s.label).join(", ") || "none"}.`,
  );

  out.push("", "## Key points", "");
  if (briefing.keyPoints.length === 0) out.push("_Nothing to summarize._");
  for (const point of briefing.keyPoints) {
    const label = point.genre === "news" ? "" : ` _(${point.genre})_`;
    const text = point.sentences.map((s) => `${s.text} ${formatCitations(s.citations)}`).join(" ");
    out.push(`${point.n}. ${text}${label}`);
  }

  if (briefing.entities.length > 0) {
    out.push("", "## Who's involved", "");
    for (const entity of briefing.entities) {
      const description = entity.description
        ? ` — ${entity.description.text} ${formatCitations(entity.description.citations)}`
        : "";
      const mentions = entity.mentions.map((m) => `${m.source} ${m.count}`).join(", ");
      out.push(`- **${entity.name}** (${entity.type})${description}. Mentions: ${mentions}.`);
    }
  }

  if (briefing.timeline.length > 0) {
    out.push("", "## Timeline", "");
    for (const entry of briefing.timeline) {
      const when = entry.conflict ? `${entry.dates.join(" / ")} ⚠ sources give different dates` : entry.date;
      const expected = entry.expected ? " (expected)" : "";
      let line = `- **${when}**${expected} — ${entry.event.text} ${formatCitations(entry.event.citations)}`;
      if (entry.conflict) {
        const byDate = entry.reports.map((r) => `${r.date} ${formatCitations([r.citation])}`);
        line += `; dated ${[...new Set(byDate)].join(", ")}`;
      }
      out.push(line);
    }
  }

  if (briefing.figures.length > 0) {
    out.push("", "## Key figures", "");
    for (const figure of briefing.figures) {
      const values = figure.values
        .map((v) => `${v.text} ${formatCitations(v.citations)}`)
        .join(figure.conflict ? " vs " : "; ");
      const flag = figure.conflict ? " ⚠ sources disagree" : "";
      out.push(`- ${figure.subject ? `${figure.subject}: ` : ""}${values}${flag}`);
    }
  }

  out.push(
    "",
    "## Sources",
    "",
    "| Source | Outlet | Country | Published | Genre | Title |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const s of briefing.sources) {
    const published =
      day(s.publishedAt) ?? (s.referenceDate ? `not given (text dated to ${s.referenceDate})` : null);
    const genre = s.genreInferred ? `${s.genre} (from the text)` : s.genre;
    out.push(
      `| ${cell(s.label)} | ${cell(s.outlet)} | ${cell(s.country)} | ${cell(published)} | ${genre} | ${cell(s.url ? `[${s.title}](${s.url})` : s.title)} |`,
    );
  }
  return inertMarkdown(`${out.join("\n")}\n`);
}
