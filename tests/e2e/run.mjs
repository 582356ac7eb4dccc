#!/usr/bin/env node
// End-to-end tests in real Chromium: `node tests/e2e/run.mjs` (E2E_FILTER=substring to run some).
//
// Starts www/server.mjs on a free port (it builds the npm package first if pkg/ is
// missing), an in-process server for test pages (strict CSP, charsets, redirects, oversized
// and failing responses), then runs the host page tests (tests/e2e/host.mjs) and the extension
// tests (tests/e2e/extension.mjs), and the real-browser XSS check of the hostile corpus
// (tests/e2e/xss.mjs). Screenshots go to artifacts/. Exits non-zero on any failure.

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, CHROMIUM_ARGS, startHostServer, startTestServer, summary, test, encodeShiftJis } from './harness.mjs';
import { hostTests } from './host.mjs';
import { extensionTests } from './extension.mjs';
import { xssTests } from './xss.mjs';
import { charsetTests } from './charsets.mjs';
import { syncWebAssets } from '../../tools/sync-web-assets.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const TIME_LIMIT_MS = Number(process.env.E2E_TIME_LIMIT_MS || 300_000);

const started = performance.now();
const watchdog = setTimeout(() => {
  console.error(`e2e: still running after ${TIME_LIMIT_MS / 1000} s: giving up`);
  process.exit(1);
}, TIME_LIMIT_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// Test pages

const CSP = "script-src 'self'";
const send = (status, headers, body) => (req, res) => {
  res.on('error', () => {});
  res.writeHead(status, headers);
  res.end(body);
};
const fixture = (name) => fs.readFileSync(path.join(FIXTURES, name));

// Paragraphs long enough (over 140 characters) for the readerable check.
const SJIS_PARAGRAPHS = [
  '東京都の北部を流れる川の堤防が、十年ぶりに大きく作り直された。地元の人々は、洪水の心配が減ったことを喜んでいる。工事は三年かかり、総額は四十億円に上った。新しい堤防は以前より二メートル高く、川沿いには遊歩道と桜並木も整備された。完成式には近所の小学生も招かれ、記念の植樹を行った。式典の後、子どもたちは新しい遊歩道を歩き、川の生き物について学んだ。',
  '市の担当者は「大雨の回数は年々増えている。次の五十年を見据えた工事だ」と話す。堤防の内側には、増水した水を一時的にためる調整池も造られた。池は普段は公園として使われ、野球場やテニスコートが並ぶ。大雨の時だけ水を受け入れ、下流の住宅地に流れ込む水の量を減らす仕組みだ。',
  '一方で、工事の間は川に近づけず、釣りや散歩を楽しんできた住民からは不満の声もあった。川辺で三十年以上釣りを続けてきた男性は「やっと戻ってこられた。魚も少しずつ戻ってきている」と笑顔を見せた。市は来年の春までに、川辺の広場と駐車場も開放する予定だ。',
];
const SJIS_PAGE = encodeShiftJis(
  `<!DOCTYPE html><html lang="ja"><head><title>川の堤防、十年ぶりに改修 - 北町新聞</title></head><body>
<nav><a href="/">ホーム</a> <a href="/news">ニュース</a> <a href="/sports">スポーツ</a></nav>
<article><h1>川の堤防、十年ぶりに改修</h1>
${SJIS_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article><footer>著作権 北町新聞 すべての権利を保有します</footer></body></html>`,
);

function bigHtml(bytes) {
  const para = Buffer.from('<p>A paragraph of filler text for a page that is far too large to be worth cleaning here.</p>\n');
  const out = Buffer.alloc(bytes);
  for (let off = 0; off < bytes; off += para.length) para.copy(out, off);
  return out;
}

const routes = {
  '/ext/article': send(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP }, fixture('ext-article.html')),
  '/ext/forum': send(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP }, fixture('type-forum.html')),
  '/ext/not-article': send(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP }, fixture('ext-not-article.html')),
  // Script vectors everywhere: with the strict CSP (none may run or be reported after the click)
  // and without one (the page's own vectors run, those in the in-page reader must not).
  '/ext/hostile': send(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP }, fixture('hostile.html')),
  '/ext/hostile-no-csp': send(200, { 'Content-Type': 'text/html; charset=utf-8' }, fixture('hostile.html')),
  '/static/site.js': send(200, { 'Content-Type': 'text/javascript' }, "document.body.dataset.siteJs = 'ran';\n"),
  '/static/site.css': send(200, { 'Content-Type': 'text/css' }, 'body { font-family: sans-serif; margin: 2rem; }\n'),
  '/static/sleeper.svg': send(
    200,
    { 'Content-Type': 'image/svg+xml' },
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 600" width="1200" height="600"><rect width="1200" height="600" fill="#1f3b5c"/><rect y="420" width="1200" height="180" fill="#2b2f36"/><g fill="#23508a" stroke="#0d2440" stroke-width="6"><rect x="80" y="300" width="330" height="120" rx="14"/><rect x="430" y="300" width="330" height="120" rx="14"/><rect x="780" y="300" width="330" height="120" rx="14"/></g><g fill="#f4d58d"><rect x="110" y="325" width="60" height="40"/><rect x="200" y="325" width="60" height="40"/><rect x="460" y="325" width="60" height="40"/><rect x="550" y="325" width="60" height="40"/><rect x="810" y="325" width="60" height="40"/><rect x="900" y="325" width="60" height="40"/></g><circle cx="980" cy="110" r="46" fill="#f1ead2"/><path d="M0 300 L220 150 L380 260 L560 110 L760 250 L900 170 L1200 300 Z" fill="#2d4f73"/></svg>',
  ),
  '/favicon.ico': send(204, {}, ''),
  '/sjis': send(200, { 'Content-Type': 'text/html; charset=Shift_JIS' }, SJIS_PAGE),
  '/redirect': (req, res) => {
    const to = new URL(req.url, 'http://x').searchParams.get('to') || '/';
    res.writeHead(302, { Location: to });
    res.end();
  },
  '/bogus-charset': send(200, { 'Content-Type': 'text/html; charset=x-no-such-charset' }, '<title>t</title><p>text</p>'),
  '/image.png': send(200, { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  '/hang': (req, res) => {
    // Headers never come: the local server's timeout (1.5 s in this suite) must answer instead.
    const timer = setTimeout(() => res.destroy(), 10_000);
    req.on('close', () => clearTimeout(timer));
  },
  '/missing': send(404, { 'Content-Type': 'text/html' }, '<h1>Not found</h1>'),
  '/too-large-declared': (req, res) => {
    res.on('error', () => {});
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': 11 * 1024 * 1024 });
    res.end(bigHtml(11 * 1024 * 1024));
  },
  '/too-large-streamed': (req, res) => {
    // No Content-Length: the local server finds out while streaming.
    res.on('error', () => {});
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(bigHtml(11 * 1024 * 1024));
  },
};

// ---------------------------------------------------------------------------------------------

fs.mkdirSync(ARTIFACTS, { recursive: true });
const problems = [];
const notes = [];
let host;
let pages;
let browser;
let exitCode = 1;
try {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  // Test what the sources say: refresh the generated copies when the wasm package is built.
  if (fs.existsSync(path.join(ROOT, 'pkg', 'browser.js'))) syncWebAssets({ quiet: true });
  host = await startHostServer();
  pages = await startTestServer(routes);
  console.log(`host page: ${host.url}   test pages: ${pages.url}   (${((performance.now() - started) / 1000).toFixed(1)} s to start)`);

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  console.log('\nhost page');
  await hostTests({ browser, hostUrl: host.url, pagesUrl: pages.url, problems, artifacts: ARTIFACTS });
  console.log('\nxss (hostile corpus in a live DOM)');
  await xssTests({ browser, problems, artifacts: ARTIFACTS, notes });
  console.log('\nlegacy charsets (browser TextDecoder)');
  await charsetTests({ browser, problems, notes });
  await browser.close();
  browser = null;

  console.log('\nextension');
  await extensionTests({ pagesUrl: pages.url, problems, artifacts: ARTIFACTS, notes });

  console.log('');
  await test('no console errors or uncaught page errors anywhere', async () => {
    if (problems.length) {
      throw new Error(`${problems.length} problem(s):\n${problems.map((p) => `  ${p.test}: [${p.page}] ${p.text}${p.location ? ` (${p.location})` : ''}`).join('\n')}`);
    }
  }, { always: true });
  notes.push(`screenshots: ${fs.readdirSync(ARTIFACTS).filter((f) => f.endsWith('.png')).sort().map((f) => `artifacts/${f}`).join(', ')}`);
  notes.push(`total time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  exitCode = summary(notes);
} catch (err) {
  console.error(`e2e: setup failed: ${err?.message || err}`);
  console.log('0 passed, 1 failed');
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  host?.proc.kill();
  pages?.server.close();
}
process.exit(exitCode);
