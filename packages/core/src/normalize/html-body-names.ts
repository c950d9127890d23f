/**
 * What class and id names say about an element, as bit flags. Names are judged by whole words, not substrings
 * ("shareholders" is not "share", "headline" holds no "ad"): class and id split at spaces, dashes, underscores and
 * camelCase humps ("socialShareBar" → social share bar), so BEM and CMS names match too, and two- and three-word
 * compounds ("author-box", "screen-reader-text") match as words in a row.
 */
export const JUNK = 1;
/** Junk that is a thread of readers' comments. */
export const THREAD = 2;
export const FURNITURE = 4;
export const CONTENT = 8;
export const LEAD = 16;
export const CAPTION = 32;
export const CREDIT = 64;

const WORD_BITS = new Map<string, number>();
// First words of the compounds: only after one of these is the next word joined to look a compound up.
const COMPOUND_STARTS = new Set<string>();

function words(list: string, bits: number): void {
  for (const word of list.trim().split(/\s+/)) {
    WORD_BITS.set(word, (WORD_BITS.get(word) ?? 0) | bits);
    const dash = word.indexOf("-");
    if (dash > 0) {
      COMPOUND_STARTS.add(word.slice(0, dash));
      const second = word.indexOf("-", dash + 1);
      if (second > 0) COMPOUND_STARTS.add(word.slice(0, second));
    }
  }
}

// Words that no wrapper of an article carries. From trafilatura's discard list, Readability's unlikelyCandidates
// and looking at pages in German, French, Spanish, Italian, Dutch and Polish.
words(
  `cookie cookies cookiebanner cookieconsent consent gdpr cmp borlabs usercentrics didomi
  newsletter newsletters subscribe subscription subscriptions signup abonnieren abonnement
  related relatedposts related-posts jp-relatedposts yarpp recommended recommendations empfehlungen
  outbrain taboola plista ligatus zergnet webform rating ratings post-ratings star-rating
  sr-only screen-reader-text visually-hidden visuallyhidden element-invisible`,
  JUNK,
);
// Readers' comments: junk beside an article, but all there is on a forum thread or a guestbook page.
words(
  `comment comments commentlist commentaires commentaire kommentar kommentare komentarze comentarios commenti
  reacties disqus respond replies`,
  JUNK | THREAD,
);
// Furniture, and small widgets (share bars, breadcrumbs) whose names some themes also give to the article's
// wrapper ("entry share", "docked-sharebar-content"): dropped only when they do not hold most of the page's text.
words(
  `nav navbar navigation navi menu menubar mainmenu submenu topbar toolbar skip skiplink jump
  sidebar side-bar sidebars seitenleiste widgets widget-area masthead footer fusszeile pied
  banner popup modal overlay lightbox dialog login
  ad ads adv advert adverts advertisement advertising adslot adsense adunit anzeige anzeigen werbung publicite pub
  sponsor sponsored promo promotion promoted teaser-list
  tag tags tag-list taglist keywords contact contactbox kontakt schlagworte topics trending popular mostpopular
  most-popular meistgelesen byline post-meta entry-meta article-meta meta-data metadata postmetadata entry-footer
  post-footer share shares sharing sharebar shareblock sharethis shariff addthis social socials sociable
  socialmedia teilen partager breadcrumb breadcrumbs pagination pager postnav print-button tagcloud
  authorbox author-box author-bio about-author`,
  FURNITURE,
);
// The standfirst: the lead paragraph that layouts set apart from the body, above or beside it.
words(
  `lead leader lede intro introduction standfirst summary abstract chapo chapeau dek deck subtitle sub-title
  subheadline subhead excerpt entradilla bajada sommario teaser-text article-teaser news-teaser article-intro`,
  LEAD,
);
words(
  `caption captions figcaption wp-caption-text image-caption photo-caption img-caption media-caption caption-text
  bildunterschrift bildtext legende legend didascalie pie-de-foto pie-foto didascalia onderschrift podpis`,
  CAPTION,
);
words(
  `credit credits copyright photographer photo-credit image-credit imagecredit attribution fotograf bildquelle
  bildnachweis quelle-bild photo-source image-source foto-credit`,
  CREDIT,
);
// The article text itself, from trafilatura's BODY_XPATH and common CMS themes: "entry-content", "articleBody",
// "post-text", "story-body", "news-text", "rich-text", in either spelling.
const CONTENT_FIRST =
  "article post entry story news blog artikel beitrag single text body detail nota noticia";
const CONTENT_SECOND = "body content text copy inhalt txt entry texto cuerpo";
for (const first of CONTENT_FIRST.split(" ")) {
  for (const second of CONTENT_SECOND.split(" ")) words(`${first}${second} ${first}-${second}`, CONTENT);
}
words("fulltext richtext rich-text the-content cuerpo", CONTENT);

// WordPress and other CMSes put the post's categories, tags and format into its classes ("category-der-kommentar",
// "tag-social-media"): words the author chose, not the layout. A class starting so is skipped whole.
const TAXONOMY = new Set(
  "category tag tags type format status postid term tax topic rubrik ressort post-id page-id".split(" "),
);

function isTaxonomy(parts: readonly string[]): boolean {
  if (parts.length < 2) return false;
  return TAXONOMY.has(parts[0]!) || (parts.length > 2 && TAXONOMY.has(`${parts[0]}-${parts[1]}`));
}

function lookUp(parts: readonly string[]): number {
  if (isTaxonomy(parts)) return 0;
  let bits = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    bits |= WORD_BITS.get(part) ?? 0;
    if (i + 1 < parts.length && COMPOUND_STARTS.has(part)) {
      const pair = `${part}-${parts[i + 1]}`;
      bits |= WORD_BITS.get(pair) ?? 0;
      if (i + 2 < parts.length && COMPOUND_STARTS.has(pair))
        bits |= WORD_BITS.get(`${pair}-${parts[i + 2]}`) ?? 0;
    }
  }
  return bits;
}

/**
 * The words of one class list or id, as lists of dash-separated parts per class: lower case, camelCase humps and
 * underscores made dashes. One pass over the characters; this runs for every new name on every page.
 */
export function nameParts(names: string): string[][] {
  const tokens: string[][] = [];
  let parts: string[] = [];
  let part = "";
  let previous = 0;
  for (let i = 0; i <= names.length; i++) {
    const code = i < names.length ? names.charCodeAt(i) : 32;
    const space = code <= 32;
    const dash = code === 45 || code === 95;
    const upper = code >= 65 && code <= 90;
    // A capital after a lower-case letter or digit starts a new word: "socialShareBar".
    const hump = upper && ((previous >= 97 && previous <= 122) || (previous >= 48 && previous <= 57));
    if ((space || dash || hump) && part) {
      parts.push(part);
      part = "";
    }
    if (space) {
      if (parts.length > 0) tokens.push(parts);
      parts = [];
    } else if (!dash) part += upper ? String.fromCharCode(code + 32) : names[i]!.toLowerCase();
    previous = space ? 0 : code;
  }
  return tokens;
}

// Pages repeat a few hundred names thousands of times; each is judged once. The cache is emptied when full, and
// long names are not kept, so a hostile page with millions of distinct names cannot grow it without bound.
const MAX_CACHED_NAMES = 20_000;
const MAX_CACHED_NAME_CHARS = 200;
const cache = new Map<string, number>();

/** The flags a class list or an id carries. */
export function judgeNames(names: string): number {
  const cached = cache.get(names);
  if (cached !== undefined) return cached;
  let bits = 0;
  for (const parts of nameParts(names)) bits |= lookUp(parts);
  if (names.length <= MAX_CACHED_NAME_CHARS) {
    if (cache.size >= MAX_CACHED_NAMES) cache.clear();
    cache.set(names, bits);
  }
  return bits;
}
