import { describe, expect, it } from "vitest";
import { detectLanguage, guessLanguage, primaryLanguage } from "./language";

describe("guessLanguage", () => {
  it.each([
    ["The central bank left its main interest rate unchanged on Tuesday.", "en"],
    ["Die Zentralbank hat den Leitzins am Dienstag unverändert gelassen.", "de"],
    ["La banque centrale a laissé son taux directeur inchangé mardi.", "fr"],
    ["El banco central dejó sin cambios su tipo de interés el martes.", "es"],
    ["La banca centrale ha lasciato invariato il tasso di interesse martedì.", "it"],
    ["O banco central manteve a taxa de juros inalterada na terça-feira.", "pt"],
    ["De centrale bank heeft de rente dinsdag ongewijzigd gelaten.", "nl"],
    ["Центральный банк во вторник оставил ключевую ставку без изменений.", "ru"],
    ["日本の首相は来週ワシントンを訪問し、大統領と会談する予定です。", "ja"],
    ["日本首相下周将访问华盛顿并与总统会谈。", "zh"],
    ["한국 대통령은 다음 주 일본을 방문할 예정이다.", "ko"],
  ])("%j → %s", (text, language) => {
    expect(guessLanguage(text)).toBe(language);
  });

  it("says nothing about a text too short to tell", () => {
    expect(guessLanguage("Trump")).toBeNull();
    expect(guessLanguage("12.03.2026 – 14:00")).toBeNull();
  });

  it("reads a long text", () => {
    const paragraph =
      "Der Bundestag hat am Donnerstag nach langer Debatte das neue Gesetz beschlossen. Die Opposition kündigte an, dagegen vor das Verfassungsgericht zu ziehen. ";
    expect(guessLanguage(paragraph.repeat(40))).toBe("de");
  });
});

describe("detectLanguage", () => {
  const german =
    "Ins Reparaturcafé kann jeder reparaturbedürftige Gegenstände bringen, um sie gemeinsam mit ehrenamtlichen Helfern wieder instand zu setzen. Das spart Geld und schont die Umwelt, denn viele Geräte landen sonst auf dem Müll. Die Veranstaltung findet jeden letzten Freitag im Monat statt, und eine Anmeldung ist nicht nötig.";

  it("keeps the declared language of a short or matching text", () => {
    expect(detectLanguage("Short teaser text", "fr")).toBe("fr");
    expect(detectLanguage(german, "de")).toBe("de");
  });

  it("overrules a template's lang attribute when a long text is clearly another language", () => {
    expect(detectLanguage(`${german} ${german}`, "en")).toBe("de");
  });

  it("detects the language when the page declares none", () => {
    expect(detectLanguage(german, null)).toBe("de");
  });
});

describe("primaryLanguage", () => {
  it("reads the primary subtag", () => {
    expect(primaryLanguage("en-US")).toBe("en");
    expect(primaryLanguage("de_DE")).toBe("de");
    expect(primaryLanguage("not a tag")).toBeNull();
  });
});
