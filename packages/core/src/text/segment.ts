/**
 * The one place text goes through ICU word segmentation (Chinese, Japanese and Korean have no spaces between
 * words). Enrichment, clustering, near-duplicate signatures and the search index all segment through here.
 */

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) {
    found = new Intl.Segmenter(language, { granularity: "word" });
    segmenters.set(language, found);
  }
  return found;
}

export interface WordSegment {
  segment: string;
  /** Offset of the segment in the whole text (UTF-16). */
  index: number;
  isWordLike?: boolean | undefined;
}

/**
 * V8's `Intl.Segmenter` gets quadratically slower with the length of the string it walks (100,000 Han characters
 * took 26–49 s in one call), so long text is segmented in pieces cut where no word can continue: after
 * whitespace or CJK sentence punctuation, or (in a run with neither) at the limit, never inside a surrogate pair.
 * The segments, joined, are the text; on text with such breaks they are the ones one call over the whole would give.
 */
export const SEGMENT_CHUNK_CHARS = 2_000;
const CHUNK_BREAK = /[\s。．！？、，]/u;

/** Every segment of `text` (words, spaces, punctuation) in order, as `Intl.Segmenter` with word granularity gives them. */
export function* segmentWords(text: string, language = "und"): Generator<WordSegment> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + SEGMENT_CHUNK_CHARS);
    if (end < text.length) {
      let cut = end;
      while (cut > start + SEGMENT_CHUNK_CHARS / 2 && !CHUNK_BREAK.test(text[cut - 1]!)) cut--;
      if (cut > start + SEGMENT_CHUNK_CHARS / 2) end = cut;
      else if (/[\udc00-\udfff]/.test(text[end]!)) end--;
    }
    for (const segment of segmenter(language).segment(text.slice(start, end)))
      yield { segment: segment.segment, index: segment.index + start, isWordLike: segment.isWordLike };
    start = end;
  }
}
