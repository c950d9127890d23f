import type { Caption } from "../schemas/article";
import { cleanText } from "./blocks";
import { looksLikeNames } from "./byline";

// "Photo: …", "Banner photo: …", "Photograph: Kim Kyung-Hoon/Reuters" (Guardian), "Image caption, …" (BBC),
// and the same labels in the other languages of the sources: "写真：", "图片：", "사진=", "Foto:", "Bild:".
const CAPTION_LABEL =
  /^(?:(?:(?:banner|top|main|lead|header|cover|featured|file|above|below|inset) )?(?:photo(?:graph)?s?|image|pictures?|pictured|caption|illustration|video still|graphic|foto|bild|légende)\s*[:：]|image caption\s*[,:：]|(?:写真|画像|图片|圖片|照片|사진)\s*[:：=＝])\s*/i;
// "Photo by Jane Doe", "Photo courtesy of the ministry".
const PHOTO_BY = /^(?:photo(?:graph)?s?|images?|pictures?|illustrations?) (?:by|courtesy(?: of)?|via|from) /i;
// "© Jiji", "(c) Reuters", "Credit: …", "Photo credit: …", "Image source, Getty Images" (BBC).
const CREDIT_LABEL = /^(?:©|\(c\)(?= )|(?:photo |image )?credits?\s*[:：]|image source\s*[,:：])\s*/i;
// Agencies and picture desks. A bare agency name on a line may be the source's name pasted above the text, so
// alone it is a credit only in the unmistakable forms: "Name/Agency", "Agency/Name", "… via Getty Images".
const AGENCY =
  "(?:AP(?: Photo)?|AFP|Reuters|EPA(?:-EFE)?|Getty Images|Bloomberg|Xinhua|Kyodo|Jiji(?: Press)?|Yonhap|Shutterstock|Alamy|Imago|dpa|ANP|ANSA|Anadolu|Sipa|NurPhoto|Pool|Handout|Nikkei|Caixin|Associated Press)";
const PERSON = "[\\p{L} .'’-]{2,40}";
const AGENCY_CREDIT = new RegExp(
  `^(?:${AGENCY}\\s*/\\s*${PERSON}|${PERSON}\\s*/\\s*${AGENCY}(?: via Getty Images)?|(?:${PERSON} )?(?:${AGENCY} )?via Getty Images|Getty Images|AP Photo)$`,
  "u",
);
const AGENCY_ONLY = new RegExp(`^${AGENCY}$`, "u");
// A credit closing a caption: "… on March 3. © Jiji", "… (Photo: Reuters)", "… (AP Photo/Evan Vucci)". An
// agency without a label must be in brackets: "… according to Reuters." is a sentence.
const TRAILING_CREDIT = new RegExp(
  `\\s*(?:[([]?\\s*(?:©|\\(c\\)|(?:[Pp]hoto(?:graph)?|[Cc]redit|[Pp]hoto [Cc]redit)\\s*[:：])\\s*([^()[\\]©:]{1,80}?)\\s*[)\\]]?|[([]\\s*(${AGENCY}(?:\\s*/\\s*[^()[\\]]{2,40})?)\\s*[)\\]])\\s*\\.?\\s*$`,
  "u",
);
// A copyright notice closes a page; it credits no picture.
const COPYRIGHT_NOTICE = /\b(?:all rights reserved|(?:19|20)\d{2})\b/i;
// Captions run a sentence or two; a longer line that starts "Photo:" is something else.
const MAX_CAPTION_CHARS = 500;

export interface CaptionLine {
  caption: Caption;
  /** A credit without a description ("© Jiji"): it belongs to the caption next to it, if there is one. */
  creditOnly: boolean;
}

const bareCredit = (text: string) => cleanText(text.replace(/^[([]\s*|\s*[)\]]$/g, "").replace(/\.$/, ""));

/** A credit standing for itself after "Photo:": an agency, "Name/Agency", or a name of up to three words. */
function isCreditText(text: string): boolean {
  return (
    AGENCY_CREDIT.test(text) ||
    AGENCY_ONLY.test(text) ||
    (looksLikeNames(text) && text.split(" ").length <= 3)
  );
}

/** The description and the credit at its end, if any: "Trump in Tokyo. © Jiji" → ["Trump in Tokyo.", "Jiji"]. */
function splitCredit(text: string): { body: string; credit: string | null } {
  const tail = text.slice(-140);
  const m = TRAILING_CREDIT.exec(tail);
  const credit = m ? bareCredit(m[1] ?? m[2] ?? "") : "";
  if (!m || !credit || COPYRIGHT_NOTICE.test(credit)) return { body: text, credit: null };
  return { body: cleanText(text.slice(0, text.length - tail.length + m.index)), credit };
}

/**
 * A caption or photo-credit line of pasted text: "Photo: …", "Banner photo: … © Jiji", "Photograph: Name/Agency",
 * "© Jiji", "Image source, Getty Images". Null for anything else, including copyright notices.
 */
export function parseCaptionLine(line: string): CaptionLine | null {
  if (line.length > MAX_CAPTION_CHARS) return null;
  // "(Photo: Reuters)" on its own line is read like "Photo: Reuters".
  const text = /^[([].*[)\]]$/.test(line) ? cleanText(line.slice(1, -1)) : line;
  const creditLabel = CREDIT_LABEL.exec(text);
  if (creditLabel) {
    const credit = bareCredit(text.slice(creditLabel[0].length));
    if (!credit || COPYRIGHT_NOTICE.test(credit) || credit.split(" ").length > 8) return null;
    return { caption: { text: line, credit }, creditOnly: true };
  }
  // The slash or "Getty"/"AP Photo" test first: the agency pattern is long and runs on every line.
  if (/[/]|Getty|AP Photo/.test(text) && AGENCY_CREDIT.test(text.replace(/\.$/, ""))) {
    return { caption: { text: line, credit: bareCredit(text) }, creditOnly: true };
  }
  const photoBy = PHOTO_BY.exec(text);
  if (photoBy) {
    const credit = bareCredit(text.slice(photoBy[0].length));
    return credit ? { caption: { text: line, credit }, creditOnly: true } : null;
  }
  const label = CAPTION_LABEL.exec(text);
  if (!label) return null;
  const rest = text.slice(label[0].length);
  if (!rest) return null;
  if (isCreditText(bareCredit(rest)))
    return { caption: { text: line, credit: bareCredit(rest) }, creditOnly: true };
  const { body, credit } = splitCredit(rest);
  return body ? { caption: { text: body, credit }, creditOnly: false } : null;
}

// Inside an end note: "(Originally published in Japanese. Banner photo: … © Jiji.)".
const EMBEDDED_LABEL = /\b(?:(?:banner|top|main|lead|header|cover) )?photo(?:graph)?\s*[:：]\s*/i;

/** A caption that an end note carries inside it, as nippon.com's notes carry the banner photo's. */
export function captionInNote(note: string): Caption | null {
  const at = note.search(EMBEDDED_LABEL);
  if (at < 0) return null;
  let tail = note.slice(at);
  if (note.startsWith("(") && tail.endsWith(")")) tail = tail.slice(0, -1);
  const parsed = parseCaptionLine(cleanText(tail));
  return parsed && !parsed.creditOnly ? parsed.caption : null;
}

/**
 * The caption lines among `lines` and the indexes they occupy. A credit-only line next to a caption without a
 * credit becomes that caption's credit, whichever comes first (BBC prints the source above the caption).
 */
export function findCaptions(lines: readonly string[]): { captions: Caption[]; taken: Set<number> } {
  const captions: Caption[] = [];
  const creditOnly: boolean[] = [];
  const taken = new Set<number>();
  lines.forEach((line, index) => {
    const parsed = parseCaptionLine(line);
    if (!parsed) return;
    const adjacent = taken.has(index - 1) ? captions.length - 1 : -1;
    const previous = adjacent >= 0 ? captions[adjacent]! : null;
    taken.add(index);
    if (previous && parsed.creditOnly && !creditOnly[adjacent] && previous.credit === null) {
      previous.credit = parsed.caption.credit;
    } else if (previous && !parsed.creditOnly && creditOnly[adjacent] && parsed.caption.credit === null) {
      captions[adjacent] = { text: parsed.caption.text, credit: previous.credit };
      creditOnly[adjacent] = false;
    } else {
      captions.push(parsed.caption);
      creditOnly.push(parsed.creditOnly);
    }
  });
  return { captions, taken };
}
