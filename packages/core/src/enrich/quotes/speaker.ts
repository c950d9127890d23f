/** Verbs of saying, label words, and how a speaker's name is cut out of the words around a cue. */

const words = (list: string) => list.trim().split(/\s+/);

/**
 * Cues that attribute reported speech ("X said that …"): past forms, and present forms that are not also
 * common nouns ("notes", "claims", "states" are left out).
 */
export const REPORTING_CUES = new Set(
  words(`said says say told tells added adds warned warns warn noted argued argues argue wrote writes stated
  insisted insists insist explained explains claimed stressed stresses emphasized emphasised announced declared
  acknowledged admitted conceded predicted suggested maintained maintain maintains contended asserted confirmed
  denied cautioned reported observed`),
);

/**
 * Cues that also take a plain object ("announced new restrictions", "maintain a guarded attitude"): they
 * report speech only before "that" or a clause's subject pronoun ("officials maintain they …").
 */
export const WEAK_CUES = new Set(
  words(`announced confirmed denied reported predicted suggested acknowledged admitted stressed emphasized
  emphasised claimed observed maintained maintain maintains conceded declared noted wrote writes added adds
  warned warns warn`),
);

/** Cues that may attribute a direct quote: every reporting cue and the verbs that only introduce quotations. */
export const QUOTE_CUES = new Set([
  ...REPORTING_CUES,
  ...words(`asked asks replied replies responded continued recalled tweeted posted pledged promised vowed urged
  remarked commented joked shouted exclaimed complained countered quipped reiterated wondered mused boasted
  lamented recounted pleaded demanded declared thundered`),
]);

/** Words before a quotation that make it a label or a name, not speech: “iron lady”, dubbed “…”, known as “…”. */
export const LABEL_VERBS = new Set(
  words(`so-called dubbed dub dubs called call calls calling named nicknamed termed term terms branded brand
  labeled labelled label labels described describes describing characterized characterised characterizing
  criticized criticised derided hailed touted billed seen known viewed regarded referred titled entitled
  headlined`),
);
export const TITLE_VERBS = new Set(words("titled entitled headlined"));
/** Nouns of works whose names appear in quotation marks: his book “…”, the report “…”. */
export const WORK_NOUNS = new Set(
  words(`book books film films movie movies report song songs album article column essay documentary novel
  poem play show series podcast paper study op-ed editorial memoir program programme exhibition headline
  episode opera musical painting anthem slogan hashtag`),
);

const PRONOUNS = new Set(words("he she they we i it"));
/** Titles and roles that come before a name; the name is what follows the last of them. */
const TITLE_WORDS = new Set(
  words(`mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt. col col. adm adm.
  sgt capt president minister secretary chancellor premier governor senator spokesman spokeswoman spokesperson
  chairman chairwoman chair director ambassador mayor leader dean professor judge justice king queen prince
  princess pope ceo commissioner envoy representative congressman congresswoman general admiral colonel agent
  officer inspector detective sergeant captain lieutenant commander superintendent attorney counsel
  sheikh emir ayatollah chief head deputy vice foreign defense defence finance economy trade interior prime
  first lady lord sir dame`),
);
// Capitalized words joined by spaces, with the particles of names ("bin", "van", "de") and initials.
const NAME_CHUNK =
  /(?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:[ \u00a0]+(?:(?:bin|van|von|de|da|der|del|la|le|al|el|di|du|ibn)[ \u00a0]+)?\p{Lu}[\p{L}\p{M}'’.-]*){0,6}/u;

// Organizations keep their inner "of", "for", "and": "Center for Strategic & International Studies".
const ORGANIZATION =
  /(?:\p{Lu}[\p{L}\p{M}'’.-]*[ \u00a0]+){0,4}(?:Center|Centre|Council|Ministry|Department|Institute|University|Bank|Committee|Commission|Office|Agency|Association|Federation|Union|Party|Foundation|Organi[sz]ation|Bureau|Board|Court|School|College|Academy|League|Society|Fund|Corporation|Group|News|Times|Post|Journal|Press|Network|Company|Inc|Ltd)(?:[ \u00a0]+(?:(?:of|for|and|&|on|the|de)[ \u00a0]+){0,2}\p{Lu}[\p{L}\p{M}'’.-]*){0,8}$/u;

export const isPronoun = (word: string) => PRONOUNS.has(word.toLowerCase());

/** "US President Donald Trump" → "Donald Trump"; "Gui Yongtao" stays; "Prime Minister Takaichi" → "Takaichi". */
export function stripTitles(name: string): string {
  const parts = name.split(/[ \u00a0]+/);
  let cut = 0;
  parts.forEach((part, i) => {
    if (TITLE_WORDS.has(part.toLowerCase()) && i < parts.length - 1) cut = i + 1;
  });
  return parts
    .slice(cut)
    .join(" ")
    .replace(/['’]s$/, "");
}

/** The name at the start of `text` ("Gui Yongtao, deputy dean …" → "Gui Yongtao"), titles removed. */
export function leadingName(text: string): string | null {
  const match = NAME_CHUNK.exec(text);
  if (match?.index !== 0) return null;
  const name = stripTitles(match[0].replace(/[.,]$/, ""));
  return name.length > 1 ? name : null;
}

/** Length of the object after "told": "Mr. Comey", "reporters", "the committee", "him". */
export function objectLength(text: string): number {
  const lead = /^[ \u00a0]*(?:(?:the|a|an|his|her|their|its)[ \u00a0]+)?/i.exec(text)![0].length;
  const rest = text.slice(lead);
  const name = NAME_CHUNK.exec(rest);
  if (name?.index === 0) return lead + name[0].length;
  return lead + (/^[\p{L}-]+/u.exec(rest)?.[0].length ?? 0);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Who is named at the start of a phrase after a cue: a name, or a short description up to the next comma. */
export function speakerAfter(text: string): string | null {
  const trimmed = text.replace(/^[ \u00a0]+/, "");
  const name = leadingName(trimmed);
  // "according to Western European officials": a capitalized modifier, then who they are.
  const described = name && new RegExp(`^${escapeRegExp(name)}[ \u00a0]+(\\p{Ll}+)`, "u").exec(trimmed);
  if (described && SPEAKER_NOUNS.has(described[1]!)) return described[0];
  if (name) return name;
  const phrase =
    /^(?:the|a|an|one|two|three|several|many|some|other|senior|their|his|her|its)[ \u00a0][^,.;:!?"“”()]{1,60}/iu.exec(
      trimmed,
    );
  if (!phrase) return null;
  const cut = phrase[0].split(
    /[ \u00a0]+(?:who|that|which|on|in|at|after|before|during|when|while)[ \u00a0]/,
  )[0]!;
  // "a statement from Judiciary Chairman Bob Goodlatte" → the person named in it.
  const named = [...cut.matchAll(new RegExp(NAME_CHUNK.source, "gu"))]
    .filter((match) => match.index > 0)
    .pop();
  if (named && named.index + named[0].length >= cut.trimEnd().length - 1) return stripTitles(named[0]);
  return cut.split(/[ \u00a0]+/).length <= 8 ? cut.trim() : null;
}

const BOUNDARY_WORDS = new Set(
  words(`and but that when while because as if which who whom what where after before since though although so
  or then also once yet whether said says`),
);
// Skipped between a speaker and the cue: "Mr. Trump also said", "Trump late Thursday tweeted".
const ADVERBS = new Set(
  words(`also later earlier previously recently repeatedly once then again has have had would will has
  reportedly publicly privately separately himself herself themselves further subsequently already often
  frequently still quickly flatly late early on last this today yesterday tonight morning afternoon evening
  night monday tuesday wednesday thursday friday saturday sunday week weekend month january february march
  april may june july august september october november december`),
);
/** Nouns that can be a speaker without a name: "officials said", "the ministry said". */
const SPEAKER_NOUNS = new Set(
  words(`official officials people person spokesman spokeswoman spokesperson ministry government analyst
  analysts expert experts lawmaker lawmakers source sources statement report police authorities aide aides
  administration agency company group diplomat diplomats leader leaders critic critics resident residents
  witness witnesses investigator investigators prosecutor prosecutors researcher researchers economist
  economists survey poll study officer officers representative representatives minister ministers campaign
  party office department commission committee court judge member members spokespeople observers insiders
  executives executive adviser advisers advisor advisors`),
);

export interface SpeakerBefore {
  speaker: string;
  /** Offset of the speaker's first character in the text given. */
  start: number;
}

/**
 * The speaker right before a cue: "Gui", "Mr. Trump also", "Japanese officials", "two people briefed on the
 * secret trip", "he". `before` is the text up to the cue. Null when the words there cannot be a speaker.
 */
export function speakerBefore(before: string): SpeakerBefore | null {
  const tokens = [...before.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*|&|[^\s\p{L}\p{N}]/gu)].slice(-24);
  let k = tokens.length - 1;
  // "did not say", "declined to say", "is expected to say": no speech was made.
  if (k >= 0 && /^(?:not|never|n't|didn't|doesn't|don't|won't|to)$/i.test(tokens[k]![0])) return null;
  while (k >= 0 && (ADVERBS.has(tokens[k]![0].toLowerCase()) || /^\p{Ll}{3,}ly$/u.test(tokens[k]![0]))) k--;
  const end = k;
  while (k >= 0 && /^[\p{L}\p{N}&]/u.test(tokens[k]![0]) && !BOUNDARY_WORDS.has(tokens[k]![0].toLowerCase()))
    k--;
  // "…, which he said had brought …": a cue inside a relative clause reports nothing on its own.
  if (k >= 0 && /^(?:who|which|whom|what)$/i.test(tokens[k]![0])) return null;
  if (k >= 0 && /^that$/i.test(tokens[k]![0]) && end - k > 1) return null;
  // "Kristi Govella, an assistant professor at …, said": the name before the appositive.
  if (k === end && tokens[k]?.[0] === ",") return appositiveSpeaker(before, tokens, k);
  const first = k + 1;
  if (first > end || end - first >= 8) return null;
  const start = tokens[first]!.index;
  const phrase = before.slice(start, tokens[end]!.index + tokens[end]![0].length);
  if (first === end && isPronoun(phrase))
    return { speaker: phrase.toLowerCase() === "i" ? "I" : phrase, start };
  // "is said to …", "be said": a passive, not a speaker.
  if (/^(?:is|are|was|were|be|been|being|it)$/i.test(tokens[end]![0])) return null;
  const organization = ORGANIZATION.exec(phrase);
  if (organization) return { speaker: organization[0], start: start + organization.index };
  const names = [...phrase.matchAll(new RegExp(NAME_CHUNK.source, "gu"))];
  const sentenceInitial = first === 0 || /^[.!?:;]$/.test(tokens[k]?.[0] ?? "");
  const lastName = names.filter(
    (match) => !(sentenceInitial && match.index === 0 && isFunctionStart(match[0])),
  );
  const chosen = lastName[lastName.length - 1];
  if (chosen && chosen.index + chosen[0].length >= phrase.length - 1) {
    return { speaker: stripTitles(chosen[0].replace(/[.,]$/, "")), start: start + chosen.index };
  }
  // "officials", "two people briefed on the plan": a speaker noun, possibly with a description after it.
  const described = tokens.slice(first, end + 1).some((token) => SPEAKER_NOUNS.has(token[0].toLowerCase()));
  return described ? { speaker: phrase, start } : null;
}

function appositiveSpeaker(
  before: string,
  tokens: readonly RegExpExecArray[],
  comma: number,
): SpeakerBefore | null {
  let k = comma - 1;
  while (k >= 0 && tokens[k]![0] !== "," && comma - k < 14) k--;
  if (k < 0 || tokens[k]![0] !== ",") return null;
  const opening = tokens[k]!.index;
  // "The official, Ali Shamkhani, said": the appositive is the name.
  const inner = before.slice(opening + 1, tokens[comma]!.index).trim();
  if (isPersonName(inner)) return { speaker: stripTitles(inner), start: opening + 1 };
  // "Rep. Elijah Cummings of Maryland, the ranking Democrat, said" / "The president, sitting next to …, said".
  const head = before.slice(0, opening);
  const clauseStart =
    Math.max(head.lastIndexOf(","), head.lastIndexOf(";"), head.lastIndexOf(". "), head.lastIndexOf("—")) + 1;
  const clause = head.slice(clauseStart).trim();
  const at = clauseStart + head.slice(clauseStart).indexOf(clause);
  const name = new RegExp(NAME_CHUNK.source, "u").exec(clause);
  if (name && name.index === 0 && !isFunctionStart(name[0])) {
    const speaker = stripTitles(name[0].replace(/[.,]$/, ""));
    return speaker ? { speaker, start: at } : null;
  }
  const words = clause.split(/[ \u00a0]+/);
  const headWord = words[words.length - 1]?.toLowerCase() ?? "";
  if (words.length <= 6 && (SPEAKER_NOUNS.has(headWord) || TITLE_WORDS.has(headWord)))
    return { speaker: clause, start: at };
  return null;
}

/** A person's name as a pronoun could stand for it: capitalized words, no organization or description. */
export function isPersonName(speaker: string): boolean {
  return (
    /^\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}'’.-]*){0,4}$/u.test(speaker) &&
    !/^\p{Lu}-/u.test(speaker) &&
    !ORGANIZATION.test(speaker) &&
    !/^(?:The|A|An)[ \u00a0]/.test(speaker)
  );
}

const FUNCTION_STARTS = new Set(
  words("the a an this that these those it in on at for but and so yet then there"),
);
const isFunctionStart = (name: string) => FUNCTION_STARTS.has(name.split(/[ \u00a0]/)[0]!.toLowerCase());
