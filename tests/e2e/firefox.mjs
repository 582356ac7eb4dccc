#!/usr/bin/env node
// End-to-end test of the Firefox build of the extension in Debian's firefox-esr:
// `node tests/e2e/firefox.mjs` (`npm run test:firefox`; FIREFOX_PATH for another binary).
//
// 1. `tools/package-extension.mjs --browser firefox` builds the package; it is unzipped and
//    `web-ext lint` must report no error, warning or notice.
// 2. firefox-esr starts headless with a fresh profile, driven over WebDriver BiDi by
//    puppeteer-core (nothing is downloaded); the unpacked build is installed as a temporary
//    add-on with BiDi's `webExtension.install`.
// 3. The action is triggered as a user would: BiDi cannot click the browser's own toolbar
//    (`input.performActions` reaches web content only, and its key events never reach the
//    browser's shortcuts), so Firefox is started with `-remote-allow-system-access` and a
//    script in the browser window (BiDi `script.evaluate` on its chrome context) synthesizes
//    real mouse and key events with the EventUtils that Firefox's remote agent ships: a click
//    on the Extensions button in the toolbar, then on our extension's entry in that panel
//    (where Firefox puts an MV3 action until the user pins it); and, for the second page, the
//    Alt+Shift+L shortcut (`_execute_action`). Both go through Firefox's own handlers, which
//    grant `activeTab` exactly as for a user.
// 4. The reader, shown IN THE PAGE (a closed shadow root over it, the same path as in
//    Chromium), must show the article and not the page's chrome, on pages served from
//    127.0.0.1 with `Content-Security-Policy: script-src 'self'`, and nothing of the article may
//    run (the page's own script is fetched once, by the page; a page of script vectors fires
//    none after the click: no __xss() call, no CSP report, no error, no unsafe markup). The
//    shadow tree is read over BiDi (`includeShadowTree: 'all'` serialises closed shadow roots;
//    the page's scripts cannot reach them); Escape must put the page back.
//
// Exits non-zero on any failure. The Firefox version is printed in the summary.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { ROOT, auditReaderMarkup, startTestServer, summary, test, unzipTo } from './harness.mjs';
import { packageExtension } from '../../tools/package-extension.mjs';
import { syncWebAssets } from '../../tools/sync-web-assets.mjs';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const TIME_LIMIT_MS = Number(process.env.E2E_TIME_LIMIT_MS || 90_000);
const CSP = "script-src 'self'";
const ARTICLE_TITLE = 'Night trains return to the Alpine line after a decade';
const HOSTILE_TITLE = 'Harbour festival draws record crowds despite the rain';

const started = performance.now();
const watchdog = setTimeout(() => {
  console.error(`firefox e2e: still running after ${TIME_LIMIT_MS / 1000} s: giving up`);
  process.exit(1);
}, TIME_LIMIT_MS);
watchdog.unref();

// ---------------------------------------------------------------------------------------------
// Test pages (the same fixtures as the Chromium suite), counting what is fetched.

const hits = new Map();
const page = (file) => (req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP });
  res.end(fs.readFileSync(path.join(FIXTURES, file)));
};
const counted = (name, fn) => (req, res) => {
  hits.set(name, (hits.get(name) || 0) + 1);
  fn(req, res);
};
const routes = {
  '/ext/article': page('ext-article.html'),
  '/ext/hostile': page('hostile.html'),
  '/static/site.js': counted('site.js', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/javascript' });
    res.end("document.body.dataset.siteJs = 'ran';\n");
  }),
  '/static/site.css': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/css' });
    res.end('body { font-family: sans-serif; margin: 2rem; }\n');
  },
  '/static/sleeper.svg': (req, res) => {
    res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
    res.end('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60" width="1200" height="600"><rect width="120" height="60" fill="#1f3b5c"/></svg>');
  },
  '/favicon.ico': (req, res) => {
    res.writeHead(204);
    res.end();
  },
};

// ---------------------------------------------------------------------------------------------
// The browser window's side, through BiDi with system access.

/** A function evaluated in the browser window (chrome://browser/content/browser.xhtml). */
async function inBrowserWindow(browser, fn, ...args) {
  const { result: tree } = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const win = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  assert.ok(win, `no browser window among the chrome contexts: ${tree.contexts.map((c) => c.url).join(', ')}`);
  const { result } = await browser.connection.send('script.evaluate', {
    // JSON both ways: BiDi would serialise an object as its remote-value form.
    expression: `Promise.resolve((${fn})(...${JSON.stringify(args)})).then((v) => JSON.stringify(v ?? null))`,
    target: { context: win.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type !== 'success') throw new Error(`in the browser window: ${result.exceptionDetails?.text || JSON.stringify(result)}`);
  return JSON.parse(result.result.value);
}

/**
 * Runs in the browser window: click the toolbar's Extensions button, wait for its panel, click
 * the extension's entry (its action button). Real synthesized mouse events, as in Firefox's own
 * browser tests. Returns the ids of what was clicked.
 */
function clickToolbarAction(extensionId) {
  /* global window, document, Services, Ci, Cc */
  const EU = { window, parent: window, _EU_Ci: Ci, _EU_Cc: Cc };
  Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', EU);
  const widgetId = `${extensionId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;
  const panel = document.getElementById('unified-extensions-panel');
  const shown = panel?.state === 'open'
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the Extensions panel did not open')), 5000);
        document.addEventListener('popupshown', function onShown(e) {
          if (e.target.id !== 'unified-extensions-panel') return;
          document.removeEventListener('popupshown', onShown);
          clearTimeout(timer);
          resolve();
        });
      });
  const toolbarButton = document.getElementById('unified-extensions-button');
  if (!toolbarButton) throw new Error('no Extensions button in the toolbar');
  EU.synthesizeMouseAtCenter(toolbarButton, {}, window);
  return shown.then(() => {
    const entry = document.getElementById(widgetId);
    const action = entry?.querySelector('.unified-extensions-item-action-button');
    if (!action) throw new Error(`no entry ${widgetId} in the Extensions panel`);
    EU.synthesizeMouseAtCenter(action, {}, window);
    return [toolbarButton.id, `${widgetId} .${action.className.split(' ')[0]}`];
  });
}

/** Runs in the browser window: press a shortcut (real key events through the window). */
function pressShortcut(key, modifiers) {
  const EU = { window, parent: window, _EU_Ci: Ci, _EU_Cc: Cc };
  Services.scriptloader.loadSubScript('chrome://remote/content/external/EventUtils.js', EU);
  EU.synthesizeKey(key, modifiers, window);
  return `${Object.keys(modifiers).join('+')}+${key}`;
}

/**
 * Runs in the browser window: keep every script error and CSP report of extension pages (the
 * reader tab, the background script). Firefox's BiDi log module reports web pages only, so
 * puppeteer never sees an extension page's errors; the browser's console service gets them
 * from every process. (console.error() calls in extension pages are not seen this way.)
 */
function watchExtensionErrors() {
  window.__articleCleanerErrors = [];
  Services.console.registerListener({
    observe(m) {
      if (!(m instanceof Ci.nsIScriptError) || !m.sourceName.startsWith('moz-extension://')) return;
      window.__articleCleanerErrors.push(`${m.sourceName.replace(/^moz-extension:\/\/[^/]+/, '').replace(/\?.*/, '')}:${m.lineNumber} ${m.errorMessage}`);
    },
  });
}

/** Runs in the browser window: what the extension pages reported so far. */
function extensionErrors() {
  return window.__articleCleanerErrors;
}

/** Runs in the browser window: what the add-on manager says about the add-on. */
function addonState(id) {
  const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
  return AddonManager.getAddonByID(id).then((a) =>
    a && { active: a.isActive, temporary: a.temporarilyInstalled, version: a.version, type: a.type, mv: a.manifestVersion ?? null },
  );
}

// ---------------------------------------------------------------------------------------------

async function launchFirefox(profile) {
  // Retries only here: a browser start can fail for reasons outside the test (a slow machine).
  let lastErr;
  for (let attempt = 1; attempt <= 3; attempt++) {
    fs.rmSync(profile, { recursive: true, force: true });
    fs.mkdirSync(profile, { recursive: true });
    try {
      return await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        userDataDir: profile,
        args: ['-remote-allow-system-access', '-width', '1280', '-height', '1400'],
        defaultViewport: { width: 1280, height: 1300 },
        timeout: 30_000,
      });
    } catch (err) {
      lastErr = err;
      console.log(`  firefox did not start (attempt ${attempt}): ${err.message.split('\n')[0]}`);
    }
  }
  throw lastErr;
}

const notes = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'article-cleaner-firefox-'));
const extDir = path.join(tmp, 'extension');
let pages;
let browser;
let extId;
let exitCode = 1;
try {
  if (!fs.existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH`);
  if (fs.existsSync(path.join(ROOT, 'pkg', 'browser.js'))) syncWebAssets({ quiet: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  pages = await startTestServer(routes);

  await test('firefox: the Firefox package unpacks with background scripts, gecko id and data consent', async () => {
    const r = packageExtension({ browser: 'firefox', out: path.join(tmp, 'article-cleaner-extension-firefox.zip') });
    const files = unzipTo(r.file, extDir);
    const manifest = JSON.parse(files['manifest.json']);
    assert.deepEqual(manifest.background, { scripts: ['background.js'], type: 'module' });
    assert.ok(manifest.browser_specific_settings.gecko.id, 'gecko id');
    assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
    assert.ok(files['pkg/article_cleaner_bg.wasm'], 'the wasm is in the package');
  }, { always: true });

  await test('firefox: web-ext lint reports no error, warning or notice', async () => {
    const cli = path.join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
    const run = spawnSync(process.execPath, [cli, 'lint', '--source-dir', extDir, '--output', 'json', '--no-config-discovery'], {
      encoding: 'utf8',
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
      timeout: 60_000,
    });
    const json = run.stdout.slice(run.stdout.indexOf('{'));
    let report;
    try {
      report = JSON.parse(json);
    } catch {
      throw new Error(`web-ext lint printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
    const found = [...report.errors, ...report.warnings, ...report.notices].map((m) => `${m._type} ${m.code}: ${m.message} (${m.file || ''})`);
    assert.deepEqual(found, [], 'web-ext lint findings');
    notes.push(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices (web-ext ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'web-ext', 'package.json'))).version})`);
  });

  await test('firefox: firefox-esr headless, fresh profile, the build installed as a temporary add-on over WebDriver BiDi', async () => {
    const t0 = performance.now();
    browser = await launchFirefox(path.join(tmp, 'profile'));
    const version = await browser.version();
    notes.push(`Firefox tested: ${version} (${FIREFOX}), WebDriver BiDi through puppeteer-core ${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'puppeteer-core', 'package.json'))).version}`);
    console.log(`        ${version}, started in ${(performance.now() - t0).toFixed(0)} ms`);
    await inBrowserWindow(browser, watchExtensionErrors);
    extId = await browser.installExtension(extDir);
    const manifest = JSON.parse(fs.readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
    assert.equal(extId, manifest.browser_specific_settings.gecko.id);
    const state = await inBrowserWindow(browser, addonState, extId);
    assert.deepEqual(state, { active: true, temporary: true, version: manifest.version, type: 'extension', mv: 3 });
  }, { always: true });

  const HOST = 'article-cleaner-reader';

  /**
   * Open `url` in a tab (the page's `__xss()` counts calls, and CSP reports from the click on are
   * kept), trigger the action with `how` (a function run in the browser window) and wait for the
   * in-page reader to settle (its host's data-state); returns { tab, ms, via, state, before }.
   */
  async function openInPage(url, how, ...args) {
    assert.ok(browser && extId, 'browser started and extension installed');
    const tab = await browser.newPage();
    await tab.evaluateOnNewDocument(() => {
      window.__xssCalls = 0;
      window.__xss = () => window.__xssCalls++;
    });
    await tab.goto(url, { waitUntil: 'load' });
    await tab.bringToFront();
    const before = await tab.evaluate(() => {
      window.__cspAfter = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspAfter.push(`${e.violatedDirective} ${e.blockedURI}`));
      return { calls: window.__xssCalls };
    });
    const pagesBefore = (await browser.pages()).length;
    const t0 = performance.now();
    const via = await inBrowserWindow(browser, how, ...args);
    await tab.waitForFunction((tag) => document.querySelector(tag)?.dataset.state, { timeout: 15_000 }, HOST);
    const ms = performance.now() - t0;
    assert.equal((await browser.pages()).length, pagesBefore, 'no tab was opened');
    const state = await tab.evaluate((tag) => document.querySelector(tag).dataset.state, HOST);
    return { tab, ms, via, state, before };
  }

  /** `fn(shadowRoot, ...args)` on the overlay's closed shadow root, over BiDi (JSON both ways). */
  async function inShadow(tab, fn, ...args) {
    const href = await tab.evaluate(() => location.href);
    const { result: tree } = await browser.connection.send('browsingContext.getTree', {});
    const context = tree.contexts.find((c) => c.url === href)?.context;
    assert.ok(context, `no browsing context for ${href}`);
    const { result: found } = await browser.connection.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(HOST)})`,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'root',
      serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
    });
    const shadow = found.result?.value?.shadowRoot;
    assert.ok(shadow?.sharedId, `no shadow root on the host: ${JSON.stringify(found).slice(0, 300)}`);
    assert.equal(shadow.value?.mode, 'closed');
    const { result } = await browser.connection.send('script.callFunction', {
      functionDeclaration: `function (shadow, args) { return Promise.resolve((${fn})(shadow, ...JSON.parse(args))).then((v) => JSON.stringify(v ?? null)); }`,
      arguments: [{ sharedId: shadow.sharedId }, { type: 'string', value: JSON.stringify(args) }],
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type !== 'success') throw new Error(`in the shadow root: ${result.exceptionDetails?.text || JSON.stringify(result)}`);
    return JSON.parse(result.result.value);
  }

  /** The article as shown, a markup audit, and what the page's own scripts can see. */
  async function shown(tab) {
    const inside = await inShadow(tab, (shadow, audit) => {
      const text = (sel) => shadow.querySelector(sel)?.textContent ?? null;
      const article = shadow.querySelector('article.reader');
      return { title: text('.reader__title'), byline: text('.reader__byline'), body: text('.reader__body'), all: article?.textContent ?? '', audit: new Function(`return (${audit})`)()(article), background: getComputedStyle(shadow.querySelector('.ac-root')).backgroundColor };
    }, auditReaderMarkup.toString());
    const page = await tab.evaluate((tag) => {
      const host = document.querySelector(tag);
      return {
        shadowRoot: host ? host.shadowRoot : 'no host',
        hitIsHost: document.elementFromPoint(innerWidth / 2, innerHeight / 2) === host,
        readerNodes: document.querySelectorAll('.reader__body, .reader__title').length,
        globals: ['articleCleanerInpage', 'articleCleanerReaderView'].filter((g) => g in window),
        overflow: document.documentElement.style.overflow,
        calls: window.__xssCalls,
        violations: window.__cspAfter,
      };
    }, HOST);
    return { ...inside, page };
  }

  await test('firefox: the toolbar action on a strict-CSP article page shows the article over the page (closed shadow root), not the chrome; Escape restores it', async () => {
    const url = `${pages.url}/ext/article?t=${Date.now()}`;
    const { tab, ms, via, state } = await openInPage(url, clickToolbarAction, extId);
    console.log(`        clicked ${via.join(' then ')}; click to in-page reader: ${ms.toFixed(0)} ms`);
    notes.push(`firefox: action triggered by synthesized clicks on the toolbar's Extensions button and the extension's entry; click to the in-page reader settled: ${ms.toFixed(0)} ms`);
    // The page had the strict CSP and its own same-origin script ran there, once.
    assert.equal(await tab.evaluate(() => document.body.dataset.siteJs), 'ran');
    assert.equal(state, 'ready');
    const r = await shown(tab);
    assert.equal(r.title, ARTICLE_TITLE);
    assert.equal(r.byline, 'By Marta Lindqvist');
    assert.ok(r.body.includes('The last sleeper left the valley station in December 2016'), 'first paragraph');
    assert.ok(r.body.includes('is already considering a second departure on Fridays'), 'last paragraph');
    for (const junk of ['Share on Facebook', 'Share on LinkedIn', 'Email a friend', 'Related stories', 'The best rail passes', 'Terms of use', 'All rights reserved', 'Podcasts', 'Subscribe']) {
      assert.ok(!r.all.includes(junk), `still present: ${junk}`);
    }
    assert.deepEqual(r.audit.bad, [], 'unsafe markup in the reader');
    assert.equal(r.background, 'rgb(251, 250, 248)', 'reader.css in the shadow root');
    assert.deepEqual(r.page, { shadowRoot: null, hitIsHost: true, readerNodes: 0, globals: [], overflow: 'hidden', calls: 0, violations: [] });
    // The page script was fetched once, by the page: nothing of ours loaded it again.
    assert.equal(hits.get('site.js'), 1, 'requests for the page script');
    await tab.screenshot({ path: path.join(ARTIFACTS, 'firefox-in-page.png') });
    await tab.keyboard.press('Escape');
    await tab.waitForFunction((tag) => !document.querySelector(tag), { timeout: 5_000 }, HOST);
    await new Promise((r) => setTimeout(r, 200)); // our history.back() (the entry pushed on open) has landed
    assert.deepEqual(await tab.evaluate(() => ({ overflow: document.documentElement.style.overflow, url: location.href })), { overflow: '', url });
    await tab.close();
  });

  await test('firefox: Alt+Shift+L on a strict-CSP page full of script vectors shows the reader with nothing executed', async () => {
    const url = `${pages.url}/ext/hostile?t=${Date.now()}`;
    const { tab, ms, via, state, before } = await openInPage(url, pressShortcut, 'L', { altKey: true, shiftKey: true });
    console.log(`        pressed ${via}; key to in-page reader: ${ms.toFixed(0)} ms`);
    assert.equal(state, 'ready');
    assert.equal((await shown(tab)).title, HOSTILE_TITLE);
    // Bring everything into view and hover it, as the Chromium suite does.
    const boxes = await inShadow(tab, (shadow) =>
      [...shadow.querySelectorAll('article.reader *')].slice(0, 200).map((el) => {
        el.scrollIntoView({ block: 'center' });
        const b = el.getBoundingClientRect();
        return [b.left + b.width / 2, b.top + b.height / 2];
      }),
    );
    for (const [x, y] of boxes.filter(([x, y]) => x > 0 && y > 0).slice(-40)) await tab.mouse.move(x, y);
    await new Promise((r) => setTimeout(r, 300));
    const r = await shown(tab);
    assert.deepEqual(r.audit.bad, [], 'unsafe markup in the reader view');
    assert.ok(r.audit.paragraphs >= 3, 'the article text is there');
    // A vector that ran would call __xss(), and one the page's CSP blocked would be reported
    // (and the extension's script errors are watched in the browser window).
    assert.equal(r.page.calls, before.calls, '__xss() calls after the key');
    assert.deepEqual(r.page.violations, [], 'CSP reports after the key');
    assert.deepEqual(await inBrowserWindow(browser, extensionErrors), [], 'script errors or CSP reports of extension pages');
    assert.equal(await tab.evaluate(() => location.href), url, 'the page navigated');
    await tab.close();
  });

  await test('firefox: "Open in a tab" opens the reader tab with the article, and no page script runs in it', async () => {
    const url = `${pages.url}/ext/article?t=${Date.now()}`;
    const { tab } = await openInPage(url, clickToolbarAction, extId);
    const before = new Set(await browser.pages());
    await inShadow(tab, (shadow) => shadow.querySelector('button[data-action="tab"]').click());
    // The new tab's address as the page itself reports it: puppeteer's page.url() keeps the
    // tab's first address (about:blank) for moz-extension pages.
    let reader;
    for (const t0 = performance.now(); !reader; ) {
      assert.ok(performance.now() - t0 < 15_000, 'no reader tab within 15 s');
      for (const p of await browser.pages()) {
        if (before.has(p)) continue;
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (/^moz-extension:\/\/[0-9a-f-]{36}\/reader\.html\?id=/.test(href)) reader = p;
      }
      if (!reader) await new Promise((r) => setTimeout(r, 25));
    }
    await reader.waitForFunction(() => document.documentElement.dataset.state, { timeout: 15_000 });
    const text = await reader.$eval('#reader', (el) => el.textContent).catch(() => '(no #reader)');
    assert.equal(await reader.evaluate(() => document.documentElement.dataset.state), 'ready', `the reader shows an error or placeholder:\n${text.slice(0, 400)}`);
    assert.equal(await reader.$eval('#reader .reader__title', (el) => el.textContent), ARTICLE_TITLE);
    assert.ok(text.includes('is already considering a second departure on Fridays'), 'last paragraph');
    assert.equal(await reader.$eval('#back-link', (el) => el.getAttribute('href')), url);
    // The overlay closed; the reader's only script is its own.
    await tab.waitForFunction((tag) => !document.querySelector(tag), { timeout: 5_000 }, HOST);
    const scripts = await reader.evaluate(() => ({ marked: document.body.dataset.siteJs ?? null, srcs: [...document.scripts].map((s) => new URL(s.src || 'inline:', location.href).pathname) }));
    assert.deepEqual(scripts, { marked: null, srcs: ['/reader-page.js'] });
    await reader.screenshot({ path: path.join(ARTIFACTS, 'firefox-reader.png') });
    await reader.close();
    await tab.close();
  });

  await test('firefox: no script error or CSP report from the extension\'s pages anywhere', async () => {
    assert.ok(browser, 'browser started');
    assert.deepEqual(await inBrowserWindow(browser, extensionErrors), []);
  }, { always: true });

  notes.push(`total time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  exitCode = summary(notes);
} catch (err) {
  console.error(`firefox e2e: setup failed: ${err?.stack || err}`);
  console.log('0 passed, 1 failed');
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  pages?.server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
