import { describe, expect, it } from "vitest";
import { readFixture } from "./__fixtures__/seeds";
import { NormalizeError, normalize } from "./index";

const html = (value: string) => normalize({ kind: "html", html: value });
const texts = (value: string) => html(value).paragraphs.map((p) => p.text);
const LONG = "The council approved the new harbour plan after a debate that lasted well into the evening.";
const OTHER = "Construction of the new quay is expected to start next spring and to take about three years.";

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof NormalizeError) return error.code;
    throw error;
  }
  return "no error";
}

describe("a German blog post in a WordPress theme", () => {
  const article = () => html(readFixture("german-blog.html"));

  it("reads the standfirst from the article header, then the body in order", () => {
    expect(article().paragraphs.map((p) => [p.kind, p.text.slice(0, 30)])).toEqual([
      ["paragraph", "Der Gemeinderat will ein Dritt"],
      ["paragraph", "Seit über hundert Jahren ist d"],
      ["paragraph", "Nun soll ein Drittel der Fläch"],
      ["heading", "Es gibt Alternativen"],
      ["paragraph", "Doch es gibt Flächen, die sich"],
      ["quote", "„Ein Park, der einmal bebaut i"],
      ["paragraph", "Der Gemeinderat sollte diese M"],
    ]);
  });

  it("drops cookie banner, share bar, newsletter box, related links, comments and sidebar", () => {
    const all = texts(readFixture("german-blog.html")).join("\n");
    for (const junk of [
      "Cookies",
      "teilen",
      "Newsletter",
      "Postfach",
      "Baumfällungen",
      "Kommentare",
      "Hund",
      "2015",
    ]) {
      expect(all).not.toContain(junk);
    }
  });

  it("is not misled by the post's category class 'category-kommentar' or the 'has-sidebar' layout", () => {
    expect(article().paragraphs.length).toBeGreaterThan(5);
  });
});

describe("layouts", () => {
  it("reads an old table layout with <br> paragraphs, and a data table as one line per row", () => {
    expect(texts(readFixture("layout-page.html"))).toEqual([
      expect.stringMatching(/^Entre la Loire et la Vilaine/),
      expect.stringMatching(/^Le travail commence au printemps/),
      expect.stringMatching(/^Un paludier récolte/),
      "Produit | Récolte",
      "Sel gris | Fond de l'œillet",
      "Fleur de sel | Surface de l'eau",
      expect.stringMatching(/^Pour visiter les marais/),
    ]);
  });

  it("finds the article inside an unclosed <header> that swallowed the page", () => {
    const page = `<body><header class="site"><a href="/">Home</a><div id="content"><article><p>${LONG}</p><p>${OTHER}</p></article></div></body>`;
    expect(texts(page)).toEqual([LONG, OTHER]);
  });

  it("finds the article whose wrapper a theme calls a sidebar when little text is left outside it", () => {
    const page = `<body><div class="lay-sidebar"><div class="sidebar__main"><section><p>${LONG}</p><p>${OTHER}</p></section></div></div><footer><p>Contact us</p></footer></body>`;
    expect(texts(page)).toEqual([LONG, OTHER]);
  });

  it("gathers an article split over several boxes under one parent", () => {
    const box = (text: string) => `<div class="box"><div class="inner"><p>${text}</p></div></div>`;
    const page = `<body><nav><a href="/">Home</a></nav><div class="col">${box(LONG)}<div class="spacer"></div>${box(OTHER)}${box(`${LONG} Again.`)}</div></body>`;
    expect(texts(page)).toEqual([LONG, OTHER, `${LONG} Again.`]);
  });

  it("takes the standfirst set apart above the body", () => {
    const page = `<body><article><header><h1>Harbour plan</h1><p class="article-intro">The harbour plan passed by one vote after a long night in the council chamber.</p></header><div class="article-body"><p>${LONG}</p><p>${OTHER}</p></div></article></body>`;
    expect(texts(page)[0]).toBe(
      "The harbour plan passed by one vote after a long night in the council chamber.",
    );
  });

  it("reads a page built with Elementor, whose every block is a 'widget'", () => {
    const widget = (text: string) =>
      `<div class="elementor-element elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>${text}</p></div></div>`;
    const page = `<body><div class="elementor"><section class="elementor-section"><div class="elementor-widget-wrap">${widget(LONG)}${widget(OTHER)}</div></section></div><div id="related_posts"><article><p>${LONG} Related.</p></article></div></body>`;
    expect(texts(page)).toEqual([LONG, OTHER]);
  });

  it("reads a forum thread, which is nothing but comments, when no other text is on the page", () => {
    const comment = (text: string) =>
      `<div class="comment"><div class="comment-text"><p>${text}</p></div></div>`;
    const page = `<body><nav><a href="/">Forum</a></nav><main><h1>Which ferry to take?</h1>${comment(LONG)}${comment(OTHER)}</main></body>`;
    expect(texts(page)).toEqual([LONG, OTHER]);
  });

  it("does not take another story's teaser summary above the article as its standfirst", () => {
    const teaser = `<ul class="strip"><li><a href="/x">Ferry back in April</a><p class="summary">The ferry to the island returns to its daily timetable after three months of repairs.</p></li></ul>`;
    const story = `<div class="story"><p>${LONG}</p><p>${OTHER}</p><p>${LONG} Again.</p><p>${OTHER} Again.</p></div>`;
    const page = `<body><div class="wrap">${teaser}${story}</div></body>`;
    expect(texts(page)[0]).toBe(LONG);
  });

  it("stops at a section label such as 'Mehr zum Thema' or 'À lire aussi' and resumes at real text", () => {
    const page = `<body><article><div class="text"><p>${LONG}</p><h3>Mehr zum Thema</h3><p><a href="/a">Hafen</a> – kurz notiert</p><p>Baustelle am Kai</p><p>${OTHER} ${OTHER}</p><h3>À lire aussi</h3><p>Le port de plaisance</p></div></article></body>`;
    expect(texts(page)).toEqual([LONG, `${OTHER} ${OTHER}`]);
  });

  it("takes the article under the page's title from a page that runs several whole articles", () => {
    const story = (title: string, text: string) =>
      `<article><h2>${title}</h2><p>${text}</p><p>${text} More.</p><p>${text} Even more.</p></article>`;
    const page = `<head><meta property="og:title" content="Quay works start"></head><body><main><div class="list">${story("Harbour plan passed", LONG)}${story("Quay works start", OTHER)}${story("Ferry back in April", LONG)}${story("Fish market reopens", LONG)}</div></main></body>`;
    expect(texts(page)).toEqual([OTHER, `${OTHER} More.`, `${OTHER} Even more.`]);
  });
});

describe("captions and end notes", () => {
  const article = () => html(readFixture("captions-page.html"));

  it("turns figcaptions, caption classes and photo-credit lines into captions with their credits", () => {
    expect(article().captions).toEqual([
      { text: "The ferry leaves Tadanoumi port at dusk.", credit: "Sato Haruki" },
      { text: "Ruins of the power plant that supplied the gas factory", credit: "Reuters" },
      { text: "Foto: Kyodo News", credit: "Kyodo News" },
    ]);
    const body = article()
      .paragraphs.map((p) => p.text)
      .join("\n");
    for (const caption of ["Tadanoumi", "power plant", "Kyodo"]) expect(body).not.toContain(caption);
  });

  it("takes a credit next to an image, not the site's copyright line", () => {
    const page = `<article><div class="media"><img src="a.jpg"><span class="credit">Jane Doe</span></div><p>${LONG}</p><p>${OTHER}</p><div class="copyright">© 2026 Harbour Review</div></article>`;
    expect(html(page).captions).toEqual([{ text: "Jane Doe", credit: "Jane Doe" }]);
  });

  it("marks the closing provenance line as a note, after the story's paragraphs", () => {
    const paragraphs = article().paragraphs;
    expect(paragraphs.map((p) => p.kind)).toEqual([
      "paragraph",
      "paragraph",
      "paragraph",
      "paragraph",
      "note",
    ]);
    expect(paragraphs.at(-1)!.text).toMatch(/^\(Originally published in Japanese/);
  });

  it("marks an editor's note anywhere, and leaves ordinary closing lines alone", () => {
    const page = `<article><p>Editor's note: This story was updated to correct the date of the vote.</p><p>${LONG}</p><p>${OTHER}</p></article>`;
    expect(html(page).paragraphs.map((p) => p.kind)).toEqual(["note", "paragraph", "paragraph"]);
  });
});

describe("pages without an article", () => {
  for (const fixture of ["home-page.html", "section-page.html", "tag-page.html", "search-page.html"]) {
    it(`answers no-article for ${fixture}`, () => {
      expect(errorCode(() => html(readFixture(fixture)))).toBe("no-article");
    });
  }

  it("finds a short article under its headline above a bigger grid of teasers", () => {
    const teaser = (i: number) =>
      `<div class="item"><h3><a href="/s${i}">Another story from the harbour number ${i}</a></h3><p>A summary of another story that the grid shows under its headline, two lines long.</p></div>`;
    const page = `<head><title>Harbour plan passed | Coast News</title></head><body><div class="story"><h1>Harbour plan passed</h1><p>${LONG}</p><p>${OTHER}</p></div><div class="grid">${[1, 2, 3, 4, 5, 6].map(teaser).join("")}</div></body>`;
    expect(texts(page)).toEqual([LONG, OTHER]);
  });

  it("still reads an article that ends with a list of related headlines", () => {
    const related = [1, 2, 3, 4, 5]
      .map((i) => `<h3><a href="/${i}">Another story headline number ${i}</a></h3>`)
      .join("");
    const page = `<body><div class="story"><p>${LONG}</p><p>${OTHER}</p><p>${LONG} Again.</p>${related}</div></body>`;
    expect(texts(page)).toEqual([LONG, OTHER, `${LONG} Again.`]);
  });
});
