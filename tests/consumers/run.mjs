#!/usr/bin/env node
// The npm package as its users get it (`npm run test:consumers`, a step of .ci/test).
//
//   1. installs the pinned tools of tests/consumers/package.json (npm only; vite, webpack,
//      esbuild, vitest, typescript, publint, attw, deno, bun, wrangler) into target/consumers/,
//      once per lock file (npm's shared cache makes a reinstall quick);
//   2. `npm pack ./pkg` (the package `npm run build` assembled) and lints the tarball with
//      publint and @arethetypeswrong/cli;
//   3. copies each consumer project below to target/consumers/NAME, installs the tarball into it
//      as a `file:` dependency, and runs it. Each cleans the same fixture page and checks the
//      title and text snippets taken from the golden files (case.json, written here);
//      browser builds are opened in headless Chromium (playwright-core) from 127.0.0.1.
//
// A tool that cannot run here is SKIPPED with its reason printed; anything else that goes wrong
// FAILS. Ends with the matrix and "N passed, N failed, N skipped"; exit 1 on any failure.
//
//   node tests/consumers/run.mjs [NAME...]     only these consumers (lint and pack always run)

import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const WORK = path.join(process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target'), 'consumers');
const BIN = path.join(WORK, 'node_modules', '.bin');
const FIXTURE = 'sample-article';
const PAGE_URL = 'https://www.brackenridgecourier.example/2026/06/06/library-reopens.html';

const t0 = performance.now();
const only = process.argv.slice(2);
const results = [];

// ---------------------------------------------------------------------------------------------
// Helpers

function sh(cmd, args, { cwd = WORK, env = {}, timeout = 300_000 } = {}) {
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  const output = `${r.stdout || ''}${r.stderr || ''}`;
  if (r.error) return { ok: false, output: `${output}\n${r.error.message}` };
  return { ok: r.status === 0, output };
}

function must(what, r) {
  if (!r.ok) {
    console.error(r.output);
    console.error(`consumers: ${what} failed`);
    process.exit(1);
  }
  return r.output;
}

class Skip extends Error {}

/** The last lines of a tool's output, for a failure message. */
const tail = (text, n = 15) => text.trim().split('\n').slice(-n).join('\n');

/** Static server for a built site, on 127.0.0.1; /case.json is the test case. */
async function serve(dir, caseJson) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    if (url.pathname === '/case.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(caseJson);
    }
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      return res.end('not found');
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

let browser;
/** Opens the page in headless Chromium and waits for its `data-result`. */
async function openInChromium(dir, caseJson) {
  browser ??= await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const { server, url } = await serve(dir, caseJson);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.result, null, { timeout: 30_000 });
    const result = JSON.parse(await page.evaluate(() => document.documentElement.dataset.result));
    if (!result.ok) throw new Error(`${result.error}${problems.length ? `\n${problems.join('\n')}` : ''}`);
    if (problems.length) throw new Error(problems.join('\n'));
    return `${result.title} (in Chromium)`;
  } finally {
    await context.close();
    server.close();
  }
}

/** A tool from target/consumers/node_modules/.bin, or Skip when it cannot run here. */
function tool(name, versionArgs = ['--version']) {
  const bin = path.join(BIN, name);
  if (!fs.existsSync(bin)) throw new Skip(`${name} is not installed in ${path.relative(ROOT, WORK)}`);
  const r = sh(bin, versionArgs, { timeout: 120_000 });
  if (!r.ok) throw new Skip(`\`${name} ${versionArgs.join(' ')}\` does not run here: ${tail(r.output, 3)}`);
  return bin;
}

function run(what, cmd, args, options) {
  const r = sh(cmd, args, options);
  if (!r.ok) throw new Error(`${what} failed:\n${tail(r.output)}`);
  return r.output;
}

/** The PASS line a Node-like consumer prints. */
function passLine(output) {
  const line = output.split('\n').find((l) => l.startsWith('PASS '));
  if (!line) throw new Error(`no PASS line:\n${tail(output)}`);
  return line.slice(5);
}

// ---------------------------------------------------------------------------------------------
// The test case: the fixture page and what its golden files say the article is.

function testCase() {
  const html = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'pages', `${FIXTURE}.html`), 'utf8');
  const golden = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'golden', `${FIXTURE}.json`), 'utf8'));
  const text = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'golden', `${FIXTURE}.txt`), 'utf8');
  // The first, a middle and the last paragraph of the golden text (first 100 characters each).
  const paragraphs = text.split('\n').map((p) => p.trim()).filter((p) => p.length > 40);
  const snippets = [paragraphs[0], paragraphs[paragraphs.length >> 1], paragraphs.at(-1)].map((p) => p.slice(0, 100));
  if (!golden.title || snippets.length < 3) throw new Error(`golden files of ${FIXTURE} have no title or text`);
  return JSON.stringify({ url: PAGE_URL, html, title: golden.title, snippets });
}

// ---------------------------------------------------------------------------------------------
// The consumers: name -> function(dir, caseJson) returning a short description of the result.

const CONSUMERS = {
  'node-esm': (dir) => passLine(run('node main.mjs', process.execPath, ['main.mjs'], { cwd: dir })),
  'node-cjs': (dir) => passLine(run('node main.cjs', process.execPath, ['main.cjs'], { cwd: dir })),
  typescript: (dir) => {
    const tsc = tool('tsc');
    run('tsc --noEmit (nodenext: main.ts and main.cts)', tsc, ['--noEmit', '-p', 'tsconfig.json'], { cwd: dir });
    run('tsc --noEmit (bundler)', tsc, ['--noEmit', '-p', 'tsconfig.bundler.json'], { cwd: dir });
    return 'tsc --noEmit clean (nodenext ESM + CJS, bundler)';
  },
  vitest: (dir) => {
    const out = run('vitest run', tool('vitest'), ['run', '--reporter=verbose'], { cwd: dir, env: { CI: 'true', NO_COLOR: '1' } });
    const summary = out.split('\n').find((l) => /Tests\s+\d+ passed/.test(l));
    if (!summary) throw new Error(`no passing summary:\n${tail(out)}`);
    return summary.trim().replace(/\s+/g, ' ');
  },
  deno: (dir) => {
    const deno = tool('deno');
    // No permission flags: the package imports its .wasm (source phase import), reads no file.
    return passLine(run('deno run main.js', deno, ['run', '--no-prompt', 'main.js'], { cwd: dir, env: { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } }));
  },
  bun: (dir) => passLine(run('bun main.js', tool('bun'), ['main.js'], { cwd: dir })),
  vite: async (dir, caseJson) => {
    run('vite build', tool('vite'), ['build'], { cwd: dir });
    const emitted = fs.readdirSync(path.join(dir, 'dist', 'assets')).filter((f) => f.endsWith('.wasm'));
    if (emitted.length !== 1) throw new Error(`vite emitted ${emitted.length} .wasm files`);
    return openInChromium(path.join(dir, 'dist'), caseJson);
  },
  webpack: async (dir, caseJson) => {
    run('webpack --mode production', tool('webpack'), ['--mode', 'production'], { cwd: dir });
    fs.copyFileSync(path.join(dir, 'index.html'), path.join(dir, 'dist', 'index.html'));
    return openInChromium(path.join(dir, 'dist'), caseJson);
  },
  'webpack-node': (dir) => {
    run('webpack --mode production --target node', tool('webpack'), ['--mode', 'production', '--target', 'node', '--output-filename', 'main.cjs'], { cwd: dir });
    return passLine(run('node dist/main.cjs', process.execPath, ['dist/main.cjs'], { cwd: dir }));
  },
  esbuild: async (dir, caseJson) => {
    run('esbuild --bundle', tool('esbuild'), ['main.js', '--bundle', '--format=esm', '--loader:.wasm=file', '--outdir=dist'], { cwd: dir });
    fs.copyFileSync(path.join(dir, 'index.html'), path.join(dir, 'dist', 'index.html'));
    return openInChromium(path.join(dir, 'dist'), caseJson);
  },
  worker: async (dir, caseJson) => {
    run('vite build', tool('vite'), ['build'], { cwd: dir });
    return openInChromium(path.join(dir, 'dist'), caseJson);
  },
  wrangler: async (dir, caseJson) => {
    const wrangler = tool('wrangler');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const child = spawn(wrangler, ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(port + 1), '--log-level', 'warn'], {
      cwd: dir,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 90_000;
      for (;;) {
        if (child.exitCode !== null) throw new Skip(`wrangler dev exited (${child.exitCode}) before serving: ${tail(output, 4)}`);
        if (Date.now() > deadline) throw new Skip(`wrangler dev did not serve within 90 s: ${tail(output, 4)}`);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: caseJson });
          const result = await response.json();
          if (!result.ok) throw new Error(`the worker answered: ${result.error}`);
          return `${result.title} (in workerd)`;
        } catch (error) {
          if (!(error instanceof TypeError)) throw error; // TypeError: not listening yet
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
  },
};

// ---------------------------------------------------------------------------------------------

if (!fs.existsSync(path.join(ROOT, 'pkg', 'browser.js'))) {
  console.error('consumers: pkg/ is not built: run `npm run build` first');
  process.exit(1);
}
fs.mkdirSync(WORK, { recursive: true });

// 1. Tools, once per lock file.
const lock = fs.readFileSync(path.join(HERE, 'package-lock.json'));
const stamp = crypto.createHash('sha256').update(fs.readFileSync(path.join(HERE, 'package.json'))).update(lock).digest('hex');
const stampFile = path.join(WORK, 'node_modules', '.tools-stamp');
const installStart = performance.now();
if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`tools: already installed in ${path.relative(ROOT, WORK)}/node_modules`);
} else {
  fs.copyFileSync(path.join(HERE, 'package.json'), path.join(WORK, 'package.json'));
  fs.copyFileSync(path.join(HERE, 'package-lock.json'), path.join(WORK, 'package-lock.json'));
  console.log(`tools: npm ci in ${path.relative(ROOT, WORK)} ...`);
  must('npm ci (consumer tools)', sh('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { timeout: 1_200_000 }));
  fs.writeFileSync(stampFile, stamp);
}
const installSeconds = (performance.now() - installStart) / 1000;

// 2. Pack and lint.
for (const f of fs.readdirSync(WORK)) if (f.endsWith('.tgz')) fs.rmSync(path.join(WORK, f));
const packed = JSON.parse(must('npm pack', sh('npm', ['pack', path.join(ROOT, 'pkg'), '--pack-destination', WORK, '--json'])))[0];
fs.renameSync(path.join(WORK, packed.filename), path.join(WORK, 'article-cleaner.tgz'));
const wasmFile = packed.files.find((f) => f.path.endsWith('.wasm'));
console.log(`pack: ${packed.filename}: ${packed.size.toLocaleString('en')} bytes packed, ${packed.unpackedSize.toLocaleString('en')} unpacked, ${packed.files.length} files (wasm ${wasmFile.size.toLocaleString('en')})`);
const tarball = path.join(WORK, 'article-cleaner.tgz');
const lint = [];
{
  const r = sh(path.join(BIN, 'publint'), ['--strict', tarball]);
  lint.push({ name: 'publint', ok: r.ok && /All good/.test(r.output), output: r.output });
}
{
  // ./wasm is the raw .wasm file, not a module with declarations: attw leaves it out.
  console.log('attw: ./wasm left out (--exclude-entrypoints): it is the raw .wasm file, not a JavaScript module');
  const r = sh(path.join(BIN, 'attw'), [tarball, '--exclude-entrypoints', './wasm', '--format', 'table-flipped'], { env: { NO_COLOR: '1', FORCE_COLOR: '0' } });
  lint.push({ name: 'attw', ok: r.ok && /No problems found/.test(r.output), output: r.output });
}
for (const l of lint) {
  results.push({ name: l.name, status: l.ok ? 'pass' : 'FAIL', detail: l.ok ? 'no problems' : tail(l.output, 20), seconds: 0 });
}

// 3. Consumers.
const caseJson = testCase();
for (const [name, check] of Object.entries(CONSUMERS)) {
  if (only.length && !only.includes(name)) continue;
  const start = performance.now();
  const dir = path.join(WORK, name);
  let status = 'pass';
  let detail;
  try {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(path.join(HERE, name), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'case.json'), caseJson);
    run('npm install (the tarball)', 'npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--prefer-offline'], { cwd: dir });
    detail = await check(dir, caseJson);
  } catch (error) {
    status = error instanceof Skip ? 'skip' : 'FAIL';
    detail = error.message;
  }
  const seconds = (performance.now() - start) / 1000;
  results.push({ name, status, detail, seconds });
  console.log(`${status === 'pass' ? 'ok  ' : status}  ${name}  (${seconds.toFixed(1)} s)${status === 'pass' ? '' : `\n${detail.replace(/^/gm, '        ')}`}`);
}
await browser?.close();

// ---------------------------------------------------------------------------------------------

console.log('\n=== consumer matrix ===');
for (const r of results) {
  console.log(`${r.status.padEnd(5)} ${r.name.padEnd(12)} ${r.seconds ? `${r.seconds.toFixed(1).padStart(5)} s  ` : '         '}${r.detail.split('\n')[0]}`);
}
const count = (s) => results.filter((r) => r.status === s).length;
console.log(`tarball ${packed.size.toLocaleString('en')} bytes; tools ${installSeconds.toFixed(0)} s; total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
console.log(`${count('pass')} passed, ${count('FAIL')} failed, ${count('skip')} skipped`);
process.exit(count('FAIL') ? 1 : 0);
