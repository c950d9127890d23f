import { stopwordsFor } from "../cluster/stopwords";
import { HONORIFICS, ROLE_HEADS, ROLE_NOUNS } from "../enrich/entities/data/lexicon";
import type { Mention } from "../schemas/enrichment";
import type { Paragraph } from "../schemas/paragraph";
import { describedEntities, type EntityInfo } from "./descriptions";
import { bareWord, capitalized, collapse, isVerbLike, type Word, wordsOf } from "./label-words";

/**
 * The words an article wraps around a name: the title and epithets before it ("North Korean dictator Kim
 * Jong-un", "embattled President Trump", "Mr. Kim") and an appositive on either side ("its leader, Kim Jong-un";
 * "Moon Jae-in, the South Korean president,"). These are where outlets' word choice for one actor shows
 * (Hamborg et al. 2019, NewsWCL50). Read by pattern, for English: a label is modifiers, a role noun, then the
 * name; words of other kinds (verbs, dates, function words) end it.
 */

/** Nouns that label a person or a group without being a title: the epithets outlets pick between. */
const EPITHETS = new Set(
  `strongman despot tyrant autocrat ruler dictator boss mogul firebrand hardliner hard-liner populist incumbent
  frontrunner front-runner star icon ally foe critic supporter regime government administration leadership
  nation country state republic kingdom power superpower neighbor neighbour adversary enemy partner rogue
  heir scion figure magnate nationalist conservative liberal progressive socialist communist democrat republican
  hawk dove veteran newcomer outsider insider loyalist confidant crony protege protégé`
    .trim()
    .split(/\s+/),
);
const isRole = (word: string) => ROLE_NOUNS.has(word) || ROLE_HEADS.has(word) || EPITHETS.has(word);

// Abbreviations whose period does not end the label: honorifics, titles, initials, "U.S.".
const DOTTED =
  /^(?:\p{Lu}\.|(?:\p{L}\.){2,}|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Prof|Rev|St|Jr|Sr|Pres)\.)$/u;
const DETERMINERS = /^(?:the|a|an|its|his|her|their|our|this|that)$/i;
// Lowercase words that modify a title even before a name of place or group ("former FBI Director").
const TITLE_MODIFIERS = new Set(
  "former late then ex acting current incoming outgoing top senior junior deputy longtime veteran disgraced embattled controversial".split(
    " ",
  ),
);
const ADJECTIVE = /(?:ed|al|ic|ive|ous|ful|less|ant|ent|ish|ian|ary|ist)$/;
const MAX_LEFT_WORDS = 6;
const MAX_APPOSITIVE_WORDS = 9;

export interface Label {
  entity: string;
  paragraph: number;
  start: number;
  end: number;
  /** The label as written, whitespace collapsed. */
  text: string;
  /** The bare name (the mention) when nothing wraps it. */
  bare: boolean;
  /** The name inside the label as written ("Kim Jong-un"); empty for a description without a name. */
  name: string;
}

/**
 * Where the title-and-epithet run before a name starts: the words right before it, back to punctuation, a
 * function word or a verb, kept only as far as they read modifiers → role → name. `covered` tells whether a
 * position lies in a mention of any entity (so "North Korean" may modify, "Tuesday" may not).
 */
function leftRun(
  text: string,
  at: number,
  covered: (i: number) => boolean,
  stop: ReadonlySet<string>,
): number {
  const before = wordsOf(text.slice(Math.max(0, at - 160), at));
  const offset = Math.max(0, at - 160);
  const run: Word[] = [];
  let edge = at;
  for (let i = before.length - 1; i >= 0 && run.length < MAX_LEFT_WORDS; i--) {
    const w = { ...before[i]!, start: before[i]!.start + offset, end: before[i]!.end + offset };
    if (!/^\s+$/.test(text.slice(w.end, edge))) break;
    if (w.text.endsWith(".") && !DOTTED.test(w.text)) break;
    const bare = bareWord(w.text);
    if (isVerbLike(bare) || /^\p{N}/u.test(bare)) break;
    if (stop.has(bare) && !(bare === "of" && run.length > 0 && capitalized(run[0]!.text))) break;
    run.unshift(w);
    edge = w.start;
  }
  // Innermost role word decides: titles and epithets sit right before the name.
  let roleAt = -1;
  for (let i = run.length - 1; i >= 0; i--) {
    const bare = bareWord(run[i]!.text);
    if (isRole(bare) || HONORIFICS.has(bare)) {
      roleAt = i;
      break;
    }
    // Between the role and the name only names and title words go ("Secretary of State Mike Pompeo").
    if (!capitalized(run[i]!.text) && bare !== "of") break;
  }
  if (roleAt < 0) {
    // No title: a possessive owner may still frame the name ("Pyongyang's Kim"); anything else is not a label.
    const last = run[run.length - 1];
    return last && /['’]s$/.test(last.text) && covered(last.start) ? last.start : at;
  }
  let start = run[roleAt]!.start;
  let right = run[roleAt]!;
  // Before the innermost role: more title words ("Prime Minister", "Secretary of State"), names and demonyms
  // ("North Korean dictator"), nouns compounding a lowercase role ("campaign chairman"), and adjectives.
  // Anything else ends it: "visit North Korean leader Kim", "ask President Trump".
  for (let i = roleAt - 1; i >= 0; i--) {
    const w = run[i]!;
    const bare = bareWord(w.text);
    const title = isRole(bare) || HONORIFICS.has(bare);
    let keep: boolean;
    if (bare === "of") {
      const left = run[i - 1];
      keep = !!left && capitalized(left.text) && isRole(bareWord(left.text));
    } else if (capitalized(w.text)) {
      // A capitalized modifier ("Former", "Special" starting a sentence) reads like its lowercase self.
      const heading =
        (capitalized(right.text) && isRole(bareWord(right.text))) ||
        TITLE_MODIFIERS.has(bare) ||
        ADJECTIVE.test(bare);
      keep = covered(w.start) || title || heading;
    } else {
      const compound = !capitalized(right.text) && isRole(bareWord(right.text));
      keep = title || TITLE_MODIFIERS.has(bare) || ADJECTIVE.test(bare) || compound;
    }
    if (!keep) break;
    start = w.start;
    right = w;
  }
  return start;
}

const PREPOSITIONS = new Set("of at for in from on to with and".split(" "));
const opensPhrase = (word: string) => DETERMINERS.test(word) || /['’]s$/.test(word);

// Nouns a place's or group's name heads when it stands for its people or agencies ("U.S. troops").
const GROUP_HEADS = new Set(
  `officials official troops forces force authorities military media people citizens intelligence allies ally
  embassy side presence lawmakers senators diplomats negotiators leaders leadership regime government
  administration voters workers athletes companies company firms businesses industry army navy police press
  public population residents nationals`
    .trim()
    .split(/\s+/),
);

/**
 * The end of the noun a modifier name heads when the two stand for a country's people or agencies ("U.S.
 * [troops]", "the Japanese [government]"), or null. Other nouns make a topic, not a name for the actor
 * ("Japanese anxieties"), and in headlines a verb follows a name as often ("Russia sponsored …").
 */
function headAfter(
  text: string,
  at: number,
  stop: ReadonlySet<string>,
  covered: (i: number) => boolean,
): number | null {
  const w = wordsOf(text.slice(at, at + 40))[0];
  if (!w) return null;
  const start = at + w.start;
  if (!/^\s+$/.test(text.slice(at, start)) || capitalized(w.text) || covered(start)) return null;
  const bare = bareWord(w.text);
  if (stop.has(bare) || isVerbLike(bare) || /^\p{N}/u.test(bare) || /(?:ly|ed)$/.test(bare)) return null;
  if (!GROUP_HEADS.has(bare)) return null;
  return at + w.end - (/['’]s$/.test(w.text) ? 2 : 0) - (w.text.endsWith(".") ? 1 : 0);
}

/**
 * An appositive noun phrase: a determiner or possessive, a few words without verbs or other function words,
 * and a role or epithet in it ("the North Korean leader", "a political science professor at … University").
 */
function isAppositive(words: readonly string[], stop: ReadonlySet<string>): boolean {
  if (words.length < 2 || words.length > MAX_APPOSITIVE_WORDS || !opensPhrase(words[0]!)) return false;
  const bare = words.map(bareWord);
  for (const w of bare.slice(1)) {
    if (isVerbLike(w) || (stop.has(w) && !PREPOSITIONS.has(w) && !DETERMINERS.test(w))) return false;
  }
  return bare.some(isRole);
}

/** The appositive ending right before a comma: from the last determiner or possessive, ending in a role. */
function leftAppositive(before: string, stop: ReadonlySet<string>): number | null {
  const match = /((?:[\p{L}’'.‐-]+\s){0,7}[\p{L}’'.‐-]+),\s*$/u.exec(before);
  if (!match?.[1]) return null;
  const words = match[1].split(/\s+/);
  for (let j = words.length - 2; j >= 0; j--) {
    if (!opensPhrase(words[j]!)) continue;
    const phrase = words.slice(j);
    if (!isRole(bareWord(phrase[phrase.length - 1]!)) || !isAppositive(phrase, stop)) return null;
    return before.length - match[0].length + match[1].length - phrase.join(" ").length;
  }
  return null;
}

/**
 * Every mention's label in one article, in text order. Mentions are the enrichment's (already renamed to the
 * comparison's shared slugs); a mention inside another entity's label keeps its own label too.
 */
export function findLabels(
  paragraphs: readonly Paragraph[],
  mentions: readonly Mention[],
  options: {
    language?: string | null;
    isPerson?: (entity: string) => boolean;
    /** The article's entities: with them, descriptions of states and organizations count too ("the regime"). */
    entityOf?: (entity: string) => EntityInfo | undefined;
  } = {},
): Label[] {
  const { language, entityOf } = options;
  const isPerson =
    options.isPerson ?? (entityOf ? (slug: string) => entityOf(slug)?.type === "person" : () => true);
  const stop = stopwordsFor(language);
  const english = !language || language.toLowerCase().startsWith("en");
  const byParagraph = new Map<number, Mention[]>();
  for (const m of mentions) byParagraph.set(m.paragraph, [...(byParagraph.get(m.paragraph) ?? []), m]);
  const out: Label[] = [];
  for (const paragraph of paragraphs) {
    const list = (byParagraph.get(paragraph.n) ?? []).sort((a, b) => a.start - b.start);
    const text = paragraph.text;
    const covered = (i: number) => list.some((m) => m.start <= i && i < m.end);
    for (const m of list) {
      let start = m.start;
      let end = m.end;
      if (english) {
        // Titles, epithets and appositives before a name are people's; before a place they are lists or
        // other people's titles ("director of Amnesty International UK", "the government, U.S.").
        const person = isPerson(m.entity);
        if (person) start = leftRun(text, m.start, covered, stop);
        // Only people take an appositive before the name; before a place it is a list ("the government, U.S.").
        if (start === m.start && person) start = leftAppositive(text.slice(0, m.start), stop) ?? start;
        const right = /^,\s+([^,.;:!?()"“”—–]{3,90}?)(?=\s*(?:[,.;:!?)]|\s[—–-]\s|$))/u.exec(
          text.slice(m.end),
        );
        if (right?.[1] && isAppositive(right[1].split(/\s+/), stop)) end = m.end + right[0].length;
        // A place or group named as a modifier names its people or its agency: "U.S. officials", "Chinese
        // overproduction", "the Japanese government".
        else if (!person) end = headAfter(text, m.end, stop, covered) ?? end;
      }
      // "Chinese" alone modifies a topic ("a Chinese attack"), it does not name China.
      if (m.form === "demonym" && end === m.end) continue;
      out.push({
        entity: m.entity,
        paragraph: paragraph.n,
        start,
        end,
        text: collapse(text.slice(start, end)),
        bare: start === m.start && end === m.end,
        name: m.text,
      });
    }
  }
  if (!english) return out;
  const persons = out.filter((l) => isPerson(l.entity));
  // A place inside a person's title ("North Korean" in "North Korean leader Kim") is the person's label.
  const inTitle = (l: Label) =>
    persons.some((p) => !p.bare && p.paragraph === l.paragraph && p.start <= l.start && p.end >= l.end);
  const kept = out.filter((l) => isPerson(l.entity) || !inTitle(l));
  const named = [...kept, ...nominalLabels(paragraphs, persons, stop)];
  const described = entityOf ? describedEntities(paragraphs, mentions, named, entityOf, stop) : [];
  return [...named, ...described].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}

const NOMINAL_OPENERS = /^(?:the|this|that|his|her|its|their)$/i;
const MAX_NOMINAL_WORDS = 5;
// Heads that can stand for any leader, whatever title the article gave them ("the Israeli leader").
const GENERIC_HEADS = new Set(["leader", "chief", "head", "ruler", "strongman", "boss"]);

/**
 * Descriptions that stand for a person without naming them ("the president", "the Israeli leader", "the former
 * FBI chief"): a determiner, a few modifiers and a role noun, resolved to the person whose titles in the same
 * article share the most of those words ("President Donald Trump" → "the president"), when one person clearly
 * does. Outlets' word choice lives in these as much as in the titles before names.
 */
function nominalLabels(
  paragraphs: readonly Paragraph[],
  labels: readonly Label[],
  stop: ReadonlySet<string>,
) {
  const vocabulary = new Map<string, Map<string, number>>();
  for (const l of labels) {
    if (l.bare) continue;
    const words = vocabulary.get(l.entity) ?? new Map<string, number>();
    vocabulary.set(l.entity, words);
    for (const w of wordsOf(l.text)) {
      const bare = bareWord(w.text);
      if (!stop.has(bare)) words.set(bare, (words.get(bare) ?? 0) + 1);
    }
  }
  const taken = (n: number, start: number, end: number) =>
    labels.some((l) => l.paragraph === n && l.start < end && l.end > start);
  const out: Label[] = [];
  for (const paragraph of paragraphs) {
    const words = wordsOf(paragraph.text);
    for (let i = 0; i < words.length; i++) {
      if (!NOMINAL_OPENERS.test(words[i]!.text)) continue;
      const phrase: Word[] = [words[i]!];
      for (let j = i + 1; j < words.length && phrase.length < MAX_NOMINAL_WORDS; j++) {
        const w = words[j]!;
        if (!/^\s+$/.test(paragraph.text.slice(phrase[phrase.length - 1]!.end, w.start))) break;
        const bare = bareWord(w.text);
        if (stop.has(bare) || isVerbLike(bare) || /^\p{N}/u.test(bare)) break;
        phrase.push(w);
        if (!isRole(bare)) continue;
        // A role right before a name is a title, which the name's own label has already.
        const next = words[j + 1];
        if (next && capitalized(next.text) && /^\s+$/.test(paragraph.text.slice(w.end, next.start))) break;
        const start = phrase[0]!.start;
        const end = w.end - (/['’]s$/.test(w.text) ? 2 : 0);
        if (taken(paragraph.n, start, end)) break;
        const own = phrase.slice(1).map((x) => bareWord(x.text));
        const scored = [...vocabulary.entries()]
          .map(([entity, vocab]) => ({ entity, score: own.filter((x) => vocab.has(x)).length }))
          .filter((x) => x.score > 0)
          .sort((a, b) => b.score - a.score || a.entity.localeCompare(b.entity));
        const [best, second] = scored;
        const fits = vocabulary.get(best?.entity ?? "")?.has(bare) || GENERIC_HEADS.has(bare);
        if (best && (!second || best.score > second.score) && fits) {
          out.push({
            entity: best.entity,
            paragraph: paragraph.n,
            start,
            end,
            text: collapse(paragraph.text.slice(start, end)),
            bare: false,
            name: "",
          });
        }
        break;
      }
    }
  }
  return out;
}

/** The key two labels are the same word choice under: case, hyphens, quotes and spacing do not count. */
export function labelKey(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      // "U.S." and "US", "Mr." and "Mr" are one spelling choice, not a word choice.
      .replace(/\./g, "")
      .replace(/[‐-]/g, " ")
      .replace(/'s\b/g, "")
      .replace(/[^\p{L}\p{N}' ]/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}
