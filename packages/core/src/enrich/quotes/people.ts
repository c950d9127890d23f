import { stripTitles } from "./speaker";

/**
 * People named so far in the article, to read "he said" as the person it most likely is: the first person
 * named earlier in the same sentence, else the last one named before it. People are known by a title
 * ("Mr. Trump", "Prime Minister Takaichi Sanae") or by having spoken; later bare mentions of one of their
 * names ("Takaichi") count too.
 */

type Gender = "male" | "female" | null;

interface Person {
  name: string;
  /** Position in the article: paragraph index × 2^24 + offset, so positions of all paragraphs compare. */
  at: number;
  gender: Gender;
  speaker: boolean;
}

const TITLED =
  /(?<![\p{L}])(Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Pope|President|Prime[ \u00a0]+Minister|Minister|Secretary|Chancellor|Premier|Senator|Sen|Rep|Gov|Governor|General|Gen|Judge|Justice|Mayor)\.?[ \u00a0]+(\p{Lu}[\p{L}\p{M}'’-]*(?:[ \u00a0]+\p{Lu}[\p{L}\p{M}'’-]*){0,3})/gu;
const MALE = /^(?:Mr|Sir|Lord|King|Prince)$/;
const FEMALE = /^(?:Mrs|Ms|Miss|Dame|Lady|Queen|Princess)$/;

export const position = (paragraphIndex: number, offset: number) =>
  paragraphIndex * 2 ** 24 + Math.min(offset, 2 ** 24 - 1);

const CAPITALIZED = /(?<![\p{L}])\p{Lu}[\p{L}\p{M}-]{2,}/gu;

export class People {
  private readonly people: Person[] = [];
  /** Each word of a known person's name → that person ("Takaichi" → "Takaichi Sanae"), for later bare mentions. */
  private readonly byWord = new Map<string, { name: string; gender: Gender }>();

  /** Records the titled names of one paragraph ("Mr. Trump", "Prime Minister Takaichi Sanae"). */
  scan(text: string, paragraphIndex: number): void {
    for (const match of text.matchAll(TITLED)) {
      const title = match[1]!;
      const gender: Gender = MALE.test(title) ? "male" : FEMALE.test(title) ? "female" : null;
      const name = stripTitles(match[2]!);
      this.insert({ name, at: position(paragraphIndex, match.index), gender, speaker: false });
      this.learn(name, gender);
    }
    for (const match of text.matchAll(CAPITALIZED)) {
      const known = this.byWord.get(match[0]);
      if (known) this.insert({ ...known, at: position(paragraphIndex, match.index), speaker: false });
    }
  }

  addSpeaker(name: string, at: number): void {
    this.insert({ name, at, gender: null, speaker: true });
    this.learn(name, null);
  }

  /** Later mentions by surname ("Trump", "Takaichi") count; other words of a name ("Korea") would mislead. */
  private learn(name: string, gender: Gender): void {
    const parts = name.split(/[ \u00a0]+/);
    const surname = parts[parts.length - 1]!;
    if (surname.length >= 3 && !this.byWord.has(surname)) this.byWord.set(surname, { name, gender });
    // "Takaichi Sanae", "Xi Jinping": East Asian order puts the family name first.
    const first = parts[0]!;
    if (parts.length === 2 && first.length >= 2 && !this.byWord.has(first) && /^\p{Lu}\p{Ll}+$/u.test(first))
      this.byWord.set(first, { name, gender });
  }

  private sorted = 0;

  /** Appends; the list is put back in text order before the next look-up (one sort per paragraph). */
  private insert(person: Person): void {
    this.people.push(person);
  }

  private order(): void {
    if (this.sorted === this.people.length) return;
    const tail = this.people.slice(this.sorted).sort((a, b) => a.at - b.at);
    const last = this.people[this.sorted - 1];
    if (last && tail[0]!.at < last.at) this.people.sort((a, b) => a.at - b.at);
    else for (let i = 0; i < tail.length; i++) this.people[this.sorted + i] = tail[i]!;
    this.sorted = this.people.length;
  }

  /** Index of the first person at or after `at` (binary search: the list is kept in text order). */
  private firstAtOrAfter(at: number): number {
    let low = 0;
    let high = this.people.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.people[mid]!.at < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * The name a "he"/"she" at `at` stands for, or null: the first person of its own sentence, else the
   * speaker (or the first person) of the sentence before, else the nearest person named before it.
   */
  resolve(pronoun: string, at: number, sentenceStart: number, previousStart: number): string | null {
    const lower = pronoun.toLowerCase();
    if (lower !== "he" && lower !== "she") return null;
    this.order();
    const fits = (person: Person) =>
      person.at < at && (person.gender === null || person.gender === (lower === "he" ? "male" : "female"));
    let own: Person | null = null;
    let previous: Person | null = null;
    let previousSpeaker: Person | null = null;
    let nearest: Person | null = null;
    for (let i = this.firstAtOrAfter(at) - 1; i >= 0; i--) {
      const person = this.people[i]!;
      if (!fits(person)) continue;
      if (person.at >= sentenceStart) own = person;
      else if (person.at >= previousStart && previousStart < sentenceStart) {
        previous = person;
        if (person.speaker) previousSpeaker = person;
      } else {
        nearest ??= person;
        break;
      }
    }
    return (own ?? previousSpeaker ?? previous ?? nearest)?.name ?? null;
  }
}
