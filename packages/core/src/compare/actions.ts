import { type Claim, stemWord } from "../claims/index";
import { stopwordsFor } from "../cluster/stopwords";
import type { ComparisonCitation, WordChoiceAction } from "../schemas/comparison";
import { bareWord, capitalized, isVerbLike, possessive, type Word, wordsOf } from "./label-words";
import { labelKey } from "./labels";
import { citation, type Prepared, type PreparedArticle } from "./prepare";
import { DEFAULT_ALIGN_OPTIONS } from "./shared";

/**
 * Words news copy picks between for one act or thing, where a stem cannot join them ("slammed" / "criticized",
 * "probe" / "investigation", "duties" / "tariffs"). Each line is one class; claims/ folds a few more ("summit",
 * "talks" and "meeting" are one stem there). Only near-synonyms: the choice between them is the framing.
 */
const ALTERNATIVES = `
  criticize criticized criticizes criticizing slam slammed slams slamming blast blasted blasts lambast lambasted
    rebuke rebuked condemn condemned condemns denounce denounced denounces attack attacked attacks
  halt halted halts suspend suspended suspends suspension freeze froze frozen stop stopped
  cancel canceled cancelled cancels scrap scrapped scraps ditch ditched ditches
  meddling interference interfering meddle meddled interfere interfered
  investigation investigations probe probes inquiry inquiries
  collusion colluding coordination coordinating
  announcement statement declaration
  lawsuit lawsuits suit suits complaint
  protest protests protesters protestors demonstration demonstrations demonstrators rally rallies
  migrants migrant immigrants immigrant asylum-seekers asylum-seeker aliens
  duties duty levies levy tariffs tariff
  deal agreement accord pact
  claimed claims insisted insists asserted asserts alleged alleges
  killed slain murdered
`
  .trim()
  .split("\n");
const CLASS = new Map<string, string>();
for (const line of ALTERNATIVES) {
  const words = line.trim().split(/\s+/);
  for (const w of words) CLASS.set(w, words[0]!);
}
const conceptOf = (word: string) => CLASS.get(word) ?? stemWord(word);

const DETERMINERS = /^(?:the|a|an|this|these|that|those|such|his|her|its|their|our|my|your)$/i;
const MAX_MODIFIERS = 4;
const AUXILIARIES = new Set(
  "to will would can could should must may might shall has have had did does do not never".split(" "),
);

interface Phrase {
  concept: string;
  head: string;
  start: number;
  end: number;
  text: string;
  /** Content words of the phrase outside any named entity: where the wording can differ. */
  words: string[];
}

/**
 * The phrases of a sentence that can carry word choice: a content word that ends its phrase (or a word of the
 * alternatives above), with the modifiers before it back to a determiner or possessive ("the so-called working
 * visit", "a sham lawsuit", "President Trump's visit"). Words inside a named entity are not heads.
 */
function phrasesOf(claim: Claim, article: PreparedArticle, stop: ReadonlySet<string>): Phrase[] {
  const words = wordsOf(claim.text);
  const mentions = article.mentions.filter(
    (m) => m.paragraph === claim.paragraph && m.end > claim.start && m.start < claim.end,
  );
  const named = (w: Word) =>
    mentions.some((m) => m.start <= claim.start + w.start && claim.start + w.start < m.end);
  const adjacent = (a: Word, b: Word) => /^[\s"“”]*$/.test(claim.text.slice(a.end, b.start));
  const out: Phrase[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const bare = bareWord(w.text);
    if (capitalized(w.text) || named(w) || stop.has(bare) || bare.length < 3 || /^\p{N}/u.test(bare))
      continue;
    const next = words[i + 1];
    const continues =
      next &&
      adjacent(w, next) &&
      !possessive(w.text) &&
      !capitalized(next.text) &&
      !stop.has(bareWord(next.text)) &&
      !isVerbLike(bareWord(next.text)) &&
      !/ly$/.test(next.text);
    if (continues && !CLASS.has(bare)) continue;
    let first = i;
    for (let j = i - 1; j >= 0 && i - j <= MAX_MODIFIERS; j--) {
      const x = words[j]!;
      if (!adjacent(x, words[j + 1]!)) break;
      const xb = bareWord(x.text);
      if (DETERMINERS.test(xb)) {
        first = j;
        break;
      }
      // A name joins the phrase as its owner or its subject ("Trump's trip", "the Iran deal"), only behind a
      // determiner or as a possessive: "Trump slammed" is a subject and a verb.
      if (capitalized(x.text) || named(x)) {
        if (possessive(x.text) || (j > 0 && DETERMINERS.test(words[j - 1]!.text))) {
          first = j;
          continue;
        }
        break;
      }
      if (stop.has(xb) || isVerbLike(xb)) break;
      first = j;
    }
    // A run that starts after "to" or an auxiliary starts with a verb ("to impose controversial tariffs"); a
    // past form with no determiner before it is a verb whose subject the run took ("the campaign conspired").
    const lead = words[first - 1];
    if (first < i && lead && adjacent(lead, words[first]!) && AUXILIARIES.has(bareWord(lead.text))) first++;
    if (bare.endsWith("ed") && !DETERMINERS.test(words[first]!.text)) first = i;
    const start = words[first]!.start;
    const end = w.end - (w.text.endsWith(".") ? 1 : 0);
    const inside = words.slice(first, i + 1).filter((x) => !named(x) && !DETERMINERS.test(x.text));
    out.push({
      concept: conceptOf(bare),
      head: bare,
      start,
      end,
      text: claim.text.slice(start, end).replace(/\s+/g, " "),
      words: inside.map((x) => bareWord(x.text)),
    });
  }
  return out;
}

const phraseKey = (text: string) =>
  labelKey(text)
    .split(" ")
    .filter((w, i) => !(i === 0 && DETERMINERS.test(w)))
    .join(" ");

/** A side's text as phrase keys are written, to check that a side never writes a phrase. */
function sideText(articles: readonly PreparedArticle[]): string {
  return ` ${articles.flatMap((a) => a.input.paragraphs.map((p) => labelKey(p.text))).join(" | ")} `;
}

export interface ActionOptions {
  /** Acts and things shown, most surely shared first. */
  maxActions?: number;
  /** Phrases shown per act and side. */
  maxPhrases?: number;
  /** Sentences at or above this claim similarity state the same fact (the shared-facts threshold). */
  threshold?: number;
}

const MAX_CITATIONS = 5;
const MAX_PAIRS = 5;
type Pair = WordChoiceAction["pairs"][number];

/**
 * Word choice for acts, events and things. In each pair of sentences that state the same fact on two sides (a
 * claim's best match on another side, at the shared-facts threshold), the phrases both build on one head or on
 * two heads of one meaning, worded differently, name one act or thing; each side's wording of it is then every
 * phrase on that head (or its alternatives) across the side's sentences, exclusive when no other side writes it.
 */
export function compareActions(prepared: Prepared, options: ActionOptions = {}): WordChoiceAction[] {
  const threshold = options.threshold ?? DEFAULT_ALIGN_OPTIONS.sharedThreshold;
  const texts = new Map(
    prepared.sides.map((side) => [side, sideText(prepared.articles.filter((a) => a.side === side))]),
  );
  const phrases = new Map<Claim, Phrase[]>();
  const phrasesFor = (claim: Claim) => {
    let list = phrases.get(claim);
    if (!list) {
      const article = prepared.articleOf.get(claim)!;
      const language = article.input.language ?? article.input.enrichment.language;
      list = phrasesOf(claim, article, stopwordsFor(language));
      phrases.set(claim, list);
    }
    return list;
  };
  const pairsOf = new Map<string, Map<string, Pair>>();
  const seen = new Set<string>();
  prepared.claims.forEach((claim, i) => {
    const own = prepared.articleOf.get(claim)!;
    for (const [articleIndex, match] of prepared.best[i]!) {
      const other = prepared.articles[articleIndex]!;
      if (other.side === own.side || match.similarity < threshold) continue;
      const pairKey = i < match.claim ? `${i}:${match.claim}` : `${match.claim}:${i}`;
      if (seen.has(pairKey)) continue;
      seen.add(pairKey);
      const partner = prepared.claims[match.claim]!;
      // Sides in the comparison's order, so "LL … RR" reads the same way in every pair.
      const [a, b, ca, cb] =
        own.sideIndex <= other.sideIndex ? [own, other, claim, partner] : [other, own, partner, claim];
      for (const pa of phrasesFor(ca)) {
        for (const pb of phrasesFor(cb)) {
          if (pa.concept !== pb.concept) continue;
          const ka = phraseKey(pa.text);
          const kb = phraseKey(pb.text);
          if (!ka || !kb || ka === kb) continue;
          // The difference must be in the wording, not in which entity is named ("U.S. tariffs" / "tariffs"),
          // nor in inflection ("denied" / "denies").
          const sa = pa.words.map(stemWord);
          const sb = pb.words.map(stemWord);
          if (!sa.some((w) => !sb.includes(w)) && !sb.some((w) => !sa.includes(w))) continue;
          if (texts.get(b.side)!.includes(` ${ka} `) || texts.get(a.side)!.includes(` ${kb} `)) continue;
          const byKey = pairsOf.get(pa.concept) ?? new Map<string, Pair>();
          pairsOf.set(pa.concept, byKey);
          const key = `${a.side}\u0000${ka}\u0000${b.side}\u0000${kb}`;
          const similarity = Math.round(Math.min(1, match.similarity) * 1000) / 1000;
          if ((byKey.get(key)?.similarity ?? -1) >= similarity) continue;
          byKey.set(key, {
            phrases: [
              { side: a.side, text: pa.text, sentence: ca.text, citation: citation(a, ca.paragraph) },
              { side: b.side, text: pb.text, sentence: cb.text, citation: citation(b, cb.paragraph) },
            ],
            similarity,
          });
        }
      }
    }
  });

  // Every phrase on a concept that a shared fact words differently, side by side.
  type Entry = {
    forms: Map<string, number>;
    count: number;
    citations: ComparisonCitation[];
    heads: Set<string>;
  };
  const wording = new Map<string, Map<string, Map<string, Entry>>>();
  for (const claim of prepared.claims) {
    const article = prepared.articleOf.get(claim)!;
    for (const p of phrasesFor(claim)) {
      if (!pairsOf.has(p.concept)) continue;
      const bySide = wording.get(p.concept) ?? new Map<string, Map<string, Entry>>();
      wording.set(p.concept, bySide);
      const byKey = bySide.get(article.side) ?? new Map<string, Entry>();
      bySide.set(article.side, byKey);
      const key = phraseKey(p.text);
      const entry: Entry = byKey.get(key) ?? { forms: new Map(), count: 0, citations: [], heads: new Set() };
      byKey.set(key, entry);
      entry.count++;
      entry.heads.add(p.head);
      entry.forms.set(p.text, (entry.forms.get(p.text) ?? 0) + 1);
      if (entry.citations.length < MAX_CITATIONS) entry.citations.push(citation(article, claim.paragraph));
    }
  }
  const out: Array<WordChoiceAction & { best: number }> = [];
  for (const [concept, pairs] of pairsOf) {
    const bySide = wording.get(concept)!;
    const heads = new Map<string, number>();
    const sides = prepared.sides
      .filter((side) => bySide.has(side))
      .map((side) => {
        const list = [...bySide.get(side)!.entries()].map(([key, entry]) => {
          for (const h of entry.heads) heads.set(h, (heads.get(h) ?? 0) + entry.count);
          const exclusive = prepared.sides.every(
            (other) => other === side || !texts.get(other)!.includes(` ${key} `),
          );
          const text = [...entry.forms.entries()].sort(
            (x, y) => y[1] - x[1] || x[0].localeCompare(y[0]),
          )[0]![0];
          const unique = entry.citations.filter(
            (c, i, all) =>
              all.findIndex((d) => d.articleId === c.articleId && d.paragraph === c.paragraph) === i,
          );
          return { text, count: entry.count, exclusive, citations: unique };
        });
        list.sort(
          (x, y) =>
            Number(y.exclusive) - Number(x.exclusive) || y.count - x.count || x.text.localeCompare(y.text),
        );
        return { side, phrases: list.slice(0, options.maxPhrases ?? 10) };
      });
    const ranked = [...pairs.values()].sort((x, y) => y.similarity - x.similarity);
    const name =
      [...heads.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? concept;
    out.push({
      concept: name,
      sides,
      pairs: ranked.slice(0, MAX_PAIRS),
      differs: sides.filter((s) => s.phrases.some((p) => p.exclusive)).length >= 2,
      best: ranked[0]!.similarity,
    });
  }
  out.sort(
    (x, y) => Number(y.differs) - Number(x.differs) || y.best - x.best || x.concept.localeCompare(y.concept),
  );
  return out.slice(0, options.maxActions ?? 15).map(({ best: _, ...action }) => action);
}
