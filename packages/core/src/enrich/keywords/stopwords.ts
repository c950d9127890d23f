/**
 * Stop words: function words plus the reporting vocabulary every news story shares ("said", "mr", "told"),
 * which would otherwise top the keywords of any article when there are no corpus statistics to discount them.
 * Lists are lower-case and match the tokenizer's output (straight apostrophes, no possessive "'s").
 */

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

const EN = words(`
a about above across after again against ago all almost along already also although always am among an and
another any anyone anything are aren't around as at away back be became because become been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done down during each
either else enough even ever every few for from further get gets got had hadn't has hasn't have haven't having he
he'd he'll her here hers herself him himself his how however i i'd i'll i'm i've if in including into is isn't it
it'll its itself just last least less let like made make makes many may me might more most much must my myself near
neither never new next no nor not now of off often on once one only onto or other others otherwise our ours
ourselves out over own per perhaps put rather really said same say saying says see seen several shall she she'd
she'll should shouldn't since so some something still such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those though through thus to together too took toward
towards under unless until up upon us use used very via was wasn't way we we'd we'll we're we've well were weren't
what what's when where whether which while who who's whom whose why will with within without won't would wouldn't
yet you you'd you'll you're you've your yours yourself yourselves
mr mrs ms dr told tell tells added adds according asked ask according year years week weeks day days month months
time times today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
two three four five six seven eight nine ten first second third ltd inc corp co plc llc
`);

const DE = words(`
aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bin bis bist da damit dann das
dass dem den denn der des dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein eine einem einen
einer eines er es etwa euch euer für gegen gewesen hab habe haben hat hatte hätte ich ihm ihn ihnen ihr ihre ihrem
ihren ihrer im in ins ist ja jede jedem jeden jeder jedes jetzt kann kein keine keinem keinen keiner können könnte
man manche mehr mein meine mich mir mit muss nach nicht nichts noch nun nur ob oder ohne schon sehr sein seine
seinem seinen seiner sich sie sind so soll sollen sondern sowie über um und uns unser unter viel vom von vor war
waren warum was weil welche welchem welchen welcher wenn wer werde werden wie wieder will wir wird wo wurde wurden
zu zum zur zwar zwischen sagte sagt sagten laut jahr jahre jahren prozent
`);

const FR = words(`
a à afin ai aie aient ainsi alors au aucun aussi autre aux avait avant avec avoir c ça car ce ceci cela celle celles
celui ces cet cette ceux chaque comme comment d dans de des donc dont du elle elles en encore entre es est et étaient
était été être eu eux fait faire il ils j je l la le les leur leurs lui m ma mais me même mes moi mon n ne ni nos
notre nous on ont ou où par parce pas peu peut plus pour pourquoi qu quand que quel quelle quelles quels qui s sa
sans se selon ses si son sont sous sur t ta te tes toi ton tous tout toute toutes très tu un une vos votre vous y
a-t-il dit déclaré ans année années selon
`);

const ES = words(`
a al algo algunos ante antes aquí así aunque con contra cual cuando de del desde donde dos durante e el ella ellas
ellos en entre era eran es esa esas ese eso esos esta está están estas este esto estos fue fueron ha habían hace
hacia han hasta hay la las le les lo los más me mi mientras muy nada ni no nos nosotros o otra otras otro otros para
pero poco por porque que quien quienes se sea según ser si sido sin sobre su sus también tan tanto te tiene tienen
todo todos tras tu un una uno unos y ya dijo afirmó años año
`);

// Particles, copulas and auxiliaries the ICU segmenter returns as words; content words are kanji or katakana.
const JA = words(`
の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ ない この ため その あっ
よう また もの という あり まで られ なる へ か だ これ によって により おり より による ず なり られる において ば なかっ
なく しかし について せ だっ その後 できる それ う ので なお のみ でき き つ における および いう さらに でも ら たり
その他 に関する たち ます ん なら に対して 特に せる 及び これら とき では にて ほか ながら うち そして とともに ただし
かつて それぞれ または お ほど ものの に対する ほとんど と共に といった です とも ところ ここ 氏 年 月 日 述べ 語っ
`);

const ZH = words(`
的 了 在 是 和 与 及 也 有 这 那 就 都 而 或 但 对 为 被 把 从 向 于 以 之 其 他 她 它 们 我 你 将 会 能 要 并 等 中 上 下
个 一 不 没有 已 已经 还 又 很 更 最 因为 所以 如果 虽然 但是 表示 说 称 指出 年 月 日
`);

const LISTS: Record<string, ReadonlySet<string>> = { en: EN, de: DE, fr: FR, es: ES, ja: JA, zh: ZH };

/** Languages with a stop-word list, in the order a guess prefers them on a tie. */
export const STOPWORD_LANGUAGES = Object.keys(LISTS);

export function stopWords(language: string): ReadonlySet<string> {
  return LISTS[language] ?? EN;
}

/**
 * The stop-word list that covers most of these tokens: a cheap language guess that only has to be good enough
 * to pick a list (a caller with the article's detected language should pass it instead).
 */
export function guessStopWordLanguage(tokens: readonly string[]): string {
  let best = "en";
  let bestHits = 0;
  for (const language of STOPWORD_LANGUAGES) {
    const list = LISTS[language]!;
    let hits = 0;
    for (let i = 0; i < tokens.length && i < 5000; i++) if (list.has(tokens[i]!)) hits++;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return best;
}
