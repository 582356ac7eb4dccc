// A small test harness for the end-to-end suite: named tests run in order, each timed; a failure
// is printed with its stack and the run continues; summary() prints the totals and returns the
// exit code. Also: servers, browser launch options, console watching, zip reading (the extension
// packages) and encoders for fixtures.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { crc32 } from '../../tools/package-extension.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

// ---------------------------------------------------------------------------------------------
// Tests

const results = [];
const filter = process.env.E2E_FILTER || '';
/** Name of the running test, recorded with each console problem. */
export let currentTest = '(setup)';

export async function test(name, fn, { always = false } = {}) {
  if (filter && !always && !name.includes(filter)) return;
  currentTest = name;
  const t0 = performance.now();
  try {
    await fn();
    const ms = performance.now() - t0;
    results.push({ name, ok: true, ms });
    console.log(`  ok    ${name}  (${ms.toFixed(0)} ms)`);
  } catch (err) {
    const ms = performance.now() - t0;
    results.push({ name, ok: false, ms, err });
    console.log(`  FAIL  ${name}  (${ms.toFixed(0)} ms)`);
    console.log(String(err?.stack || err).replace(/^/gm, '        '));
  }
}

/** Print the summary; returns the process exit code (1 when anything failed or nothing ran). */
export function summary(notes = []) {
  const failed = results.filter((r) => !r.ok);
  console.log('\n=== e2e summary ===');
  for (const n of notes) console.log(n);
  for (const r of failed) console.log(`  failed: ${r.name}: ${String(r.err?.message || r.err).split('\n')[0]}`);
  console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
  return failed.length || !results.length ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Processes and servers

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Start `node www/server.mjs` on a free port; resolves with { url, proc } once it prints its URL. */
export function startHostServer({ timeoutMs = 600_000 } = {}) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(ROOT, 'www', 'server.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', FETCH_TIMEOUT_MS: '1500' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error(`www/server.mjs did not start within ${timeoutMs / 1000} s:\n${out}`));
    }, timeoutMs);
    const onData = (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], proc, output: () => out });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (d) => {
      out += d;
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`www/server.mjs exited with ${code}:\n${out}`));
    });
  });
}

/** An in-process server for test pages: routes is { '/path': (req, res) => void }. */
export async function startTestServer(routes) {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const route = routes[pathname];
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    route(req, res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

// ---------------------------------------------------------------------------------------------
// Console watching: every console error and uncaught page error, per page.

/**
 * Watch a page. `allow(msg)` may excuse an expected message (the browser's own network log of an
 * HTTP error status, for instance). Returns the live list of problems.
 */
export function watchPage(page, problems, allow = () => false) {
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && msg.type() !== 'assert') return;
    const entry = { test: currentTest, page: page.url(), text: msg.text(), location: msg.location()?.url || '' };
    if (!allow(entry)) problems.push(entry);
  });
  page.on('pageerror', (err) => {
    problems.push({ test: currentTest, page: page.url(), text: `pageerror: ${err.message}`, location: '' });
  });
  page.on('crash', () => problems.push({ test: currentTest, page: page.url(), text: 'page crashed', location: '' }));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Zip archives (the extension packages)

/** Read a zip (stored or deflated entries) into { name: Buffer }, checking every CRC. */
export function readZip(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory signature');
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    assert.equal(buf.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? zlib.inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(crc32(data), crc, `CRC of ${name}`);
    files[name] = data;
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/** Unpack a zip file into `dir` (the unpacked extension a browser loads). Returns { name: Buffer }. */
export function unzipTo(zipFile, dir) {
  const files = readZip(fs.readFileSync(zipFile));
  for (const [name, data] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), data);
  }
  return files;
}

// ---------------------------------------------------------------------------------------------
// Legacy encoders for fixtures, built from the platform's own decoders (no tables to maintain).

function reverseMap(label, sequences) {
  const dec = new TextDecoder(label, { fatal: true });
  const map = new Map();
  for (const bytes of sequences) {
    try {
      const ch = dec.decode(Uint8Array.from(bytes));
      if ([...ch].length === 1 && !map.has(ch)) map.set(ch, bytes);
    } catch {
      // not a valid sequence
    }
  }
  return map;
}

function encodeWith(map, text, label) {
  const out = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) out.push(cp);
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`${label} cannot encode ${JSON.stringify(ch)}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

// windows-1252 differs from ISO-8859-1 in 0x80-0x9F only (and Node's TextDecoder decodes it as
// ISO-8859-1, so the table is written out).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
export function encodeWindows1252(text) {
  const out = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const hi = CP1252_HIGH.indexOf(ch);
    if (hi >= 0) out.push(0x80 + hi);
    else if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out.push(cp);
    else throw new Error(`windows-1252 cannot encode ${JSON.stringify(ch)}`);
  }
  return Buffer.from(out);
}

let sjis;
export function encodeShiftJis(text) {
  if (!sjis) {
    const seqs = [];
    for (let i = 0xa1; i <= 0xdf; i++) seqs.push([i]); // half-width katakana
    for (const lead of [...range(0x81, 0x9f), ...range(0xe0, 0xfc)]) {
      for (const trail of [...range(0x40, 0x7e), ...range(0x80, 0xfc)]) seqs.push([lead, trail]);
    }
    sjis = reverseMap('shift_jis', seqs);
  }
  return encodeWith(sjis, text, 'shift_jis');
}

function* range(a, b) {
  for (let i = a; i <= b; i++) yield i;
}

/**
 * Runs in the page (passed to `evaluate`, so self-contained): the reader's elements and
 * attributes that could run script (script-like elements, event handlers, `srcdoc`, `style`,
 * script URLs), and how many paragraphs the article has.
 */
export function auditReaderMarkup(root) {
  const bad = [];
  for (const el of root.querySelectorAll('*')) {
    if (/^(script|iframe|frame|object|embed|form|base|meta|style|link|template|noscript|input|button)$/i.test(el.localName)) bad.push(`<${el.localName}>`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || a.name === 'srcdoc' || a.name === 'style') bad.push(`${el.localName}[${a.name}]`);
      if (/(href|src|action|data)$/i.test(a.name) && /^\s*(javascript|vbscript|data:text)/i.test(a.value)) bad.push(`${el.localName}[${a.name}=${a.value}]`);
    }
  }
  return { bad, paragraphs: root.querySelectorAll('.reader__body p').length };
}
