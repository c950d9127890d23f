import { describe, expect, it } from "vitest";
import { isCreditLine, toCaption } from "./html-captions";

describe("toCaption", () => {
  it("splits a credit from the end of a caption", () => {
    expect(toCaption("The harbour at dawn. Photo: Jane Doe")).toEqual({
      text: "The harbour at dawn.",
      credit: "Jane Doe",
    });
    expect(toCaption("Dock workers on strike (Foto: dpa)")).toEqual({
      text: "Dock workers on strike",
      credit: "dpa",
    });
    expect(toCaption("Ruins of the power plant (Reuters)")).toEqual({
      text: "Ruins of the power plant",
      credit: "Reuters",
    });
    expect(toCaption("Das Projektgebiet an der Aller | © E. Schwinge")).toEqual({
      text: "Das Projektgebiet an der Aller",
      credit: "E. Schwinge",
    });
  });

  it("keeps a credit-only line as its own text", () => {
    expect(toCaption("Bild: Keystone")).toEqual({ text: "Bild: Keystone", credit: "Keystone" });
  });

  it("prefers the credit the markup names, and drops image file names", () => {
    expect(toCaption("IMG_2041.jpg The pier at night", "Photo: Sato Haruki")).toEqual({
      text: "The pier at night",
      credit: "Sato Haruki",
    });
  });

  it("leaves a caption without a credit whole", () => {
    expect(toCaption("Cranes at the Maasvlakte terminal")).toEqual({
      text: "Cranes at the Maasvlakte terminal",
      credit: null,
    });
  });
});

describe("isCreditLine", () => {
  it("knows lines that are only a photo credit", () => {
    expect(isCreditLine("Foto: dpa")).toBe(true);
    expect(isCreditLine("© Reuters")).toBe(true);
    expect(isCreditLine("Photograph: AFP/Getty Images")).toBe(true);
    expect(
      isCreditLine("Photos of the strike spread quickly on social media, and the union used them."),
    ).toBe(false);
  });
});
