#!/usr/bin/env node
// The host page's first clean, from the outside: www/ served by www/server.mjs on 127.0.0.1,
// opened in headless Chromium, and timed from the navigation's start to the sample article on
// screen (`npm start` shows the sample, cleaned, on load).
//
//   node tools/measure-host-page.mjs [--runs N] [--repeat] [--trace FILE] [--against DIR]
//
// Each run is a fresh browser context (no HTTP cache, no code cache), unless --repeat: then one
// context, one unmeasured visit, and N reloads (what a returning visitor gets: the browser's
// HTTP cache and, for the wasm, its code cache). Nothing in the page is changed: a script added
// before the page's own (CDP's addScriptToEvaluateOnNewDocument) watches it. Printed per step,
// median over the runs, in ms after the navigation started:
//
//   first paint       first-contentful-paint (the page without its article)
//   modules run       DOMContentLoaded (after the page's module scripts have run)
//   main.js runs      its first fetch() (the wasm's, by init())
//   wasm fetched      responseEnd of article_cleaner_bg.wasm (resource timing)
//   sample fetched    responseEnd of the sample page
//   wasm compile start the first WebAssembly.compileStreaming / instantiateStreaming / ... call
//   wasm ready        the first of them resolved (a module compiled, or instantiated)
//   article in DOM    the reader's body is in the page
//   article visible   a task after the first animation frame that follows (once it is painted)
//   engine ms         what the page reports as the cleaner's time ("Cleaned in N ms")
//
// --against DIR: another copy of www/ (with its server.mjs; it serves DIR/../pkg), e.g. of an
// older commit (`git archive OLD www | tar -x -C target/ab`, then `ln -s ../../pkg
// target/ab/pkg`); the two are measured interleaved, run by run, and printed side by side.
//
// --trace FILE: one more run with a Chromium trace (devtools.timeline, v8, v8.wasm) written to
// FILE, for chrome://tracing or Perfetto.

import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from '../www/server.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const RUNS = Number(option('--runs', 9));
const repeat = args.includes('--repeat');
const traceFile = option('--trace', null);
const against = option('--against', null);

const WATCH = `(() => {
  const t = (globalThis.__hostTimes = {});
  const wrap = (name) => {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...a) {
      t.wasmStart ??= performance.now();
      return original.apply(this, a).then((r) => ((t.wasmReady ??= performance.now()), r));
    };
  };
  const fetch0 = globalThis.fetch;
  globalThis.fetch = function (...a) {
    t.firstFetch ??= performance.now();
    return fetch0.apply(this, a);
  };
  document.addEventListener('DOMContentLoaded', () => (t.dcl = performance.now()));
  for (const name of ['compileStreaming', 'instantiateStreaming', 'compile', 'instantiate']) wrap(name);
  const seen = () => {
    if (t.inDom || !document.querySelector('#reader .reader__body')) return;
    t.inDom = performance.now();
    requestAnimationFrame(() => setTimeout(() => (t.visible = performance.now())));
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

async function serve(create) {
  const server = create();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
const sites = [{ name: 'www/', ...(await serve(createServer)) }];
if (against) {
  const other = await import(pathToFileURL(path.resolve(against, 'server.mjs')).href);
  sites.push({ name: against, ...(await serve(other.createServer)) });
}
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

async function visit(page, origin) {
  await page.goto(`${origin}/`, { waitUntil: 'commit' });
  await page.waitForFunction(() => globalThis.__hostTimes?.visible && document.getElementById('stats').dataset.engineMs, null, { timeout: 20000, polling: 10 });
  return page.evaluate(() => {
    const t = globalThis.__hostTimes;
    const end = (re) => performance.getEntriesByType('resource').find((e) => re.test(e.name))?.responseEnd;
    const text = document.getElementById('reader').textContent;
    return {
      'first paint': performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      'modules run': t.dcl,
      'main.js runs': t.firstFetch,
      'wasm fetched': end(/article_cleaner_bg\.wasm$/),
      'sample fetched': end(/floodplain\.html$/),
      'wasm compile start': t.wasmStart,
      'wasm ready': t.wasmReady,
      'article in DOM': t.inDom,
      'article visible': t.visible,
      'engine ms': Number(document.getElementById('stats').dataset.engineMs),
      textLength: text.length,
      stats: document.getElementById('stats').textContent.replace(/Cleaned in [\d.]+ ms|cleaner [\d.]+ ms|in [\d.]+ ms/g, '#'),
    };
  });
}

const newPage = async () => {
  const context = await browser.newContext();
  await context.addInitScript(WATCH);
  return { context, page: await context.newPage() };
};
for (const site of sites) {
  site.runs = [];
  if (repeat) {
    site.tab = await newPage();
    await visit(site.tab.page, site.origin);
  }
}
for (let i = 0; i < RUNS; i++) {
  for (const site of i % 2 ? [...sites].reverse() : sites) {
    const tab = repeat ? site.tab : await newPage();
    site.runs.push(await visit(tab.page, site.origin));
    if (!repeat) await tab.context.close();
  }
}
if (traceFile) {
  const tab = repeat ? sites[0].tab : await newPage();
  await browser.startTracing(tab.page, { path: traceFile, categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.wasm', 'v8.wasm', 'blink', 'loading', 'toplevel'] });
  await visit(tab.page, sites[0].origin);
  await browser.stopTracing();
}
const version = browser.version();
await browser.close();
for (const site of sites) site.server.close();

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const cell = (xs) => `${median(xs.map((x) => x)).toFixed(1).padStart(7)}   (${xs.map((x) => (x === undefined ? '-' : x.toFixed(0))).join(', ')})`;
console.log(`Chromium ${version}, host page ${repeat ? 'reloaded (HTTP and code cache)' : 'in a fresh context'}, ${RUNS} runs, ms after navigation start (median; runs)`);
for (const site of sites) {
  if (sites.length > 1) console.log(`${site.name}:`);
  for (const key of ['first paint', 'modules run', 'main.js runs', 'wasm fetched', 'sample fetched', 'wasm compile start', 'wasm ready', 'article in DOM', 'article visible', 'engine ms']) {
    console.log(`  ${key.padEnd(18)} ${cell(site.runs.map((r) => r[key]))}`);
  }
  console.log(`  output: ${[...new Set(site.runs.map((r) => `${r.textLength} ${r.stats}`))].join(' | ')}`);
}
if (traceFile) console.log(`trace: ${traceFile}`);
