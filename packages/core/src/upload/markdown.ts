/**
 * Markdown to the plain text the text normalizer reads: it already understands headings ("# "), list items,
 * block quotes and bold headings, so only what would leave markup in the article's sentences is reduced here —
 * links, images, emphasis, inline code, code fences, tables' rules, HTML, front matter and reference definitions.
 */
export function markdownToText(markdown: string): string {
  const lines = markdown.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  const out: string[] = [];
  let i = 0;
  // YAML front matter (Jekyll, Hugo): metadata, not the article.
  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((line, n) => n > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (end > 0) i = end + 1;
  }
  let fence: string | null = null;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fenceMark = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (fenceMark) {
      if (fence === null) fence = fenceMark[0]!;
      else if (fenceMark.startsWith(fence)) fence = null;
      continue;
    }
    // Code is kept as text: a quoted statute or a command is part of what the article says.
    if (fence !== null) {
      out.push(line);
      continue;
    }
    // Reference-style link definitions and horizontal rules carry no text.
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line) || /^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push("");
      continue;
    }
    // A table's separator row; its other rows keep their cells, separated by spaces.
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue;
    // Setext headings ("Title" over "=====") become ATX headings, which the normalizer reads.
    const next = lines[i + 1] ?? "";
    if (line.trim() && /^\s{0,3}(=+|-+)\s*$/.test(next) && !/^\s*[-*+>#]/.test(line)) {
      out.push(`# ${inline(line.trim())}`);
      i++;
      continue;
    }
    out.push(inline(line));
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function inline(line: string): string {
  return (
    line
      .replace(/<!--.*?-->/g, "")
      // Images: their alt text is not part of the article's prose.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, "")
      // Links keep their text.
      .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
      .replace(/`([^`]+)`/g, "$1")
      // Bold and italic inside a line; a whole-line bold heading is left for the normalizer.
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1(?=.)/g, "$2")
      .replace(/(?<=.)(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, "$2")
      .replace(/(^|[\s(])([*_])(?=\S)([^*_]+?)(?<=\S)\2(?=$|[\s).,;:!?])/g, "$1$3")
      .replace(/~~(.+?)~~/g, "$1")
      .replace(/<\/?[a-zA-Z][^>]*>/g, "")
      // Table rows: cells become a sentence-like line.
      .replace(/^\s*\|(.*)\|\s*$/, (_, cells: string) =>
        cells
          .split("|")
          .map((cell) => cell.trim())
          .filter(Boolean)
          .join(" · "),
      )
      .replace(/\\([\\`*_{}[\]()#+\-.!>|])/g, "$1")
  );
}
