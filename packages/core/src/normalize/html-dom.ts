import { type AnyNode, type Element, isTag, isText } from "domhandler";

// Attribute values are only ever looked at through this window (2048 = the longest URL we accept): a 5 MB
// class attribute costs nothing.
const ATTRIBUTE_WINDOW = 2048;

export function attr(element: Element, name: string): string {
  return (element.attribs[name] ?? "").slice(0, ATTRIBUTE_WINDOW);
}

/** Every element under `root` in document order, without recursion (documents can nest thousands deep). */
export function* elements(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isTag(node)) yield node;
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** The text under `node`, up to `limit` characters, skipping script and style bodies. */
export function textOf(node: AnyNode, limit = 2000): string {
  let text = "";
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && text.length < limit) {
    const current = stack.pop()!;
    if (isText(current)) text += current.data;
    else if (isTag(current) && (current.name === "script" || current.name === "style") && current !== node)
      continue;
    else if ("children" in current) {
      for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
    }
  }
  return text.slice(0, limit);
}

export function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  for (let current: AnyNode | null = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Never part of an article body, wherever they are. */
const DROPPED_TAGS = new Set(
  "script style noscript template iframe svg math form button nav header footer aside select textarea input dialog menu canvas video audio object embed picture img figcaption head title meta link base label option".split(
    " ",
  ),
);
const PAGE_FURNITURE_ROLES =
  /^(?:navigation|banner|contentinfo|complementary|search|dialog|alertdialog|menu|menubar|toolbar|tablist|form)$/i;
// Class and id words of navigation, share bars, comments, cookie banners, subscribe prompts, related links and ads.
const JUNK_NAME =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|share|sharing|social|comments?|disqus|cookies?|consent|gdpr|newsletters?|subscribe|subscription|signup|paywall|related|recommend(?:ed|ations)?|promo|sponsor(?:ed)?|ad|ads|advert|adverts|advertisement|banner|popup|modal|outbrain|taboola|sidebar|masthead|toolbar|footer|byline|dateline|skip|most-?popular|trending|tags)(?:$|[\s_-])/i;
// Elements the page itself calls its main content are never dropped for their class names.
const MAIN_TAGS = new Set(["html", "body", "main", "article"]);

export interface JunkRules {
  /** Judge class, id and role too; off for the retry on pages whose every wrapper has an unlucky class name. */
  byName: boolean;
  /** `<form>` wraps whole pages in some CMSes (ASP.NET); inside the article it is a comment or search form. */
  dropForms: boolean;
}

export function isJunk(element: Element, rules: JunkRules): boolean {
  const name = element.name;
  if (name === "form") return rules.dropForms;
  if (DROPPED_TAGS.has(name)) return true;
  if ("hidden" in element.attribs || attr(element, "aria-hidden") === "true") return true;
  if (/display\s*:\s*none/i.test(attr(element, "style"))) return true;
  if (!rules.byName || MAIN_TAGS.has(name)) return false;
  if (attr(element, "itemprop") === "articleBody" || attr(element, "role") === "main") return false;
  if (PAGE_FURNITURE_ROLES.test(attr(element, "role"))) return true;
  return JUNK_NAME.test(attr(element, "class")) || JUNK_NAME.test(attr(element, "id"));
}

const BLOCK_TAGS = new Set(
  "address article blockquote body caption center dd details div dl dt fieldset figure h1 h2 h3 h4 h5 h6 hr html li main ol p pre section summary table tbody td tfoot th thead tr ul".split(
    " ",
  ),
);

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.name);
}
