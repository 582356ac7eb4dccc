// Speed in a real browser (headless Chromium via playwright-core), on the scrapinghub pages, in
// one run: our wasm `clean()` (the `--target web` package) against Readability.js 0.6.0 on the
// browser's own DOMParser (parse + `parse()`, what a user of Readability pays) and
// dom-smoothie-js 0.16 (wasm), interleaved page by page so that machine noise hits all three
// alike. The same measure as tools/bench-js.mjs, which does it in Node.
// usage: node tools/bench-browser.mjs [CORPUS_DIR/scrapinghub] [--runs N] [--pkg DIR]
//        [--floor tools/lol-floor/pkg]   (adds lol_html alone: see tools/bench-js.mjs)
//
// Pages are handed to one browser tab one at a time; timing happens inside the tab, with
// performance.now() around each call. The tab is cross-origin isolated (COOP + COEP headers), so
// its timer is not coarsened to 100 µs. First every tool reads every page once, so that V8 has
// tiered up the JS and wasm that the corpus uses (Liftoff -> TurboFan); then, per page, each tool
// gets one warm-up call and N timed runs, and a page's time is the median of its runs.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startTestServer } from '../tests/e2e/harness.mjs';
import { corpusPages } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const runs = Number(option('--runs', 5));
const pkgDir = resolve(option('--pkg', join(root, 'pkg')));
const floorOption = option('--floor', null);
const floorDir = floorOption && resolve(floorOption);
const dir = args[0] ?? join(root, '..', 'shared', 'corpus', 'scrapinghub');
if (!(Number.isInteger(runs) && runs > 0) || args.length > 1) {
  console.error('usage: node tools/bench-browser.mjs [CORPUS_DIR/scrapinghub] [--runs N] [--pkg DIR]');
  process.exit(2);
}

const TOOLS = {
  ours: 'article-cleaner (wasm)',
  readability: 'Readability.js 0.6.0 + DOMParser',
  smoothie: 'dom-smoothie-js 0.16',
  ...(floorDir && { floor: 'lol_html alone (floor, wasm)' }),
};

// Everything the tab loads, read once now (pkg/ may be rebuilt while the benchmark runs).
const modules = join(root, 'node_modules');
const smoothieGlue = readFileSync(join(modules, 'dom-smoothie-js', 'dom_smoothie_js.js'), 'utf8');
const files = {
  '/pkg/article_cleaner.js': ['text/javascript', readFileSync(join(pkgDir, 'article_cleaner.js'))],
  '/pkg/article_cleaner_bg.wasm': ['application/wasm', readFileSync(join(pkgDir, 'article_cleaner_bg.wasm'))],
  // A classic script: with no `module` in scope it defines the global `Readability`.
  '/readability.js': ['text/javascript', readFileSync(join(modules, '@mozilla', 'readability', 'Readability.js'))],
  // dom-smoothie-js is wasm-bindgen's `nodejs` target (CommonJS, reads its .wasm with `fs`):
  // wrapped unchanged in a function whose parameters stand in for Node's module scope.
  '/dom-smoothie.js': [
    'text/javascript',
    `self.domSmoothieModule = function (require, module, exports, __dirname) {\n${smoothieGlue}\n};`,
  ],
  '/dom_smoothie_js_bg.wasm': [
    'application/wasm',
    readFileSync(join(modules, 'dom-smoothie-js', 'dom_smoothie_js_bg.wasm')),
  ],
  '/': ['text/html; charset=utf-8', pageHtml()],
  ...(floorDir && {
    '/floor/lol_floor.js': ['text/javascript', readFileSync(join(floorDir, 'lol_floor.js'))],
    '/floor/lol_floor_bg.wasm': ['application/wasm', readFileSync(join(floorDir, 'lol_floor_bg.wasm'))],
  }),
};

function pageHtml() {
  return `<!DOCTYPE html><meta charset="utf-8"><title>bench-browser</title>
<script src="/readability.js"></script>
<script src="/dom-smoothie.js"></script>
<script type="module">
import init, { clean } from '/pkg/article_cleaner.js';
await init();
${floorDir ? "const floor = await import('/floor/lol_floor.js');\nawait floor.default();" : ''}

const smoothieWasm = new Uint8Array(await (await fetch('/dom_smoothie_js_bg.wasm')).arrayBuffer());
const nodeShim = {
  fs: { readFileSync: () => smoothieWasm },
  path: { join: (...parts) => parts.join('/') },
  util: { TextEncoder, TextDecoder },
};
const smoothieCjs = { exports: {} };
self.domSmoothieModule((name) => nodeShim[name], smoothieCjs, smoothieCjs.exports, '.');
const smoothie = smoothieCjs.exports;

// Each returns the length of the article's text, or 0 when the tool finds no article.
const tools = {
  ours(html, url) {
    try {
      return clean(html, { url: url || undefined }).textContent.length;
    } catch (error) {
      if (error?.code === 'NOT_READERABLE') return 0; // timed too, as in bench-js
      throw error;
    }
  },
  readability(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return new Readability(doc).parse()?.textContent?.length ?? 0;
  },
  smoothie(html, url) {
    const reader = new smoothie.Readability(html, url || null, null);
    try {
      return reader.parse()?.text_content?.length ?? 0;
    } finally {
      reader.free();
    }
  },
  ${floorDir ? 'floor: (html) => floor.readAll(html),' : ''}
};

let sink = 0; // keeps every result alive
const call = (name, html, url) => {
  try {
    sink += tools[name](html, url);
    return null;
  } catch (error) {
    return String(error?.message ?? error);
  }
};

/** One call per tool; returns { tool: error message or null }. */
self.warmUp = ({ html, url }) => Object.fromEntries(Object.keys(tools).map((name) => [name, call(name, html, url)]));

/** One warm-up call per tool, then runs timed calls interleaved; returns { tool: [ms] }. */
self.timePage = ({ html, url, runs }) => {
  const names = Object.keys(tools);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) call(name, html, url);
  for (let run = 0; run < runs; run += 1) {
    for (const name of names) {
      const start = performance.now();
      call(name, html, url);
      samples[name].push(performance.now() - start);
    }
  }
  return samples;
};
self.ready = { isolated: self.crossOriginIsolated };
</script>`;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const pages = corpusPages('scrapinghub', dir);
const started = performance.now();
const { server, url } = await startTestServer(
  Object.fromEntries(
    Object.entries(files).map(([path, [type, body]]) => [
      path,
      (req, res) => {
        res.writeHead(200, {
          'Content-Type': type,
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
          'Cache-Control': 'no-store',
        });
        res.end(body);
      },
    ]),
  ),
);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage();
  const pageErrors = [];
  tab.on('pageerror', (error) => pageErrors.push(error.message));
  await tab.goto(`${url}/`);
  await tab.waitForFunction(() => self.ready, null, { timeout: 60_000 }).catch(() => {
    throw new Error(`the benchmark page did not load: ${pageErrors.join('; ') || 'timeout'}`);
  });
  const isolated = await tab.evaluate(() => self.ready.isolated);
  const names = Object.keys(TOOLS);

  // Warm-up pass over the corpus; it also records which pages make a tool throw.
  const failures = Object.fromEntries(names.map((name) => [name, []]));
  for (const { id, html, url: pageUrl } of pages) {
    const errors = await tab.evaluate((page) => self.warmUp(page), { html, url: pageUrl });
    for (const name of names) if (errors[name] !== null) failures[name].push(`${id}: ${errors[name]}`);
  }
  await sleep(1000); // lets background TurboFan jobs finish before the first timed page

  const perPage = Object.fromEntries(names.map((name) => [name, []]));
  for (const { html, url: pageUrl } of pages) {
    const samples = await tab.evaluate((page) => self.timePage(page), { html, url: pageUrl, runs });
    for (const name of names) perPage[name].push(median(samples[name]));
  }

  console.log(
    `${pages.length} scrapinghub pages, median of ${runs} runs per page, Chromium ${browser.version()} (headless)` +
      `, timer ${isolated ? 'not coarsened (cross-origin isolated)' : 'COARSENED (tab not cross-origin isolated)'}`,
  );
  console.log('tool                               median ms/page   total ms   median of per-page time ratios, tool / ours');
  for (const name of names) {
    const ratios = perPage[name].map((ms, i) => ms / perPage.ours[i]);
    const total = perPage[name].reduce((a, b) => a + b, 0);
    console.log(
      `${TOOLS[name].padEnd(34)} ${median(perPage[name]).toFixed(2).padStart(14)} ${total.toFixed(0).padStart(10)}   ${
        name === 'ours' ? '1.00x' : `${median(ratios).toFixed(2)}x`
      }`,
    );
  }
  for (const name of names) {
    if (failures[name].length) console.log(`${TOOLS[name]} threw on ${failures[name].length} pages: ${failures[name].join('; ')}`);
  }
  if (pageErrors.length) console.log(`page errors: ${pageErrors.join('; ')}`);
  console.log(`wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await browser.close();
  server.close();
}
