import { addDays, easter, formatDay, formatMonth, isValidDay, nthWeekday, pad } from "./calendar";
import { AMBIGUOUS_MONTHS, HOLIDAYS, parseOrdinal, SEASONS } from "./lexicon";
import {
  DAY_NUMBER,
  DAY_WORD,
  EN_MONTH_FULL,
  type Groups,
  MONTH,
  monthOf,
  O,
  parseYear,
  type Rule,
  rx,
  S,
  SEASON,
  WEEKDAY,
  YEAR,
  YEAR_WORDS,
  yearFor,
} from "./patterns";
import { monthDayValue, monthValue, relation, seasonValue } from "./resolve";

// Rules for calendar dates: named or numbered days, months, seasons, years, decades, centuries, holidays.

const YEAR_ANY = `(?:${YEAR}|${YEAR_WORDS}|['’]\\d{2})`;
const PART_OF = `(?:the${S}(?:beginning|start|end|middle|close|turn|rest|remainder|early${S}part|latter${S}part|first${S}half|second${S}half|last${S}half|latter${S}half)${S}of${S}|(?:early|late|mid)(?:-|${S}))`;
const REL = `(?<rel>this${S}past|this${S}coming|this|last|next|past|coming)`;

const before = (text: string, start: number, n = 24) => text.slice(Math.max(0, start - n), start);
const after = (text: string, end: number, n = 24) => text.slice(end, end + n);

/** A temporal preposition or modifier right before: what makes "May" or "spring" a date. */
const CUE_BEFORE =
  /(?:^|[^\p{L}])(?:in|since|until|till|by|from|through|throughout|during|before|after|of|to|between|and|or|early|late|mid|last|this|next|each|every|on|around|ahead of|end of|start of|the|his|her|its|their|our|a|an)[\s-]+$/iu;

/** A plural noun after a number makes it a count ("2000 people"), not a year. */
const COUNT_NOUN =
  /^[\s-]+(?:people|persons|troops|soldiers|men|women|children|workers|jobs|employees|shares|units|cars|homes|houses|miles|kilometers|kilometres|km|meters|metres|feet|ft|tons|tonnes|acres|hectares|points|votes|seats|dollars|euros|yen|yuan|barrels|cases|deaths|members|students|pages|words|times|rooms|beds|calories|pounds|kg|kilograms|mph|degrees|rounds|refugees|protesters|police|officers|patients|residents|sq|square|gallons|liters|years|days|hours)\b/i;

const isCapitalized = (w: string) => /^\p{Lu}/u.test(w);

/** English month words in lower case are ordinary words ("may", "march"); French and Spanish write months so. */
function monthWordOk(word: string | undefined, strict: boolean): boolean {
  if (!word) return false;
  const w = word.toLowerCase().replace(/\.$/, "");
  if (isCapitalized(word)) return true;
  if (w === "may" || w === "march" || w === "mar") return false;
  return !strict;
}

function dayOf(g: Groups): number | null {
  const raw = g.day ?? g.dayw;
  return raw ? parseOrdinal(raw) : null;
}

function fullDate(g: Groups, ctx: Parameters<Rule["resolve"]>[1]) {
  const month = monthOf(g.month ?? "");
  const day = dayOf(g);
  if (!month || !day) return null;
  if (g.year) {
    const y = parseYear(g.year, ctx.ref);
    if (y === null || !isValidDay(y, month, day)) return null;
    return { type: "date" as const, value: formatDay({ y, m: month, d: day }) };
  }
  if (!isValidDay(2024, month, day)) return null;
  return { type: "date" as const, value: monthDayValue(month, day, ctx) };
}

const numericDate = (y: number, m: number, d: number) =>
  isValidDay(y, m, d) ? { type: "date" as const, value: formatDay({ y, m, d }) } : null;

export const absoluteRules: Rule[] = [
  {
    name: "iso-date",
    re: rx(
      `(?<y>${YEAR})-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12]\\d|3[01])(?:[T\\s](?<hh>[01]\\d|2[0-3]):(?<mm>[0-5]\\d))?`,
    ),
    resolve: (g) => {
      const date = numericDate(Number(g.y), Number(g.m), Number(g.d));
      if (!date || !g.hh) return date;
      return { type: "time", value: `${date.value}T${g.hh}:${g.mm}` };
    },
  },
  {
    name: "numeric-date",
    re: rx(`(?<a>\\d{1,2})(?<sep>[/.])(?<b>\\d{1,2})\\k<sep>(?<y>\\d{4}|\\d{2})`),
    accept: (g, text, start, end) =>
      !/[./\d]$/.test(before(text, start, 1)) &&
      !/^[./]\d/.test(after(text, end, 2)) &&
      (g.sep === "/" || (g.y?.length ?? 0) === 4),
    resolve: (g, ctx) => {
      const a = Number(g.a);
      const b = Number(g.b);
      const y = g.y!.length === 2 ? parseYear(`'${g.y}`, ctx.ref)! : Number(g.y);
      // Slashes are American month/day unless the first number cannot be a month; dots are day.month.
      const dayFirst = g.sep === "." || a > 12;
      return dayFirst ? numericDate(y, b, a) : numericDate(y, a, b);
    },
  },
  {
    name: "month-day-year",
    re: rx(
      `(?:${WEEKDAY},?${S})?(?<month>${MONTH})${S}(?:the${S})?(?<day>${DAY_NUMBER}|${DAY_WORD})(?:(?:,${O}|${S})(?<year>${YEAR_ANY}))?`,
    ),
    accept: (g) => monthWordOk(g.month, false),
    resolve: fullDate,
  },
  {
    name: "day-month-year",
    re: rx(
      `(?:${WEEKDAY},?${S})?(?:the${S}(?<dayw>${DAY_NUMBER}|${DAY_WORD})${S}of${S}|(?<day>${DAY_NUMBER})\\.?${S}(?:de${S})?)(?<month>${MONTH})(?:,?${S}(?:de${S})?(?<year>${YEAR}|['’]\\d{2}))?`,
    ),
    accept: (g) => monthWordOk(g.month, false),
    resolve: fullDate,
  },
  {
    name: "month-year",
    re: rx(`(?<part>${PART_OF})?(?<month>${MONTH})(?:${S}of|,)?${S}(?:de${S})?(?<year>${YEAR_ANY})`),
    accept: (g) => monthWordOk(g.month, false),
    resolve: (g, ctx) => {
      const month = monthOf(g.month!);
      const y = parseYear(g.year!, ctx.ref);
      return month && y !== null ? { type: "date", value: formatMonth(y, month) } : null;
    },
  },
  {
    name: "month",
    re: rx(
      `(?<part>${PART_OF})?(?:${REL}${S})?(?<month>${EN_MONTH_FULL})(?:${S}(?:of${S})?(?<yrel>this|last|next)${S}year)?`,
    ),
    accept: (g, text, start, end) => {
      const word = g.month!;
      if (!isCapitalized(word)) return false;
      if (g.part || g.rel || g.yrel) return true;
      const next = /^\s+(\p{Lu}[\p{L}]*)/u.exec(after(text, end, 30))?.[1];
      const cue = CUE_BEFORE.test(before(text, start));
      if (next && !cue && !/^(?:of|in|and|or|to)$/i.test(next)) return false;
      if (AMBIGUOUS_MONTHS.has(word.toLowerCase()))
        return cue || /^['’]s\b/.test(after(text, end, 3)) || /^,?\s+(?:and|or)\s/.test(after(text, end, 6));
      return true;
    },
    resolve: (g, ctx) => {
      const month = monthOf(g.month!);
      if (!month) return null;
      const shift = g.yrel ? (relation(g.yrel) ?? 0) : null;
      return { type: "date", value: monthValue(month, relation(g.rel), shift, ctx) };
    },
  },
  {
    name: "season",
    re: rx(
      `(?<part>${PART_OF}|the${S}(?:early|late|mid)(?:-|${S}))?(?:(?<rel>this${S}past|this${S}coming|this|last|next|past|coming|the)${S})?(?<season>${SEASON})(?:(?:${S}of|,)?${S}(?<year>${YEAR}|${YEAR_WORDS})|${S}(?<yrel>this|last|next)${S}year)?`,
    ),
    accept: (g, text, start) => {
      const english = /^(?:spring|summer|fall|autumn|winter)/i.test(g.season!);
      if (g.year) return true;
      if (!english) return false;
      if (g.rel || g.part || g.yrel) return true;
      return !/^fall$/i.test(g.season!) && CUE_BEFORE.test(before(text, start));
    },
    resolve: (g, ctx) => {
      const season = SEASONS.get(g.season!.toLowerCase())!;
      if (g.year) {
        const y = parseYear(g.year, ctx.ref);
        return y === null ? null : { type: "date", value: `${pad(y, 4)}-${season}` };
      }
      if (g.yrel && ctx.ref) {
        return { type: "date", value: `${pad(ctx.ref.y + (relation(g.yrel) ?? 0), 4)}-${season}` };
      }
      const rel = g.rel && !/^the$/i.test(g.rel) ? relation(g.rel) : null;
      return { type: "date", value: seasonValue(season, rel, ctx) };
    },
  },
  {
    name: "year",
    re: rx(
      `(?<part>${PART_OF}|(?:the${S})?(?:fiscal|calendar|financial|model|school)${S}(?:year${S})?|FY${O}|the${S}year${S}|the${S}end${S}of${S}fiscal${S})?(?<year>${YEAR}|${YEAR_WORDS}|['’]\\d{2}(?!['’]?s))`,
    ),
    accept: (g, text, start, end) => {
      const prev = before(text, start, 12);
      const next = after(text, end, 20);
      if (/^['’]/.test(g.year!)) return !/^\s+\p{Lu}/u.test(next);
      if (!/^\d/.test(g.year!)) return !!g.part || !/^two/i.test(g.year!) || !COUNT_NOUN.test(next);
      if (/[$€£¥#№\d.,]$/.test(prev) || /\bNo\.\s*$|\bnumber\s+$/i.test(prev)) return false;
      if (/^(?:%|[.,]\d|\s*percent|\s*-?\s*(?:per\s*cent|pc\b))/i.test(next)) return false;
      if (COUNT_NOUN.test(next)) return false;
      if (/\b(?:than|approximately|nearly|almost|roughly|some|additional|another|extra|only)\s+$/i.test(prev))
        return false;
      if (Number(g.year) < 1900)
        return (
          !!g.part ||
          /\b(?:in|since|by|from|until|till|before|after|around|circa|c\.|of|year|between|and|to|during)\s+$/i.test(
            prev,
          )
        );
      return true;
    },
    resolve: (g, ctx) => {
      const y = parseYear(g.year!, ctx.ref);
      if (y === null) return null;
      const part = (g.part ?? "").toLowerCase();
      if (/first\s+half/.test(part)) return { type: "date", value: `${pad(y, 4)}-H1` };
      if (/(?:second|last|latter)\s+half/.test(part)) return { type: "date", value: `${pad(y, 4)}-H2` };
      return { type: "date", value: pad(y, 4) };
    },
  },
  {
    name: "decade",
    re: rx(
      `(?:the${S})?(?:(?:early|late|mid)(?:-|${S}))?(?:(?<decade>1\\d{2}0|20\\d0)['’]?s|['’]?(?<short>\\d0)['’]?s|(?<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))`,
    ),
    accept: (g, text, start) => {
      const head = text.slice(start, start + 4).toLowerCase();
      if (g.decade) return true;
      if (g.short) return head.startsWith("the") || /^['’]/.test(text.slice(start).replace(/^the\s+/i, ""));
      return head.startsWith("the");
    },
    resolve: (g, ctx) => {
      if (g.decade) return { type: "date", value: `${g.decade.slice(0, 3)}X` };
      const words = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
      ];
      const d = g.short ? Number(g.short) : (words.indexOf(g.word!.toLowerCase()) + 2) * 10;
      const refYear = ctx.ref?.y ?? 2000;
      let y = Math.floor(refYear / 100) * 100 + d;
      if (y > refYear) y -= 100;
      return { type: "date", value: `${String(y).slice(0, 3)}X` };
    },
  },
  {
    name: "century",
    re: rx(`(?:the${S})?(?<ord>\\d{1,2}(?:st|nd|rd|th)|${DAY_WORD})(?:-|${S})century`),
    resolve: (g) => {
      const n = parseOrdinal(g.ord!);
      return n && n > 0 && n < 30 ? { type: "date", value: pad(n - 1, 2) } : null;
    },
  },
  ...HOLIDAYS.map(
    (h): Rule => ({
      name: `holiday ${h.pattern}`,
      re: rx(`(?<name>${h.pattern})(?:,?${S}(?<year>${YEAR}))?`),
      accept: (g) => isCapitalized(g.name!) || /^the/i.test(g.name!),
      resolve: (g, ctx) => {
        const probe = h.day ?? 15;
        const y = g.year ? Number(g.year) : ctx.ref ? yearFor(h.month, probe, ctx.ref, ctx.tense()) : null;
        if (y === null) return h.day ? { type: "date", value: `XXXX-${pad(h.month)}-${pad(h.day)}` } : null;
        const day = h.day
          ? { y, m: h.month, d: h.day }
          : addDays(nthWeekday(y, h.month, h.weekday![0], h.weekday![1]), h.plus ?? 0);
        return { type: "date", value: formatDay(day) };
      },
    }),
  ),
  {
    name: "easter",
    re: rx(`(?<name>Easter(?:${S}Sunday)?|Good${S}Friday)(?:,?${S}(?<year>${YEAR}))?`),
    accept: (g) => isCapitalized(g.name!),
    resolve: (g, ctx) => {
      const y = g.year ? Number(g.year) : ctx.ref ? yearFor(4, 1, ctx.ref, ctx.tense()) : null;
      if (y === null) return null;
      const sunday = easter(y);
      return { type: "date", value: formatDay(/friday/i.test(g.name!) ? addDays(sunday, -2) : sunday) };
    },
  },
];
