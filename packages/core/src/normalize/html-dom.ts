import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { tick } from "./budget";

// Attribute values are only ever looked at through this window (2048 = the longest URL we accept): a 5 MB
// class attribute costs nothing.
const ATTRIBUTE_WINDOW = 2048;

export function attr(element: Element, name: string): string {
  const value = element.attribs[name];
  if (value === undefined) return "";
  return value.length > ATTRIBUTE_WINDOW ? value.slice(0, ATTRIBUTE_WINDOW) : value;
}

/** Every element under `root` in document order, without recursion (documents can nest thousands deep). */
export function* elements(root: AnyNode): Generator<Element> {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    tick();
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

/** Never text of an article, wherever they are: code, embedded media, form controls and the document head. */
const DROPPED_TAGS = new Set(
  "script style noscript template iframe svg math button select textarea input dialog canvas video audio object embed picture img title meta link base label option datalist output progress meter map area source track".split(
    " ",
  ),
);

/** Code, media, controls and elements the page hides; whatever their names say, they are never shown as text. */
export function isHidden(element: Element): boolean {
  if (DROPPED_TAGS.has(element.name)) return true;
  if ("hidden" in element.attribs || attr(element, "aria-hidden") === "true") return true;
  const style = element.attribs.style;
  return style !== undefined && /(?:display|visibility)\s*:\s*(?:none|hidden)/i.test(attr(element, "style"));
}

const BLOCK_TAGS = new Set(
  "address article aside blockquote body caption center dd details div dl dt fieldset figcaption figure footer form header h1 h2 h3 h4 h5 h6 hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul".split(
    " ",
  ),
);

export function isBlock(element: Element): boolean {
  return BLOCK_TAGS.has(element.name);
}
