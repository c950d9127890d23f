import type { Enrichment } from "../schemas/enrichment";
import type { Paragraph, ParagraphKind } from "../schemas/paragraph";
import { splitSentences } from "../enrich/text/sentences";
import type { Attribution, Claim } from "./claim";
import { contentStems } from "./text";

export interface ClaimArticle {
  id: string;
  paragraphs: readonly Paragraph[];
  language?: string | null;
}

export interface ExtractClaimsOptions {
  /** Paragraph kinds that hold claims; headings name sections and notes are the editor's, so both are out. */
  kinds?: readonly ParagraphKind[];
  /** Claims with fewer content words are labels ("SoftBank Corp.", "September 2025:"), not statements. */
  minTokens?: number;
  /** Entity slugs to rename, as `storyEntityAliases` gives per article: the same person under one slug. */
  renamed?: ReadonlyMap<string, string>;
}

export const DEFAULT_CLAIM_KINDS: readonly ParagraphKind[] = ["paragraph", "quote", "list-item"];

type ClaimEnrichment = Pick<Enrichment, "entities" | "mentions" | "figures" | "times" | "quotes">;

/** Figure key: unit (or kind) and the value to three significant digits, so "$550bn" and "$550 billion" meet. */
export function figureKey(figure: { kind: string; unit: string | null; value: number }): string {
  return `${figure.unit ?? figure.kind}:${Number(figure.value.toPrecision(3))}`;
}

const RESOLVED_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** Splits a sentence at semicolons outside brackets and quotes: each side is a statement of its own. */
function clauses(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "(" || ch === "[") depth++;
    else if ((ch === ")" || ch === "]") && depth > 0) depth--;
    else if (ch === "“") quoted = true;
    else if (ch === "”") quoted = false;
    else if (ch === '"') quoted = !quoted;
    else if (ch === ";" && depth === 0 && !quoted) {
      out.push({ start: from, end: i });
      from = i + 1;
    }
  }
  out.push({ start: from, end: text.length });
  return out
    .map(({ start, end }) => {
      let s = start;
      let e = end;
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      return { start: s, end: e };
    })
    .filter(({ start, end }) => end > start);
}

const inside = (item: { paragraph: number; start: number; end: number }, n: number, s: number, e: number) =>
  item.paragraph === n && item.start >= s && item.end <= e;
const overlaps = (item: { paragraph: number; start: number; end: number }, n: number, s: number, e: number) =>
  item.paragraph === n && item.start < e && item.end > s;

function byParagraph<T extends { paragraph: number }>(items: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const list = out.get(item.paragraph);
    if (list) list.push(item);
    else out.set(item.paragraph, [item]);
  }
  return out;
}

/**
 * The claims of one article, in reading order: one per sentence (or semicolon clause) of its body paragraphs,
 * with the entities, figures and dates enrichment found inside it and the speech it reports. Pure.
 */
export function extractClaims(
  article: ClaimArticle,
  enrichment: ClaimEnrichment,
  options: ExtractClaimsOptions = {},
): Claim[] {
  const kinds = new Set(options.kinds ?? DEFAULT_CLAIM_KINDS);
  const minTokens = options.minTokens ?? 3;
  const rename = (slug: string) => options.renamed?.get(slug) ?? slug;
  const standsFor = new Map(
    enrichment.entities.filter((e) => e.standsFor).map((e) => [e.slug, rename(e.standsFor!)]),
  );
  const mentions = byParagraph(enrichment.mentions);
  const figuresOf = byParagraph(enrichment.figures);
  const timesOf = byParagraph(enrichment.times);
  const quotesOf = byParagraph(enrichment.quotes);
  const spans: Array<Omit<Claim, "position" | "relativePosition" | "id">> = [];
  for (const paragraph of article.paragraphs) {
    if (!kinds.has(paragraph.kind)) continue;
    let index = 0;
    for (const sentence of splitSentences(paragraph.text, paragraph.n)) {
      for (const clause of clauses(sentence.text)) {
        const start = sentence.start + clause.start;
        const end = sentence.start + clause.end;
        const text = paragraph.text.slice(start, end);
        const words = contentStems(text, article.language);
        // Dates and numbers alone ("February 10, 2026:") label something; a statement needs words.
        if (words.tokens.filter((t) => /\p{L}/u.test(t)).length < minTokens) continue;
        // A short line without a full stop names something ("Murata Manufacturing Co. Ltd.", a list label).
        if (!/[.!?…]["'”’)\]]*$/u.test(text) && text.split(/\s+/).length <= 6) continue;
        const n = paragraph.n;
        const entities = new Set<string>();
        for (const m of mentions.get(n) ?? []) {
          if (!inside(m, n, start, end)) continue;
          entities.add(rename(m.entity));
          const country = standsFor.get(m.entity);
          if (country) entities.add(country);
        }
        const figures = [
          ...new Set((figuresOf.get(n) ?? []).filter((f) => inside(f, n, start, end)).map(figureKey)),
        ];
        const dates = [
          ...new Set(
            (timesOf.get(n) ?? [])
              .filter((t) => t.type === "date" && RESOLVED_DATE.test(t.value) && inside(t, n, start, end))
              .map((t) => t.value),
          ),
        ];
        const quote = (quotesOf.get(n) ?? []).find(
          (q) => (q.kind === "direct" || q.kind === "reported") && overlaps(q, n, start, end),
        );
        const attribution: Attribution | null = quote
          ? {
              kind: quote.kind as Attribution["kind"],
              speaker: quote.speaker,
              speakerEntity: quote.speakerEntity ? rename(quote.speakerEntity) : null,
              cue: quote.cue,
            }
          : null;
        spans.push({
          articleId: article.id,
          paragraph: n,
          paragraphKind: paragraph.kind,
          index: index++,
          start,
          end,
          text,
          tokens: words.tokens,
          stems: words.stems,
          entities: [...entities].sort(),
          figures: figures.sort(),
          dates: dates.sort(),
          attribution,
          question: /\?["'”’)]*$/.test(text),
        });
      }
    }
  }
  return spans.map((claim, position) => ({
    id: `${article.id}#${claim.paragraph}.${claim.index}`,
    ...claim,
    position,
    relativePosition: position / spans.length,
  }));
}
