import { diffArrays, diffWordsWithSpace } from "diff";
import { z } from "zod";
import { zParagraphKind } from "../schemas/paragraph";

/** A paragraph as a revision stores it: its number in that revision, its kind and its text. */
export const zRevisionParagraph = z.object({
  n: z.number().int().positive(),
  kind: zParagraphKind,
  text: z.string(),
});
export type RevisionParagraph = z.infer<typeof zRevisionParagraph>;

export const zWordPart = z.object({ op: z.enum(["same", "ins", "del"]), text: z.string() });
export type WordPart = z.infer<typeof zWordPart>;

/**
 * One step of the alignment between two revisions. `same` keeps its text (renumbered when `oldN` ≠ `newN`);
 * `changed` pairs an edited paragraph with its new wording, word by word when that was affordable.
 */
export const zParagraphChange = z.discriminatedUnion("op", [
  z.object({ op: z.literal("same"), oldN: z.number().int(), newN: z.number().int(), text: z.string() }),
  z.object({ op: z.literal("added"), newN: z.number().int(), kind: zParagraphKind, text: z.string() }),
  z.object({ op: z.literal("removed"), oldN: z.number().int(), kind: zParagraphKind, text: z.string() }),
  z.object({
    op: z.literal("changed"),
    oldN: z.number().int(),
    newN: z.number().int(),
    kind: zParagraphKind,
    parts: z.array(zWordPart),
  }),
]);
export type ParagraphChange = z.infer<typeof zParagraphChange>;

export const zRevisionDiff = z.object({
  changes: z.array(zParagraphChange),
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  /** Unchanged paragraphs whose number moved: a citation of the old number now points elsewhere. */
  renumbered: z.number().int(),
  /** True when the revisions were too large or too different to align finely; the diff is then coarser. */
  coarse: z.boolean(),
});
export type RevisionDiff = z.infer<typeof zRevisionDiff>;

export type StaleReason = "changed" | "removed" | "renumbered";

/*
 * Bounds: Myers' diff costs O((N+M)·D). Articles have tens of paragraphs; a page of 5,000 paragraphs or a
 * 100 KB paragraph is hostile or broken input, and must not stall a worker. Beyond these the diff says less
 * (whole paragraphs instead of words, or "everything replaced") but stays correct.
 */
export const DIFF_LIMITS = {
  paragraphs: 5_000,
  paragraphEdits: 2_000,
  wordDiffChars: 20_000,
  wordEdits: 1_000,
  timeoutMs: 200,
} as const;

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of words two paragraphs have in common (Jaccard): below this, an edit is a replacement. */
const SIMILAR = 0.3;
function similar(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 && wb.size === 0) return true;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared) >= SIMILAR;
}

function wordParts(before: string, after: string): { parts: WordPart[]; coarse: boolean } {
  const whole: WordPart[] = [
    { op: "del", text: before },
    { op: "ins", text: after },
  ];
  if (before.length + after.length > DIFF_LIMITS.wordDiffChars) return { parts: whole, coarse: true };
  const changes = diffWordsWithSpace(before, after, {
    maxEditLength: DIFF_LIMITS.wordEdits,
    timeout: DIFF_LIMITS.timeoutMs,
  });
  if (!changes) return { parts: whole, coarse: true };
  return {
    parts: changes.map((c) => ({ op: c.added ? "ins" : c.removed ? "del" : "same", text: c.value })),
    coarse: false,
  };
}

/**
 * What changed between two revisions of an article: paragraphs aligned by their text, edited paragraphs paired
 * with their new wording and diffed word by word. Pure and serializable, so the worker (to find stale
 * citations) and the web page (to show the change) read the same answer.
 */
export function diffRevisions(
  before: readonly RevisionParagraph[],
  after: readonly RevisionParagraph[],
): RevisionDiff {
  const changes: ParagraphChange[] = [];
  let coarse = false;
  const oldTexts = before.map((p) => p.text);
  const newTexts = after.map((p) => p.text);
  const aligned =
    before.length <= DIFF_LIMITS.paragraphs && after.length <= DIFF_LIMITS.paragraphs
      ? diffArrays(oldTexts, newTexts, {
          maxEditLength: DIFF_LIMITS.paragraphEdits,
          timeout: DIFF_LIMITS.timeoutMs,
        })
      : undefined;
  const chunks = aligned ?? [
    { value: oldTexts, count: oldTexts.length, added: false, removed: true },
    { value: newTexts, count: newTexts.length, added: true, removed: false },
  ];
  if (!aligned) coarse = true;

  let i = 0;
  let j = 0;
  let removedRun: RevisionParagraph[] = [];
  const flush = (addedRun: RevisionParagraph[]) => {
    // An edit shows as a removed run next to an added run: pair them in order while they still look alike.
    let k = 0;
    while (k < removedRun.length && k < addedRun.length && similar(removedRun[k]!.text, addedRun[k]!.text)) {
      const word = wordParts(removedRun[k]!.text, addedRun[k]!.text);
      coarse ||= word.coarse;
      changes.push({
        op: "changed",
        oldN: removedRun[k]!.n,
        newN: addedRun[k]!.n,
        kind: addedRun[k]!.kind,
        parts: word.parts,
      });
      k++;
    }
    for (const p of removedRun.slice(k))
      changes.push({ op: "removed", oldN: p.n, kind: p.kind, text: p.text });
    for (const p of addedRun.slice(k)) changes.push({ op: "added", newN: p.n, kind: p.kind, text: p.text });
    removedRun = [];
  };
  for (const chunk of chunks) {
    const count = chunk.value.length;
    if (chunk.removed) {
      removedRun.push(...before.slice(i, i + count));
      i += count;
    } else if (chunk.added) {
      flush(after.slice(j, j + count));
      j += count;
    } else {
      flush([]);
      for (let k = 0; k < count; k++)
        changes.push({ op: "same", oldN: before[i + k]!.n, newN: after[j + k]!.n, text: after[j + k]!.text });
      i += count;
      j += count;
    }
  }
  flush([]);

  const count = (op: ParagraphChange["op"]) => changes.filter((c) => c.op === op).length;
  return {
    changes,
    added: count("added"),
    removed: count("removed"),
    changed: count("changed"),
    renumbered: changes.filter((c) => c.op === "same" && c.oldN !== c.newN).length,
    coarse,
  };
}

/**
 * The old paragraph numbers a citation can no longer trust, and why: their text changed, they are gone, or the
 * same text now has another number.
 */
export function staleParagraphs(diff: RevisionDiff): Map<number, StaleReason> {
  const stale = new Map<number, StaleReason>();
  for (const c of diff.changes) {
    if (c.op === "changed") stale.set(c.oldN, "changed");
    else if (c.op === "removed") stale.set(c.oldN, "removed");
    else if (c.op === "same" && c.oldN !== c.newN) stale.set(c.oldN, "renumbered");
  }
  return stale;
}
