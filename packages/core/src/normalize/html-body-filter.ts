import type { Caption } from "../schemas/article";
import { type Block, cleanText, isPromoLine } from "./blocks";
import { parseByline } from "./byline";
import { matchLeadingDate } from "./dates";
import type { BodyBlock } from "./html-body-emit";
import { isAdLabel, isFurnitureLabel } from "./html-body-labels";
import { MAX_LINK_DENSITY } from "./html-body-stats";
import { isCreditLine, toCaption } from "./html-captions";

const MAX_IMAGE_LINE_CHARS = 250;
const HEADLINE_WINDOW = 3;

// WordPress's post footer: "This entry was posted in News on 3 May 2020 by …", "Dieser Eintrag wurde veröffentlicht …".
const POST_FOOTER =
  /^(?:this (?:entry|post) was posted|posted (?:in|on|by) |(?:der|dieser) (?:beitrag|eintrag) wurde (?:am |von |.{0,40}veröffentlicht)|cette entrée a été publiée|publicado (?:en|el|por) )/i;

// Notices for readers without scripts, which some pages print outside <noscript>.
const SCRIPT_NOTICE =
  /\b(?:javascript|js)\b.{0,60}\b(?:enable|activate|turn on|aktivieren|einschalten|activer|activez|habilitar|habilite|attivare)|\b(?:enable|activate|needs?|requires?|aktivieren sie|activez)\b.{0,40}\bjavascript\b/i;
const MAX_NOTICE_CHARS = 200;

// "© 2026 Harbour Review. All rights reserved.": the site's copyright, not a photo credit.
const SITE_COPYRIGHT =
  /^(?:©|\(c\)|copyright)\s*(?:\d{4}|all rights)|\ball rights reserved\b|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados/i;

function isNoise(block: Block): boolean {
  if (POST_FOOTER.test(block.text) || isAdLabel(block.text) || isFurnitureLabel(block.text)) return true;
  if (block.text.length <= MAX_NOTICE_CHARS && SCRIPT_NOTICE.test(block.text)) return true;
  const density = block.linkChars && block.text.length > 0 ? block.linkChars / block.text.length : 0;
  if (density > MAX_LINK_DENSITY) return true;
  if (isPromoLine(block.text) || parseByline(block.text)) return true;
  const date = matchLeadingDate(block.text);
  return date !== null && !date.rest;
}

const sameText = (a: string, b: string) => cleanText(a).toLowerCase() === cleanText(b).toLowerCase();

// An editor's note names itself, wherever it stands.
const EDITOR_NOTE =
  /^[([]?(?:editor['’]s note|note from the editor|anmerkung der redaktion|hinweis der redaktion|transparenzhinweis|note de la rédaction|nota del editor|nota de la redacción|nota della redazione|noot van de redactie)\b/i;
// Provenance lines that close an article: "(Originally published in Japanese. Banner photo: …)", "This article
// was originally published …", "Dieser Beitrag erschien zuerst …", corrections and updates.
const END_NOTE =
  /^[([]?(?:originally published|(?:this|the) (?:article|story|piece|post|interview|essay|column|report) (?:was|is|first|originally|has been|appeared)|a version of this (?:article|story)|(?:first|previously) published|translated (?:from|by)|banner photo|correction|clarification|update|(?:dieser|der) (?:artikel|beitrag|text) (?:erschien|ist (?:zuerst|ursprünglich)|wurde)|zuerst erschienen|erstmals erschienen|korrektur|cet article a été|article (?:initialement|originellement|publié)|este artículo (?:fue|se publicó|apareció)|questo articolo è)\b/i;
const MAX_NOTE_CHARS = 600;
const END_NOTE_WINDOW = 3;

/** Editor's notes anywhere and provenance lines among the last few blocks become `note` blocks. */
function markNotes(blocks: Block[]): void {
  blocks.forEach((block, index) => {
    if (block.kind !== "paragraph" || block.text.length > MAX_NOTE_CHARS) return;
    const atEnd = index >= blocks.length - END_NOTE_WINDOW;
    if (EDITOR_NOTE.test(block.text) || (atEnd && END_NOTE.test(block.text))) block.kind = "note";
  });
}

export interface CleanBody {
  blocks: Block[];
  captions: Caption[];
}

/**
 * The body blocks without noise and without the first heading that repeats the headline; photo credits that
 * the layout left in the text ("Foto: dpa" under an image) join the captions.
 */
export function cleanBody(
  blocks: readonly BodyBlock[],
  captions: readonly Caption[],
  headlines: readonly (string | null)[],
): CleanBody {
  const known = headlines.filter((headline): headline is string => headline !== null);
  let headlineSeen = known.length === 0;
  const kept: Block[] = [];
  const allCaptions = [...captions];
  for (const block of blocks) {
    // Old layouts set the headline in bold type, not in a heading; near the top it is the headline all the same.
    const early = kept.length < HEADLINE_WINDOW && (block.kind === "heading" || block.text.length <= 300);
    if (!headlineSeen && early && known.some((headline) => sameText(block.text, headline))) {
      headlineSeen = true;
      continue;
    }
    if (block.text.length <= MAX_NOTICE_CHARS && SITE_COPYRIGHT.test(block.text)) continue;
    // "Foto: dpa" anywhere, and "The harbour at dawn (Reuters)" right under an image, are captions the layout
    // left in the text.
    const caption =
      isCreditLine(block.text) || (block.afterImage && block.text.length <= MAX_IMAGE_LINE_CHARS)
        ? toCaption(block.text)
        : null;
    if (caption && (isCreditLine(block.text) || caption.credit)) {
      allCaptions.push(caption);
      continue;
    }
    if (isNoise(block)) continue;
    kept.push({ kind: block.kind, text: block.text });
  }
  markNotes(kept);
  return { blocks: kept, captions: allCaptions };
}
