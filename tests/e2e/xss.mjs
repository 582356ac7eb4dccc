// Real-browser XSS check of the hostile corpus (tests/hostile/vectors.json).
//
// tests/hostile_corpus.rs proves, with html5ever, that the cleaner's output for every vector
// parses into safe markup. This suite shows the same in Chromium, where a surviving script
// would really run: a blank page served from 127.0.0.1 with NO Content-Security-Policy loads
// pkg/article_cleaner.js + .wasm; each vector is embedded in the same news page as the Rust
// test (same sentences, header, nav, aside, footer; `in_head` vectors in <head>), cleaned with
// the page URL, and inserted into live <div>s four ways: `content` through innerHTML, the
// `cleanToFragment` fragment appended, and both again with `keepClasses: true`. Then every
// inserted element gets synthetic mouse, pointer, focus, key and click events (link clicks are
// cancelled by a capture listener, which records any target with a non-http(s)/mailto scheme)
// and the DOM is audited: no `on*`/style/srcdoc attributes, no script, iframe, object, embed,
// svg, form, base, meta, link or style elements, no javascript:/vbscript:/data:text URL.
//
// Vectors call window.__xss() (or alert/confirm/prompt/print), which an init script turns into
// counters; dialogs, navigations, popups, new frames and requests are watched as well. Requests
// to any host but 127.0.0.1 are blocked and counted by type: images are expected (the page's
// pictures on example.com hosts), anything else (scripts, documents, styles, fetches) fails.
// Known-bug vectors concern Markdown only: their HTML is tested too. NOT_READERABLE results
// are counted and listed separately.
//
//   node tests/e2e/run.mjs                 # with the other e2e suites
//   node tests/e2e/xss.mjs                 # this suite alone
//   XSS_FILTER=svg node tests/e2e/xss.mjs  # only vectors whose id contains "svg"

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, CHROMIUM_ARGS, startTestServer, summary, test, watchPage } from './harness.mjs';

const CORPUS = path.join(ROOT, 'tests', 'hostile', 'vectors.json');
const PKG = path.join(ROOT, 'pkg');
const PAGE_URL = 'https://news.example.com/2026/story.html';
const BATCH = 50;
const SETTLE_MS = 300;

// ---------------------------------------------------------------------------------------------
// The page around each vector: the same as `page()` in tests/hostile_corpus.rs.

const TITLE = 'Harbour board approves night ferry trial';
const PARAGRAPHS = [
  'The harbour board voted on Wednesday evening to run a six-month trial of night ferries between the mainland and the two northern islands, ending a campaign by shift workers, hospital staff and publicans that has lasted, on and off, for almost a decade.',
  "Under the plan, a single vessel will leave the mainland pier at half past eleven and again at two in the morning, returning from the islands in between, with fares set at the daytime rate and a discount for anyone holding a resident's card.",
  'Board members said the trial would be judged on passenger numbers, on complaints about noise from residents near the pier, and on whether the crew rota could be filled without overtime, which the operator said it could not afford for long.',
  '', // VECTOR_PARAGRAPH
  "The operator's chief executive told the meeting that the company had bought a second gangway and would light the pier car park all night, after complaints last winter that it was too dark to find a car, let alone a ticket machine.",
  'A review of the trial is due in the spring, when the board will decide whether night crossings become part of the permanent timetable, are cut back to weekends only, or are dropped altogether, as happened after a shorter trial in 2019.',
];
const VECTOR_PARAGRAPH = 3;
const SENTENCE_BEFORE = "Islanders who work late at the mainland hospital said the last boat, at nine, forced them to sleep on friends' sofas twice a week.";
const SENTENCE_AFTER = 'Several of them asked the board to publish its passenger figures every month, so that the trial could not be quietly abandoned in a slow week.';

export function hostilePage(vector, inHead) {
  const head = inHead ? vector : '';
  const bodyVector = inHead ? '' : vector;
  let html =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<title>${TITLE} | Coastal Courier</title>` +
    `<meta name="viewport" content="width=device-width">${head}</head>\n<body>` +
    `<header class="site-header"><a class="logo" href="/">Coastal Courier</a>` +
    `<nav class="main-nav"><ul><li><a href="/news/">News</a></li>` +
    `<li><a href="/sport/">Sport</a></li><li><a href="/weather/">Weather</a></li>` +
    `<li><a href="/subscribe/">Subscribe</a></li></ul></nav></header>\n` +
    `<main><article class="story"><h1>${TITLE}</h1>` +
    `<p class="byline">By Morag Lindqvist, transport correspondent</p>\n`;
  PARAGRAPHS.forEach((paragraph, index) => {
    html += index === VECTOR_PARAGRAPH ? `<p>${SENTENCE_BEFORE} ${bodyVector} ${SENTENCE_AFTER}</p>\n` : `<p>${paragraph}</p>\n`;
  });
  html +=
    `</article>\n<aside class="related"><h2>Related</h2><ul>` +
    `<li><a href="/news/ferry-fares">Ferry fares to rise in April</a></li>` +
    `<li><a href="/news/pier-repairs">Pier repairs finished early</a></li></ul></aside>` +
    `</main>\n<footer class="site-footer"><p>&copy; 2026 Coastal Courier. All rights ` +
    `reserved.</p><nav><a href="/privacy">Privacy</a> <a href="/contact">Contact</a>` +
    `</nav></footer>\n</body></html>\n`;
  return html;
}

// ---------------------------------------------------------------------------------------------
// The wasm package, read once (others may rebuild pkg/ while we run).

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** pkg/article_cleaner.js and _bg.wasm as one consistent pair, or null (missing, half-written). */
function readPkg() {
  try {
    const js = fs.readFileSync(path.join(PKG, 'article_cleaner.js'));
    const wasm = fs.readFileSync(path.join(PKG, 'article_cleaner_bg.wasm'));
    const text = js.toString('utf8');
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
    // Every import the module wants must be provided by this very JS glue (same build).
    if (!imports.every((i) => text.includes(i.name))) return null;
    return { js, wasm };
  } catch {
    return null;
  }
}

export async function loadPkg({ log = console.log } = {}) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const pkg = readPkg();
    if (pkg) return pkg;
    await sleep(2000); // maybe being rebuilt right now
  }
  log('        pkg/ missing or inconsistent: building it (npm run build)...');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
  for (let attempt = 0; attempt < 30; attempt++) {
    const pkg = readPkg();
    if (pkg) return pkg;
    await sleep(2000);
  }
  throw new Error('pkg/article_cleaner.js + _bg.wasm still missing or inconsistent after the build');
}

/** Sources changed after pkg/ was built (the results then describe an older build). */
function newerSources() {
  let built;
  try {
    built = fs.statSync(path.join(PKG, 'article_cleaner_bg.wasm')).mtimeMs;
  } catch {
    return [];
  }
  const newer = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.rs') && fs.statSync(p).mtimeMs > built) newer.push(path.relative(ROOT, p));
    }
  };
  try {
    walk(path.join(ROOT, 'src'));
    for (const f of ['Cargo.toml', 'Cargo.lock']) if (fs.statSync(path.join(ROOT, f)).mtimeMs > built) newer.push(f);
  } catch {
    // a file vanished while we looked: not worth failing for
  }
  return newer;
}

// ---------------------------------------------------------------------------------------------
// The blank test page (no CSP) and what runs in it

const INDEX_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>article-cleaner XSS check</title></head>
<body>
<h1>XSS check</h1>
<div id="out-html"></div>
<div id="out-fragment"></div>
<div id="out-html-classes"></div>
<div id="out-fragment-classes"></div>
<div id="scratch"></div>
<script type="module">
import init, * as cleaner from '/pkg/article_cleaner.js';
init().then(
  () => { window.__cleaner = cleaner; window.__ready = true; },
  (e) => { window.__initError = String(e && e.stack || e); },
);
</script>
</body></html>
`;
const KNOWN_LOCAL = new Set(['/', '/pkg/article_cleaner.js', '/pkg/article_cleaner_bg.wasm', '/favicon.ico']);

/** Init script: every way a vector signals execution becomes a counter. */
function installTraps() {
  const counter = (name) =>
    function () {
      window.__xssFired = (window.__xssFired || 0) + 1;
      (window.__xssLog ||= []).push(name);
    };
  window.__xss = counter('__xss');
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = counter(name);
}

/** In the page: clean every vector and insert the outputs into the live containers. */
function insertBatch({ items, pageUrl }) {
  const cleaner = window.__cleaner;
  const variants = [
    ['html', 'out-html', false, false],
    ['fragment', 'out-fragment', false, true],
    ['html+keepClasses', 'out-html-classes', true, false],
    ['fragment+keepClasses', 'out-fragment-classes', true, true],
  ];
  const results = [];
  for (const { id, html } of items) {
    const r = { id, inserted: 0, errors: [] };
    for (const [variant, containerId, keepClasses, fragment] of variants) {
      const holder = document.createElement('div');
      holder.dataset.vector = id;
      holder.dataset.variant = variant;
      document.getElementById(containerId).appendChild(holder); // live before the insert
      const options = keepClasses ? { url: pageUrl, keepClasses: true } : { url: pageUrl };
      try {
        if (fragment) holder.appendChild(cleaner.cleanToFragment(html, options).fragment);
        else holder.innerHTML = cleaner.clean(html, options).content;
        holder.dataset.ok = '1';
        r.inserted++;
      } catch (e) {
        r.errors.push({ variant, code: (e && e.code) || null, message: String((e && e.message) || e) });
      }
    }
    results.push(r);
  }
  return results;
}

/** In the page: fire events at every inserted element, then audit the DOM. */
async function pokeAndAudit({ firstParagraph }) {
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await frames();
  const roots = ['out-html', 'out-fragment', 'out-html-classes', 'out-fragment-classes'].map((id) => document.getElementById(id));
  const where = (el) => {
    const h = el.closest('[data-vector]');
    return h ? { vector: h.dataset.vector, variant: h.dataset.variant } : { vector: '?', variant: '?' };
  };

  // Clicks must not navigate: cancel them all, but note a link with a script-capable scheme.
  const badLinks = [];
  const badLinkSeen = new Set();
  const onClick = (e) => {
    const a = e.target.closest && e.target.closest('a[href], area[href]');
    // Only HTML <a>/<area> are links (a MathML <a href> is caught by the audit below).
    if (a && (a instanceof HTMLAnchorElement || a instanceof HTMLAreaElement) && !['http:', 'https:', 'mailto:'].includes(a.protocol) && !badLinkSeen.has(a)) {
      badLinkSeen.add(a);
      badLinks.push({ ...where(a), href: a.getAttribute('href'), protocol: a.protocol });
    }
    e.preventDefault();
  };
  const onSubmit = (e) => e.preventDefault();
  for (const root of roots) {
    for (const type of ['click', 'auxclick', 'dblclick']) root.addEventListener(type, onClick, true);
    root.addEventListener('submit', onSubmit, true);
  }

  const opts = { bubbles: true, cancelable: true, composed: true };
  const make = {
    mouse: (t) => new MouseEvent(t, { ...opts, view: window }),
    pointer: (t) => new PointerEvent(t, { ...opts, view: window, pointerType: 'mouse' }),
    focus: (t) => new FocusEvent(t, { bubbles: t === 'focusin' || t === 'focusout', composed: true }),
    key: (t) => new KeyboardEvent(t, { ...opts, key: 'Enter' }),
    plain: (t) => new Event(t, opts),
  };
  const EVENTS = [
    ['pointerover', 'pointer'], ['pointerenter', 'pointer'], ['mouseover', 'mouse'], ['mouseenter', 'mouse'],
    ['mousemove', 'mouse'], ['pointerdown', 'pointer'], ['mousedown', 'mouse'], ['focus', 'focus'],
    ['focusin', 'focus'], ['pointerup', 'pointer'], ['mouseup', 'mouse'], ['click', 'mouse'],
    ['dblclick', 'mouse'], ['auxclick', 'mouse'], ['contextmenu', 'mouse'], ['keydown', 'key'],
    ['keyup', 'key'], ['input', 'plain'], ['change', 'plain'], ['wheel', 'plain'], ['copy', 'plain'],
    ['mouseout', 'mouse'], ['mouseleave', 'mouse'], ['blur', 'focus'], ['focusout', 'focus'],
  ];
  const syncFires = [];
  let elements = 0;
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      elements++;
      const before = window.__xssFired || 0;
      for (const [type, kind] of EVENTS) el.dispatchEvent(make[kind](type));
      try {
        el.focus({ preventScroll: true });
        el.blur();
      } catch {
        // not focusable
      }
      const after = window.__xssFired || 0;
      if (after > before) syncFires.push({ ...where(el), element: el.localName, count: after - before });
    }
  }
  await frames();

  // The audit.
  const FORBIDDEN = new Set([
    'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'form', 'base',
    'meta', 'link', 'style', 'template', 'noscript', 'input', 'button', 'textarea', 'select',
    'portal', 'fencedframe', 'param',
  ]);
  const FORBIDDEN_ATTRS = new Set(['style', 'srcdoc', 'action', 'formaction', 'xlink:href', 'ping']);
  const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'cite', 'poster', 'background', 'data', 'longdesc', 'usemap']);
  const HTML_NS = 'http://www.w3.org/1999/xhtml';
  const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
  const squeeze = (v) => v.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g, '').toLowerCase();
  const BAD_SCHEME = /^(javascript|vbscript|livescript|data:text)/;
  const srcsetUrls = (v) => {
    // The HTML "parse a srcset attribute" split: URL = run of non-space; descriptors to a comma.
    const urls = [];
    let i = 0;
    while (i < v.length) {
      while (i < v.length && /[\s,]/.test(v[i])) i++;
      if (i >= v.length) break;
      let j = i;
      while (j < v.length && !/\s/.test(v[j])) j++;
      let url = v.slice(i, j);
      if (/,$/.test(url)) {
        url = url.replace(/,+$/, '');
        i = j;
      } else {
        let depth = 0;
        while (j < v.length && !(v[j] === ',' && depth === 0)) {
          if (v[j] === '(') depth++;
          else if (v[j] === ')') depth = Math.max(0, depth - 1);
          j++;
        }
        i = j + 1;
      }
      urls.push(url);
    }
    return urls;
  };
  const bad = [];
  let attributes = 0;
  const all = roots.flatMap((root) => [...root.querySelectorAll('*')]);
  for (const el of all) {
    const at = where(el);
    const name = el.localName;
    if (FORBIDDEN.has(name)) bad.push({ ...at, what: `<${name}>` });
    if (el.namespaceURI !== HTML_NS && el.namespaceURI !== MATHML_NS) bad.push({ ...at, what: `<${name}> in namespace ${el.namespaceURI}` });
    if (el.shadowRoot) bad.push({ ...at, what: `<${name}> has a shadow root` });
    for (const a of el.attributes) {
      attributes++;
      const an = a.name.toLowerCase();
      if (an.startsWith('on')) bad.push({ ...at, what: `<${name} ${a.name}="${a.value}">` });
      if (FORBIDDEN_ATTRS.has(an)) bad.push({ ...at, what: `<${name} ${a.name}="${a.value}">` });
      if (!URL_ATTRS.has(an) && !an.endsWith(':href')) continue;
      const urls = an === 'srcset' ? srcsetUrls(a.value) : [a.value];
      const whole = squeeze(a.value);
      const bogus = urls.map(squeeze).filter((u) => BAD_SCHEME.test(u));
      if (!bogus.length && an === 'srcset' && /(^|,)(javascript|vbscript|livescript|data:text)/.test(whole)) bogus.push(whole);
      const imageAttr = (name === 'img' || name === 'source') && (an === 'src' || an === 'srcset');
      for (const u of urls.map(squeeze)) {
        if (u.startsWith('data:') && !(imageAttr && u.startsWith('data:image/'))) bogus.push(u);
      }
      if (bogus.length) bad.push({ ...at, what: `<${name} ${a.name}="${a.value}">` });
    }
    // A URL on a MathML element: not a link in Chromium, but one in browsers that honour MathML
    // href, with no scheme check by the URL parser below. It also means the output parsed into
    // another namespace than the one it was built in (the fragment path builds an HTML <a>).
    if (el.namespaceURI === MATHML_NS) {
      for (const a of el.attributes) {
        if (URL_ATTRS.has(a.name.toLowerCase())) bad.push({ ...at, what: `MathML <${name} ${a.name}="${a.value}"> (parsed into the MathML namespace)` });
      }
    }
    // The browser's own reading of the URLs.
    if ((el instanceof HTMLAnchorElement || el instanceof HTMLAreaElement) && el.hasAttribute('href') && !['http:', 'https:', 'mailto:'].includes(el.protocol)) {
      bad.push({ ...at, what: `<${name} href="${el.getAttribute('href')}"> is ${el.protocol}` });
    }
    if (name === 'img' && el.currentSrc && !/^(https?|data):/.test(el.currentSrc)) {
      bad.push({ ...at, what: `<img> currentSrc ${el.currentSrc}` });
    }
  }
  // Outside the containers, too: nothing may have been added to the document.
  for (const el of document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv], link, style, script:not([type=module])')) {
    bad.push({ vector: '?', variant: 'document', what: `<${el.localName}> in the document` });
  }
  // Every successful output holds the article's first paragraph (the test is not vacuous).
  const empty = [];
  for (const root of roots) {
    for (const holder of root.children) {
      if (holder.dataset.ok === '1' && !holder.textContent.replace(/\s+/g, ' ').includes(firstParagraph)) {
        empty.push({ vector: holder.dataset.vector, variant: holder.dataset.variant });
      }
    }
  }
  for (const root of roots) {
    for (const type of ['click', 'auxclick', 'dblclick']) root.removeEventListener(type, onClick, true);
    root.removeEventListener('submit', onSubmit, true);
    root.replaceChildren();
  }
  const fired = window.__xssFired || 0;
  const log = window.__xssLog || [];
  window.__xssFired = 0;
  window.__xssLog = [];
  return { fired, log, syncFires, badLinks, bad, empty, elements, attributes };
}

// ---------------------------------------------------------------------------------------------

export async function xssTests({ browser, problems, artifacts, notes = [] }) {
  const started = performance.now();
  let server;
  let ctx;
  try {
    let corpus = JSON.parse(fs.readFileSync(CORPUS, 'utf8'));
    const onlyIds = process.env.XSS_FILTER || '';
    if (onlyIds) corpus = corpus.filter((v) => v.id.includes(onlyIds));
    const pkg = await loadPkg();
    const stale = newerSources();
    if (stale.length) {
      const msg = `xss: WARNING pkg/ is older than ${stale.length} source file(s) (${stale.slice(0, 5).join(', ')}${stale.length > 5 ? ', ...' : ''}): this tests the last build; run \`npm run build\` to test the sources`;
      console.log(`        ${msg}`);
      notes.push(msg);
    }

    server = await startTestServer({
      '/': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(INDEX_HTML);
      },
      '/pkg/article_cleaner.js': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(pkg.js);
      },
      '/pkg/article_cleaner_bg.wasm': (req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/wasm', 'Cache-Control': 'no-store' });
        res.end(pkg.wasm);
      },
      '/favicon.ico': (req, res) => {
        res.writeHead(204);
        res.end();
      },
    });
    const base = `${server.url}/`;

    // ---- watchers
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addInitScript(installTraps);
    const ev = { dialogs: [], navigations: [], popups: [], frames: [], websockets: [], foreign: [], localOdd: [], label: '(setup)', rerun: false };
    const foreignByType = {};
    await ctx.route('**/*', (route) => {
      const req = route.request();
      const u = new URL(req.url());
      const type = req.resourceType();
      if (u.hostname === '127.0.0.1' && u.port === String(new URL(base).port) && KNOWN_LOCAL.has(u.pathname)) return route.continue();
      const entry = { batch: ev.label, type, url: req.url() };
      if (u.hostname === '127.0.0.1') ev.localOdd.push(entry);
      else {
        ev.foreign.push(entry);
        if (!ev.rerun) foreignByType[type] = (foreignByType[type] || 0) + 1;
      }
      return route.abort('blockedbyclient');
    });
    ctx.on('page', (p) => ev.popups.push({ batch: ev.label, url: p.url() })); // popups included
    const page = await ctx.newPage();
    ev.popups.length = 0; // our own page
    // Blocked loads are logged by the browser as errors: those are the expected outcome here.
    watchPage(page, problems, (entry) => /Failed to load resource: net::ERR_BLOCKED_BY_CLIENT/.test(entry.text));
    page.on('dialog', (d) => {
      ev.dialogs.push({ batch: ev.label, type: d.type(), message: d.message() });
      d.dismiss().catch(() => {});
    });
    page.on('websocket', (ws) => ev.websockets.push({ batch: ev.label, url: ws.url() }));
    page.on('frameattached', (f) => ev.frames.push({ batch: ev.label, url: f.url() }));
    let watchingNav = false;
    page.on('framenavigated', (f) => {
      if (watchingNav && f === page.mainFrame()) ev.navigations.push({ batch: ev.label, url: f.url() });
    });

    const open = async () => {
      watchingNav = false;
      await page.goto(base);
      await page.waitForFunction(() => window.__ready || window.__initError, null, { timeout: 15_000 });
      const err = await page.evaluate(() => window.__initError);
      if (err) throw new Error(`the wasm package did not load: ${err}`);
      watchingNav = true;
    };
    await open();

    const counts = () => Object.fromEntries(['dialogs', 'navigations', 'popups', 'frames', 'websockets', 'localOdd'].map((k) => [k, ev[k].length]).concat([['foreignNonImage', ev.foreign.filter((f) => f.type !== 'image').length]]));

    /** Insert a group of vectors, settle, poke, audit. Returns the raw findings of the group. */
    const runGroup = async (vectors, label, { screenshot } = {}) => {
      ev.label = label;
      const before = counts();
      const items = vectors.map((v) => ({ id: v.id, html: hostilePage(v.vector, !!v.in_head) }));
      const r = { inserted: [], poke: null, lost: null };
      try {
        r.inserted = await page.evaluate(insertBatch, { items, pageUrl: PAGE_URL });
        await page.waitForTimeout(SETTLE_MS);
        if (screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
        r.poke = await page.evaluate(pokeAndAudit, { firstParagraph: PARAGRAPHS[0] });
      } catch (err) {
        r.lost = String(err?.message || err).split('\n')[0]; // the page went away under us
      }
      const after = counts();
      r.events = Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
      if (r.lost || r.events.navigations || r.events.popups) {
        for (const p of ctx.pages()) if (p !== page) await p.close().catch(() => {});
        await open();
      }
      return r;
    };
    const needsBisect = (r) =>
      r.lost || (r.poke && r.poke.fired > r.poke.syncFires.reduce((n, s) => n + s.count, 0)) || Object.values(r.events).some((n) => n > 0);

    // ---- the canary: the harness must see a raw vector fire, or a zero proves nothing.
    await test('xss: the harness catches a vector inserted raw (no CSP, traps armed)', async () => {
      ev.label = 'canary';
      const result = await page.evaluate(async () => {
        const s = document.getElementById('scratch');
        s.innerHTML =
          '<img src="https://evil.example/canary.png" onerror="window.__xss()">' +
          '<b onmouseover="alert(1)">hover</b><a href="javascript:window.__xss()">js link</a>';
        await new Promise((r) => setTimeout(r, 300));
        s.querySelector('b').dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
        const fired = window.__xssFired || 0;
        const log = window.__xssLog || [];
        const protocol = s.querySelector('a').protocol;
        s.replaceChildren();
        window.__xssFired = 0;
        window.__xssLog = [];
        return { fired, log, protocol, csp: document.querySelector('meta[http-equiv]') !== null };
      });
      assert.deepEqual(result.log.sort(), ['__xss', 'alert'], `the raw vectors' handlers ran: ${JSON.stringify(result)}`);
      assert.equal(result.protocol, 'javascript:');
      assert.equal(result.csp, false);
      assert.ok(ev.foreign.some((f) => f.url === 'https://evil.example/canary.png' && f.type === 'image'), 'the foreign image request was seen and blocked');
      ev.foreign.length = 0;
      for (const k of Object.keys(foreignByType)) delete foreignByType[k];
    });

    // ---- the corpus
    const stats = {
      tried: 0,
      inserted: 0,
      byVariant: {},
      notReaderable: [],
      otherErrors: [],
      fired: [],
      badLinks: [],
      bad: [],
      empty: [],
      unattributed: [],
      elements: 0,
      attributes: 0,
      lost: [],
      events: {},
    };
    let ran = false;
    await test(`xss: clean + insert ${corpus.length} hostile vectors x4 (innerHTML, fragment, keepClasses) in Chromium`, async () => {
      ran = true;
      const collect = (r, vectors) => {
        for (const res of r.inserted) {
          stats.inserted += res.inserted;
          for (const e of res.errors) {
            if (e.code === 'NOT_READERABLE') stats.notReaderable.push({ id: res.id, variant: e.variant });
            else stats.otherErrors.push({ id: res.id, ...e });
          }
        }
        if (r.poke) {
          stats.elements += r.poke.elements;
          stats.attributes += r.poke.attributes;
          stats.badLinks.push(...r.poke.badLinks);
          stats.bad.push(...r.poke.bad);
          stats.empty.push(...r.poke.empty);
          for (const s of r.poke.syncFires) stats.fired.push({ id: s.vector, how: `${s.count} call(s) while firing events at <${s.element}> (${s.variant})` });
        }
        if (r.lost) stats.lost.push({ ids: vectors.map((v) => v.id), error: r.lost });
      };
      /** Rerun halves of a group that showed a signal; record what single vectors do. */
      const bisect = async (vectors, r, syncIds) => {
        if (vectors.length === 1) {
          const v = vectors[0];
          const asyncFires = r.poke ? r.poke.fired - r.poke.syncFires.reduce((n, s) => n + s.count, 0) : 0;
          if (asyncFires > 0 && !syncIds.has(v.id)) stats.fired.push({ id: v.id, how: `${asyncFires} call(s) after insertion: ${r.poke.log.join(', ')}` });
          if (r.lost) stats.lost.push({ ids: [v.id], error: r.lost });
          for (const [k, n] of Object.entries(r.events)) if (n > 0) stats.unattributed.push({ id: v.id, what: `${n} ${k}` });
          return 1;
        }
        let found = 0;
        const mid = Math.ceil(vectors.length / 2);
        for (const half of [vectors.slice(0, mid), vectors.slice(mid)]) {
          const rh = await runGroup(half, half.length === 1 ? half[0].id : `${half[0].id}..${half.at(-1).id}`);
          if (needsBisect(rh)) found += await bisect(half, rh, syncIds);
        }
        return found;
      };
      for (let i = 0; i < corpus.length; i += BATCH) {
        const vectors = corpus.slice(i, i + BATCH);
        const label = `batch ${i / BATCH + 1}`;
        const r = await runGroup(vectors, label, i === 0 ? { screenshot: path.join(artifacts, 'xss-batch.png') } : {});
        stats.tried += vectors.length;
        for (const [k, n] of Object.entries(r.events)) stats.events[k] = (stats.events[k] || 0) + n;
        if (!needsBisect(r)) {
          collect(r, vectors);
          continue;
        }
        // Something happened that the synchronous attribution does not explain: bisect the
        // batch (halves, recursively) down to the vectors that do it.
        const syncIds = new Set((r.poke?.syncFires || []).map((s) => s.vector));
        collect({ ...r, lost: null }, vectors);
        ev.rerun = true;
        const found = await bisect(vectors, r, syncIds);
        ev.rerun = false;
        if (!found) {
          const what = Object.entries(r.events).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
          if (r.poke && needsBisect({ ...r, events: {} })) what.push(`${r.poke.fired} call(s): ${r.poke.log.join(', ')}`);
          stats.unattributed.push({ id: `${label} (not reproduced one by one)`, what: what.join('; ') });
          if (r.poke?.fired) stats.fired.push({ id: `${label} (not reproduced one by one)`, how: r.poke.log.join(', ') });
        }
        if (r.lost) stats.lost.push({ ids: vectors.map((v) => v.id), error: `${r.lost} (batch; see the bisection)` });
      }
      // Late async work (timers in a surviving vector) after the last batch.
      await page.waitForTimeout(1000);
      const late = await page.evaluate(() => ({ fired: window.__xssFired || 0, log: window.__xssLog || [] }));
      if (late.fired) stats.fired.push({ id: '(late, after all batches)', how: late.log.join(', ') });

      for (const e of stats.otherErrors) throw new Error(`${e.id} [${e.variant}]: ${e.code}: ${e.message}`);
    });
    if (!ran) return;

    // ---- the verdicts
    const variants = 4;
    const line = (s) => console.log(`        ${s}`);
    line(`vectors tried: ${stats.tried}; outputs inserted: ${stats.inserted} of ${stats.tried * variants} (innerHTML, fragment, innerHTML+keepClasses, fragment+keepClasses); ${stats.elements} elements and ${stats.attributes} attributes poked and audited`);
    const E = (k) => stats.events[k] || 0;
    line(`scripts executed: ${stats.fired.length}; dialogs: ${E('dialogs')}; navigations: ${E('navigations')}; popups: ${E('popups')}; frames: ${E('frames')}; javascript:-style link targets: ${stats.badLinks.length}; forbidden elements/attributes/URLs: ${stats.bad.length}`);
    const odd = stats.unattributed.filter((u) => /localOdd/.test(u.what)).map((u) => u.id);
    line(`blocked foreign requests by type: ${JSON.stringify(foreignByType)}; unexpected 127.0.0.1 requests: ${E('localOdd')}${odd.length ? ` (from ${odd.join(', ')}: ${[...new Set(ev.localOdd.map((r) => `${r.type} ${new URL(r.url).pathname}`))].join(', ')})` : ''}; websockets: ${E('websockets')}`);
    const nrIds = [...new Set(stats.notReaderable.map((n) => n.id))];
    line(`NOT_READERABLE: ${stats.notReaderable.length} output(s) from ${nrIds.length} vector(s)${nrIds.length ? `: ${nrIds.join(', ')}` : ''}`);
    notes.push(
      `xss: ${stats.tried} vectors, ${stats.inserted} outputs inserted, ${stats.fired.length} scripts executed, ${E('dialogs')} dialogs, ${E('navigations')} navigations, ${stats.bad.length} forbidden markup, foreign requests ${JSON.stringify(foreignByType)}, NOT_READERABLE ${nrIds.length}, ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const list = (items, fmt, max = 40) => items.slice(0, max).map((x) => `  ${fmt(x)}`).join('\n') + (items.length > max ? `\n  ... and ${items.length - max} more` : '');

    await test('xss: no script executed (window.__xss, alert, confirm, prompt, print)', async () => {
      if (stats.fired.length || stats.lost.length) {
        throw new Error(`${stats.fired.length} execution(s):\n${list(stats.fired, (f) => `${f.id}: ${f.how}`)}${stats.lost.length ? `\npage lost:\n${list(stats.lost, (l) => `${l.ids.join(',')}: ${l.error}`)}` : ''}`);
      }
    });
    await test('xss: no dialog, navigation, popup, frame or javascript: link target', async () => {
      const all = [
        ...ev.dialogs.map((d) => `dialog ${d.type} "${d.message}" (${d.batch})`),
        ...ev.navigations.map((n) => `navigation to ${n.url} (${n.batch})`),
        ...ev.popups.map((p) => `popup ${p.url} (${p.batch})`),
        ...ev.frames.map((f) => `frame ${f.url} (${f.batch})`),
        ...ev.websockets.map((w) => `websocket ${w.url} (${w.batch})`),
        ...stats.badLinks.map((b) => `${b.vector} [${b.variant}]: clicked link ${b.href} (${b.protocol})`),
        ...stats.unattributed.filter((u) => !/foreignNonImage|localOdd/.test(u.what)).map((u) => `${u.id}: ${u.what}`),
      ];
      if (all.length) throw new Error(`${all.length} event(s):\n${list(all, (s) => s)}`);
    });
    await test('xss: no forbidden element, on*/style attribute or script-capable URL in the live DOM', async () => {
      if (stats.bad.length) throw new Error(`${stats.bad.length} finding(s):\n${list(stats.bad, (b) => `${b.vector} [${b.variant}]: ${b.what}`)}`);
      if (stats.empty.length) throw new Error(`${stats.empty.length} output(s) without the article text:\n${list(stats.empty, (e) => `${e.vector} [${e.variant}]`)}`);
    });
    await test('xss: nothing but images requested from other hosts (all blocked)', async () => {
      const nonImage = ev.foreign.filter((f) => f.type !== 'image');
      const localOdd = ev.localOdd.filter((f) => f.type !== 'image');
      const all = [...nonImage, ...localOdd];
      const who = stats.unattributed.filter((u) => /foreignNonImage|localOdd/.test(u.what)).map((u) => u.id);
      if (all.length) throw new Error(`${all.length} request(s):\n${list(all, (f) => `${f.type} ${f.url} (${f.batch})`)}${who.length ? `\nvectors: ${who.join(', ')}` : ''}`);
      assert.ok(ev.foreign.length > 0, 'expected the article images on example.com hosts to be requested (and blocked)');
    });
  } catch (err) {
    // A setup failure (no wasm package, no server) fails this suite, not the whole run.
    await test('xss: suite setup', async () => {
      throw err;
    }, { always: true });
  } finally {
    await ctx?.close().catch(() => {});
    server?.server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Standalone: `node tests/e2e/xss.mjs`

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const artifacts = path.join(ROOT, 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const problems = [];
  const notes = [];
  const t0 = performance.now();
  let browser;
  let code = 1;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    console.log('xss');
    await xssTests({ browser, problems, artifacts, notes });
    await test('no console errors or uncaught page errors', async () => {
      if (problems.length) throw new Error(`${problems.length} problem(s):\n${problems.map((p) => `  ${p.test}: [${p.page}] ${p.text}${p.location ? ` (${p.location})` : ''}`).join('\n')}`);
    }, { always: true });
    notes.push(`total time: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    code = summary(notes);
  } catch (err) {
    console.error(`xss: setup failed: ${err?.stack || err}`);
  } finally {
    await browser?.close().catch(() => {});
  }
  process.exit(code);
}
