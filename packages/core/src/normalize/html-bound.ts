import { Tokenizer } from "htmlparser2";

/**
 * htmlparser2 keeps its open-element stack with `unshift`, so each tag costs time proportional to the nesting
 * depth and 100,000 nested elements take many seconds. No article nests anywhere near this deep.
 */
export const MAX_NESTING = 512;

const VOID = new Set(
  "area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr".split(
    " ",
  ),
);
// Their content is raw text to the tokenizer; dropping the tag would turn that text into markup.
const RAW_TEXT = new Set([
  "script",
  "style",
  "textarea",
  "title",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "plaintext",
]);
const P_CLOSERS =
  "address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul";
// The implied end tags that matter for depth (unclosed <p> and <li> in old pages), as htmlparser2 applies them.
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>([
  ...P_CLOSERS.split(" ").map((tag) => [tag, new Set(["p"])] as const),
  ["li", new Set(["li"])],
  ["dd", new Set(["dd", "dt"])],
  ["dt", new Set(["dd", "dt"])],
  ["tr", new Set(["tr", "th", "td"])],
  ["td", new Set(["thead", "th", "td"])],
  ["th", new Set(["th"])],
  ["option", new Set(["option"])],
]);

const TAG_NAME_END = /[\s/>]/;

/** Where `</name` (any case) first appears from `from`: the earliest point the tokenizer can end raw text. */
function rawTextEnd(html: string, name: string, from: number): number {
  for (let at = html.indexOf("</", from); at !== -1; at = html.indexOf("</", at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) return at;
  }
  return -1;
}

/**
 * An upper bound on how deep the document nests, found without the tokenizer: every opening tag of a non-void
 * element counts, a closing tag only undoes the last opening tag of the same name, and implied ends (<p>, <li>)
 * are ignored — so the bound is never below the depth htmlparser2 builds. Stops as soon as it passes `limit`.
 */
function mayNestDeeperThan(html: string, limit: number): boolean {
  const stack: string[] = [];
  let at = html.indexOf("<");
  while (at !== -1 && at < html.length - 1) {
    const next = html.charCodeAt(at + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Searching for "-->" from the "--" of "<!--" itself ends a comment no later than the tokenizer does.
      const end = html.startsWith("<!--", at) ? html.indexOf("-->", at + 2) : html.indexOf(">", at + 2);
      if (end === -1) break;
      at = html.indexOf("<", end + 1);
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = closing ? at + 2 : at + 1;
    const first = html.charCodeAt(nameStart) | 0x20;
    if (first < 97 || first > 122) {
      at = html.indexOf("<", at + 1);
      continue;
    }
    const close = html.indexOf(">", nameStart);
    if (close === -1) break;
    const rest = html.slice(nameStart, Math.min(close + 1, nameStart + 64));
    const nameEnd = rest.search(TAG_NAME_END);
    const name = (nameEnd === -1 ? rest : rest.slice(0, nameEnd)).toLowerCase();
    at = html.indexOf("<", close + 1);
    if (closing) {
      if (stack[stack.length - 1] === name) stack.pop();
      continue;
    }
    if (VOID.has(name)) continue;
    if (RAW_TEXT.has(name)) {
      // Raw text runs to its end tag; nothing inside it is markup, and the element itself is one level more.
      if (stack.length >= limit) return true;
      const end = rawTextEnd(html, name, close + 1);
      if (end === -1) break;
      at = html.indexOf("<", end + 2);
      continue;
    }
    stack.push(name);
    if (stack.length > limit) return true;
  }
  return false;
}

/**
 * The document with every tag opened beyond MAX_NESTING removed (with its end tag); the text inside stays,
 * attached to the deepest kept element. Returns the input itself when nothing is that deep.
 */
export function boundNesting(html: string, maxDepth = MAX_NESTING): string {
  // Nearly every page is far from the limit, and the quick bound proves it at a fraction of the tokenizer's cost.
  if (!mayNestDeeperThan(html, maxDepth)) return html;
  const stack: string[] = [];
  const open = new Map<string, number>();
  const dropped = new Map<string, number>();
  const cuts: [number, number][] = [];
  let foreign = 0;
  let name = "";
  let tagStart = 0;
  let deep = false;

  const pop = () => {
    const top = stack.pop()!;
    open.set(top, open.get(top)! - 1);
    if (top === "svg" || top === "math") foreign--;
  };
  const push = (tag: string) => {
    stack.push(tag);
    open.set(tag, (open.get(tag) ?? 0) + 1);
    if (tag === "svg" || tag === "math") foreign++;
  };
  const noop = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: false },
    {
      onopentagname(start, end) {
        name = html.slice(start, end).toLowerCase();
        tagStart = start - 1;
        const closes = IMPLIES_CLOSE.get(name);
        while (closes && stack.length > 0 && closes.has(stack[stack.length - 1]!)) pop();
        deep = stack.length >= maxDepth && !VOID.has(name) && !RAW_TEXT.has(name);
      },
      onopentagend(end) {
        if (deep) {
          cuts.push([tagStart, end + 1]);
          dropped.set(name, (dropped.get(name) ?? 0) + 1);
        } else if (!VOID.has(name)) push(name);
      },
      onselfclosingtag(end) {
        if (deep) cuts.push([tagStart, end + 1]);
        // Outside SVG/MathML a "/>" does not close a non-void element, for htmlparser2 as for browsers.
        else if (!VOID.has(name) && foreign === 0) push(name);
      },
      onclosetag(start, end) {
        const tag = html.slice(start, end).toLowerCase();
        const droppedCount = dropped.get(tag) ?? 0;
        if (droppedCount > 0) {
          dropped.set(tag, droppedCount - 1);
          const close = html.indexOf(">", end);
          cuts.push([start - 2, close < 0 ? html.length : close + 1]);
        } else if ((open.get(tag) ?? 0) > 0) {
          while (stack.length > 0 && stack[stack.length - 1] !== tag) pop();
          pop();
        }
      },
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onprocessinginstruction: noop,
      ontext: noop,
      ontextentity: noop,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  if (cuts.length === 0) return html;
  const kept: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    if (start < from) continue;
    kept.push(html.slice(from, start));
    from = end;
  }
  kept.push(html.slice(from));
  return kept.join("");
}
