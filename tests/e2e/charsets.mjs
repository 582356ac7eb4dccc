// Legacy charsets in Chromium: the release wasm has no encoding_rs tables for the East Asian
// multi-byte encodings (tools/lean-encoding-rs.mjs) and decodes them with the browser's
// TextDecoder. Every page of tests/fixtures/charsets (written by generate.py there, in ten
// charsets, four of them with malformed bytes) is fetched in the page and its body streamed
// into `ArticleCleaner` as it arrives, and again in 1- and 3-byte writes; `title`,
// `content`, `textContent` and `lang` must equal the native CLI's (encoding_rs) output.
//
// Node's TextDecoder is ICU's and differs from the Encoding Standard on some malformed
// GB18030 and Big5 bytes, so this check runs in the browser, where the wasm is meant to run.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startTestServer, test, watchPage } from './harness.mjs';
import { loadPkg } from './xss.mjs';

const DIR = path.join(ROOT, 'tests', 'fixtures', 'charsets');
const CLI = process.env.ARTICLE_CLEANER_CLI || path.join(ROOT, 'target', 'release', 'article-cleaner');
const FIELDS = ['title', 'content', 'textContent', 'lang'];

const INDEX_HTML = `<!DOCTYPE html><meta charset="utf-8"><title>charsets</title>
<script type="module">
import init, { ArticleCleaner } from '/pkg/article_cleaner.js';
await init();
const FIELDS = ${JSON.stringify(FIELDS)};
const pick = (article) => Object.fromEntries(FIELDS.map((key) => [key, article[key]]));
window.cleanFetched = async (url) => {
  const response = await fetch(url);
  const reader = response.body.getReader();
  const cleaner = new ArticleCleaner();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    cleaner.write(value);
  }
  return pick(cleaner.finish());
};
window.cleanInWrites = async (url, size) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const cleaner = new ArticleCleaner();
  for (let at = 0; at < bytes.length; at += size) cleaner.write(bytes.subarray(at, at + size));
  return pick(cleaner.finish());
};
window.__ready = true;
</script>`;

function firstDifference(native, wasm) {
  const field = FIELDS.find((key) => wasm[key] !== native[key]);
  if (field === undefined) return null;
  const a = String(native[field]);
  const b = String(wasm[field]);
  let at = 0;
  while (at < a.length && a[at] === b[at]) at += 1;
  return `${field} differs at ${at}: native ${JSON.stringify(a.slice(at, at + 40))}, wasm ${JSON.stringify(b.slice(at, at + 40))}`;
}

export async function charsetTests({ browser, problems, notes = [] }) {
  const names = fs.readdirSync(DIR).filter((name) => name.endsWith('.html')).sort();
  const pkg = await loadPkg();
  const routes = {
    '/': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(INDEX_HTML);
    },
    '/pkg/article_cleaner.js': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(pkg.js);
    },
    '/pkg/article_cleaner_bg.wasm': (req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/wasm' });
      res.end(pkg.wasm);
    },
    '/favicon.ico': (req, res) => {
      res.writeHead(204);
      res.end();
    },
  };
  for (const name of names) {
    // No charset in the header: the page's own <meta> must be found.
    routes[`/pages/${name}`] = (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      // Two writes, so the body arrives in more than one chunk.
      const bytes = fs.readFileSync(path.join(DIR, name));
      res.write(bytes.subarray(0, 700));
      setTimeout(() => res.end(bytes.subarray(700)), 20);
    };
  }
  const { server, url } = await startTestServer(routes);
  const page = await browser.newPage();
  watchPage(page, problems);
  try {
    await page.goto(`${url}/`);
    await page.waitForFunction(() => window.__ready, null, { timeout: 15_000 });
    let compared = 0;
    await test(`legacy charsets: wasm (browser TextDecoder) = native (encoding_rs) on ${names.length} pages, streamed from fetch() and in 1- and 3-byte writes`, async () => {
      const failures = [];
      for (const name of names) {
        const native = JSON.parse(execFileSync(CLI, ['--format', 'json', path.join(DIR, name)], { encoding: 'utf8' }));
        if (native.textContent.length < 200) failures.push(`${name}: native article too short`);
        if (native.textContent.includes('\uFFFD') !== name.includes('malformed')) {
          failures.push(`${name}: U+FFFD belongs in the malformed pages only`);
        }
        const runs = [
          ['fetch() stream', () => page.evaluate((u) => window.cleanFetched(u), `/pages/${name}`)],
          ['1-byte writes', () => page.evaluate(([u, n]) => window.cleanInWrites(u, n), [`/pages/${name}`, 1])],
          ['3-byte writes', () => page.evaluate(([u, n]) => window.cleanInWrites(u, n), [`/pages/${name}`, 3])],
        ];
        for (const [how, run] of runs) {
          const difference = firstDifference(native, await run());
          if (difference) failures.push(`${name} (${how}): ${difference}`);
          compared += 1;
        }
      }
      if (failures.length) throw new Error(failures.join('\n'));
    });
    notes.push(`charsets: ${compared} browser cleanings of ${names.length} legacy-charset pages equal the native output`);
  } finally {
    await page.close();
    server.close();
  }
}
