import type { Figure } from "../../schemas/enrichment";

/** Word tables for reading figures in English news copy (and the common CJK amount units). */

const list = (text: string) => text.trim().split(/\s+/);

export const UNITS: Record<string, number> = Object.fromEntries(
  list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " +
      "seventeen eighteen nineteen",
  ).map((word, i) => [word, i]),
);
export const TENS: Record<string, number> = Object.fromEntries(
  list("twenty thirty forty fifty sixty seventy eighty ninety").map((word, i) => [word, (i + 2) * 10]),
);

/** Multipliers after a number: "550 billion", "€30m", "1.2兆". */
export const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  lakh: 1e5,
  crore: 1e7,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  b: 1e9,
  bn: 1e9,
  tn: 1e12,
  trn: 1e12,
  千: 1e3,
  万: 1e4,
  億: 1e8,
  亿: 1e8,
  兆: 1e12,
};

/** Denominators of spelled fractions: "two-thirds", "a quarter of", "half of". */
export const FRACTIONS: Record<string, number> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fourth: 4,
  fourths: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  tenth: 10,
  tenths: 10,
};

/** Symbols and codes written before the amount; "$" alone is read as US dollars, "¥" as yen. */
export const CURRENCY_PREFIXES: Record<string, string> = {
  US$: "USD",
  "U.S.$": "USD",
  $: "USD",
  A$: "AUD",
  AU$: "AUD",
  C$: "CAD",
  CA$: "CAD",
  HK$: "HKD",
  S$: "SGD",
  NT$: "TWD",
  NZ$: "NZD",
  R$: "BRL",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "￥": "JPY",
  "₩": "KRW",
  "₹": "INR",
  "₽": "RUB",
  "₺": "TRY",
  "₪": "ILS",
  Rs: "INR",
  "Rs.": "INR",
  RMB: "CNY",
  CNY: "CNY",
  USD: "USD",
  EUR: "EUR",
  JPY: "JPY",
  GBP: "GBP",
  KRW: "KRW",
  INR: "INR",
  CHF: "CHF",
  CAD: "CAD",
  AUD: "AUD",
};

/** Currency names written after the amount ("1.2 trillion yen"); a country adjective before "dollars" decides which. */
export const CURRENCY_WORDS: Record<string, string> = {
  dollar: "USD",
  dollars: "USD",
  yen: "JPY",
  yuan: "CNY",
  renminbi: "CNY",
  euro: "EUR",
  euros: "EUR",
  sterling: "GBP",
  won: "KRW",
  rupee: "INR",
  rupees: "INR",
  ruble: "RUB",
  rubles: "RUB",
  rouble: "RUB",
  roubles: "RUB",
  peso: "MXN",
  pesos: "MXN",
  franc: "CHF",
  francs: "CHF",
  rand: "ZAR",
  ringgit: "MYR",
  baht: "THB",
  rupiah: "IDR",
  lira: "TRY",
  shekel: "ILS",
  shekels: "ILS",
  riyal: "SAR",
  riyals: "SAR",
  dirham: "AED",
  dirhams: "AED",
  naira: "NGN",
  hryvnia: "UAH",
  hryvnias: "UAH",
  円: "JPY",
  ドル: "USD",
  米ドル: "USD",
  元: "CNY",
  人民币: "CNY",
  美元: "USD",
  欧元: "EUR",
  日元: "JPY",
  ユーロ: "EUR",
  ウォン: "KRW",
  韩元: "KRW",
  英镑: "GBP",
};
export const DOLLAR_COUNTRIES: Record<string, string> = {
  us: "USD",
  "u.s.": "USD",
  american: "USD",
  canadian: "CAD",
  australian: "AUD",
  "hong kong": "HKD",
  singapore: "SGD",
  "new zealand": "NZD",
  taiwan: "TWD",
  taiwanese: "TWD",
};
export const ISO_CODES = new Set(Object.values(CURRENCY_PREFIXES).concat(Object.values(CURRENCY_WORDS)));

/** CJK counters that follow a number directly: 3万人 (people), 352議席 (seats). */
export const CJK_COUNTERS: Record<string, string> = {
  人: "people",
  名: "people",
  議席: "seats",
  席: "seats",
  件: "cases",
  社: "companies",
  カ国: "countries",
  か国: "countries",
  个国家: "countries",
  棟: "buildings",
  戸: "homes",
};

export const MONTHS = new Set(
  list(
    "January February March April May June July August September October November December " +
      "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec",
  ),
);

/** Durations and ages are the time stage's business, not figures. */
export const TIME_UNITS = new Set(
  list(
    "year years yr yrs month months week weeks day days hour hours hr hrs minute minutes min mins second seconds " +
      "sec secs decade decades century centuries night nights year-old years-old month-old week-old day-old " +
      "time times am pm a.m. p.m. o'clock",
  ),
);

/** Nouns that a number names rather than counts: "Article 9", "Chapter 11", "Flight 370", "para. 3". */
export const NAME_NOUNS = new Set(
  list(
    "article articles section sections chapter clause para paragraph no nos number rule resolution amendment " +
      "room flight route highway interstate level phase stage grade version model type class category page pages " +
      "item title part vol volume episode season figure fig table line gate terminal platform district ward " +
      "precinct block floor exit bus game round act bill proposition prop channel lot tier group step point " +
      "psalm verse issue edition camp unit sector zone division squad track box pier dock lane suite apartment " +
      "age ages aged",
  ),
);

/**
 * Closed-class words and common verbs: where a noun phrase after or before a figure stops. Without a tagger
 * this list is what separates "352 seats" (a noun) from "40 were killed" (no counted noun).
 */
export const FUNCTION_WORDS = new Set(
  list(
    "a an the this that these those its their his her our my your of in on at to for from by with without into " +
      "onto over under about above below between among through during after before since until while as than " +
      "and or but nor so yet if because although though whether which who whom whose what when where why how " +
      "it they he she we you i them him us me there here is are was were be been being am has have had do does " +
      "did will would can could may might must shall should not no each every per also only just even still more " +
      "most less least some any all both either neither such own same other another up down out off then now " +
      "already almost nearly about around roughly including against across toward towards via within upon " +
      "said says say told according added rose fell grew jumped dropped climbed increased decreased reached hit " +
      "won lost took got made gave went came died fled remain remained remains voted stood stands stand " +
      "worth valued totaling totalling amounting compared versus vs ago later earlier apiece each ahead apart " +
      "abroad overseas instead alone away back together respectively along atop due themselves itself " +
      "sent paid spent given taken held brought kept",
  ),
);

/** "invest $550 billion" counts an investment: verbs of spending and their nouns. */
export const NOMINALIZATIONS: Record<string, string> = {
  invest: "investment",
  spend: "spending",
  borrow: "borrowing",
  lend: "lending",
  pay: "payment",
  lose: "losses",
  earn: "earnings",
  owe: "debt",
  donate: "donation",
  allocate: "allocation",
  pledge: "pledge",
  commit: "commitment",
  raise: "funds raised",
  cut: "cuts",
  fine: "fine",
  sell: "sales",
  buy: "purchase",
  acquire: "acquisition",
  export: "exports",
  import: "imports",
};

type Qualifier = Figure["qualifier"];

/** Words before a figure that say how exact it is, mapped to the contract's qualifiers; the first match wins, so "no more than" is tried before "more than". */
const QUALIFIER_WORDS: ReadonlyArray<[string, Qualifier]> = [
  ["up to|at most|as many as|as much as|no more than|not more than|a maximum of", "at-most"],
  ["at least|no fewer than|no less than|a minimum of", "at-least"],
  ["nearly|almost|close to|just under|just shy of|not quite", "nearly"],
  [
    "more than|in excess of|upwards of|greater than|exceeding|north of|just over|well over|over|above",
    "over",
  ],
  ["approximately|approx\\.|about|around|roughly|some|an estimated|estimated|circa|~", "about"],
  ["less than|fewer than|lower than|under|below", "under"],
];
/** Each pattern ends at the figure; group 1 is the qualifier as written. */
export const QUALIFIERS: ReadonlyArray<[RegExp, Qualifier]> = QUALIFIER_WORDS.map(([words, qualifier]) => [
  new RegExp(`(?:^|[^\\p{L}])(${words})\\s*$`, "iu"),
  qualifier,
]);
