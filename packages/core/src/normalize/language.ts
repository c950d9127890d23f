// The commonest function words of each language; enough to tell English from its Latin-script neighbours.
const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    "the of and to in is that for it with as was on are be by this from at have has his her their".split(" "),
  ),
  fr: new Set("le la les des et est une du que dans pour sur pas qui au aux ce il elle sont".split(" ")),
  es: new Set("el la los las del y que en un una por con para es se su al lo como".split(" ")),
  de: new Set("der die das und ist nicht ein eine zu den von mit sich des auf für im dem".split(" ")),
  pt: new Set("o a os as do da dos das e que em um uma para com não por se na no".split(" ")),
  it: new Set("il lo la gli le di che e un una per con non sono del della nel alla".split(" ")),
  nl: new Set("de het een en van is dat op te in niet zijn met voor die er".split(" ")),
};

// Enough text to decide; reading all of a 5 MB paste would only cost time.
const SAMPLE_CHARS = 20_000;

function scriptShares(sample: string) {
  let kana = 0;
  let hangul = 0;
  let han = 0;
  let latin = 0;
  for (const ch of sample) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x31f0 && code <= 0x31ff)) kana++;
    else if ((code >= 0xac00 && code <= 0xd7af) || (code >= 0x1100 && code <= 0x11ff)) hangul++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
    else if (
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0xc0 && code <= 0x24f)
    )
      latin++;
  }
  return { kana, hangul, han, latin };
}

function latinLanguage(sample: string): string | null {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return null;
  const hits = Object.entries(STOP_WORDS).map(([language, stop]) => ({
    language,
    share: words.filter((word) => stop.has(word)).length / words.length,
  }));
  hits.sort((a, b) => b.share - a.share);
  const [best, second] = hits;
  // Only English is claimed: it is what the seeds need and the one this list separates reliably.
  if (best?.language !== "en" || best.share < 0.15) return null;
  return !second || best.share >= second.share * 2 ? "en" : null;
}

/**
 * A guess from the characters themselves, for documents that do not declare their language: kana means
 * Japanese, Hangul Korean, Han alone Chinese; Latin text is called English only when its stop-words dominate.
 */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const { kana, hangul, han, latin } = scriptShares(sample);
  const letters = kana + hangul + han + latin;
  if (letters === 0) return null;
  if (kana >= letters * 0.05 && kana + han >= letters * 0.3) return "ja";
  if (hangul >= letters * 0.3) return "ko";
  if (han >= letters * 0.3 && kana === 0) return "zh";
  if (latin >= letters * 0.7) return latinLanguage(sample);
  return null;
}

/** "en-US" → "en": the primary subtag, lower-cased, or null when the value is not a language tag. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$/.exec(tag ?? "");
  return m ? m[1]!.toLowerCase() : null;
}
