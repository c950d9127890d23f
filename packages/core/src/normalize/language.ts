import { eld } from "eld/small";

// Enough text to decide; reading all of a 5 MB paste would only cost time.
const SAMPLE_CHARS = 5_000;
// Below this a detector's guess is noise ("Trump" reads as Danish); ELD's own reliability test agrees.
const MIN_DETECT_CHARS = 20;
// Markup is overruled only by a long text that the detector is sure of: templates keep lang="en" on pages
// written in German, but a short or mixed text is no reason to doubt what the page declares.
const MIN_OVERRULE_CHARS = 400;
const OVERRULE_MARGIN = 0.1;

function scriptShares(sample: string) {
  let kana = 0;
  let hangul = 0;
  let han = 0;
  let letters = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff)) kana++;
    else if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff)) hangul++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
    else if (/\p{L}/u.test(ch)) letters++;
  }
  return { kana, hangul, han, letters: letters + kana + hangul + han };
}

/**
 * Japanese, Korean and Chinese are told apart by their scripts alone, which is exact even for a headline:
 * kana means Japanese, Hangul Korean, Han without kana Chinese.
 */
function cjkLanguage(sample: string): string | null {
  const { kana, hangul, han, letters } = scriptShares(sample);
  if (letters === 0) return null;
  if (kana >= letters * 0.05 && kana + han >= letters * 0.3) return "ja";
  if (hangul >= letters * 0.3) return "ko";
  if (han >= letters * 0.3 && kana === 0) return "zh";
  return null;
}

interface Detection {
  language: string;
  score: number;
  scores: Record<string, number>;
}

/** ELD's n-gram model (60 languages, data shipped in the package), trusted only when it says it is reliable. */
function detect(sample: string): Detection | null {
  const cjk = cjkLanguage(sample);
  if (cjk) return { language: cjk, score: 1, scores: { [cjk]: 1 } };
  if (sample.replace(/[^\p{L}]/gu, "").length < MIN_DETECT_CHARS) return null;
  const result = eld.detect(sample);
  if (!result.language || !result.isReliable()) return null;
  const scores = result.getScores();
  return { language: result.language, score: scores[result.language] ?? 0, scores };
}

/** The language of a text that declares none, or null when the text is too short or too mixed to tell. */
export function guessLanguage(text: string): string | null {
  return detect(text.slice(0, SAMPLE_CHARS))?.language ?? null;
}

/**
 * The page's language: what its markup declares, checked against its text. The declaration stands unless
 * a long text clearly reads as another language; with no declaration, the text decides.
 */
export function detectLanguage(text: string, declared: string | null): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (!declared) return detect(sample)?.language ?? null;
  if (sample.length < MIN_OVERRULE_CHARS) return declared;
  const found = detect(sample);
  if (!found || found.language === declared) return declared;
  const declaredScore = found.scores[declared] ?? 0;
  return found.score - declaredScore >= OVERRULE_MARGIN ? found.language : declared;
}

/** "en-US" → "en": the primary subtag, lower-cased, or null when the value is not a language tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$/.exec(tag ?? "");
  return m ? m[1]!.toLowerCase() : null;
}
