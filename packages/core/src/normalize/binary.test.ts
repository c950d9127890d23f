import { describe, expect, it } from "vitest";
import { encode, newsPage } from "./__fixtures__/charsets/samples";
import { detectBinary, detectBinaryText } from "./binary";

/** Bytes from numbers and latin1 strings, padded with `pad` zero bytes (real headers carry binary fields). */
function bytes(...values: (number | string)[]): Uint8Array {
  return Uint8Array.from(
    values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])),
  );
}
const zeros = (n: number) => new Array<number>(n).fill(0);

/** The first bytes of a zip whose first entry is `name` (a local file header, as every zip writer emits). */
function zip(name: string, ...rest: (number | string)[]): Uint8Array {
  return bytes("PK", 3, 4, 20, 0, ...zeros(20), name.length, 0, 0, 0, name, ...rest);
}

describe("detectBinary", () => {
  it.each<[string, Uint8Array]>([
    ["pdf", bytes("%PDF-1.7\n%", 0xe2, 0xe3)],
    ["png", bytes(0x89, "PNG\r\n", 0x1a, "\n", ...zeros(8))],
    ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF")],
    ["gif", bytes("GIF89a", 1, 0)],
    ["webp", bytes("RIFF", 0x24, 0, 0, 0, "WEBPVP8 ")],
    ["zip", zip("notes.txt")],
    ["docx", zip("[Content_Types].xml", "...", "word/document.xml")],
    ["xlsx", zip("[Content_Types].xml", "...", "xl/workbook.xml")],
    ["epub", zip("mimetype", "application/epub+zip")],
    ["gzip", bytes(0x1f, 0x8b, 8, 0)],
    ["bzip2", bytes("BZh91AY&SY", 0)],
    ["7z", bytes("7z", 0xbc, 0xaf, 0x27, 0x1c, 0, 4)],
    ["rar", bytes("Rar!", 0x1a, 0x07, 1, 0)],
    ["mp3", bytes("ID3", 4, 0, 0, 0, 0, 0x0f)],
    ["mp3", bytes(0xff, 0xfb, 0x90, 0x64)],
    ["mp4", bytes(0, 0, 0, 0x18, "ftypisom", 0, 0, 2, 0)],
    ["avif", bytes(0, 0, 0, 0x1c, "ftypavif", 0, 0, 0, 0)],
    ["ogg", bytes("OggS", 0, 2)],
    ["wasm", bytes(0, "asm", 1, 0, 0, 0)],
    ["elf", bytes(0x7f, "ELF", 2, 1, 1, 0)],
    ["exe", bytes("MZ", 0x90, 0, 3, 0, ...zeros(58), "PE")],
    ["sqlite", bytes("SQLite format 3", 0, 0x10, 0)],
    ["ms-office", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0)],
    ["binary", bytes("hello", 0, "world")],
  ])("names %s", (kind, sample) => {
    expect(detectBinary(sample)).toBe(kind);
  });

  it("leaves text that merely starts like a signature alone", () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(detectBinary(text("BZh, said nobody. Plain text here."))).toBeNull();
    expect(detectBinary(text("MZ Wallace opened a store in Tokyo on Tuesday, the company said."))).toBeNull();
    expect(detectBinary(bytes(0xff, 0xfb, 0xff, "not an mp3"))).toBeNull();
    expect(detectBinary(text("<!doctype html><p>hi</p>"))).toBeNull();
    expect(detectBinary(new Uint8Array())).toBeNull();
  });

  it("does not take UTF-16 text, with or without a byte order mark, for binary", () => {
    const page = newsPage("de");
    expect(detectBinary(encode(page, "utf-16le"))).toBeNull();
    expect(detectBinary(encode(page, "utf-16be"))).toBeNull();
    expect(detectBinary(encode(`\ufeff${page}`, "utf-16le"))).toBeNull();
    expect(detectBinary(bytes(0xfe, 0xff, 0, "h", 0, "i"))).toBeNull();
  });

  it("does not take legacy-encoded text for binary", () => {
    expect(detectBinary(encode(newsPage("ja"), "shift_jis"))).toBeNull();
    expect(detectBinary(encode(newsPage("ja"), "iso-2022-jp"))).toBeNull();
    expect(detectBinary(encode(newsPage("ru"), "windows-1251"))).toBeNull();
  });
});

describe("detectBinaryText", () => {
  it("names formats with ASCII magic from text that was decoded from them", () => {
    expect(detectBinaryText("%PDF-1.4\n%\ufffd\ufffd\ufffd\ufffd\n1 0 obj")).toBe("pdf");
    expect(detectBinaryText("PK\u0003\u0004\u0014\u0000\u0000\u0000[Content_Types].xml word/")).toBe("docx");
    expect(detectBinaryText("The committee met on Tuesday.")).toBeNull();
  });
});
