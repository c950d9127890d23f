import type { SideVoices, Voice, VoiceKind } from "../schemas/comparison";
import type { Quote } from "../schemas/enrichment";
import type { Label } from "./labels";
import { citation, type Prepared, type PreparedArticle } from "./prepare";

/**
 * Voices: who each side quotes or paraphrases (enrichment's direct and reported speech; scare quotes and titles
 * are not speech), what kind of source they are, and their share of the side's quoted words. The kind is read
 * from how the article introduces the speaker ("deputy dean …", "spokesman …", "officials who asked not to be
 * named") and from the titles it gives them elsewhere ("President Donald Trump").
 */

const ANONYMOUS =
  /\b(?:sources?|insiders?|people (?:familiar|close|briefed|with knowledge)|persons? (?:familiar|close|briefed)|(?:an?|one) (?:senior |administration |government |u\.s\. |western |european |japanese |chinese )*(?:official|diplomat|aide|person)\b|anonymity|not authori[sz]ed|declined to be (?:named|identified)|asked not to be (?:named|identified)|speaking on condition)/i;
const EXPERT =
  /\b(?:professor|prof\.|analyst|economist|researcher|scholar|expert|fellow|dean|lecturer|historian|strategist|political scientist|scientist|think tank|university|institute|academy|center for|centre for|consultant|commentator)\b/i;
const OFFICIAL =
  /\b(?:president|prime minister|minister|secretary|spokes(?:man|woman|person)|officials?|ambassador|senator|sen\.|rep\.|congress(?:man|woman)|lawmakers?|governor|mayor|chancellor|premier|king|queen|ministry|government|department|white house|kremlin|administration|cabinet|embassy|agency|police|military|army|commander|general|prosecutor|judge|court|parliament|party|chairman|chairwoman|director|envoy|diplomats?|leader)\b/i;

function kindOf(quote: Quote, roles: string, sentence: string): VoiceKind {
  if (!quote.speaker) return "anonymous";
  // A named speaker stays named even when the sentence mentions someone else's anonymity.
  if (!quote.speakerEntity && ANONYMOUS.test(`${quote.speaker} ${sentence}`)) return "anonymous";
  const described = `${quote.speaker} ${roles}`;
  if (EXPERT.test(described)) return "expert";
  if (OFFICIAL.test(described)) return "official";
  return "other";
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf(".", start) + 1);
  const to = text.indexOf(".", end);
  return text.slice(from, to < 0 ? text.length : to);
}

function sideVoices(
  side: string,
  articles: readonly PreparedArticle[],
  labels: Map<PreparedArticle, Label[]>,
) {
  type Acc = { voice: Omit<Voice, "share">; kinds: Map<VoiceKind, number> };
  const byKey = new Map<string, Acc>();
  let total = 0;
  let quotes = 0;
  for (const article of articles) {
    const titles = new Map<string, string[]>();
    for (const l of labels.get(article) ?? [])
      if (!l.bare) titles.set(l.entity, [...(titles.get(l.entity) ?? []), l.text]);
    for (const q of article.input.enrichment.quotes) {
      if (q.kind !== "direct" && q.kind !== "reported") continue;
      const paragraph = article.input.paragraphs.find((p) => p.n === q.paragraph);
      const sentence = paragraph ? sentenceAround(paragraph.text, q.start, q.end) : "";
      const entity = q.speakerEntity ? article.rename(q.speakerEntity) : null;
      const description = entity ? (article.entities.get(entity)?.description?.text ?? "") : "";
      const roles = [description, ...(entity ? (titles.get(entity) ?? []) : [])].join(" ");
      const kind = kindOf(q, roles, sentence);
      const name = entity ? (article.entities.get(entity)?.name ?? q.speaker) : q.speaker;
      const key = entity ?? (q.speaker ? q.speaker.toLowerCase() : `unattributed:${kind}`);
      const n = words(q.text);
      total += n;
      quotes++;
      const acc = byKey.get(key) ?? {
        voice: { speaker: name ?? "unattributed", entity, kind, quotes: 0, words: 0, citations: [] },
        kinds: new Map<VoiceKind, number>(),
      };
      byKey.set(key, acc);
      acc.voice.quotes++;
      acc.voice.words += n;
      acc.kinds.set(kind, (acc.kinds.get(kind) ?? 0) + n);
      if (!acc.voice.citations.some((c) => c.articleId === article.input.id && c.paragraph === q.paragraph))
        acc.voice.citations.push(citation(article, q.paragraph));
    }
  }
  const voices: Voice[] = [...byKey.values()].map(({ voice, kinds }) => {
    // One speaker, one kind: the kind most of their words were introduced as.
    const kind = [...kinds.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? voice.kind;
    return { ...voice, kind, share: total ? Math.round((voice.words / total) * 1000) / 1000 : 0 };
  });
  voices.sort((a, b) => b.words - a.words || a.speaker.localeCompare(b.speaker));
  const byKind = { official: 0, expert: 0, anonymous: 0, other: 0 } as Record<VoiceKind, number>;
  for (const v of voices) byKind[v.kind] += v.words;
  for (const k of Object.keys(byKind) as VoiceKind[])
    byKind[k] = total ? Math.round((byKind[k] / total) * 1000) / 1000 : 0;
  return { side, quotes, voices, byKind };
}

export function compareVoices(prepared: Prepared, labels: Map<PreparedArticle, Label[]>): SideVoices[] {
  return prepared.sides.map((side) =>
    sideVoices(
      side,
      prepared.articles.filter((a) => a.side === side),
      labels,
    ),
  );
}
