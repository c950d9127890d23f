import { describe, expect, it } from "vitest";
import { normalize } from "./index";

const body =
  "The committee met on Tuesday to review the budget proposal, which would raise spending on schools and roads by a tenth over two years.";
const text = (value: string) => normalize({ kind: "text", text: value });

describe("photo captions in pasted text", () => {
  it("takes caption lines out of the body, with their credits", () => {
    const article = text(
      [
        "Budget Talks Stall in the Capital",
        "Photo: Lawmakers leave the chamber on Tuesday. © Jiji",
        body,
        "Banner photo: The finance minister speaks to reporters in Tokyo on March 3, 2026.",
        "© Kyodo",
        body,
        "Photograph: Kim Kyung-Hoon/Reuters",
        "Image source, Getty Images",
        "Image caption, The mayor at City Hall",
      ].join("\n\n"),
    );
    expect(article.title).toBe("Budget Talks Stall in the Capital");
    expect(article.paragraphs.map((p) => p.text)).toEqual([body, body]);
    expect(article.captions).toEqual([
      { text: "Lawmakers leave the chamber on Tuesday.", credit: "Jiji" },
      { text: "The finance minister speaks to reporters in Tokyo on March 3, 2026.", credit: "Kyodo" },
      { text: "Photograph: Kim Kyung-Hoon/Reuters", credit: "Kim Kyung-Hoon/Reuters" },
      { text: "The mayor at City Hall", credit: "Getty Images" },
    ]);
  });

  it("reads a lone credit as a caption of its own", () => {
    const article = text(`${body}\n\nPhoto: Reuters\n\n${body}`);
    expect(article.captions).toEqual([{ text: "Photo: Reuters", credit: "Reuters" }]);
  });

  it("keeps a note that mentions a photo, and lifts its caption", () => {
    const note =
      "(Originally published in Japanese. Banner photo: Voters queue in Osaka on February 8, 2026. © Jiji.)";
    const article = text(`${body}\n\n${note}`);
    expect(article.paragraphs.at(-1)).toMatchObject({ kind: "note", text: note });
    expect(article.captions).toEqual([
      { text: "Voters queue in Osaka on February 8, 2026.", credit: "Jiji" },
    ]);
  });

  it("leaves sentences that mention photos or agencies alone", () => {
    const sentence = "Photos of the meeting, released by Reuters, showed the two leaders shaking hands.";
    const article = text(`${body}\n\n${sentence}\n\nReuters`);
    expect(article.paragraphs.map((p) => p.text)).toEqual([body, sentence, "Reuters"]);
    expect(article.captions).toEqual([]);
  });
});
