/**
 * Markdown made of article text must stay text wherever it is rendered: many Markdown renderers pass raw HTML
 * through, so a quoted `<script>` or `<img onerror=…>` would run, and text shaped like `[x](javascript:…)` would
 * become a link. Escaping `<` where it could open a tag (CommonMark's backslash escape, shown as a plain "<")
 * and the `(` of any link not to http(s) keeps every character visible and nothing live. The documents' own
 * links are http(s) only.
 */
export function inertMarkdown(markdown: string): string {
  return markdown.replace(/<(?=[A-Za-z/!?])/g, "\\<").replace(/\]\((?!https?:\/\/)/gi, "]\\(");
}
