#!/usr/bin/env node
// Cold start of the npm package: the time from `import` to the first `clean()` result, on the
// fixture page tests/fixtures/pages/sample-article.html (15 KB).
//
//   Node:     a fresh `node` process per run; the clock starts before `await import()` of the
//             package's Node entry (pkg/node.js: read + compile + instantiate the wasm at import)
//             and stops when clean() returns.
//   Chromium: a fresh browser context per run (no HTTP or code cache) served from 127.0.0.1; the
//             clock starts before `await import('/pkg/browser.js')`, then `await init()` (fetch +
//             streaming compile) and clean().
//
// Prints each run and the median. `node tools/measure-startup.mjs [--runs N]` (default 9), after
// `npm run build`.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'pkg');
const PAGE = path.join(ROOT, 'tests', 'fixtures', 'pages', 'sample-article.html');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 9;
const URL_OF_PAGE = 'https://news.example.com/2026/story.html';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const show = (name, xs) => console.log(`${name}: median ${median(xs).toFixed(1)} ms (runs: ${xs.map((x) => x.toFixed(1)).join(', ')})`);

if (!fs.existsSync(path.join(PKG, 'node.js'))) {
  console.error('measure-startup: pkg/ is not built: run `npm run build` first');
  process.exit(1);
}
const html = fs.readFileSync(PAGE, 'utf8');

// Node: one fresh process per run.
const script = `
const html = require('node:fs').readFileSync(${JSON.stringify(PAGE)}, 'utf8');
(async () => {
  const t0 = performance.now();
  const { clean } = await import(${JSON.stringify(pathToFileURL(path.join(PKG, 'node.js')).href)});
  const article = clean(html, { url: ${JSON.stringify(URL_OF_PAGE)} });
  const ms = performance.now() - t0;
  if (!article.title) throw new Error('no title');
  console.log(ms);
})();`;
const nodeRuns = [];
for (let i = 0; i < RUNS; i++) {
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  nodeRuns.push(Number(r.stdout.trim()));
}
show(`Node ${process.version}, import -> first clean()`, nodeRuns);

// Chromium: a fresh context per run.
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    return res.end('<!doctype html><meta charset="utf-8"><title>startup</title>');
  }
  if (url.pathname === '/page.html') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end(html);
  }
  const file = path.join(PKG, path.basename(url.pathname));
  if (!url.pathname.startsWith('/pkg/') || !fs.existsSync(file)) {
    res.writeHead(404);
    return res.end();
  }
  const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const chromiumRuns = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  const ms = await page.evaluate(async (url) => {
    const source = await (await fetch('/page.html')).text();
    const t0 = performance.now();
    const { default: init, clean } = await import('/pkg/browser.js');
    await init();
    const article = clean(source, { url });
    const elapsed = performance.now() - t0;
    if (!article.title) throw new Error('no title');
    return elapsed;
  }, URL_OF_PAGE);
  chromiumRuns.push(ms);
  await context.close();
}
const version = browser.version();
await browser.close();
server.close();
show(`Chromium ${version}, import -> init() -> first clean()`, chromiumRuns);
