import type { Element } from "domhandler";
import { CONTENT, FURNITURE, JUNK, judgeNames, LEAD, nameParts } from "./html-body-names";
import { attr } from "./html-dom";

/**
 * How an element's tag, role, class and id describe it. Page furniture is judged by words, not substrings:
 * "shareholders" and "headline" must not read as "share" and "ad". Class and id are split at spaces, dashes,
 * underscores and camelCase humps ("socialShareBar" → social share bar), so BEM and CMS names match too.
 */
export type ElementRole =
  /** Comments, cookie banners, share bars, newsletter boxes, related links: never part of an article. */
  | "junk"
  /** Navigation, sidebars, headers, footers, ads: furniture, unless it turns out to hold the article. */
  | "furniture"
  /** The page names it the article body (itemprop=articleBody, "entry-content", "article-body", …). */
  | "content"
  | null;

const FURNITURE_TAGS = new Set(["nav", "aside", "header", "footer", "menu"]);
const FURNITURE_ROLES =
  /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar|toolbar|tablist|alert|alertdialog|dialog|form)$/i;

/** What the element's class and id say, as the flags of html-body-names. */
export function nameBits(element: Element): number {
  const { class: classes, id } = element.attribs;
  // Class and id are judged apart: ids are mostly unique ("post-4373") and would make every pair new.
  return (classes ? judgeNames(attr(element, "class")) : 0) | (id ? judgeNames(attr(element, "id")) : 0);
}

/** The element's class and id as lower-case words: "socialShareBar c-article__share" → "social-share-bar c-article-share". */
export function classWords(element: Element): string {
  return nameParts(`${attr(element, "class")} ${attr(element, "id")}`)
    .map((parts) => parts.join("-"))
    .join(" ");
}

// Tags whose class names describe the text inside, never a wrapper of the article.
const INLINE_TAGS = new Set([
  "a",
  "span",
  "b",
  "strong",
  "em",
  "i",
  "small",
  "time",
  "abbr",
  "font",
  "u",
  "sup",
  "sub",
]);

/** What the element's own markup says it is; computed once per element by the callers that cache it. */
export function roleOf(element: Element): ElementRole {
  const name = element.name;
  if (name === "html" || name === "body") return null;
  const itemprop = attr(element, "itemprop");
  if (itemprop === "articleBody" || itemprop === "reviewBody" || itemprop === "text") return "content";
  const names = nameBits(element);
  const inline = INLINE_TAGS.has(name);
  if (names & CONTENT && !inline) return "content";
  const role = attr(element, "role");
  if (name === "main" || role === "main") return null;
  // WordPress themes mark each comment up as an <article>, so the junk words still apply to it.
  if (names & JUNK) return "junk";
  if (name === "article") return null;
  if (FURNITURE_TAGS.has(name) || (role && FURNITURE_ROLES.test(role))) return "furniture";
  // Inside running text a span's class describes its words ("event-details-content-tags"), not page furniture.
  return names & FURNITURE && !inline ? "furniture" : null;
}

/** The article's lead or standfirst, by itemprop=description or its class and id. */
export function isLead(element: Element): boolean {
  if (attr(element, "itemprop") === "description" && element.name !== "meta") return true;
  return (nameBits(element) & LEAD) !== 0;
}
