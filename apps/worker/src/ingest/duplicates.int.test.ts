import { getArticle } from "@parallax/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../__fixtures__/harness";

const WIRE = [
  "Rescue teams in the mountain province worked through the night on Sunday to reach villages cut off by the landslide that buried the main road after days of heavy rain.",
  "The provincial governor said at least 40 homes had been destroyed and that helicopters would begin dropping food and water at first light, weather permitting.",
  "Engineers warned that the slope above the road remained unstable and that more rain forecast for the week could trigger further collapses along the valley.",
  "Aid agencies said the priority was clean water, as the landslide had damaged the pipeline that supplies the district's largest town and its hospital.",
];

const page = (site: string, body: string[], extra = "") => `<!doctype html><html lang="en"><head>
<title>Landslide cuts off mountain villages | ${site}</title>${extra}</head><body>
<header><a href="/">${site}</a></header><article><h1>Landslide cuts off mountain villages</h1>
<p class="byline">By a ${site} correspondent</p>${body.map((p) => `<p>${p}</p>`).join("")}
<p>Follow ${site} for more coverage of this developing story and others from the region.</p></article>
<footer>© ${site}</footer></body></html>`;

const OWN_REPORT = [
  "Villagers in the valley told our reporter they had heard the hillside give way shortly before midnight, a roar that lasted nearly a minute.",
  "Several families spent the night in the school gymnasium, which volunteers opened after the power failed across the district.",
  "Local officials have not yet said how long it will take to clear the road, the only route in and out of the upper valley.",
];

let h: Harness;

beforeAll(async () => {
  h = await startHarness((req, res) => {
    const routes: Record<string, string> = {
      "/wire-a": page("Daily Ledger", WIRE),
      "/wire-b": page("Evening Courier", [
        ...WIRE.slice(0, 3),
        `${WIRE[3]} (Reporting by staff; editing by desk)`,
      ]),
      "/own": page("Valley Times", OWN_REPORT),
      "/story": page("Metro Post", OWN_REPORT.slice(0, 2).concat(WIRE.slice(0, 1))),
      "/story/amp": page(
        "Metro Post",
        OWN_REPORT.slice(0, 2).concat(WIRE.slice(0, 1)),
        '<link rel="canonical" href="/story">',
      ),
    };
    const body = req.url ? routes[req.url] : undefined;
    if (body) res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    else res.writeHead(404).end();
  });
  await h.startWorkers();
});

afterAll(() => h.close());

describe("duplicates", () => {
  it("stores syndicated wire copy with another outlet's header and footer as a duplicate of the first, linked both ways", async () => {
    const first = await h.api().article.submit({ url: `${h.origin}/wire-a` });
    expect((await h.waitForFinal(first.articleId)).status).toBe("ready");
    const copy = await h.api().article.submit({ url: `${h.origin}/wire-b` });
    const stored = await h.waitForFinal(copy.articleId);
    expect(stored.status).toBe("duplicate");
    expect(stored.duplicateOf).toBe(first.articleId);
    expect(stored.paragraphs.length).toBeGreaterThan(0);
    const original = await getArticle(h.db, first.articleId);
    expect(original?.duplicates.map((d) => d.id)).toEqual([copy.articleId]);
  });

  it("keeps a different report of the same event as its own article", async () => {
    const own = await h.api().article.submit({ url: `${h.origin}/own` });
    const stored = await h.waitForFinal(own.articleId);
    expect(stored.status).toBe("ready");
    expect(stored.duplicateOf).toBeNull();
  });

  it("maps an AMP copy to its canonical page: submitting the canonical URL afterwards finds the same article", async () => {
    const amp = await h.api().article.submit({ url: `${h.origin}/story/amp` });
    const stored = await h.waitForFinal(amp.articleId);
    expect(stored.canonicalUrl).toBe(`${h.origin}/story`);
    const canonical = await h.api().article.submit({ url: `${h.origin}/story?utm_medium=social` });
    expect(canonical).toMatchObject({ articleId: amp.articleId, created: false });
  });
});
