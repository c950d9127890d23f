// Month names as news sites print them, by month: English, German, French, Spanish, Italian, Portuguese, Dutch,
// Russian (nominative and genitive), Polish, Scandinavian, Finnish and Turkish, with their usual abbreviations.
// Portuguese "out" (outubro) is left out: "5 out 2020" is likelier English than a date.
const MONTH_NAMES: readonly string[] = [
  "january jan januar jänner janvier janv enero ene gennaio gen janeiro januari январь января янв stycznia styczeń tammikuuta ocak",
  "february feb februar feber février fevrier févr fév fev febrero febbraio fevereiro februari февраль февраля фев lutego luty helmikuuta şubat",
  "march mar märz mär maerz mars marzo março marco maart mrt март марта marca marzec maaliskuuta mart",
  "april apr avril avr abril abr aprile апрель апреля апр kwietnia kwiecień huhtikuuta nisan",
  "may mai mayo maggio mag maio mei май мая maja maj toukokuuta mayıs",
  "june jun juni juin junio giugno giu junho июнь июня czerwca czerwiec kesäkuuta haziran",
  "july jul juli juillet juil julio luglio lug julho июль июля lipca lipiec heinäkuuta temmuz",
  "august aug août aout agosto ago augustus augusti август августа авг sierpnia sierpień elokuuta ağustos",
  "september sep sept septembre septiembre setiembre settembre set setembro сентябрь сентября сен września wrzesień syyskuuta eylül",
  "october oct oktober okt octobre octubre ottobre ott outubro oktober октябрь октября окт października październik lokakuuta ekim",
  "november nov novembre noviembre novembro ноябрь ноября ноя listopada listopad marraskuuta kasım",
  "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro декабрь декабря дек grudnia grudzień joulukuuta aralık",
];

export const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((names, index) => names.split(" ").map((name) => [name, index + 1] as const)),
);

/** Longest first, so "marzo" is tried before "mar" and "juillet" before "juil". */
export const MONTH_ALTERNATION = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join("|");

export function monthNumber(name: string): number | null {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, "")) ?? null;
}

// What may stand between a label and its date: "Veröffentlicht am", "Publié le", "Posted on", a colon.
const LABEL_TAIL = "\\s{0,3}(?:am|le|el|il|em|on|op|vom|den|:|：)?\\s{0,3}:?\\s{0,3}$";

function label(words: readonly string[]): RegExp {
  return new RegExp(`(?:^|[^\\p{L}])(?:${words.join("|")})${LABEL_TAIL}`, "iu");
}

/** Labels that say a date is when the piece was published (or first posted), in the languages we read. */
export const PUBLISHED_LABEL = label([
  // German press releases: "Pressemitteilung vom 25. Januar 2022"
  "(?:presse(?:mitteilung|meldung|information)|meldung|mitteilung|artikel|nachricht|fachmeldung|beitrag)\\s(?=vom)",
  "published",
  "first published",
  "posted",
  "posted on",
  "published on",
  "date",
  "dated",
  "veröffentlicht",
  "veroeffentlicht",
  "erschienen",
  "erstellt",
  "datum",
  "publié",
  "publie",
  "mis en ligne",
  "publicado",
  "publicada",
  "fecha",
  "pubblicato",
  "pubblicata",
  "data",
  "gepubliceerd",
  "geplaatst",
  "опубликовано",
  "дата публикации",
  "公開日",
  "公開",
  "发布时间",
  "發布時間",
  "发布日期",
  "发表于",
  "입력",
  "등록",
]);

/** Labels that say a date is a revision, not the publication ("Updated", "Stand", "mis à jour", "수정"). */
export const UPDATED_LABEL = label([
  "updated?",
  "last updated",
  "last modified",
  "modified",
  "last edited",
  "edited",
  "revised",
  "aktualisiert",
  "zuletzt aktualisiert",
  "geändert",
  "stand",
  "mis à jour",
  "mise à jour",
  "modifié",
  "actualizado",
  "actualizada",
  "actualización",
  "aggiornato",
  "aggiornata",
  "atualizado",
  "bijgewerkt",
  "gewijzigd",
  "обновлено",
  "更新日",
  "更新",
  "修改时间",
  "수정",
  "업데이트",
]);
