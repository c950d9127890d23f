import { type Element, isTag } from "domhandler";
import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { classWords, isLead, roleOf } from "./html-boilerplate";
import { isAdLabel, isFurnitureLabel } from "./html-body-labels";

function element(markup: string): Element {
  const node = parseDocument(markup).children[0];
  if (!node || !isTag(node)) throw new Error(`not an element: ${markup}`);
  return node;
}
const role = (markup: string) => roleOf(element(markup));

describe("roleOf", () => {
  it("reads class and id words across camelCase, BEM and underscores", () => {
    expect(classWords(element(`<div class="socialShareBar c-article__share" id="Main_Nav">`))).toBe(
      "social-share-bar c-article-share main-nav",
    );
    expect(role(`<div class="socialShareBar">`)).toBe("furniture");
    expect(role(`<div id="comments">`)).toBe("junk");
    expect(role(`<section class="jp-relatedposts">`)).toBe("junk");
    expect(role(`<div class="BorlabsCookie">`)).toBe("junk");
  });

  it("matches whole words only", () => {
    expect(role(`<div class="shareholders">`)).toBeNull();
    expect(role(`<div class="headline">`)).toBeNull();
    expect(role(`<div class="navigator-stories">`)).toBeNull();
  });

  it("ignores the categories and tags a CMS writes into a post's classes", () => {
    expect(role(`<div class="post category-der-kommentar tag-social-media tag-newsletter">`)).toBeNull();
  });

  it("names the article body by itemprop and by content classes in several schemes", () => {
    for (const markup of [
      `<div itemprop="articleBody">`,
      `<div class="entry-content">`,
      `<div class="single-entry-content">`,
      `<div class="c-article-body">`,
      `<div class="articleBody">`,
      `<div class="news-text-wrap">`,
      `<section class="post__content">`,
    ]) {
      expect(role(markup)).toBe("content");
    }
  });

  it("treats landmarks and layout tags as furniture, <main> and <article> as neither", () => {
    expect(role("<nav>")).toBe("furniture");
    expect(role("<aside>")).toBe("furniture");
    expect(role(`<div role="complementary">`)).toBe("furniture");
    expect(role("<main>")).toBeNull();
    expect(role(`<article class="post">`)).toBeNull();
    expect(role(`<article class="comment-body">`)).toBe("junk");
  });
});

describe("isLead", () => {
  it("knows standfirsts by itemprop and class", () => {
    expect(isLead(element(`<p itemprop="description">`))).toBe(true);
    expect(isLead(element(`<p class="lead">`))).toBe(true);
    expect(isLead(element(`<div class="article-intro">`))).toBe(true);
    expect(isLead(element(`<div class="leading-edge">`))).toBe(false);
    expect(isLead(element(`<meta itemprop="description">`))).toBe(false);
  });
});

describe("isFurnitureLabel", () => {
  it("knows the labels of related, comment and share sections in several languages", () => {
    for (const label of [
      "Related articles",
      "Mehr zum Thema:",
      "Das könnte Sie auch interessieren",
      "Weiterführende Informationen",
      "À lire aussi",
      "Noticias relacionadas",
      "12 Kommentare",
      "Leave a comment",
      "Diese Seite teilen",
      "Weitere Beiträge aus der Kolumne:",
      "Zum Newsletter anmelden",
    ]) {
      expect(isFurnitureLabel(label)).toBe(true);
    }
  });

  it("leaves headings of article text alone, including a German opinion label", () => {
    for (const heading of ["Kommentar", "Shipping lines divert to Antwerp", "Mehr Geld für Schulen"]) {
      expect(isFurnitureLabel(heading)).toBe(false);
    }
  });
});

describe("isAdLabel", () => {
  it("knows the labels of ad slots, which mark only the slot", () => {
    for (const label of ["Anzeige", "- Werbung -", "ADVERTISEMENT", "Anzeige, enthält Affiliate Links"]) {
      expect(isAdLabel(label)).toBe(true);
    }
    expect(isAdLabel("Anzeigen gegen Unbekannt wurden am Montag erstattet.")).toBe(false);
    expect(isFurnitureLabel("Anzeige")).toBe(false);
  });
});
