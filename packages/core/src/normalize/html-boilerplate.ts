import type { Element } from "domhandler";
import { attr } from "./html-dom";

/**
 * How an element's tag, role, class and id describe it. Page furniture is judged by words, not substrings:
 * "shareholders" and "headline" must not read as "share" and "ad". Class and id are split at spaces, dashes,
 * underscores and camelCase humps ("socialShareBar" → social share bar), so BEM and CMS names match too.
 */
export type ElementRole =
  /** Comments, cookie banners, share bars, newsletter boxes, related links: never part of an article. */
  | "junk"
  /** Navigation, sidebars, headers, footers, ads: furniture, unless it turns out to hold the article. */
  | "furniture"
  /** The page names it the article body (itemprop=articleBody, "entry-content", "article-body", …). */
  | "content"
  | null;

// Words that no wrapper of an article carries. From trafilatura's discard list, Readability's
// unlikelyCandidates and looking at pages in German, French, Spanish, Italian, Dutch and Polish.
const JUNK_WORDS = wordPattern(
  `cookie cookies cookiebanner cookieconsent consent gdpr cmp borlabs usercentrics didomi
  newsletter newsletters subscribe subscription subscriptions signup abonnieren abonnement
  related relatedposts related-posts jp-relatedposts yarpp recommended recommendations empfehlungen
  outbrain taboola plista ligatus zergnet webform rating ratings post-ratings star-rating`,
);
// Readers' comments: junk beside an article, but all there is on a forum thread or a guestbook page.
const THREAD_WORDS = wordPattern(
  `comment comments commentlist commentaires commentaire kommentar kommentare komentarze comentarios commenti
  reacties disqus respond replies`,
);

// Words of furniture, and of small widgets (share bars, breadcrumbs) whose names some themes also give to the
// article's wrapper ("entry share", "docked-sharebar-content"): dropped only when they do not hold most of the
// page's text (see measure in html-body-score).
const FURNITURE_WORDS = wordPattern(
  `nav navbar navigation navi menu menubar mainmenu submenu topbar toolbar skip skiplink jump
  sidebar side-bar sidebars seitenleiste widgets widget-area masthead footer fusszeile pied
  banner popup modal overlay lightbox dialog login
  ad ads adv advert adverts advertisement advertising adslot adsense adunit anzeige anzeigen werbung publicite pub
  sponsor sponsored promo promotion promoted teaser-list
  tag tags tag-list taglist keywords contact contactbox kontakt schlagworte topics trending popular mostpopular most-popular meistgelesen
  byline post-meta entry-meta article-meta meta-data metadata postmetadata entry-footer post-footer
  share shares sharing sharebar shareblock sharethis shariff addthis social socials sociable socialmedia teilen partager
  breadcrumb breadcrumbs pagination pager postnav print-button tagcloud
  authorbox author-box author-bio about-author`,
);

// Text for screen readers only ("opens in a new window", "Share on Facebook"): never shown, never article text.
const HIDDEN_WORDS = wordPattern(
  "sr-only screen-reader-text visually-hidden visuallyhidden element-invisible",
);

// Names that mark the article text itself, from trafilatura's BODY_XPATH and common CMS themes.
const CONTENT_NAME =
  /(?:^|[\s-])(?:(?:article|post|entry|story|news|blog|artikel|beitrag|single|text|body|detail|nota|noticia)-?(?:body|content|text|copy|inhalt|txt|entry|texto|cuerpo)|articlebody|articletext|articlecontent|postcontent|postbody|entrycontent|storybody|storytext|bodytext|fulltext|rich-?text|richtext|the-content|cuerpo)(?=$|[\s-])/;

const FURNITURE_TAGS = new Set(["nav", "aside", "header", "footer", "menu"]);
const FURNITURE_ROLES =
  /^(?:navigation|banner|contentinfo|complementary|search|menu|menubar|toolbar|tablist|alert|alertdialog|dialog|form)$/i;

/** A list of class words as one pattern that matches whole dash-separated words ("share" in "c-share-bar"). */
export function wordPattern(words: string): RegExp {
  return new RegExp(`(?:^|[\\s-])(?:${words.trim().split(/\s+/).join("|")})(?=$|[\\s-])`);
}

// WordPress and other CMSes put the post's categories, tags and format into its classes ("category-der-kommentar",
// "tag-social-media"): words the author chose, not the layout.
const TAXONOMY_TOKEN =
  /(?:^|\s)(?:category|tag|tags|type|format|status|postid|post-id|page-id|term|tax|topic|rubrik|ressort)-\S*/g;

// Names of the standfirst: the lead paragraph that layouts set apart from the body, above or beside it.
const LEAD_WORDS = wordPattern(
  `lead leader lede intro introduction standfirst summary abstract chapo chapeau dek deck subtitle sub-title
  subheadline subhead excerpt entradilla bajada sommario teaser-text article-teaser news-teaser article-intro`,
);

// Names of image captions and photo credits.
const CAPTION_WORDS = wordPattern(
  `caption captions figcaption wp-caption-text image-caption photo-caption img-caption media-caption caption-text
  bildunterschrift bildtext legende legend didascalie pie-de-foto pie-foto didascalia onderschrift podpis`,
);
const CREDIT_WORDS = wordPattern(
  `credit credits copyright photographer photo-credit image-credit imagecredit attribution fotograf bildquelle
  bildnachweis quelle-bild photo-source image-source foto-credit`,
);

/** What a class-and-id string says: its words, and which of the word lists they match. */
export interface NameVerdict {
  words: string;
  content: boolean;
  junk: boolean;
  /** Junk that is a thread of readers' comments. */
  thread: boolean;
  furniture: boolean;
  lead: boolean;
  caption: boolean;
  credit: boolean;
}

// Pages repeat a few hundred class names thousands of times; each is judged once. The cache is emptied when full,
// and long names are not kept, so a hostile page with millions of distinct names cannot grow it without bound.
const MAX_CACHED_NAMES = 20_000;
const MAX_CACHED_NAME_CHARS = 200;
const verdictCache = new Map<string, NameVerdict>();
const NO_NAMES: NameVerdict = {
  words: "",
  content: false,
  junk: false,
  thread: false,
  furniture: false,
  lead: false,
  caption: false,
  credit: false,
};

export function nameVerdict(element: Element): NameVerdict {
  const { class: classes, id } = element.attribs;
  if (classes === undefined && id === undefined) return NO_NAMES;
  const names =
    id === undefined ? attr(element, "class") : `${attr(element, "class")} ${attr(element, "id")}`;
  let verdict = verdictCache.get(names);
  if (verdict === undefined) {
    const words = names
      .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
      .toLowerCase()
      .replace(/_+|-{2,}/g, "-")
      .replace(TAXONOMY_TOKEN, " ");
    verdict = {
      words,
      content: CONTENT_NAME.test(words),
      junk: JUNK_WORDS.test(words) || HIDDEN_WORDS.test(words) || THREAD_WORDS.test(words),
      thread: THREAD_WORDS.test(words),
      furniture: FURNITURE_WORDS.test(words),
      lead: LEAD_WORDS.test(words),
      caption: CAPTION_WORDS.test(words),
      credit: CREDIT_WORDS.test(words),
    };
    if (names.length <= MAX_CACHED_NAME_CHARS) {
      if (verdictCache.size >= MAX_CACHED_NAMES) verdictCache.clear();
      verdictCache.set(names, verdict);
    }
  }
  return verdict;
}

/**
 * "socialShareBar c-article__share" → "social-share-bar c-article-share": class and id as lower-case words,
 * camelCase humps and underscores turned into dashes, taxonomy classes left out.
 */
export function classWords(element: Element): string {
  return nameVerdict(element).words;
}

// Tags whose class names describe the text inside, never a wrapper of the article.
const INLINE_TAGS = new Set([
  "a",
  "span",
  "b",
  "strong",
  "em",
  "i",
  "small",
  "time",
  "abbr",
  "font",
  "u",
  "sup",
  "sub",
]);

/** What the element's own markup says it is; computed once per element by the callers that cache it. */
export function roleOf(element: Element): ElementRole {
  const name = element.name;
  if (name === "html" || name === "body") return null;
  const itemprop = attr(element, "itemprop");
  if (itemprop === "articleBody" || itemprop === "reviewBody" || itemprop === "text") return "content";
  const names = nameVerdict(element);
  const inline = INLINE_TAGS.has(name);
  if (names.content && !inline) return "content";
  const role = attr(element, "role");
  if (name === "main" || role === "main") return null;
  // WordPress themes mark each comment up as an <article>, so the junk words still apply to it.
  if (names.junk) return "junk";
  if (name === "article") return null;
  if (FURNITURE_TAGS.has(name) || (role && FURNITURE_ROLES.test(role))) return "furniture";
  // Inside running text a span's class describes its words ("event-details-content-tags"), not page furniture.
  return names.furniture && !inline ? "furniture" : null;
}

/** The article's lead or standfirst, by itemprop=description or its class and id. */
export function isLead(element: Element): boolean {
  if (attr(element, "itemprop") === "description" && element.name !== "meta") return true;
  return nameVerdict(element).lead;
}
