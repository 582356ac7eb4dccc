#!/usr/bin/env node
// Package the browser extension (www/extension/) as a zip for the Chrome Web Store or
// addons.mozilla.org: `npm run package:extension` -> dist/article-cleaner-extension.zip.
//
//   node tools/package-extension.mjs                    Chromium build (manifest as is)
//   node tools/package-extension.mjs --browser firefox  Firefox build: the manifest's
//        background.service_worker becomes background.scripts (Firefox runs MV3 background
//        code as an event page), -> dist/article-cleaner-extension-firefox.zip
//   --out FILE                                          another output path
//
// The generated copies (pkg/, reader.js, reader.css, inpage-view.js) must exist: they come from
// tools/sync-web-assets.mjs, run by `npm run build`; this script runs the sync itself when the
// wasm package is built but not yet copied. The zip is deterministic (sorted entries, fixed
// timestamps) and written with Node built-ins only (zlib deflate + CRC-32).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { syncWebAssets } from './sync-web-assets.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, 'www', 'extension');

/** Files of the extension directory that are documentation or sources, not the extension. */
const EXCLUDE = new Set(['README.md', 'icons/icon.svg']);
/** What must be in the package for it to work. */
const REQUIRED = ['manifest.json', 'background.js', 'reader.html', 'reader-page.js', 'reader.js', 'reader.css', 'inpage.js', 'inpage-view.js', 'pkg/browser.js', 'pkg/api.js', 'pkg/article_cleaner.js', 'pkg/article_cleaner_bg.wasm'];

// ---------------------------------------------------------------------------------------------
// Minimal zip writer (PKWARE APPNOTE 6.3: local headers, central directory, end record).

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// 1980-01-01 00:00:00, the first DOS date: the same bytes on every build.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** entries: [{ name, data: Buffer }] -> Buffer of a zip archive. */
export function makeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: names are UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    // extra length, comment length, disk number, internal attributes: 0
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // external attributes: -rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);

    offset += local.length + nameBuf.length + body.length;
  }
  const cdSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

// ---------------------------------------------------------------------------------------------

function listFiles(dir, base = dir) {
  const out = [];
  for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
    if (ent.name.startsWith('.')) continue;
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...listFiles(full, base));
    else if (ent.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** The manifest for Firefox: background scripts instead of a service worker. */
export function firefoxManifest(manifest) {
  const m = structuredClone(manifest);
  const worker = m.background?.service_worker;
  if (worker) m.background = { scripts: [worker], type: m.background.type || 'module' };
  delete m.minimum_chrome_version;
  return m;
}

export function packageExtension({ browser = 'chromium', out } = {}) {
  const missing = REQUIRED.filter((f) => !fs.existsSync(path.join(EXT, f)));
  if (missing.length) {
    if (!fs.existsSync(path.join(ROOT, 'pkg', 'browser.js'))) {
      throw new Error(`missing ${missing.join(', ')} in www/extension/: run \`npm run build\` first`);
    }
    syncWebAssets({ quiet: true });
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
  const entries = listFiles(EXT)
    .filter((name) => !EXCLUDE.has(name))
    .map((name) => {
      let data = fs.readFileSync(path.join(EXT, name));
      if (name === 'manifest.json' && browser === 'firefox') {
        data = Buffer.from(JSON.stringify(firefoxManifest(manifest), null, 2) + '\n');
      }
      return { name, data };
    });
  const zip = makeZip(entries);
  const suffix = browser === 'firefox' ? '-firefox' : '';
  const file = out || path.join(ROOT, 'dist', `article-cleaner-extension${suffix}.zip`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, zip);
  return { file, entries: entries.length, bytes: zip.length, version: manifest.version };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const browser = opt('--browser') || 'chromium';
  if (!['chromium', 'chrome', 'firefox'].includes(browser)) {
    console.error(`package-extension: unknown --browser ${browser} (chromium or firefox)`);
    process.exit(2);
  }
  try {
    const r = packageExtension({ browser: browser === 'chrome' ? 'chromium' : browser, out: opt('--out') });
    console.log(`package-extension: ${path.relative(process.cwd(), r.file)} (${r.entries} files, ${(r.bytes / 1024).toFixed(0)} KiB, version ${r.version})`);
  } catch (e) {
    console.error(`package-extension: ${e.message}`);
    process.exit(1);
  }
}
