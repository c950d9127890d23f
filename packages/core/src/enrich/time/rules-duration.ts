import { pad } from "./calendar";
import { durationValue, MONTHS, PARTS_OF_DAY, parseNumber, SEASONS } from "./lexicon";
import {
  APPROX,
  DAY_NUMBER,
  EN_WEEKDAY,
  MONTH,
  monthOf,
  NUMBER,
  O,
  type Resolved,
  type Rule,
  rx,
  S,
  SEASON,
  UNIT,
  VAGUE,
  weekdayOf,
} from "./patterns";
import { dayValue, monthDayValue, weekdayValue } from "./resolve";

// Rules for durations ("three years", "the next few months"), sets ("every week", "daily") and clock times.

/** "2 1/2" → 2.5, "two and a half" → 2.5, "a few" → null (TimeML's X). */
function amount(text: string): number | null {
  const t = text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
  const half = /(?: 1\/2| and a half|½)$/.exec(t);
  const base = half ? t.slice(0, half.index) : t;
  if (/^an?$/.test(base)) return half ? 1.5 : 1;
  const n = parseNumber(base);
  return n === null ? null : n + (half ? 0.5 : 0);
}

/** What makes "a year" a rate: a number, an amount or a count just before ("$5 million a year"). */
const RATE_BEFORE =
  /(?:\d|%|million|billion|thousand|hundred|times|twice|once|percent|cents|dollars|\p{L}+s)\s+$/iu;

/** Words after "weekly" or "quarterly" that leave it an adverb ("reports quarterly and …"). */
const FOLLOWS_ADVERB =
  /^(?:and|or|but|to|in|on|at|for|with|by|from|since|until|through|as|than|the|a|an|since|if|while|because|after|before)$/;

const duration = (value: string | null): Resolved | null => (value ? { type: "duration", value } : null);

const SET_WORDS: Record<string, string> = {
  hourly: "PT1H",
  daily: "P1D",
  nightly: "P1D",
  weekly: "P1W",
  biweekly: "P2W",
  fortnightly: "P2W",
  monthly: "P1M",
  quarterly: "P3M",
  annually: "P1Y",
  yearly: "P1Y",
  biannually: "P6M",
  semiannually: "P6M",
};

const UNIT_LETTER: Record<string, string> = {
  second: "PT1S",
  minute: "PT1M",
  hour: "PT1H",
  day: "P1D",
  night: "P1D",
  morning: "P1D",
  evening: "P1D",
  week: "P1W",
  weekend: "P1W",
  month: "P1M",
  quarter: "P3M",
  year: "P1Y",
  decade: "P10Y",
  century: "P100Y",
};

const CLOCK_ANCHOR = `(?<anchor>${EN_WEEKDAY}|today|tonight|yesterday|tomorrow|(?<amonth>${MONTH})${S}(?<aday>${DAY_NUMBER}))`;

/** A clock time on the day its anchor names, or on the reference date. */
function clock(
  hour: number,
  minute: number,
  g: Record<string, string | undefined>,
  ctx: Parameters<Rule["resolve"]>[1],
): Resolved | null {
  if (hour > 24 || minute > 59) return null;
  const hhmm = `T${pad(hour)}:${pad(minute)}`;
  let day: string | null = ctx.ref ? dayValue(ctx.ref, 0) : null;
  const anchor = g.anchor?.toLowerCase();
  if (g.amonth && g.aday) {
    const m = monthOf(g.amonth);
    day = m ? monthDayValue(m, Number.parseInt(g.aday, 10), ctx) : day;
  } else if (anchor && weekdayOf(anchor)) day = weekdayValue(weekdayOf(anchor)!, null, ctx);
  else if (anchor && ctx.ref)
    day = dayValue(ctx.ref, anchor === "yesterday" ? -1 : anchor === "tomorrow" ? 1 : 0);
  return { type: "time", value: `${day ?? "XXXX-XX-XX"}${hhmm}` };
}

export const durationRules: Rule[] = [
  {
    name: "duration",
    re: rx(
      `(?:(?:(?<approx>${APPROX})${S})?(?:(?<det>the|a|an|another|each${S}of${S}the)${S})?(?:(?<rel>next|last|past|previous|first|final|coming|following|latest|remaining|ensuing|preceding|initial|entire|whole|full|same)${S})?(?<n>${NUMBER}|an?|${VAGUE})(?:${S}(?:more|additional|straight|consecutive|full|long))?${S}(?<unit>${UNIT}|trading${S}days?|business${S}days?)(?:${S}or${S}so)?|(?<n2>${NUMBER}|several|multi)-(?<unit2>${UNIT})(?:-long)?)`,
    ),
    accept: (g, text, start, end) => {
      const n = g.n ?? g.n2!;
      const unit = g.unit ?? g.unit2!;
      if (/^an?$/i.test(n) && /^(?:a|an|the|another)$/i.test(g.det ?? "")) return false;
      // Ages ("a 6-year-old", "52 years old") are not spans of time the story is about.
      if (/^(?:-|\s+)(?:old|of\s+age)\b/i.test(text.slice(end, end + 8))) return false;
      if (/^an?$/i.test(n) && /^seconds?$/i.test(unit)) return false;
      if (/^quarters?$/i.test(unit) && (/^\s+of\b/i.test(text.slice(end, end + 4)) || g.n2)) return false;
      // A unit in title case mid-sentence is a name ("60 Minutes").
      if (/^\p{Lu}/u.test(unit) && !/^\p{Lu}/u.test(text.slice(start, start + 1))) return false;
      return true;
    },
    resolve: (g, ctx) => {
      const n = g.n ?? g.n2!;
      const unit = (g.unit ?? g.unit2!).toLowerCase().replace(/^(?:trading|business)\s+/, "");
      if (/^multi$/i.test(n) || /^several$/i.test(n)) return duration(durationValue(null, unit));
      // "$5 a year", "24 hours a day", "twice a month": rates, so sets.
      if (
        /^an?$/i.test(n) &&
        !g.det &&
        !g.approx &&
        RATE_BEFORE.test(ctx.text.slice(Math.max(0, ctx.start - 24), ctx.start))
      ) {
        const base = UNIT_LETTER[unit.replace(/s$/, "")];
        return base ? { type: "set", value: base } : null;
      }
      return duration(durationValue(/^an?$/i.test(n) ? 1 : amount(n), unit));
    },
  },
  {
    name: "fiscal-year-ended",
    re: rx(`the${S}(?:fiscal${S})?year(?=${S}(?:ended|ending|that${S}ended|through)\\b)`),
    resolve: () => duration("P1Y"),
  },
  {
    name: "last-unit",
    re: rx(
      `(?:(?<approx>${APPROX})${S})?the${S}(?<rel>next|last|past|first|coming|remaining)${S}(?<unit>${UNIT})(?:${S}or${S}so)?`,
    ),
    accept: (g) => !/s$/i.test(g.unit!) || !/^(?:first)$/i.test(g.rel!),
    resolve: (g) => {
      const unit = g.unit!.toLowerCase();
      return duration(durationValue(/(?:s|millennia)$/.test(unit) ? null : 1, unit));
    },
  },
  {
    name: "vague-span",
    re: rx(
      `(?:(?<lead>recent|coming|the${S}coming|the${S}past|the${S}last)${S})?(?<unit>years|months|weeks|days|decades|hours|minutes|centuries|quarters)(?<tail>${S}ahead|${S}to${S}come|-long)?`,
    ),
    accept: (g, text, start) => {
      if (g.tail || g.lead) return true;
      return /(?:^|\s)(?:for|in|within|over|took|take|takes|lasted|last|spent|spend|after)\s+$/i.test(
        text.slice(Math.max(0, start - 10), start),
      );
    },
    resolve: (g) => duration(durationValue(null, g.unit!)),
  },
  {
    name: "half-unit",
    re: rx(
      `(?:(?<approx>${APPROX})${S})?(?:half${S}an?|an?${S}half)${S}(?<unit>hour|day|year|century|decade|minute)`,
    ),
    resolve: (g) => duration(durationValue(0.5, g.unit!)),
  },
  {
    name: "set-every",
    re: rx(
      `(?<q>every|each|per)${S}(?:(?<n>other|\\d{1,3}|${NUMBER})${S})?(?:(?<wd>${EN_WEEKDAY})|(?<month>${MONTH})|(?<season>${SEASON})|(?<unit>second|minute|hour|day|night|morning|evening|week|weekend|month|quarter|year|decade|century|(?:${UNIT})))`,
    ),
    accept: (g) => !g.month || /^\p{Lu}/u.test(g.month),
    resolve: (g) => {
      if (g.wd) return { type: "set", value: `XXXX-WXX-${weekdayOf(g.wd)}` };
      if (g.month)
        return { type: "set", value: `XXXX-${pad(MONTHS.get(g.month.toLowerCase().replace(/\.$/, ""))!)}` };
      if (g.season) return { type: "set", value: `XXXX-${SEASONS.get(g.season.toLowerCase())}` };
      const unit = g.unit!.toLowerCase().replace(/s$/, "").replace(/ie$/, "y");
      const base = UNIT_LETTER[unit];
      if (!base) return null;
      const n = g.n ? (/^other$/i.test(g.n) ? 2 : amount(g.n)) : 1;
      return { type: "set", value: n && n !== 1 ? base.replace("1", String(n)) : base };
    },
  },
  {
    name: "set-word",
    re: rx(`(?<w>${Object.keys(SET_WORDS).join("|")})`),
    // "a quarterly dividend", "the weekly magazine": an adjective before a noun names a kind of thing.
    accept: (g, text, _s, end) => {
      if (/^(?:daily|annually|biannually|semiannually)$/i.test(g.w!)) return true;
      const next = /^\s+([a-z]+)/.exec(text.slice(end, end + 16))?.[1];
      return !next || FOLLOWS_ADVERB.test(next);
    },
    resolve: (g) => ({ type: "set", value: SET_WORDS[g.w!.toLowerCase()]! }),
  },
  {
    name: "set-rate",
    re: rx(
      `(?:once|twice|thrice|(?:${NUMBER})${S}times)${S}(?:a|an|per|each|every)${S}(?<unit>second|minute|hour|day|week|month|quarter|year|decade)`,
    ),
    resolve: (g) => ({ type: "set", value: UNIT_LETTER[g.unit!.toLowerCase()]! }),
  },
  {
    name: "set-plural-weekday",
    re: rx(`(?<wd>${EN_WEEKDAY})s`),
    accept: (g) => /^\p{Lu}/u.test(g.wd!),
    resolve: (g) => ({ type: "set", value: `XXXX-WXX-${weekdayOf(g.wd!)}` }),
  },
  {
    name: "clock",
    re: rx(
      `(?:(?<approx>about|around|at${S}about|approximately|shortly${S}(?:after|before)|just${S}(?:after|before))${S})?(?<h>[01]?\\d|2[0-3])(?:[:.](?<min>[0-5]\\d))?${O}(?<ampm>[ap]\\.${O}m(?:\\.(?!\\s+\\p{Lu}|\\s*$))?|[ap]m)(?<tz>\\.?${S}[A-Z]{1,3}T)?(?:\\.?,?${S}${CLOCK_ANCHOR})?`,
    ),
    resolve: (g, ctx) => {
      let h = Number(g.h) % 12;
      if (/^p/i.test(g.ampm!)) h += 12;
      return clock(h, Number(g.min ?? 0), g, ctx);
    },
  },
  {
    name: "clock-24h",
    re: rx(`(?<h>[01]\\d|2[0-3]):(?<min>[0-5]\\d)(?:${S}(?:h|Uhr|GMT|UTC))?`),
    accept: (_g, text, start, end) =>
      !/[\d:.]$/.test(text.slice(start - 1, start)) && !/^[:.]\d/.test(text.slice(end, end + 2)),
    resolve: (g, ctx) => clock(Number(g.h), Number(g.min), g, ctx),
  },
  {
    name: "clock-words",
    re: rx(`(?<h>${NUMBER})(?:${S}o['’]clock)?${S}in${S}the${S}(?<pod>morning|afternoon|evening)`),
    resolve: (g, ctx) => {
      const h = amount(g.h!);
      if (h === null || h > 12 || !Number.isInteger(h)) return null;
      return clock(/morning/i.test(g.pod!) ? h % 12 : (h % 12) + 12, 0, g, ctx);
    },
  },
  {
    name: "part-of-day",
    re: rx(`(?<mod>mid|late|early)(?:-|${S})?(?<pod>morning|afternoon|evening)`),
    resolve: (g, ctx) => {
      const p = PARTS_OF_DAY.get(g.pod!.toLowerCase());
      return ctx.ref && p ? { type: "time", value: `${dayValue(ctx.ref, 0)}T${p}` } : null;
    },
  },
  {
    name: "noon",
    re: rx(`(?<w>noon|midnight|midday)(?:${S}${CLOCK_ANCHOR})?`),
    resolve: (g, ctx) => clock(/midnight/i.test(g.w!) ? 24 : 12, 0, g, ctx),
  },
];
