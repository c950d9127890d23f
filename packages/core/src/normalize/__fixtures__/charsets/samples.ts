import iconv from "iconv-lite";

/**
 * News text in the languages whose legacy encodings the decoder must handle. Pages are built from these and
 * encoded in the tests themselves (iconv-lite, a dev dependency), so each case can also be mis-declared.
 */
export const SAMPLES = {
  ja: {
    title: "高市首相、来週訪米へ",
    body: [
      "高市早苗首相は来週ワシントンを訪問し、トランプ大統領と首脳会談を行う予定だ。",
      "政府関係者によると、会談では関税合意に基づく対米投資や安全保障協力が主な議題になる見通しだという。",
      "首相は記者団に対し「日米同盟をさらに強化したい」と述べた。",
    ],
  },
  zhCN: {
    title: "日本首相将访问华盛顿",
    body: [
      "日本首相高市早苗将于下周访问华盛顿，与美国总统特朗普举行会谈。",
      "据政府官员透露，双方将讨论关税协议框架下的对美投资以及安全合作等议题。",
      "外交部发言人表示，中方对日本的防卫政策动向保持高度关注。",
    ],
  },
  zhTW: {
    title: "日本首相將訪問華盛頓",
    body: [
      "日本首相高市早苗將於下週訪問華盛頓，與美國總統川普舉行會談。",
      "據政府官員透露，雙方將討論關稅協議框架下的對美投資以及安全合作等議題。",
      "外交部發言人表示，中方對日本的防衛政策動向保持高度關注。",
    ],
  },
  ko: {
    title: "다카이치 총리, 다음 주 방미",
    body: [
      "다카이치 사나에 일본 총리가 다음 주 워싱턴을 방문해 트럼프 대통령과 정상회담을 가질 예정이다.",
      "정부 관계자에 따르면 이번 회담에서는 관세 합의에 따른 대미 투자와 안보 협력이 주요 의제가 될 전망이다.",
      "총리는 기자들에게 미일 동맹을 더욱 강화하고 싶다고 말했다.",
    ],
  },
  ru: {
    title: "Такаити посетит Вашингтон",
    body: [
      "Премьер-министр Японии Санаэ Такаити на следующей неделе посетит Вашингтон, где проведёт переговоры с президентом США Дональдом Трампом.",
      "По словам правительственных источников, стороны обсудят инвестиции в рамках тарифного соглашения и сотрудничество в сфере безопасности.",
      "«Мы хотим укрепить союз», — заявила премьер журналистам.",
    ],
  },
  de: {
    title: "Takaichi reist nach Washington",
    body: [
      "Die japanische Ministerpräsidentin Sanae Takaichi wird nächste Woche nach Washington reisen, um mit US-Präsident Donald Trump über Zölle zu sprechen.",
      "Regierungsvertreter äußerten sich zurückhaltend über mögliche Ergebnisse des Gipfels.",
      "„Wir wollen das Bündnis stärken“, sagte Takaichi vor Journalisten – die Börse reagierte kaum.",
    ],
  },
  fr: {
    title: "Takaichi se rendra à Washington",
    body: [
      "La Première ministre japonaise Sanae Takaichi se rendra la semaine prochaine à Washington pour rencontrer le président américain.",
      "Selon des responsables gouvernementaux, les discussions porteront sur les investissements prévus par l’accord douanier.",
      "« Nous voulons renforcer l’alliance », a déclaré Mme Takaichi, évoquant un coût de 550 milliards d’euros – soit 150 € par habitant.",
    ],
  },
} as const;

export type SampleName = keyof typeof SAMPLES;

/** A news page with the usual head and body furniture; `head` holds the charset declaration, if any. */
export function newsPage(name: SampleName, head = ""): string {
  const { title, body } = SAMPLES[name];
  return [
    "<!DOCTYPE html>",
    "<html>",
    "<head>",
    head,
    `<title>${title}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<script>window.dataLayer = window.dataLayer || [];</script>",
    "<style>body { font-family: sans-serif; }</style>",
    "</head>",
    "<body>",
    '<nav><a href="/">Home</a> <a href="/world">World</a></nav>',
    `<article><h1>${title}</h1>`,
    ...body.map((paragraph) => `<p>${paragraph}</p>`),
    "</article>",
    "<footer>Contact us</footer>",
    "</body>",
    "</html>",
  ].join("\n");
}

/**
 * ISO-2022-JP, which iconv-lite cannot write: EUC-JP's JIS X 0208 pairs without their high bits, between
 * ESC $ B and ESC ( B (RFC 1468).
 */
function iso2022jp(text: string): Uint8Array {
  const euc = iconv.encode(text, "euc-jp");
  const out: number[] = [];
  let kanji = false;
  for (let i = 0; i < euc.length; ) {
    const byte = euc[i]!;
    if (byte >= 0xa1) {
      if (!kanji) out.push(0x1b, 0x24, 0x42);
      kanji = true;
      out.push(byte & 0x7f, euc[i + 1]! & 0x7f);
      i += 2;
      continue;
    }
    if (kanji) out.push(0x1b, 0x28, 0x42);
    kanji = false;
    out.push(byte);
    i++;
  }
  if (kanji) out.push(0x1b, 0x28, 0x42);
  return Uint8Array.from(out);
}

/** `text` in `encoding` (iconv-lite's names, plus iso-2022-jp). */
export function encode(text: string, encoding: string): Uint8Array {
  if (encoding === "iso-2022-jp") return iso2022jp(text);
  return new Uint8Array(iconv.encode(text, encoding));
}
