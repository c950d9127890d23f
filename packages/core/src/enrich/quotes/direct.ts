import type { Quote } from "../../schemas/enrichment";
import type { QuotedSpan } from "./marks";
import { LABEL_VERBS, QUOTE_CUES, speakerAfter, speakerBefore, TITLE_VERBS, WORK_NOUNS } from "./speaker";

/** What one quoted span is: speech with its speaker and cue, a label (scare quote), or a title. */
export interface Classified {
  kind: Quote["kind"];
  speaker: string | null;
  cue: string | null;
  /** Where the cue sits in the paragraph, so reported-speech detection does not use it twice. */
  cueAt: number | null;
}

const CONTEXT = 200;
// A cue right after the quote: “…,” said Gui Yongtao / “…,” he said / “…,” the ministry said in a statement.
const CUE_THEN_SPEAKER = /^[ \u00a0]*[,—–-]?[ \u00a0]*(\p{Ll}+)[ \u00a0]+(?=\S)/u;
const LEADING_WORDS = /^[ \u00a0]*[,—–-]?[ \u00a0]*((?:[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*[ \u00a0]*){1,10})/u;
const ACCORDING_AFTER = /^[ \u00a0]*,?[ \u00a0]*according[ \u00a0]+to[ \u00a0]+/u;
const ACCORDING_BEFORE = /according[ \u00a0]+to[ \u00a0]+([^,]{2,60}),[ \u00a0]*$/u;
// Before the quote, a cue then its speaker: said Trump: “…” / said the minister, “…”.
const CUE_THEN_NAME_BEFORE = /(?<![\p{L}])(\p{Ll}+)[ \u00a0]+([^,:;.!?]{2,60})[:,][ \u00a0]*$/u;
const SENTENCE_END = /[.!?]["”’]?[ \u00a0]+(?=["“‘\p{Lu}])/gu;
const JA_CUE_AFTER =
  /^(?:と|、と)(述べ|語っ|話し|強調し|説明し|指摘し|明らかにし|発表し|訴え|言っ|主張し|批判し|語る|述べる)/u;
const JA_SPEAKER =
  /([\p{Script=Han}\p{Script=Katakana}ー・]{1,16}?)(?:首相|大統領|氏|さん|代表|長官|大臣|議員)?(?:は|が)、?$/u;
const ZH_CUE_BEFORE = /([\p{Script=Han}·]{1,16}?)(说|表示|指出|强调|称|认为)[:：，,]?$/u;

/** The text of the sentence before the quote, back to the sentence start or the previous quote. */
function sentenceBefore(text: string, span: QuotedSpan, floor: number): string {
  const from = Math.max(floor, span.open - CONTEXT);
  const window = text.slice(from, span.open);
  let cut = 0;
  for (const match of window.matchAll(SENTENCE_END)) cut = match.index + match[0].length;
  return window.slice(cut);
}

function sentenceAfter(text: string, span: QuotedSpan, ceiling: number): string {
  const window = text.slice(span.close + 1, Math.min(ceiling, span.close + 1 + CONTEXT));
  const end =
    /(?<![\s.][\p{Lu}]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Prof))[.!?](?:[ \u00a0]|$)/u.exec(
      window,
    );
  return end ? window.slice(0, end.index) : window;
}

function isTitleCase(inner: string): boolean {
  const significant = inner.split(/[ \u00a0]+/).filter((word) => word.length > 3);
  return significant.length > 0 && significant.every((word) => /^[\p{Lu}\p{N}]/u.test(word));
}

function label(before: string, inner: string): Classified | null {
  const recent = before
    .toLowerCase()
    .split(/[^\p{L}-]+/u)
    .filter(Boolean)
    .slice(-4);
  const last = recent.filter((word) => !/^(?:a|an|the|its|his|her|their|our)$/.test(word)).pop();
  const verbAt = recent.findIndex((word) => LABEL_VERBS.has(word));
  // "called reporters and said, “…”": a verb of saying after the label verb makes it speech again.
  const verb =
    verbAt !== -1 && !recent.slice(verbAt + 1).some((word) => QUOTE_CUES.has(word))
      ? recent[verbAt]
      : undefined;
  const work = recent.slice(-2).some((word) => WORK_NOUNS.has(word));
  if (verb && (TITLE_VERBS.has(verb) || (/^(?:called|named)$/.test(verb) && isTitleCase(inner) && work)))
    return { kind: "title", speaker: null, cue: verb, cueAt: null };
  if (work && isTitleCase(inner)) return { kind: "title", speaker: null, cue: null, cueAt: null };
  if (verb || last === "as") return { kind: "scare", speaker: null, cue: verb ?? null, cueAt: null };
  return null;
}

/**
 * Classifies one quoted span from the words of its sentence. `floor`/`ceiling` bound the context at the
 * neighbouring quotes, so one attribution is not read for two quotes.
 */
export function classify(text: string, span: QuotedSpan, floor: number, ceiling: number): Classified {
  // Labels and titles are short; a long quotation is judged on its first words.
  const inner = text.slice(span.open + 1, Math.min(span.close, span.open + 1 + 600));
  if (span.mark === "《") return { kind: "title", speaker: null, cue: null, cueAt: null };
  const before = sentenceBefore(text, span, floor);
  const after = span.closed ? sentenceAfter(text, span, ceiling) : "";
  const afterAt = span.close + 1;

  const labelled = label(before, inner);
  if (labelled) return labelled;
  // The “Free and Open Indo-Pacific” vision: a quoted name used as a modifier is a label, not speech.
  const attributive = /(?:^|[^\p{L}])(?:the|a|an|its|his|her|their|our)[ \u00a0]+$/iu.test(before);
  if (
    attributive &&
    isTitleCase(inner) &&
    /^[ \u00a0]+\p{Ll}{3,}/u.test(after) &&
    !/^[ \u00a0]+(?:said|says)/u.test(after)
  )
    return { kind: "scare", speaker: null, cue: null, cueAt: null };

  const cueFirst = CUE_THEN_SPEAKER.exec(after);
  if (cueFirst && QUOTE_CUES.has(cueFirst[1]!)) {
    const speaker = speakerAfter(after.slice(cueFirst[0].length));
    if (speaker)
      return { kind: "direct", speaker, cue: cueFirst[1]!, cueAt: afterAt + after.indexOf(cueFirst[1]!) };
  }
  const speakerFirst = speakerThenCue(after);
  if (speakerFirst) return { kind: "direct", ...speakerFirst, cueAt: afterAt + speakerFirst.at };
  const according = ACCORDING_AFTER.exec(after) ?? ACCORDING_BEFORE.exec(before);
  if (according) {
    const speaker = according[1]
      ? speakerAfter(according[1])
      : speakerAfter(after.slice(according[0].length));
    if (speaker) return { kind: "direct", speaker, cue: "according to", cueAt: null };
  }
  const cueBefore = CUE_THEN_NAME_BEFORE.exec(before);
  if (cueBefore && QUOTE_CUES.has(cueBefore[1]!)) {
    const speaker = speakerAfter(cueBefore[2]!);
    if (speaker)
      return {
        kind: "direct",
        speaker,
        cue: cueBefore[1]!,
        cueAt: span.open - before.length + cueBefore.index,
      };
  }
  const partial = partialQuote(before);
  if (partial) return { kind: "direct", ...partial, cueAt: span.open - before.length + partial.at };
  const cjk = cjkSpeech(before, after);
  if (cjk) return { kind: "direct", ...cjk, cueAt: null };
  // No cue in the sentence: a sentence-long quotation is still speech (its speaker named elsewhere); a short
  // phrase is a label the writer puts at a distance.
  const sentenceLike = inner.trim().split(/[ \u00a0]+/).length >= 8 || /[.!?]["”’]?$/.test(inner.trim());
  const longEnough = inner.trim().split(/[ \u00a0]+/).length >= 4;
  if ((sentenceLike && longEnough) || !span.closed)
    return { kind: "direct", speaker: null, cue: null, cueAt: null };
  return { kind: "scare", speaker: null, cue: null, cueAt: null };
}

/** “…,” he said / “…,” the ministry said in a statement: up to eight words of speaker, then the cue. */
function speakerThenCue(after: string): { speaker: string; cue: string; at: number } | null {
  const leading = LEADING_WORDS.exec(after);
  if (!leading) return null;
  const offset = leading[0].length - leading[1]!.length;
  const tokens = [...leading[1]!.matchAll(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu)];
  for (let k = 1; k < tokens.length && k <= 8; k++) {
    const cue = tokens[k]!;
    if (!QUOTE_CUES.has(cue[0])) continue;
    const found = speakerBefore(leading[1]!.slice(0, cue.index).trimEnd());
    if (found) return { speaker: found.speaker, cue: cue[0], at: offset + cue.index };
    return null;
  }
  return null;
}

/** “…” inside a sentence whose speaker and cue come earlier: Trump said he would “discuss the end of the war”. */
function partialQuote(before: string): { speaker: string; cue: string; at: number } | null {
  const cues = [...before.matchAll(/(?<![\p{L}])(\p{Ll}+)(?![\p{L}])/gu)].filter((match) =>
    QUOTE_CUES.has(match[1]!),
  );
  for (let k = cues.length - 1; k >= 0; k--) {
    const cue = cues[k]!;
    const found = speakerBefore(before.slice(0, cue.index));
    if (found) return { speaker: found.speaker, cue: cue[1]!, at: cue.index };
  }
  return null;
}

function cjkSpeech(before: string, after: string): { speaker: string | null; cue: string } | null {
  const ja = JA_CUE_AFTER.exec(after);
  if (ja) return { speaker: JA_SPEAKER.exec(before)?.[1] ?? null, cue: ja[1]! };
  const zh = ZH_CUE_BEFORE.exec(before);
  return zh ? { speaker: zh[1]!, cue: zh[2]! } : null;
}
