import { pad } from "./calendar";
import { PARTS_OF_DAY, parseNumber } from "./lexicon";
import { APPROX, EN_WEEKDAY, NUMBER, type Rule, rx, S, UNIT, VAGUE, weekdayOf } from "./patterns";
import { dayValue, type PartOfDay, relation, shiftValue, weekdayValue, weekendValue } from "./resolve";
import { quarter } from "./rules-quarter";

// Rules for dates said relative to the reference date: today, last week, two years ago, Friday, the quarter.

const PART = "(?<part>morning|afternoon|evening|night|overnight)";
const part = (word: string | undefined): PartOfDay | null =>
  word ? ((PARTS_OF_DAY.get(word.toLowerCase()) as PartOfDay | undefined) ?? null) : null;

const DAY_OFFSETS: Record<string, number> = {
  today: 0,
  tonight: 0,
  yesterday: -1,
  tomorrow: 1,
  heute: 0,
  gestern: -1,
  vorgestern: -2,
  übermorgen: 2,
  "aujourd'hui": 0,
  "aujourd’hui": 0,
  demain: 1,
  hoy: 0,
  ayer: -1,
  anteayer: -2,
};

export const relativeRules: Rule[] = [
  {
    name: "deictic-day",
    re: rx(
      `(?<day>today|tonight|yesterday|tomorrow|heute|gestern|vorgestern|übermorgen|aujourd['’]hui|demain|hoy|ayer|anteayer)(?:${S}${PART})?`,
    ),
    resolve: (g, ctx) => {
      if (!ctx.ref) return null;
      const word = g.day!.toLowerCase();
      const p = part(g.part);
      const value = dayValue(ctx.ref, DAY_OFFSETS[word] ?? 0, p);
      return { type: p ? "time" : "date", value };
    },
  },
  {
    name: "day-before-yesterday",
    re: rx(`the${S}day${S}(?<dir>before${S}yesterday|after${S}tomorrow)`),
    resolve: (g, ctx) =>
      ctx.ref ? { type: "date", value: dayValue(ctx.ref, /before/i.test(g.dir!) ? -2 : 2) } : null,
  },
  {
    name: "part-of-today",
    re: rx(`(?<rel>this|last|later${S}this|earlier${S}this)${S}${PART}`),
    accept: (g) => !(/^last$/i.test(g.rel!) && !/night/i.test(g.part!)),
    resolve: (g, ctx) => {
      if (!ctx.ref) return null;
      const offset = /^last$/i.test(g.rel!) ? -1 : 0;
      return { type: "time", value: dayValue(ctx.ref, offset, part(g.part)) };
    },
  },
  {
    name: "this-next-last-unit",
    // A unit in title case is a name ("This Week", a television programme).
    accept: (g) => !/^\p{Lu}/u.test(g.unit!),
    re: rx(
      `(?:(?<mod>early|late|earlier|later|mid)(?:-|${S}))?(?<rel>this${S}past|this${S}coming|this|last|next|the${S}current|current|previous)${S}(?<unit>week|weekend|month|year|quarter|decade|century|(?:fiscal|calendar)${S}year)`,
    ),
    resolve: (g, ctx) => {
      if (!ctx.ref) return null;
      const unit = g.unit!.toLowerCase().replace(/^(?:fiscal|calendar)\s+/, "");
      const rel = relation(g.rel) ?? 0;
      if (unit === "weekend") return { type: "date", value: weekendValue(ctx.ref, rel, ctx) };
      const value = shiftValue(ctx.ref, unit, rel);
      if (value && unit === "quarter") {
        const [y, q] = value.split("-Q").map(Number) as [number, number];
        return quarter(y, q, ctx);
      }
      return value ? { type: "date", value } : null;
    },
  },
  {
    name: "the-weekend",
    re: rx(`the${S}weekend`),
    resolve: (_g, ctx) => (ctx.ref ? { type: "date", value: weekendValue(ctx.ref, null, ctx) } : null),
  },
  {
    name: "part-of-period",
    re: rx(
      `(?:(?:the${S})?(?:end|beginning|start|middle|close|rest|remainder|turn)${S}of${S}(?<rel>the|this|next|last)${S}(?<unit>year|month|week|decade|century)|(?:the${S})?(?<unit2>year|month)(?:-|['’]s${S}|${S})end)`,
    ),
    resolve: (g, ctx) => {
      if (!ctx.ref) return null;
      const unit = (g.unit ?? g.unit2)!.toLowerCase();
      const rel = g.rel && !/^the$/i.test(g.rel) ? (relation(g.rel) ?? 0) : 0;
      const value = shiftValue(ctx.ref, unit, rel);
      return value ? { type: "date", value } : null;
    },
  },
  {
    name: "current-period",
    re: rx(`the${S}(?<which>current|full|same)${S}(?:fiscal${S})?(?<unit>year|month|week)`),
    resolve: (g, ctx) => {
      if (!ctx.ref) return null;
      const value = shiftValue(ctx.ref, g.unit!, 0);
      return value ? { type: "date", value } : null;
    },
  },
  {
    name: "ago",
    re: rx(
      `(?:(?<approx>${APPROX})${S})?(?<n>${NUMBER}|an?|${VAGUE})(?:-|${S})(?<unit>${UNIT})(?:${S}or${S}(?:so|two|more))?${S}(?<dir>ago|earlier|later|from${S}now|hence|before|after|back)`,
    ),
    accept: (g, text, _start, end) =>
      !/^(?:before|after)$/i.test(g.dir!) ||
      /^\s*(?:[.,;:!?)"”]|$|that\b|when\b)/.test(text.slice(end, end + 6)),
    resolve: (g, ctx) => {
      if (!ctx.ref) return null;
      const back = /^(?:ago|earlier|before|back)$/i.test(g.dir!);
      const nWord = g.n!.toLowerCase();
      const n = /^an?$/.test(nWord) ? 1 : parseNumber(nWord);
      if (n === null) return { type: "date", value: back ? "PAST_REF" : "FUTURE_REF" };
      const unit = g.unit!.toLowerCase();
      // "a year earlier" in a report about a quarter means that quarter a year before.
      const q = ctx.memory.quarter;
      if (q && /^years?$/.test(unit) && back && /^(?:earlier|ago|before)$/i.test(g.dir!)) {
        return { type: "date", value: `${pad(q.y - n, 4)}-Q${q.q}` };
      }
      if (/^(?:hours?|minutes?|seconds?)$/.test(unit)) return { type: "date", value: dayValue(ctx.ref, 0) };
      const value = shiftValue(ctx.ref, unit, back ? -Math.round(n) : Math.round(n));
      return value ? { type: "date", value } : null;
    },
  },
  {
    name: "vague-ago",
    re: rx(`(?<unit>years|months|weeks|days|decades)${S}ago`),
    resolve: (_g, ctx) => (ctx.ref ? { type: "date", value: "PAST_REF" } : null),
  },
  {
    name: "weekday",
    re: rx(
      `(?:(?<rel>last|next|this${S}past|this${S}coming|this|coming|past|previous|the${S}previous|the${S}following)${S})?(?<wd>${EN_WEEKDAY})(?:${S}${PART})?`,
    ),
    accept: (g) => /^\p{Lu}/u.test(g.wd!),
    resolve: (g, ctx) => {
      const weekday = weekdayOf(g.wd!)!;
      const rel = g.rel ? relation(g.rel) : null;
      const value = weekdayValue(weekday, rel, ctx);
      return { type: "date", value };
    },
  },
  {
    name: "present",
    re: rx(
      `(?<w>right${S}now|now|currently|presently|at${S}present|at${S}the${S}moment|these${S}days|nowadays|the${S}present)`,
    ),
    resolve: () => ({ type: "date", value: "PRESENT_REF" }),
  },
  {
    name: "past-future",
    re: rx(
      `(?<w>recently|lately|the${S}past|(?:the${S})?(?:near${S}|distant${S}|foreseeable${S})?future|the${S}near${S}term|the${S}short${S}term|the${S}long${S}term)`,
    ),
    accept: (g, text, _s, end) => !/^future$/i.test(g.w!) || !/^\s+\p{L}/u.test(text.slice(end, end + 3)),
    resolve: (g) => ({
      type: "date",
      value: /recent|late|previous|former|past/i.test(g.w!) ? "PAST_REF" : "FUTURE_REF",
    }),
  },
];
