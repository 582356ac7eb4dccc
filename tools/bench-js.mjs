// Speed in a real engine (Node's V8), on the scrapinghub pages, in one run: our wasm
// `clean()` against Readability.js 0.6.0 on linkedom and dom-smoothie-js 0.16 (wasm),
// interleaved page by page so that machine noise hits all three alike.
// usage: npm run bench [-- CORPUS_DIR/scrapinghub] [--runs N] [--floor tools/lol-floor/pkg]
// Each tool gets one warm-up call per page, then N timed runs; a page's time is the median.
// --floor adds lol_html alone with a handler that reads what an extractor must (build it with
// `bash tools/lol-floor/build.sh`): the least any lol_html-based cleaner can cost.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { corpusPages, loadCleaner } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const floorAt = args.indexOf('--floor');
const floorDir = floorAt >= 0 ? resolve(args.splice(floorAt, 2)[1]) : null;
const dir = args[0] ?? join(root, '..', 'shared', 'corpus', 'scrapinghub');

const ours = await loadCleaner(root);
const smoothie = createRequire(import.meta.url)('dom-smoothie-js');

async function loadFloor(dir) {
  const module = await import(join(dir, 'lol_floor.js'));
  module.initSync({ module: readFileSync(join(dir, 'lol_floor_bg.wasm')) });
  return module;
}
const floor = floorDir && (await loadFloor(floorDir));

const tools = {
  'article-cleaner (wasm)': ({ html, url }) => {
    try {
      return ours.clean(html, { url: url || undefined }).textContent.length;
    } catch {
      return 0; // NOT_READERABLE pages are timed too
    }
  },
  'Readability.js 0.6.0 + linkedom': ({ html }) => {
    const { document } = parseHTML(html);
    return new Readability(document).parse()?.textContent?.length ?? 0;
  },
  'dom-smoothie-js 0.16': ({ html, url }) => {
    const reader = new smoothie.Readability(html, url || null, null);
    try {
      return reader.parse()?.text_content?.length ?? 0;
    } catch {
      return 0;
    } finally {
      reader.free();
    }
  },
  ...(floor && { 'lol_html alone (floor, wasm)': ({ html }) => floor.readAll(html) }),
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const pages = corpusPages('scrapinghub', dir);
const names = Object.keys(tools);
const perPage = Object.fromEntries(names.map((name) => [name, []]));
for (const page of pages) {
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) tools[name](page); // warm-up
  for (let run = 0; run < runs; run += 1) {
    for (const name of names) {
      const start = performance.now();
      tools[name](page);
      samples[name].push(performance.now() - start);
    }
  }
  for (const name of names) perPage[name].push(median(samples[name]));
}

const ourName = names[0];
console.log(`${pages.length} scrapinghub pages, median of ${runs} runs per page, Node ${process.version}`);
console.log('tool                               median ms/page   total ms   median of per-page time ratios, tool / ours');
for (const name of names) {
  const ratios = perPage[name].map((ms, i) => ms / perPage[ourName][i]);
  const total = perPage[name].reduce((a, b) => a + b, 0);
  console.log(
    `${name.padEnd(34)} ${median(perPage[name]).toFixed(2).padStart(14)} ${total.toFixed(0).padStart(10)}   ${
      name === ourName ? '1.00x' : `${median(ratios).toFixed(2)}x`
    }`,
  );
}
