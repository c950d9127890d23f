import { addMonths, pad } from "./calendar";
import { type Context, type Resolved, type Rule, rx, S, YEAR } from "./patterns";

// Rules for quarters and halves of the (fiscal) year, and for the anaphoric "the quarter", "a year earlier"
// of earnings reports: they lean on the last quarter the document named.

const Q_ORD = "(?<q>first|second|third|fourth|1st|2nd|3rd|4th)";
const quarterNumber = (word: string) =>
  ["first", "second", "third", "fourth"].indexOf(word.toLowerCase()) + 1 || Number(word[0]);
const refQuarter = (ctx: Context) => (ctx.ref ? Math.ceil(ctx.ref.m / 3) : 1);

export function quarter(y: number, q: number, ctx: Context): Resolved {
  ctx.memory.quarter = { y, q };
  return { type: "date", value: `${pad(y, 4)}-Q${q}` };
}

/** The quarter a report is about: this year's, last year's when it lies ahead yet the verb is past. */
function namedQuarter(q: number, ctx: Context): Resolved | null {
  if (!ctx.ref) return { type: "date", value: `XXXX-Q${q}` };
  const late = q > refQuarter(ctx) && ctx.tense() === "past";
  return quarter(ctx.ref.y - (late ? 1 : 0), q, ctx);
}

export const quarterRules: Rule[] = [
  {
    name: "quarter-with-year",
    re: rx(
      `(?:the${S})?(?:(?<y1>${YEAR})${S}(?:fiscal${S})?${Q_ORD}|${Q_ORD.replace("<q>", "<qa>")}(?:-|${S})(?:fiscal(?:-|${S}))?quarter${S}of${S}(?:fiscal${S})?(?<y2>${YEAR}))(?:(?:-|${S})(?:fiscal(?:-|${S}))?quarter)?`,
    ),
    resolve: (g, ctx) => quarter(Number(g.y1 ?? g.y2), quarterNumber((g.q ?? g.qa)!), ctx),
  },
  {
    name: "quarter",
    re: rx(
      // "the third quarter" takes its article; "a third-quarter loss" is a modifier and does not.
      `(?:(?<det>the|this${S}year['’]s|last${S}year['’]s|next${S}year['’]s|the${S}year-(?:ago|earlier)|the${S}comparable(?:${S}year-(?:ago|earlier))?|the${S}fiscal|a${S}flat)${S})?(?:fiscal${S})?${Q_ORD}${S}(?:fiscal${S})?quarters?(?:${S}of${S}(?<yrel>this|last|next)${S}year)?|(?:fiscal(?:-|${S}))?${Q_ORD.replace("<q>", "<qh>")}-(?:fiscal-)?quarter`,
    ),
    resolve: (g, ctx) => {
      const q = quarterNumber((g.q ?? g.qh)!);
      const det = `${g.det ?? ""} ${g.yrel ?? ""}`.toLowerCase();
      if (!ctx.ref) return { type: "date", value: `XXXX-Q${q}` };
      if (/last|ago|earlier/.test(det))
        return { type: "date", value: `${pad((ctx.memory.quarter?.y ?? ctx.ref.y) - 1, 4)}-Q${q}` };
      if (/next/.test(det)) return quarter(ctx.ref.y + 1, q, ctx);
      if (/this/.test(det)) return quarter(ctx.ref.y, q, ctx);
      return namedQuarter(q, ctx);
    },
  },
  {
    name: "quarter-code",
    re: rx(`(?:(?<y1>${YEAR})${S})?Q(?<q>[1-4])(?:${S}(?<y2>${YEAR})|['’](?<y3>\\d{2}))?`),
    resolve: (g, ctx) => {
      const y = g.y1 ?? g.y2 ?? (g.y3 ? `20${g.y3}` : null);
      return y ? quarter(Number(y), Number(g.q), ctx) : namedQuarter(Number(g.q), ctx);
    },
  },
  {
    name: "anaphoric-quarter",
    re: rx(
      `(?:the|this|that|its)${S}(?<mods>(?:(?:latest|current|most${S}recent|recent|same|comparable|year-ago|year-earlier|previous|prior|fiscal|just-ended|(?<y>${YEAR}))(?:-|${S})){0,3})(?<unit>quarter|period)`,
    ),
    accept: (g, text, _s, end) => {
      if (/^(?:\s+of\b|-)/i.test(text.slice(end, end + 4))) return false;
      return /quarter/i.test(g.unit!) || !!g.mods;
    },
    resolve: (g, ctx) => {
      if (!ctx.ref) return null;
      const mods = (g.mods ?? "").toLowerCase();
      const remembered = ctx.memory.quarter;
      if (g.y)
        return remembered ? { type: "date", value: `${g.y}-Q${remembered.q}` } : { type: "date", value: g.y };
      if (/year-(?:ago|earlier)|comparable|same/.test(mods) && remembered)
        return { type: "date", value: `${pad(remembered.y - 1, 4)}-Q${remembered.q}` };
      if (/current/.test(mods)) return quarter(ctx.ref.y, refQuarter(ctx), ctx);
      const last = addMonths(ctx.ref.y, ctx.ref.m, -3);
      // The latest quarter is the last one completed; plain "the quarter" is the one the report is about.
      if (remembered && !/latest|recent|just/.test(mods))
        return { type: "date", value: `${pad(remembered.y, 4)}-Q${remembered.q}` };
      return quarter(last.y, Math.ceil(last.m / 3), ctx);
    },
  },
  {
    name: "year-ago-adjective",
    re: rx(`(?:the${S})?year-(?:ago|earlier)(?:${S}(?:quarter|period))?`),
    resolve: (_g, ctx) => {
      if (!ctx.ref) return null;
      const q = ctx.memory.quarter;
      if (q) return { type: "date", value: `${pad(q.y - 1, 4)}-Q${q.q}` };
      return { type: "date", value: pad(ctx.ref.y - 1, 4) };
    },
  },
];
