import sanitizeHtml from "sanitize-html";

/**
 * The only markup a feed entry's content may carry: what `storyContentHtml` writes (paragraphs, the key points
 * list, headings, emphasis, links to this app). Every piece of text in it is escaped already; this allow-list is
 * the second line: if some text ever reached the markup unescaped, a feed reader still gets no script, no event
 * handler, no `javascript:` link, no SVG or iframe.
 */
const FEED_HTML: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "ol", "ul", "li", "a", "em", "strong", "br", "blockquote"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https"],
  allowProtocolRelative: false,
  // Script and style bodies go with their tags; any other unknown element keeps its text, escaped.
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "svg", "math", "iframe", "template"],
};

export function sanitizeFeedHtml(html: string): string {
  return sanitizeHtml(html, FEED_HTML);
}
