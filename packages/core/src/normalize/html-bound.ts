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

/**
 * The document with every tag opened beyond MAX_NESTING removed (with its end tag); the text inside stays,
 * attached to the deepest kept element. Returns the input itself when nothing is that deep.
 */
export function boundNesting(html: string, maxDepth = MAX_NESTING): string {
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
