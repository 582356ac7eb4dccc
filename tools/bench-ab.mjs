// A/B speed of two wasm builds of ours (e.g. before and after a change), interleaved page by
// page on the scrapinghub pages so that machine noise hits both alike; prints each build's
// median ms/page and the median of per-page time ratios A/B (above 1: B is faster).
// usage: node tools/bench-ab.mjs PKG_DIR_A PKG_DIR_B [CORPUS_DIR/scrapinghub]
//   (PKG_DIR: a copy of pkg/ from `npm run build`)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPages } from './corpus.mjs';

const RUNS = 7;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [dirA, dirB, corpus = join(root, '..', 'shared', 'corpus', 'scrapinghub')] = process.argv.slice(2);
if (!dirB) {
  console.error('usage: node tools/bench-ab.mjs PKG_DIR_A PKG_DIR_B [CORPUS_DIR/scrapinghub]');
  process.exit(2);
}

async function load(dir) {
  const module = await import(join(resolve(dir), 'article_cleaner.js'));
  module.initSync({ module: readFileSync(join(resolve(dir), 'article_cleaner_bg.wasm')) });
  return module;
}

function clean(module, page) {
  try {
    return module.clean(page.html, { url: page.url || undefined }).textContent.length;
  } catch {
    return 0; // NOT_READERABLE pages are timed too
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

function time(module, page) {
  const start = performance.now();
  clean(module, page);
  return performance.now() - start;
}

const [a, b] = [await load(dirA), await load(dirB)];
const timesA = [];
const timesB = [];
const ratios = [];
for (const page of corpusPages('scrapinghub', corpus)) {
  clean(a, page);
  clean(b, page);
  const runsA = [];
  const runsB = [];
  for (let run = 0; run < RUNS; run += 1) {
    runsA.push(time(a, page));
    runsB.push(time(b, page));
  }
  timesA.push(median(runsA));
  timesB.push(median(runsB));
  ratios.push(median(runsA) / median(runsB));
}
console.log(
  `A ${median(timesA).toFixed(3)} ms/page, B ${median(timesB).toFixed(3)} ms/page, ` +
    `median per-page A/B ${median(ratios).toFixed(3)} (${ratios.length} pages, ${RUNS} runs each)`,
);
