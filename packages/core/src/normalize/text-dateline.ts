/** A wire-style location dateline opening a lead: "TOKYO (Reuters) -", "BEIJING, March 12 (Xinhua) --". */
export interface LocationDateline {
  /** "TOKYO", "SEOUL, South Korea". */
  place: string;
  /** "Reuters", "AP"; null for "WASHINGTON —". */
  agency: string | null;
  /** The lead after the dash; "" when the dateline stands on a line of its own. */
  rest: string;
}

// An all-caps place ("NEW YORK", "SÃO PAULO"), or a capitalized one when an agency follows ("Tokyo (Kyodo)");
// then an optional region (", South Korea", ", Calif."), day (", March 12") and agency, then a dash. Every
// part is bounded, and the pattern runs on the line's first 120 characters only.
const PLACE_CAPS = String.raw`\p{Lu}[\p{Lu}\p{M}.'’ -]{1,30}?`;
const PLACE_ANY = String.raw`\p{Lu}[\p{L}\p{M}.'’ -]{1,30}?`;
const REGION = String.raw`(?:, \p{Lu}[\p{L}.]{1,15}(?: \p{Lu}[\p{L}.]{1,15})?)?`;
const DAY = String.raw`(?:, (?:\p{L}{3,9}\.? \d{1,2}|\d{1,2} \p{L}{3,9}\.?))?`;
const AGENCY = String.raw`\(([\p{L}][\p{L}\p{M} .&'’-]{1,30})\)`;
const DASH = String.raw`\s*(?:--|[-–—])(?:\s+|$)`;
const WITH_AGENCY = new RegExp(`^(${PLACE_ANY}${REGION})${DAY}\\s*${AGENCY}${DASH}`, "u");
const WITHOUT_AGENCY = new RegExp(`^(${PLACE_CAPS}${REGION})${DAY}${DASH}`, "u");

/**
 * The location dateline at the start of a line, if any. It stays part of the paragraph (it is how the story
 * is printed); recognising it keeps "WASHINGTON —" on a line of its own from becoming a heading or a kicker.
 */
export function matchLocationDateline(line: string): LocationDateline | null {
  const head = line.slice(0, 120);
  if (!/^\p{Lu}/u.test(head) || !/[-–—]/.test(head)) return null;
  const withAgency = WITH_AGENCY.exec(head);
  const m = withAgency ?? WITHOUT_AGENCY.exec(head);
  if (!m) return null;
  const place = m[1]!.trim();
  // "A —" or "US —" is a list marker or an abbreviation, not a place; all-caps places have a vowel-bearing word.
  if (place.replace(/[^\p{L}]/gu, "").length < 3) return null;
  if (!withAgency && !/\p{Lu}{3}/u.test(place)) return null;
  return { place, agency: withAgency ? m[2]!.trim() : null, rest: line.slice(m[0].length).trim() };
}
