import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zNormalizedArticle } from "@parallax/core/schemas";
import { afterAll, describe, expect, it } from "vitest";
import { CAIXIN, jsonLines, NIPPON, ROOT, runCli } from "../__fixtures__/cli";

const NEWS_PAGE = join(ROOT, "packages/core/src/normalize/__fixtures__/news-page.html");
// The public contract: the issue-2 fields first, the extraction-engine fields beside them.
const FIELDS = Object.keys(zNormalizedArticle.shape);
const CONTRACT_V1 = [
  "title",
  "titleSource",
  "byline",
  "publishedAt",
  "siteName",
  "language",
  "canonicalUrl",
  "paragraphs",
];
const TIMEOUT = 60_000;

const scratch = mkdtempSync(join(tmpdir(), "parallax-extract-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cli = (args: string[], stdin?: string | Buffer) => runCli(["extract", ...args], stdin);

describe("parallax extract --json", () => {
  it(
    "prints exactly one NormalizedArticle line for the Caixin seed",
    async () => {
      const run = await cli([CAIXIN, "--json"]);
      expect(run.code).toBe(0);
      expect(run.stdout.endsWith("\n")).toBe(true);
      const lines = jsonLines(run.stdout);
      expect(lines).toHaveLength(1);
      expect(Object.keys(lines[0]!)).toEqual(FIELDS);
      expect(FIELDS).toEqual(
        expect.arrayContaining([
          ...CONTRACT_V1,
          "genre",
          "modifiedAt",
          "authors",
          "captions",
          "digest",
          "duplicateOf",
        ]),
      );
      const article = zNormalizedArticle.parse(lines[0]);
      expect(article.title).toBe(
        "Analysis: Japan’s New Leader Navigates a High-Stakes Balancing Act Between China and the U.S.",
      );
      expect(article.titleSource).toBe("explicit");
      expect(article.paragraphs).toHaveLength(35);
    },
    TIMEOUT,
  );

  it(
    "keeps argument order, reports failures on their own line and exits 1",
    async () => {
      const pdf = join(scratch, "paper.pdf");
      writeFileSync(pdf, "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n");
      const empty = join(scratch, "empty.txt");
      writeFileSync(empty, "  \n");
      const missing = join(scratch, "missing.txt");
      const run = await cli([NIPPON, pdf, missing, empty, CAIXIN, "--json"]);
      expect(run.code).toBe(1);
      const lines = jsonLines(run.stdout);
      expect(lines).toHaveLength(5);
      expect(lines[0]).toMatchObject({ publishedAt: "2026-03-12T00:00:00.000Z", titleSource: "derived" });
      expect(lines[1]).toEqual({ file: pdf, error: "unsupported content (pdf)" });
      expect(lines[2]).toEqual({ file: missing, error: "no such file" });
      expect(lines[3]).toEqual({ file: empty, error: "empty document" });
      expect((lines[4]!.paragraphs as unknown[]).length).toBe(35);
    },
    TIMEOUT,
  );

  it(
    "reads HTML from standard input and applies --url, --title and --published-at",
    async () => {
      const run = await cli(
        [
          "-",
          "--json",
          "--url",
          "https://harbourtimes.example/x?utm_campaign=y",
          "--title",
          "Given Title",
          "--published-at",
          "2026-04-01",
        ],
        readFileSync(NEWS_PAGE),
      );
      expect(run.code).toBe(0);
      const [article] = jsonLines(run.stdout);
      expect(article).toMatchObject({
        title: "Given Title",
        titleSource: "explicit",
        publishedAt: "2026-04-01T00:00:00.000Z",
        siteName: "The Harbour Times",
        url: "https://harbourtimes.example/x?utm_campaign=y",
        canonicalUrl: "https://harbourtimes.example/world/port-strike?ref=canonical",
      });
    },
    TIMEOUT,
  );

  it(
    "decodes Windows-1252 text that is not valid UTF-8",
    async () => {
      const file = join(scratch, "legacy.txt");
      const text =
        "Caf\u00e9 owners in Lyon said on Monday that rents had doubled in five years, forcing many to close.";
      writeFileSync(file, Buffer.from(text, "latin1"));
      const run = await cli([file, "--json"]);
      expect(run.code).toBe(0);
      expect((jsonLines(run.stdout)[0]!.paragraphs as { text: string }[])[0]!.text).toBe(text);
    },
    TIMEOUT,
  );

  it(
    "refuses a malformed --published-at or --url before reading anything",
    async () => {
      const badDate = await cli([CAIXIN, "--json", "--published-at", "12/03/2026"]);
      expect(badDate.code).not.toBe(0);
      expect(badDate.stdout).toBe("");
      expect(badDate.stderr).toContain("--published-at");
      const badUrl = await cli([CAIXIN, "--json", "--url", "ftp://example.com/a"]);
      expect(badUrl.code).not.toBe(0);
      expect(badUrl.stderr).toContain("--url");
    },
    TIMEOUT,
  );
});

describe("parallax extract (plain text)", () => {
  it(
    "renders the title, metadata and numbered paragraphs with headings marked",
    async () => {
      const run = await cli([NIPPON]);
      expect(run.code).toBe(0);
      const lines = run.stdout.split("\n");
      expect(lines[0]).toMatch(/^Fresh off of a resounding victory/);
      expect(run.stdout).toContain("  published: 2026-03-12T00:00:00.000Z");
      expect(run.stdout).toContain(" 2  ## New Mandate for Japan’s First Female Prime Minister");
      expect(run.stdout).toMatch(/\n29 {2}\(Originally published in Japanese\./);
    },
    TIMEOUT,
  );
});
