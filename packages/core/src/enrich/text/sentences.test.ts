import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("keeps abbreviations, initials and decimals inside sentences", () => {
    const text =
      "U.S. President Donald Trump met Mr. Kim on Tuesday. Growth was 3.5% in Q1. J. Smith said so! Then what?";
    expect(splitSentences(text, 1).map((s) => s.text)).toEqual([
      "U.S. President Donald Trump met Mr. Kim on Tuesday.",
      "Growth was 3.5% in Q1.",
      "J. Smith said so!",
      "Then what?",
    ]);
  });

  it("ends a sentence after an abbreviation when a new sentence clearly starts", () => {
    const text = "Tensions rose with the U.S. The next day, talks resumed.";
    expect(splitSentences(text, 2).map((s) => s.text)).toEqual([
      "Tensions rose with the U.S.",
      "The next day, talks resumed.",
    ]);
  });

  it("gives offsets into the paragraph and keeps closing quotes with their sentence", () => {
    const text = "“We will win,” she said. “We must.” Then silence.";
    const sentences = splitSentences(text, 3);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(sentences.map((s) => s.text));
    expect(sentences.map((s) => s.text)).toEqual(["“We will win,” she said.", "“We must.”", "Then silence."]);
  });

  it("splits Chinese and Japanese at full stops", () => {
    expect(splitSentences("高市首相は訪米する。会談は19日だ。", 1)).toHaveLength(2);
  });
});
