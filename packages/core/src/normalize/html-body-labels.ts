// Headings and short lines are judged by their words here; the markup around them by html-boilerplate.

// Headings that open a section of page furniture inside the article's container ("Mehr zum Thema", "Related
// articles", "À lire aussi", "3 Kommentare"): the section they head is not the article. Whole-heading matches only,
// in the languages of the pages we see most. A lone "Kommentar" stays: German papers label opinion pieces so.
const SECTION_LABELS = [
  "related(?: articles?| stories| posts| content| news| coverage| topics| links| reading)?",
  "(?:you )?(?:may|might) (?:also )?(?:like|enjoy|be interested in)(?: this| these)?",
  "(?:read|see) (?:also|more|next)|also read|further reading|more (?:stories|news|articles|posts|from .{1,40}|on .{1,40})",
  "recommended(?: for you| reading| articles| stories)?|(?:most|more) (?:popular|read|viewed|shared|commented)",
  "popular (?:posts|stories|articles|now)|trending(?: now| stories)?|top stories|latest (?:news|posts|stories|articles)",
  "(?:\\d+ )?(?:comments|responses|replies)|(?:leave|post|add|write) a (?:comment|reply)|join the (?:discussion|conversation)",
  "share(?: this(?: article| post| story| page)?| the article)?|about the author|tags|filed under|newsletter",
  "(?:ähnliche|verwandte|passende) (?:artikel|beiträge|themen|nachrichten|news|meldungen|inhalte)",
  "mehr (?:zum thema|zu diesem thema|aus (?:de[mr] )?.{1,40}|von .{1,40}|artikel|news|nachrichten|beiträge)",
  "weitere (?:artikel|beiträge|meldungen|nachrichten|news|themen|informationen|infos|pressemitteilungen|links|inhalte)(?: .{1,40})?",
  "(?:noch )?mehr (?:infos?|informationen)(?: .{1,30})?|(?:zum |jetzt (?:zum )?)?newsletter (?:anmelden|abonnieren)",
  "kontakt|pressekontakt|ansprechpartner(?:in)?|contact(?: us)?",
  "weiterführende (?:informationen|links|artikel|inhalte)|auch interessant|lesen sie (?:auch|mehr)",
  "(?:das )?(?:thema )?könnte (?:sie|dich) (?:auch )?interessieren|(?:sie|du) könnte(?:n|st) auch an .{1,60} interessiert sein",
  "meistgelesen(?:e (?:artikel|beiträge))?|meist gelesen|top[- ]themen(?: der redaktion)?|beliebte (?:artikel|beiträge)",
  "(?:\\d+ )?kommentare|(?:schreib(?:e|en sie)|hinterlasse) einen kommentar|kommentar (?:schreiben|verfassen)|diskutieren sie mit",
  "(?:jetzt )?kommentieren|(?:jetzt )?mitdiskutieren|commenter|comentar",
  "(?:möchten sie )?(?:den |diesen |diese )?(?:artikel|beitrag|seite) (?:teilen|empfehlen|drucken)|teilen|über (?:den|die) autor(?:in)?",
  "schlagworte|schlagwörter|stichworte|war (?:dieser|der) (?:artikel|beitrag) (?:hilfreich|nützlich)",
  "wie (?:bewerten|gefällt) (?:sie|ihnen) (?:diese[nr]? )?(?:artikel|beitrag)|vorschau auf den nächsten artikel",
  "(?:à )?(?:lire|voir) aussi|sur le même (?:sujet|thème)|articles? (?:similaires|liés|connexes)|dans la même rubrique",
  "(?:les )?plus lus|(?:\\d+ )?commentaires|laisser un commentaire|partager(?: cet article)?|vous aimerez aussi",
  "(?:también )?(?:te|le) puede interesar|(?:noticias|artículos) relacionad[oa]s|lo más (?:leído|visto)|más noticias",
  "comentarios|compartir|lee (?:también|más)|leer más|articoli correlati|leggi anche|potrebbe interessarti|commenti",
  "veja também|leia também|gerelateerde artikelen|lees ook|reacties|(?:zobacz|czytaj) (?:także|też|również)|podobne artykuły|komentarze",
];
const SECTION_LABEL = new RegExp(`^(?:${SECTION_LABELS.join("|")})$`, "i");

/** "Mehr zum Thema:", "RELATED ARTICLES", "3 Kommentare »": a label that heads furniture, not article text. */
export function isFurnitureLabel(text: string): boolean {
  if (text.length > 80) return false;
  return SECTION_LABEL.test(text.replace(/^[\s›»>•|(-]+|[\s:.!?…›»>|)-]+$/g, ""));
}

// The label of an ad slot ("Anzeige", "- Werbung -", "Anzeige, enthält Affiliate-Links"): it marks that one slot,
// not the text after it, so only the line itself goes.
const AD_LABEL =
  /^[-–\s]*(?:anzeige|werbung|advertisement|advertising|publicité|publicidad|pubblicità|reklama|advertentie)\b[^.!?]{0,50}$/i;

export function isAdLabel(text: string): boolean {
  return text.length <= 60 && AD_LABEL.test(text);
}
