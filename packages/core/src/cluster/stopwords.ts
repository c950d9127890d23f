/**
 * Function words left out of word and pair features. IDF would learn them in time, but a new corpus starts with
 * a handful of documents, where every word looks equally rare; the lists carry that prior. English always
 * (English names and quotes turn up in every language's news), another language's list only when the article
 * says it is in that language: "die", "son", "met" and "plus" are English words too. CJK particles are dropped
 * by script (see `features.ts`).
 */
const ENGLISH =
  "a about above after again against all also am an and any are as at be because been before being below " +
  "between both but by can could did do does doing down during each few for from further had has have having " +
  "he her here hers herself him himself his how i if in into is it its itself just me more most my myself no " +
  "nor not now of off on once only or other our ours ourselves out over own same she should so some such than " +
  "that the their theirs them themselves then there these they this those through to too under until up very " +
  "was we were what when where which while who whom why will with would you your yours yourself yourselves " +
  "said says say saying told tells according per via amid among upon may might must shall " +
  "don didn doesn isn wasn aren weren wouldn cannot";

const OTHERS: Record<string, string> = {
  de:
    "der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war waren wird " +
    "werden hat haben mit von zu zum zur im in auf für bei aus nach über unter auch als wie sich es er sie wir ihr",
  fr:
    "le la les un une des du de et ou mais ne pas est sont était ont avec pour par sur dans au aux ce cette ces " +
    "il elle ils elles nous vous qui que qu se sa son ses leur leurs plus l d",
  es: "el la los las un una unos unas del de y o pero no es son fue con por para en al lo su sus se que como más",
  it: "il lo la i gli le un una della delle dei degli e di da con per tra fra che non è sono in su al",
  pt: "o a os as um uma do da dos das de e em no na nos nas com para por que não é são foi ao",
  nl: "de het een en of maar niet is zijn was waren met van te op voor bij uit naar over als ook dat die er ze",
};

const english = new Set(ENGLISH.split(" "));
const byLanguage = new Map(
  Object.entries(OTHERS).map(([language, words]) => [language, new Set([...english, ...words.split(" ")])]),
);

/** The function words for an article in `language` (an ISO 639-1 code or a tag such as `fr-CA`). */
export function stopwordsFor(language: string | null | undefined): ReadonlySet<string> {
  return byLanguage.get((language ?? "").slice(0, 2).toLowerCase()) ?? english;
}
