#!/usr/bin/env node
// Copy what the extension loads into its folder. Run at the end of tools/build-wasm.sh (`npm run
// build`), by `npm start` and by the end-to-end tests. Every destination is git-ignored
// (www/.gitignore):
//
//   pkg/browser.js, api.js, article_cleaner.js, _bg.wasm  ->  www/extension/pkg/
//   www/reader.js, www/reader.css                          ->  www/extension/   (one source of truth)
//
// pkg/ is the npm package (tools/build-npm.mjs). The extension is a self-contained folder, so it
// gets the files of the package's browser entry point, unchanged, and imports
// `./pkg/browser.js` as any browser user of the package does. The host page needs no copy:
// www/server.mjs serves the package itself at /pkg/.
//
// Node built-ins only.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'pkg');
const WWW = path.join(ROOT, 'www');

/** [source, destination] pairs, relative to the repository root; `optional` may be missing. */
export const COPIES = [
  { from: 'pkg/browser.js', to: 'www/extension/pkg/browser.js' },
  { from: 'pkg/api.js', to: 'www/extension/pkg/api.js' },
  { from: 'pkg/article_cleaner.js', to: 'www/extension/pkg/article_cleaner.js' },
  { from: 'pkg/article_cleaner_bg.wasm', to: 'www/extension/pkg/article_cleaner_bg.wasm' },
  { from: 'www/reader.js', to: 'www/extension/reader.js' },
  { from: 'www/reader.css', to: 'www/extension/reader.css' },
];

export function syncWebAssets({ quiet = false } = {}) {
  if (!fs.existsSync(path.join(PKG, 'browser.js'))) {
    throw new Error(`${path.relative(process.cwd(), PKG) || 'pkg'}/browser.js not found: run \`npm run build\` first`);
  }
  let bytes = 0;
  for (const { from, to, optional } of COPIES) {
    const src = path.join(ROOT, from);
    const dst = path.join(ROOT, to);
    if (!fs.existsSync(src)) {
      if (optional) continue;
      throw new Error(`${from} not found`);
    }
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(src, dst);
    bytes += fs.statSync(dst).size;
    if (!quiet) console.log(`  ${from} -> ${to}`);
  }
  if (!quiet) console.log(`sync-web-assets: ${COPIES.length} files, ${(bytes / 1024).toFixed(0)} KiB, into ${path.relative(ROOT, WWW)}/extension/`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    syncWebAssets({ quiet: process.argv.includes('--quiet') });
  } catch (e) {
    console.error(`sync-web-assets: ${e.message}`);
    process.exit(1);
  }
}
