import { describe, expect, it } from "vitest";
import { authorsFrom, splitAuthors } from "./byline";

describe("splitAuthors", () => {
  it.each([
    ["By Jane Doe and John Roe", ["Jane Doe", "John Roe"]],
    ["Jane Doe, John Roe & Max Mustermann", ["Jane Doe", "John Roe", "Max Mustermann"]],
    ["Von Moritz Wichmann", ["Moritz Wichmann"]],
    ["Par Jean Dupont et Marie Curie", ["Jean Dupont", "Marie Curie"]],
    ["Por Juan Pérez y María López", ["Juan Pérez", "María López"]],
    ["By Anna de Vries | March 12, 2026", ["Anna de Vries"]],
    ["Von Christian am 03.05.2013, 11:51", ["Christian"]],
    ["BY JANE DOE", ["JANE DOE"]],
    ["https://www.facebook.com/someone", []],
    ["Updated 5 min read", []],
  ])("%j → %j", (text, names) => {
    expect(splitAuthors(text)).toEqual(names);
  });
});

describe("authorsFrom", () => {
  it("takes the first source that names someone, without duplicates", () => {
    expect(
      authorsFrom({
        structured: ["Jonas Weber", "Mia Braun", "Jonas Weber"],
        meta: ["Someone Else"],
        markup: [],
        bylines: [],
      }),
    ).toEqual(["Jonas Weber", "Mia Braun"]);
    expect(
      authorsFrom({
        structured: [],
        meta: [undefined, "https://facebook.com/x"],
        markup: ["Anna de Vries"],
        bylines: ["By Someone Else"],
      }),
    ).toEqual(["Anna de Vries"]);
  });
});
