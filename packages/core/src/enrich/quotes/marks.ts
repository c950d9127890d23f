/**
 * Quotation marks paired in one paragraph, in one linear pass per kind of mark (no search per opening mark,
 * so a paragraph full of stray marks costs no more than a clean one).
 */

export interface QuotedSpan {
  /** Index of the opening mark and of the closing mark (the paragraph's length when the quote runs on). */
  open: number;
  close: number;
  /** The opening mark itself: "“", "\"", "「", "《" … */
  mark: string;
  /** False when the paragraph ends inside the quote (a quote continued in the next paragraph). */
  closed: boolean;
}

// Single quotes pair with apostrophes far too easily to trust over long stretches.
const MAX_SINGLE_QUOTE = 300;

const isSpace = (ch: string | undefined) => ch === undefined || /[\s\u00a0]/.test(ch);
const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
// An opening straight or single mark follows a space, a bracket, a dash or another opening mark.
const opensAfter = (ch: string | undefined) => ch === undefined || /[\s\u00a0([{—–\-/“‘"'«:]/.test(ch);

/** Marks that differ at both ends: “…”, „…“, «…», 「…」, 『…』, 《…》, ‘…’. */
function pairAsymmetric(text: string, opener: string, closer: string, out: QuotedSpan[]): void {
  if (!text.includes(opener)) return;
  const single = opener === "‘";
  let openAt = -1;
  for (let i = text.indexOf(opener); i < text.length && i !== -1; i++) {
    const ch = text[i];
    // A second opening mark before any closing one: the first never closes (keep the later, nearer one).
    if (ch === opener && (!single || opensAfter(text[i - 1]))) openAt = i;
    else if (ch === closer && openAt !== -1) {
      // "’" before a letter is an apostrophe ("Japan’s"), not the end of a single quote.
      if (single && isLetter(text[i + 1])) continue;
      if (!single || i - openAt <= MAX_SINGLE_QUOTE)
        out.push({ open: openAt, close: i, mark: opener, closed: true });
      openAt = -1;
    }
  }
  if (openAt !== -1 && !single) out.push({ open: openAt, close: text.length, mark: opener, closed: false });
}

/** Marks that are the same at both ends ("…", '…'): an opener after a space, a closer before one. */
function pairSymmetric(text: string, mark: string, out: QuotedSpan[]): void {
  let openAt = -1;
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
    const before = text[i - 1];
    const after = text[i + 1];
    const canOpen = opensAfter(before) && !isSpace(after);
    const canClose = !isSpace(before) && !isLetter(after);
    if (openAt !== -1 && canClose) {
      if (mark === '"' || i - openAt <= MAX_SINGLE_QUOTE)
        out.push({ open: openAt, close: i, mark, closed: true });
      openAt = -1;
    } else if (canOpen && (mark === '"' || isLetter(after))) {
      openAt = i;
    }
  }
  if (openAt !== -1 && mark === '"') out.push({ open: openAt, close: text.length, mark, closed: false });
}

/** All quoted spans of the paragraph, outermost only, in text order. */
export function quotedSpans(text: string): QuotedSpan[] {
  const found: QuotedSpan[] = [];
  if (text.includes("„")) pairAsymmetric(text, "„", "“", found);
  else pairAsymmetric(text, "“", "”", found);
  pairAsymmetric(text, "«", "»", found);
  pairAsymmetric(text, "「", "」", found);
  pairAsymmetric(text, "『", "』", found);
  pairAsymmetric(text, "《", "》", found);
  pairAsymmetric(text, "‘", "’", found);
  pairSymmetric(text, '"', found);
  pairSymmetric(text, "'", found);
  found.sort((a, b) => a.open - b.open || b.close - a.close);
  const out: QuotedSpan[] = [];
  for (const span of found) {
    const last = out[out.length - 1];
    if (last && span.open < last.close) continue;
    out.push(span);
  }
  return out;
}
