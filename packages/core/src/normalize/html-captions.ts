import { type AnyNode, type Element, isTag, isText } from "domhandler";
import type { Caption } from "../schemas/article";
import { cleanText } from "./blocks";
import type { Container, Measured } from "./html-body-score";
import { nameBits } from "./html-boilerplate";
import { CAPTION, CREDIT } from "./html-body-names";
import { attr, isHidden, isInside, textOf } from "./html-dom";

// Captions are a sentence or two; a "caption" holding more is a mislabelled text block.
export const MAX_CAPTION_CHARS = 1000;
// A gallery page can caption hundreds of images; the article keeps the first ones.
const MAX_CAPTIONS = 100;

/** "caption" for an image caption, "credit" for a photo credit, judged by tag, itemprop, class and id. */
export function captionRole(element: Element): "caption" | "credit" | null {
  if (element.name === "figcaption") return "caption";
  const itemprop = attr(element, "itemprop");
  if (
    itemprop === "caption" ||
    (itemprop === "description" && element.parent && attr(element.parent as Element, "itemprop") === "image")
  )
    return "caption";
  if (itemprop === "copyrightHolder" || itemprop === "creditText") return "credit";
  const names = nameBits(element);
  if (names & CREDIT) return "credit";
  return names & CAPTION ? "caption" : null;
}

// "Photo: Jane Doe", "Foto: dpa", "Bild: Keystone", "© Reuters", "Crédit photo : AFP", "Image credit: NASA".
const CREDIT_LEAD =
  /^(?:(?:photo|photos|photograph|picture|image|images|foto|fotos|bild|bilder|credit|credits|crédits?(?: photo)?|photo credit|image credit|bildquelle|quelle|source|fuente|copyright|banner photo)\s*[:：]|©|\(c\)\s)\s*/i;
// The same at the end of a caption: "The harbour at dawn. Photo: Jane Doe", "… (Foto: dpa)", "… | © AFP".
const CREDIT_TAIL =
  /(?:^|[\s.|/–—-])\(?((?:photo|photos|foto|fotos|bild|image|credit|crédit|bildquelle|quelle|source|fuente)\s*[:：]\s*[^()|]{2,80}|©\s*[^()|]{2,80})\)?\s*$/i;
// A bare agency in brackets at the end: "(Reuters)", "(AP Photo/Jane Doe)", "REUTERS/Jane Doe".
const AGENCY_TAIL =
  /\(?((?:AP|AFP|Reuters|REUTERS|dpa|DPA|EPA|Getty Images|Keystone|ANP|Xinhua|Bloomberg|Shutterstock|iStock|imago|picture alliance)(?: Photo)?(?:\s*\/\s*[^()]{2,60})?)\)?\s*$/;

const FILE_NAME = /\S+\.(?:jpe?g|png|gif|webp|avif|tiff?)\b/gi;

/** A line that is nothing but a photo credit ("Foto: dpa", "© Reuters"): it belongs with the images. */
export function isCreditLine(text: string): boolean {
  return text.length <= 160 && CREDIT_LEAD.test(text);
}

/** A caption's text split from the credit it carries at its start or end. */
export function toCaption(raw: string, creditText: string | null = null): Caption | null {
  // Some CMSes print the image's file name into its caption ("IMG_1234.jpg Harbour at dawn").
  const text = cleanText(raw.replace(FILE_NAME, " "));
  const givenCredit = creditText ? cleanText(creditText.replace(CREDIT_LEAD, "")) || null : null;
  if (!text) return givenCredit ? { text: cleanText(creditText!), credit: givenCredit } : null;
  if (CREDIT_LEAD.test(text)) {
    const credit = cleanText(text.replace(CREDIT_LEAD, ""));
    return { text, credit: givenCredit ?? (credit || null) };
  }
  const tail = text.match(CREDIT_TAIL) ?? text.match(AGENCY_TAIL);
  if (tail?.index && tail.index > 0) {
    const body = cleanText(text.slice(0, tail.index)).replace(/[\s|/–—-]+$/, "");
    const credit = cleanText(tail[1]!.replace(CREDIT_LEAD, ""));
    if (body) return { text: body, credit: givenCredit ?? (credit || null) };
  }
  return { text, credit: givenCredit };
}

/** A caption element's text and the credit written inside it (a `.credit` span, a `<small>© …</small>`). */
function readCaption(element: Element): Caption | null {
  let text = "";
  let credit = "";
  const stack: { node: AnyNode; inCredit: boolean }[] = [{ node: element, inCredit: false }];
  while (stack.length > 0 && text.length + credit.length < MAX_CAPTION_CHARS) {
    const { node, inCredit } = stack.pop()!;
    if (isText(node)) {
      if (inCredit) credit += node.data;
      else text += node.data;
      continue;
    }
    if (!isTag(node) || (node !== element && isHidden(node))) continue;
    if (node.name === "br") text += " ";
    const credited = inCredit || (node !== element && captionRole(node) === "credit");
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i]!, inCredit: credited });
  }
  return toCaption(text, credit || null);
}

// Figures also wrap tables, pull quotes, code and whole teaser cards; only a figure around media with a line or
// two of text is an image with its caption.
const FIGURE_CAPTION_CHARS = 300;
const FIGURE_TEXT_TAGS = new Set(["table", "blockquote", "pre", "ul", "ol", "h2", "h3"]);
const MEDIA_TAGS = new Set(["img", "picture", "video", "iframe"]);

function hasMediaOnly(figure: Element): boolean {
  let media = false;
  const stack: AnyNode[] = [...figure.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (FIGURE_TEXT_TAGS.has(node.name)) return false;
    if (MEDIA_TAGS.has(node.name)) media = true;
    for (const child of node.children) stack.push(child);
  }
  return media;
}

/** An image beside the element, or a <figure> around it: the image it credits. */
function nearImage(element: Element): boolean {
  let node: AnyNode | null = element;
  for (let level = 0; node && isTag(node) && level < 3; level++) {
    if (node.name === "figure") return true;
    node = node.parent;
  }
  for (const sibling of element.parent?.children ?? []) {
    if (isTag(sibling) && MEDIA_TAGS.has(sibling.name)) return true;
  }
  return false;
}

/**
 * A caption, a photo credit next to an image, or a small figure around an image: read as a caption, never as
 * body text. A "copyright" line far from any image is the site's, not a photographer's.
 */
export function isCaptionUnit(element: Element, measured: Measured): boolean {
  const chars = measured.raw.get(element)?.text ?? 0;
  // A "caption" longer than any caption is a text block with an unlucky class name.
  if (chars > MAX_CAPTION_CHARS) return false;
  const role = captionRole(element);
  if (role === "caption") return true;
  if (role === "credit") return nearImage(element);
  return element.name === "figure" && chars <= FIGURE_CAPTION_CHARS && hasMediaOnly(element);
}

/**
 * The captions and photo credits of the article, in document order: those in its body and those of the images
 * around it (the picture above the headline sits in the article's header, outside the body). Related-story
 * teasers and other junk are not entered.
 */
export function collectCaptions(scope: Container, measured: Measured): Caption[] {
  const captions: Caption[] = [];
  const seen = new Set<string>();
  let lastNode: Element | null = null;
  const stack: AnyNode[] = [scope];
  while (stack.length > 0 && captions.length < MAX_CAPTIONS) {
    const node = stack.pop()!;
    if (isTag(node)) {
      if (node !== scope && (isHidden(node) || measured.roles.get(node) === "junk")) continue;
      if (node.name === "figcaption" || isCaptionUnit(node, measured)) {
        const creditOnly = node.name !== "figcaption" && captionRole(node) === "credit";
        const caption = creditOnly ? toCaption("", textOf(node, MAX_CAPTION_CHARS)) : readCaption(node);
        const last = captions[captions.length - 1];
        // A credit printed beside the caption of the same picture (same figure or wrapper) completes it.
        const samePicture =
          lastNode !== null && node.parent !== null && isInside(lastNode, node.parent.parent ?? node.parent);
        if (creditOnly && caption && last && last.credit === null && samePicture)
          last.credit = caption.credit;
        // Galleries and responsive layouts repeat the same caption for each image size.
        else if (caption && caption.text.length <= MAX_CAPTION_CHARS && !seen.has(caption.text)) {
          seen.add(caption.text);
          captions.push(caption);
          lastNode = node;
        }
        continue;
      }
    }
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return captions;
}
