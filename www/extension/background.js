// Service worker of the article-cleaner extension (MV3, module worker; an event page in Firefox).
//
// The wasm module is compiled and instantiated as soon as this worker starts (usually woken by
// the click itself), and kept for the worker's life. The toolbar button and its shortcut
// (Alt+Shift+L, `_execute_action`) show the reader IN THE PAGE (the default, measured faster
// than a new tab: see the main README, "Click to reader"):
//   - inject inpage-view.js and inpage.js into the tab (chrome.scripting.executeScript; only
//     `activeTab` is needed, and a strict page CSP does not matter): the script returns the
//     page's serialised DOM and address, then covers the page with the reader's overlay (a
//     closed shadow root) while
//   - the page is cleaned here with `clean()` (and the module warmed up on a small page of its
//     own while the page is read: V8 compiles each wasm function on its first call), and
//   - the result goes back to the page's script ('article-cleaner:show') on the port that script
//     opened when it was injected (or by message if there is none).
// The reader TAB (reader.html?id=...) stays: "Open in a tab" in the overlay opens it with the
// same result, and pages where nothing can be injected (browser pages, a click the browser
// gave no access) get it with their message. There the reader tab asks for the result by
// message ('take-article') and builds the article (the DOM exists only in pages, not here).
// Snapshots are also kept in chrome.storage.session, off the path to the screen, so that a
// reloaded reader tab can be cleaned again.

import init, { clean, isProbablyReaderable } from './pkg/browser.js';

/** When this worker started (its time origin) and when its script began to run. */
const workerTimes = { workerOrigin: performance.timeOrigin, workerScript: performance.timeOrigin + performance.now() };

const KEY_PREFIX = 'page:';
/** Snapshots kept for reloading reader tabs; older ones are dropped. */
const MAX_SNAPSHOTS = 8;
/** A result the reader tab never asked for (closed at once) is dropped after this. */
const RESULT_TTL_MS = 60_000;

// The first clean() of a fresh module also compiles most of its functions (V8 compiles wasm
// lazily, on first call): a small page cleaned at start-up does that while the page is read.
const WARM_UP_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Warm-up - Site</title><meta property="og:site_name" content="Site"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav></header>
<main><article><h1>Warm-up</h1><p class="byline">By <a rel="author" href="/a">A. Writer</a> <time datetime="2026-01-01">1 January 2026</time></p>
<p>A first paragraph, long enough to be counted as text, with a <a href="/link">link</a>, <em>emphasis</em>, <strong>weight</strong> and <code>code</code>, as articles have.</p>
<h2>A section</h2><p>Another paragraph, with commas, clauses, and more words; it is here so that the scoring, cleaning and writing paths all run once.</p>
<ul><li>One item</li><li>Two items</li></ul><blockquote><p>A quotation.</p></blockquote>
<figure><img src="/i.png" alt="An image" width="100" height="50"><figcaption>A caption</figcaption></figure>
<pre><code class="language-js">let x = 1;</code></pre><table><tr><th>A</th><td>1</td></tr></table>
</article><aside class="related"><a href="/r">Related</a></aside></main><footer>© Site</footer></body></html>`;

/**
 * The wasm module, compiled and instantiated once per worker, from the moment it starts (usually
 * woken by the click itself). Compiling is quick (V8 compiles wasm functions lazily, on their
 * first call, and validates the module off this thread); the warm-up below does the rest.
 */
let wasm = null;
const wasmReady = () => (wasm ??= init());
wasmReady();

/** Set when a page has been read (and is about to be cleaned): a warm-up would only delay it. */
let pageWaiting = false;
let warmedUp = false;
/**
 * Compile and instantiate the wasm, then clean the small built-in page once, unless a real page
 * is already waiting: V8 compiles wasm functions lazily, on their first call, so this compiles
 * most of what a clean needs while the page is being read (or while nothing happens).
 */
function warmUp() {
  return wasmReady().then(() => {
    if (warmedUp || pageWaiting) return;
    warmedUp = true;
    const url = 'https://example.com/warm-up';
    isProbablyReaderable(WARM_UP_PAGE, { url });
    clean(WARM_UP_PAGE, { url, outputMarkdown: true });
  });
}
/**
 * A worker not woken by a click warms up this long after starting. A click does it at once,
 * after it has opened the reader tab and asked for the page: done here, on start, the warm-up
 * delayed the click's own handler by its 30 to 60 ms.
 */
const IDLE_START_MS = 300;
setTimeout(warmUp, IDLE_START_MS);
/** id -> Promise of the reader tab's message: what clean() found, or why nothing. */
const results = new Map();
/** Snapshots not yet in storage.session, or too large for it (10 MB quota). */
const inMemory = new Map();
/** Storing a snapshot waits until the reader tab has shown its article. */
const STORE_DELAY_MS = 1000;

const now = () => performance.timeOrigin + performance.now();

/** Injected into the page: the page's serialised DOM and its address. Must be self-contained. */
function readPage() {
  const dt = document.doctype;
  const doctype = dt ? `<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ''}${dt.systemId ? ` "${dt.systemId}"` : ''}>\n` : '';
  return { html: doctype + document.documentElement.outerHTML, url: location.href, title: document.title };
}

async function store(id, snapshot) {
  try {
    const all = await chrome.storage.session.get(null);
    const old = Object.entries(all)
      .filter(([k]) => k.startsWith(KEY_PREFIX))
      .sort((a, b) => (a[1]?.capturedAt || 0) - (b[1]?.capturedAt || 0))
      .map(([k]) => k);
    const drop = old.slice(0, Math.max(0, old.length - (MAX_SNAPSHOTS - 1)));
    if (drop.length) await chrome.storage.session.remove(drop);
    await chrome.storage.session.set({ [KEY_PREFIX + id]: snapshot });
    inMemory.delete(id);
  } catch {
    // Over the session quota: it stays in memory.
  }
}

async function storedSnapshot(id) {
  if (inMemory.has(id)) return inMemory.get(id);
  const key = KEY_PREFIX + id;
  const got = await chrome.storage.session.get(key);
  return got[key] || null;
}

/**
 * executeScript (`injection`: { func } or { files }), retried briefly while access is refused:
 * the activeTab grant can land a few milliseconds after the click event (seen in Chromium 156),
 * and browser pages refuse for good.
 */
async function inject(tabId, injection) {
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await chrome.scripting.executeScript({ target: { tabId }, ...injection });
      if (attempt) console.info(`article-cleaner: the page could be read after ${attempt} retries`);
      return result;
    } catch (err) {
      if (attempt >= 4 || !/Cannot access/i.test(String(err?.message))) throw err;
      await new Promise((r) => setTimeout(r, 40 * (attempt + 1)));
    }
  }
}

/** The page's snapshot, read by `injection` (readPage by default), or why it could not be read. */
async function readTab(tab, timings, injection = { func: readPage }) {
  try {
    const [injected] = await inject(tab.id, injection);
    if (!injected || !injected.result) throw new Error('the page returned nothing');
    timings.read = now();
    return { ...injected.result, capturedAt: Date.now() };
  } catch (err) {
    // Browser pages (chrome://, the web store, PDF viewer) cannot be read by any extension.
    // A web page refused although the click should have granted activeTab: the click's tab came
    // without its url, i.e. without the grant (seen on 3 to 10% of the clicks that wake the worker,
    // in any extension; retrying for half a second does not help). Browser pages (chrome://, the
    // web store) are refused with other messages.
    const noGrant = !tab.url && /must request permission to access the respective host/i.test(String(err?.message));
    return { error: String(err?.message || err), noGrant, url: tab.url || '', title: tab.title || '', capturedAt: Date.now() };
  }
}

/** What the reader tab gets: { url, title, article?, readerable?, error?, stats?, timings }. */
async function cleanSnapshot(snapshot, timings = {}) {
  const { url, title } = snapshot;
  if (snapshot.error) return { url, title, pageError: snapshot.error, noGrant: snapshot.noGrant, timings };
  pageWaiting = true;
  await wasmReady();
  warmedUp = true;
  const isHttp = /^https?:/i.test(url);
  const options = { outputMarkdown: true, ...(isHttp && { url }) };
  try {
    const t = performance.now();
    const readerable = isProbablyReaderable(snapshot.html, isHttp ? { url } : undefined);
    const article = clean(snapshot.html, options);
    const ms = performance.now() - t;
    timings.cleaned = now();
    const stats = { ms, bytesIn: new TextEncoder().encode(snapshot.html).length, bytesOut: new TextEncoder().encode(article.content).length };
    return { url, title, article, readerable, stats, timings };
  } catch (err) {
    // ArticleCleanerError: its name, code and message cross to the reader tab as plain data.
    return { url, title, error: { name: err?.name, code: err?.code, message: String(err?.message || err) }, timings };
  }
}

/**
 * The reader tab: opened at once, while the tab is read (or, with `read`, the snapshot already
 * being read) and cleaned. Returns the reader tab.
 */
export function openReaderFor(tab, { id = crypto.randomUUID(), timings = { ...workerTimes, clicked: now() }, read } = {}) {
  // The reader tab first: its loading is the longest step.
  const opened = chrome.tabs.create({
    url: chrome.runtime.getURL(`reader.html?id=${encodeURIComponent(id)}`),
    index: tab.index + 1,
    openerTabId: tab.id,
  });
  const result = (read || readTab(tab, timings)).then((snapshot) => {
    // Kept for reloads of the reader tab: in memory now, in session storage a little later,
    // so that storing it does not compete with showing the article.
    inMemory.set(id, snapshot);
    setTimeout(() => store(id, snapshot), STORE_DELAY_MS);
    return cleanSnapshot(snapshot, timings);
  });
  // Then the wasm (already there unless this click woke the worker), while both are under way.
  wasmReady().then(() => (timings.wasmReady = now()));
  warmUp().then(() => (timings.warmedUp = now()));
  results.set(id, result);
  setTimeout(() => results.delete(id), RESULT_TTL_MS);
  return opened;
}

/** The scripts of the in-page reader, in order (inpage.js returns the snapshot). */
const INPAGE_FILES = ['inpage-view.js', 'inpage.js'];

/**
 * The reader in the page: inject the overlay's scripts (they read the page first), clean what
 * they read, send them the result. Where they cannot run, the reader tab says why.
 */
export async function showReaderIn(tab) {
  const timings = { ...workerTimes, clicked: now() };
  const read = readTab(tab, timings, { files: INPAGE_FILES });
  wasmReady().then(() => (timings.wasmReady = now()));
  warmUp().then(() => (timings.warmedUp = now()));
  const snapshot = await read;
  // A second click on a page showing the reader closes it.
  if (snapshot.closed) return;
  if (snapshot.error) return openReaderFor(tab, { timings, read: Promise.resolve(snapshot) });
  const { token: id, ...page } = snapshot;
  inMemory.set(id, page);
  setTimeout(() => store(id, page), STORE_DELAY_MS);
  const result = cleanSnapshot(page, timings);
  // For "Open in a tab" (reader.html?id= asks for it as for a click in the tab mode).
  results.set(id, result);
  setTimeout(() => results.delete(id), RESULT_TTL_MS);
  const message = await result;
  message.timings = { ...message.timings, sent: now() };
  const answer = { type: 'article-cleaner:show', token: id, result: message };
  const port = ports.get(id);
  if (port) port.postMessage(answer);
  else await chrome.tabs.sendMessage(tab.id, answer, { frameId: 0 });
}

/** token -> the port the in-page reader of that click opened (while its page is cleaned). */
const ports = new Map();
chrome.runtime.onConnect.addListener((port) => {
  const token = port.name.startsWith('article-cleaner:') && port.name.slice('article-cleaner:'.length);
  if (!token || port.sender?.id !== chrome.runtime.id || port.sender.frameId !== 0) return;
  ports.set(token, port);
  port.onDisconnect.addListener(() => ports.delete(token));
});

chrome.action.onClicked.addListener((tab) => {
  showReaderIn(tab).catch((err) => console.warn('article-cleaner: could not show the reader view:', err));
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id) return false;
  if (message?.type === 'open-in-tab' && sender.tab && typeof message.id === 'string') {
    // From the in-page reader: the same result in the reader tab, next to the page.
    chrome.tabs.create({ url: chrome.runtime.getURL(`reader.html?id=${encodeURIComponent(message.id)}`), index: sender.tab.index + 1, openerTabId: sender.tab.id }).then(
      () => sendResponse({ ok: true }),
      (err) => sendResponse({ error: String(err?.message || err) }),
    );
    return true;
  }
  if (message?.type !== 'take-article') return false;
  const asked = now();
  let result = results.get(message.id)?.then((r) => ({ ...r, timings: { ...r.timings, asked } }));
  results.delete(message.id);
  // A reloaded reader tab (or a restarted worker): clean the kept snapshot again.
  result ??= storedSnapshot(message.id).then((snapshot) => (snapshot ? cleanSnapshot(snapshot) : null));
  result.then(sendResponse, (err) => sendResponse({ error: { message: String(err?.message || err) } }));
  return true;
});

// For debugging from the service worker console: showReaderIn({ id: tabId, index: 0 }) or
// openReaderFor({ id: tabId, index: 0 }).
self.showReaderIn = showReaderIn;
self.openReaderFor = openReaderFor;
