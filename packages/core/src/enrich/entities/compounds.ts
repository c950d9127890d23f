import { lookupPlace } from "./gazetteer";
import { looksEastAsian } from "./person-names";
import { isAcronym, isCapitalized, isCommonWord } from "./text";
import { hyphenParts, type Token } from "./tokens";

/** A word of a run after hyphen compounds are opened: "Japan-China" gives two units. */
export interface Unit {
  text: string;
  start: number;
  end: number;
  weak: boolean;
}

// "U.S.-led", "Reiwa-era": a capitalized name modifying a common word; the name part alone is kept.
const MODIFIER_TAILS = new Set(
  (
    "era led based backed born made owned linked run style like related focused oriented centric specific wide " +
    "bound friendly controlled funded sponsored allied aligned leaning dominated brokered type class level " +
    "area zone bloc years time period government administration"
  ).split(" "),
);

/** Opens hyphen compounds whose parts are known names ("Japan-US-ROK", "LDP-Ishin"); keeps "Jae-myung" whole. */
export function units(tokens: readonly Token[]): Unit[] {
  const out: Unit[] = [];
  for (const t of tokens) {
    const parts = hyphenParts(t);
    if (parts.length < 2 || lookupPlace(t.text)) {
      out.push({ text: t.text, start: t.start, end: t.end, weak: false });
      continue;
    }
    const tail = parts.at(-1)!;
    const known = (p: { text: string }) =>
      lookupPlace(p.text) !== null || (isAcronym(p.text) && p.text.length <= 6);
    // "U.S.-led", "Asylum-seekers", "Right-wing": a modifier of a common word. "Jae-in", "Jong-un" are names.
    const modifier =
      !isCapitalized(tail.text) &&
      (MODIFIER_TAILS.has(tail.text.toLowerCase()) ||
        (isCommonWord(tail.text) && !(parts[0]!.text.length <= 4 && looksEastAsian(t.text))));
    if (modifier) {
      for (const p of parts.slice(0, -1).filter((p) => isCapitalized(p.text)))
        out.push({ ...p, weak: !known(p) });
      continue;
    }
    // "Japan-US-ROK", "LDP-Ishin", "U.S.-North Korea": opened when it starts with a known name.
    const openable = known(parts[0]!) && parts.every((p) => isCapitalized(p.text));
    if (openable) for (const p of parts) out.push({ ...p, weak: false });
    else out.push({ text: t.text, start: t.start, end: t.end, weak: false });
  }
  return out;
}
