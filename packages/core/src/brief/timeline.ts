import { contentStems } from "../claims/text";
import { parseReference } from "../enrich/time/calendar";
import { isExpected, periodStart } from "../enrich/time/timeline";
import type { Genre } from "../schemas/article";
import type { Citation, TimelineEntry, TimelineReport } from "../schemas/briefing";
import type { TimePrecision } from "../schemas/enrichment";
import { datesCompatible } from "../enrich/date-range";
import { byPrecision, datesCompatibleMemo, precisionOfDate } from "./dates";
import type { BriefingArticle } from "./input";
import type { ParagraphStems } from "./support";
import { leadingPronounReferent, withReferent } from "./pronoun";
import { isAnaphoric, pointText } from "./wording";

interface Report extends TimelineReport {
  phrase: string;
  sentence: string;
  actors: string[];
  stems: string[];
  order: number;
  genre: Genre;
}

export interface TimelineInput {
  articles: readonly BriefingArticle[];
  labels: readonly string[];
  genres: readonly Genre[];
  /** Per article: entity slugs renamed for the story. */
  renamed: ReadonlyArray<ReadonlyMap<string, string>>;
  stems: ParagraphStems;
  max: number;
}

// Two reports of one day are one event when their sentences share this much (weighted); months and years hold
// many events, so they need more.
const SAME_DAY = 0.2;
const SAME_PERIOD = 0.35;
// Reports this alike with incompatible dates are one event dated differently: a conflict to show.
const CONFLICT = 0.5;
const SHORT_SENTENCE = 25;

const squash = (text: string) => text.replace(/\s+/g, " ").trim();
const count = (text: string, mark: RegExp) => text.match(mark)?.length ?? 0;
const balanced = (text: string) =>
  count(text, /“/g) === count(text, /”/g) &&
  count(text, /"/g) % 2 === 0 &&
  count(text, /\(/g) === count(text, /\)/g);
const capitalized = (text: string) => squash(text).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
// The date itself is what every report of a day shares; whether two reports tell one event is in the rest.
const DATE_WORD =
  /^(?:\d+(?:st|nd|rd|th)?|januari|februari|march|april|mai|june|juli|august|septemb|octob|novemb|decemb|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mondai|tuesdai|wednesdai|thursdai|fridai|saturdai|sundai|year|month|week|dai|todai|yesterdai|tomorrow|last|next|earli|late|mid)$/;

/** The paragraph that holds a digest timeline line: it is printed as a list item of the article. */
function digestParagraph(article: BriefingArticle, text: string): number | null {
  const wanted = squash(text);
  const hit = article.paragraphs.find((p) => p.kind !== "heading" && squash(p.text).includes(wanted));
  return hit?.n ?? null;
}

function collect(input: TimelineInput): Report[] {
  const out: Report[] = [];
  input.articles.forEach((article, order) => {
    const source = input.labels[order]!;
    const reference = parseReference(article.publishedAt ?? article.enrichment.referenceDate);
    const rename = (slug: string) => input.renamed[order]?.get(slug) ?? slug;
    const expected = (date: string) => (reference ? isExpected(date, reference) : null);
    const push = (
      date: string,
      precision: TimePrecision,
      paragraph: number,
      start: number,
      phrase: string,
      sentence: string,
      actors: string[],
      fromDigest: boolean,
    ) => {
      // The phrase is enrichment's name for the event ("general election", "Trump and Xi Jinping held their first
      // call"); when it is one word, cut mid-quote, or no longer reads as its paragraph's, the sentence is the event.
      // A short sentence reads better than any fragment of it (with "She" made "[Takaichi]" when certain); a
      // long one, a question, or one opening on a pronoun nobody can be sure of, is what the phrase is for.
      const referent = leadingPronounReferent({ text: sentence, paragraph, start }, article.enrichment);
      const told = pointText(withReferent(sentence, referent));
      const readable =
        sentence.split(/\s+/).length <= SHORT_SENTENCE &&
        !/\?/.test(sentence) &&
        !(isAnaphoric(told) && !referent);
      const named = phrase.split(/\s+/).length >= 2 && balanced(phrase) ? capitalized(phrase) : null;
      const text = (readable ? [told, named] : [named, told]).find(
        (t): t is string => !!t && input.stems.supports(t, article.id, paragraph),
      );
      if (!text) return;
      out.push({
        articleId: article.id,
        source,
        date,
        precision,
        expected: expected(date),
        text,
        citation: { articleId: article.id, source, paragraph },
        fromDigest,
        phrase: squash(phrase).toLowerCase(),
        sentence,
        actors: actors.map(rename),
        stems: contentStems(sentence, article.language).stems.filter((stem) => !DATE_WORD.test(stem)),
        order,
        genre: input.genres[order]!,
      });
    };
    for (const event of article.enrichment.timeline) {
      push(
        event.date,
        event.precision,
        event.paragraph,
        event.start,
        event.phrase,
        event.sentence,
        event.actors,
        false,
      );
    }
    for (const entry of article.digest?.timeline ?? []) {
      const paragraph = digestParagraph(article, entry.text);
      if (paragraph === null) continue;
      const known = out.some(
        (r) =>
          r.articleId === article.id &&
          r.citation.paragraph === paragraph &&
          datesCompatible(r.date, entry.date),
      );
      if (!known)
        push(entry.date, precisionOfDate(entry.date), paragraph, 0, entry.text, entry.text, [], true);
    }
  });
  return out;
}

/** Each value's number in order of first appearance (equal values, equal numbers). */
function numbered(values: readonly string[]): number[] {
  const ids = new Map<string, number>();
  return values.map((value) => {
    let id = ids.get(value);
    if (id === undefined) {
      id = ids.size;
      ids.set(value, id);
    }
    return id;
  });
}

/** A report's stems as `overlap` weighs them: each stem's squared IDF, their sum, and the stems as a set. */
interface Weighed {
  set: ReadonlySet<string>;
  weights: number[];
  norm: number;
}

function weigh(report: Report, idf: (stem: string) => number): Weighed {
  const weights = report.stems.map((s) => idf(s) ** 2);
  let norm = 0;
  for (const w of weights) norm += w;
  return { set: new Set(report.stems), weights, norm };
}

/** Weighted overlap of two sentences' stems (cosine with IDF weights over all the reports). */
function overlap(a: Report, wa: Weighed, wb: Weighed): number {
  let shared = 0;
  for (let k = 0; k < a.stems.length; k++) if (wb.set.has(a.stems[k]!)) shared += wa.weights[k]!;
  return wa.norm && wb.norm ? shared / Math.sqrt(wa.norm * wb.norm) : 0;
}

/**
 * The story's timeline: every dated event of every article (enrichment's timeline and the article's own digest
 * timeline), merged where two reports tell the same event (compatible dates and similar sentences), the same
 * event with incompatible dates kept as one entry showing both and flagged. `expected` is judged per article
 * against its own publication date; event dates never stand in for publication dates.
 */
export function buildTimeline(input: TimelineInput): TimelineEntry[] {
  const reports = collect(input);
  if (reports.length === 0) return [];
  const df = new Map<string, number>();
  for (const r of reports) for (const s of new Set(r.stems)) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = (s: string) => Math.log(1 + reports.length / (df.get(s) ?? 1));
  const places = new Set(
    input.articles.flatMap((a, i) =>
      a.enrichment.entities
        .filter((e) => e.type === "place")
        .map((e) => input.renamed[i]?.get(e.slug) ?? e.slug),
    ),
  );
  // Per report, once: the pair loop below is quadratic in the story's reports.
  const weighed = reports.map((r) => weigh(r, idf));
  const actors = reports.map((r) => r.actors.filter((x) => !places.has(x)));
  const compatible = datesCompatibleMemo();
  const parent = reports.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) {
      // Path halving: the roots stay the same, the walks to them get short.
      parent[root] = parent[parent[root]!]!;
      root = parent[root]!;
    }
    return root;
  };
  const sameEvent = (i: number, j: number): boolean => {
    const a = reports[i]!;
    const b = reports[j]!;
    const day = a.precision === "day" && b.precision === "day";
    // "policy speech" and "policy speech to the Diet", "congressional elections" and "midterm congressional
    // elections": one name inside the other.
    const samePhrase =
      a.phrase === b.phrase ||
      (a.phrase.includes(" ") &&
        b.phrase.includes(" ") &&
        (a.phrase.includes(b.phrase) || b.phrase.includes(a.phrase)));
    // An article that dates two things to the same day returns to one event, unless each names someone else
    // doing it (a digest timeline lists "Akazawa announced a trip" and "Jiang Bin criticized Japan" on one day).
    const actorsA = actors[i]!;
    const actorsB = actors[j]!;
    const sameArticleDay =
      day &&
      a.date === b.date &&
      a.articleId === b.articleId &&
      (actorsA.length === 0 || actorsB.length === 0 || actorsA.some((x) => actorsB.includes(x)));
    // One day, and the same person or organisation acting: the same event told two ways ("the March 19
    // summit", "when Trump welcomes Takaichi on March 19"). Countries act in everything, so they do not count.
    const sameActor = day && a.date === b.date && actorsA.some((x) => b.actors.includes(x));
    // The overlap last: it is the costly test, and only needed when the others leave it to decide.
    return compatible(a.date, b.date)
      ? samePhrase ||
          sameArticleDay ||
          sameActor ||
          overlap(a, weighed[i]!, weighed[j]!) >= (day ? SAME_DAY : SAME_PERIOD)
      : a.articleId !== b.articleId && overlap(a, weighed[i]!, weighed[j]!) >= CONFLICT;
  };
  // Against a report of another article, `sameEvent` reads only the other report's date, precision, phrase,
  // actors and stems: wire copies repeat reports that agree in all of them, and each report's verdict on such a
  // reading is found once (`decidedFor` holds the report it was found for).
  const readingOf = numbered(
    reports.map((r) => JSON.stringify([r.date, r.precision, r.phrase, r.actors, r.stems])),
  );
  const decidedFor = new Int32Array(reports.length).fill(-1);
  const decided = new Uint8Array(reports.length);
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      // Already one event (wire copies tell the same events in the same words): merging again changes nothing.
      if (find(i) === find(j)) continue;
      let same: boolean;
      if (reports[i]!.articleId === reports[j]!.articleId) same = sameEvent(i, j);
      else if (decidedFor[readingOf[j]!] === i) same = decided[readingOf[j]!] === 1;
      else {
        same = sameEvent(i, j);
        decidedFor[readingOf[j]!] = i;
        decided[readingOf[j]!] = same ? 1 : 0;
      }
      if (same) parent[find(j)] = find(i);
    }
  }
  const clusters = new Map<number, Report[]>();
  reports.forEach((r, i) => {
    const root = find(i);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(r);
    else clusters.set(root, [r]);
  });
  const entries = [...clusters.values()].map((cluster) => entryOf(cluster, input.stems, compatible));
  return trim(entries, input.max).sort(
    (a, b) =>
      startKey(a.date) - startKey(b.date) ||
      byPrecision(b.precision, a.precision) ||
      a.event.text.localeCompare(b.event.text),
  );
}

function startKey(date: string): number {
  const d = periodStart(date);
  return d ? d.y * 10_000 + d.m * 100 + d.d : Number.MAX_SAFE_INTEGER;
}

const GENRE_ORDER: Record<Genre, number> = { news: 0, analysis: 1, opinion: 2 };

function entryOf(
  cluster: Report[],
  stems: ParagraphStems,
  datesCompatible: (a: string, b: string) => boolean,
): TimelineEntry {
  const dates = [...new Set(cluster.map((r) => r.date))].sort(
    (a, b) => byPrecision(precisionOfDate(a), precisionOfDate(b)) || a.localeCompare(b),
  );
  // The date most reports are compatible with, the most precise of those.
  const support = new Map(dates.map((d) => [d, cluster.filter((r) => datesCompatible(r.date, d)).length]));
  const date = [...dates].sort(
    (a, b) => support.get(b)! - support.get(a)! || byPrecision(precisionOfDate(a), precisionOfDate(b)),
  )[0]!;
  const conflict = cluster.some((a) =>
    cluster.some((b) => a.articleId !== b.articleId && !datesCompatible(a.date, b.date)),
  );
  // The wording the most reports' paragraphs bear out: the event they share, not a side remark of one.
  // Counted once per wording: wire copies report the same event in the same words.
  const backedBy = new Map<string, number>();
  for (const r of cluster)
    if (!backedBy.has(r.text))
      backedBy.set(
        r.text,
        cluster.filter((o) => stems.supports(r.text, o.articleId, o.citation.paragraph)).length,
      );
  const backing = new Map(cluster.map((r) => [r, backedBy.get(r.text)!]));
  const best = [...cluster].sort(
    (a, b) =>
      backing.get(b)! - backing.get(a)! ||
      GENRE_ORDER[a.genre] - GENRE_ORDER[b.genre] ||
      byPrecision(a.precision, b.precision) ||
      Number(a.fromDigest) - Number(b.fromDigest) ||
      a.order - b.order ||
      a.citation.paragraph - b.citation.paragraph,
  )[0]!;
  const citations: Citation[] = [];
  const seen = new Set<string>();
  for (const r of [...cluster].sort(
    (a, b) => a.order - b.order || a.citation.paragraph - b.citation.paragraph,
  )) {
    const key = `${r.articleId}\u0000${r.citation.paragraph}`;
    if (seen.has(key)) continue;
    if (r !== best && !stems.supports(best.text, r.articleId, r.citation.paragraph)) continue;
    seen.add(key);
    citations.push(r.citation);
  }
  // Each article judges by its most precise report: "this March" written on March 12 is not ahead, "March 19" is.
  const verdicts = new Map<string, Report>();
  for (const r of cluster) {
    const held = verdicts.get(r.articleId);
    if (r.expected !== null && (!held || byPrecision(r.precision, held.precision) < 0))
      verdicts.set(r.articleId, r);
  }
  return {
    date,
    precision: precisionOfDate(date),
    expected: verdicts.size > 0 && [...verdicts.values()].every((r) => r.expected),
    event: { text: best.text, citations },
    reports: cluster.map(({ articleId, source, date, precision, expected, text, citation, fromDigest }) => ({
      articleId,
      source,
      date,
      precision,
      expected,
      text,
      citation,
      fromDigest,
    })),
    conflict,
    dates,
  };
}

/** At most `max` entries: those told by more sources, then the more precise, then the earlier in their articles. */
function trim(entries: TimelineEntry[], max: number): TimelineEntry[] {
  if (entries.length <= max) return entries;
  const sources = (e: TimelineEntry) => new Set(e.reports.map((r) => r.articleId)).size;
  return [...entries]
    .sort(
      (a, b) =>
        sources(b) - sources(a) ||
        byPrecision(a.precision, b.precision) ||
        a.reports[0]!.citation.paragraph - b.reports[0]!.citation.paragraph,
    )
    .slice(0, max);
}
