import { describe, expect, it } from "vitest";
import { normalize } from "./index";

const body =
  "The committee met on Tuesday to review the budget proposal, which would raise spending on schools and roads by a tenth over two years.";
const text = (value: string) => normalize({ kind: "text", text: value });

describe("end notes", () => {
  it.each([
    "(Originally published in Japanese. Banner photo: The prime minister in Tokyo. © Jiji.)",
    "Editor’s note: This article has been updated to correct the date of the vote.",
    "This article first appeared in The Conversation and is republished under a Creative Commons license.",
    "A version of this article appeared in print on March 13, 2026.",
    "Reporting by Kantaro Komiya; Editing by Gerry Doyle",
    "(Reporting by Jane Doe in Tokyo; Additional reporting by John Roe)",
    "Jane Doe in Seoul contributed to this report.",
    "Correction: An earlier version of this story misstated the mayor's name.",
    "(Translated from the Japanese by Jane Doe.)",
    "(Corrects paragraph 3 to show the vote was on Tuesday)",
  ])("makes %j a note", (note) => {
    const article = text(`${body}\n\n${body}\n\n${note}`);
    expect(article.paragraphs.at(-1)).toMatchObject({ n: 3, kind: "note", text: note });
  });

  it("recognises an editor's note above the story too", () => {
    const article = text(`Editor's note: This story contains graphic descriptions.\n\n${body}`);
    expect(article.paragraphs.map((p) => p.kind)).toEqual(["note", "paragraph"]);
  });

  it("makes an author biography a note only at the end", () => {
    const bio = "The author is a professor of international relations at Keio University.";
    expect(text(`${body}\n\n${body}\n\n${bio}`).paragraphs.at(-1)!.kind).toBe("note");
    const review = text(`${bio}\n\n${body}\n\n${body}\n\n${body}\n\n${body}`);
    expect(review.paragraphs[0]!.kind).toBe("paragraph");
  });

  it.each([
    "Reporting by The New York Times showed that the ministry had known of the problem for years.",
    "The report was published by the IMF on Tuesday and warned of slowing growth in the region.",
    "This article of the constitution was first adopted in 1947 and has never been amended since.",
  ])("leaves news sentences such as %j alone", (sentence) => {
    expect(text(`${body}\n\n${sentence}`).paragraphs.at(-1)!.kind).toBe("paragraph");
  });
});
