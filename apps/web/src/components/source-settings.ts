import type { FieldIssue } from "./client-errors";

export interface SettingsFields {
  country: string;
  perspective: string;
  /** One section name or URL path prefix per line. */
  opinionSections: string;
}

export type SettingsErrors = Partial<Record<keyof SettingsFields, string>>;

export function sectionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The API's zod issues as messages on the form's three fields ("opinionSections.3" is line 4 of the box). */
export function settingsErrors(issues: readonly FieldIssue[]): { fields: SettingsErrors; general: string[] } {
  const fields: SettingsErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const [head, index] = issue.path.split(".");
    if (head === "country" || head === "perspective") fields[head] ??= issue.message;
    else if (head === "opinionSections")
      fields.opinionSections ??=
        index === undefined ? issue.message : `Line ${Number(index) + 1}: ${issue.message}`;
    else general.push(issue.message);
  }
  return { fields, general };
}

/** What the browser can check before sending; the server checks again with the same rules (zSourceSettings). */
export function checkSettings(fields: SettingsFields): SettingsErrors {
  const errors: SettingsErrors = {};
  const country = fields.country.trim();
  if (country && !/^[A-Za-z]{2}$/.test(country))
    errors.country = "Use the two-letter ISO 3166 code, such as JP or GB, or leave it empty.";
  if (fields.perspective.trim().length > 80) errors.perspective = "The perspective is at most 80 characters.";
  const lines = sectionLines(fields.opinionSections);
  if (lines.length > 20) errors.opinionSections = `At most 20 opinion sections (there are ${lines.length}).`;
  const long = lines.findIndex((line) => line.length > 80);
  if (long >= 0 && !errors.opinionSections)
    errors.opinionSections = `Line ${long + 1}: an opinion section is at most 80 characters.`;
  return errors;
}
