import { readFileSync } from "node:fs";
import path from "node:path";
import {
  bandHashes,
  estimateSimilarity,
  exactSimilarity,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
} from "@parallax/core/dedupe";
import { dataRoot } from "./data";

/**
 * `pnpm bench:dedupe`: where the near-duplicate threshold sits, on data. Negatives are NewsWCL50's five
 * outlets reporting the same event in their own words (the closest non-duplicates a news corpus holds).
 * Positives are syndicated copies made from each article the way outlets republish wire copy: their own
 * header (kicker, byline, dateline) and footer (newsletter prompt, related links, copyright), a trimmed last
 * paragraph and light copy-editing.
 */
interface Entry {
  file: string;
  event: number;
  outlet: string;
}
const index = JSON.parse(readFileSync(path.join(dataRoot, "newswcl50/index.json"), "utf8")) as Entry[];
const texts = new Map(
  index.map((e) => [e.file, readFileSync(path.join(dataRoot, "newswcl50", e.file), "utf8")]),
);

function syndicate(text: string, variant: number): string {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  const kept = paragraphs.slice(0, Math.max(1, paragraphs.length - (variant % 3)));
  const edited = kept.map((p, i) =>
    i % 4 === variant % 4 ? p.replace(/\bsaid\b/g, "stated").replace(/\bPresident\b/g, "Pres.") : p,
  );
  const header = [
    `WIRE SERVICE ${variant} — Filed by Staff Reporter ${variant}`,
    "Share this article on social media. Follow us for the latest updates.",
  ];
  const footer = [
    "Sign up for our daily newsletter to get the top stories delivered to your inbox every morning.",
    `Copyright ${2018 + variant} Syndicate Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.`,
    "Related: more coverage of this story and others from our partners around the world.",
  ];
  return [...header, ...edited, ...footer].join("\n\n");
}

const negatives: number[] = [];
const positives: number[] = [];
const estimateErrors: number[] = [];
let lshHits = 0;
let lshFalse = 0;
const sharesBand = (a: string, b: string) => {
  const sa = minhashSignature(a)!;
  const sb = minhashSignature(b)!;
  estimateErrors.push(Math.abs(estimateSimilarity(sa, sb) - exactSimilarity(a, b)));
  const ba = bandHashes(sa);
  const bb = bandHashes(sb);
  return ba.some((h, i) => h === bb[i]);
};

for (const a of index) {
  for (const b of index) {
    if (a.file >= b.file || a.event !== b.event) continue;
    negatives.push(exactSimilarity(texts.get(a.file)!, texts.get(b.file)!));
    if (sharesBand(texts.get(a.file)!, texts.get(b.file)!)) lshFalse++;
  }
  for (let variant = 1; variant <= 3; variant++) {
    const copy = syndicate(texts.get(a.file)!, variant);
    positives.push(exactSimilarity(texts.get(a.file)!, copy));
    if (sharesBand(texts.get(a.file)!, copy)) lshHits++;
  }
}

const q = (xs: number[], p: number) =>
  [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const f = (x: number) => x.toFixed(3);
console.log("\nNear-duplicate threshold study (Jaccard of 5-word shingles)\n");
console.log("| pairs | n | min | p05 | median | p95 | max |");
console.log("|---|---|---|---|---|---|---|");
console.log(
  `| same event, different outlets (must not match) | ${negatives.length} | ${f(Math.min(...negatives))} | ${f(q(negatives, 0.05))} | ${f(q(negatives, 0.5))} | ${f(q(negatives, 0.95))} | ${f(Math.max(...negatives))} |`,
);
console.log(
  `| syndicated copies (must match) | ${positives.length} | ${f(Math.min(...positives))} | ${f(q(positives, 0.05))} | ${f(q(positives, 0.5))} | ${f(q(positives, 0.95))} | ${f(Math.max(...positives))} |`,
);
const caught = positives.filter((s) => s >= NEAR_DUPLICATE_THRESHOLD).length;
const wrong = negatives.filter((s) => s >= NEAR_DUPLICATE_THRESHOLD).length;
console.log(
  `\nthreshold ${NEAR_DUPLICATE_THRESHOLD}: ${caught}/${positives.length} copies found, ${wrong}/${negatives.length} different reports wrongly matched`,
);
console.log(
  `LSH candidates (32 bands x 3 rows): ${lshHits}/${positives.length} copies, ${lshFalse}/${negatives.length} different reports`,
);
console.log(
  `MinHash estimate vs exact Jaccard: mean abs error ${f(estimateErrors.reduce((a, b) => a + b, 0) / estimateErrors.length)}`,
);
