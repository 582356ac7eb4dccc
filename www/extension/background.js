// Service worker of the article-cleaner extension (MV3, module worker).
//
// The toolbar button and its shortcut (Alt+Shift+L, `_execute_action`) call openReaderFor(tab):
//   1. read the page: one injected function returns document.documentElement.outerHTML and
//      location.href. Nothing else ever runs in the page, so a strict page CSP does not matter,
//      and `activeTab` (granted by the click or the shortcut) is the only host access needed;
//   2. keep that snapshot in chrome.storage.session under a fresh id;
//   3. open reader.html?id=... next to the page. The reader page runs the wasm cleaner and
//      builds the article with cleanToFragment (the DOM exists only in pages, not here).

const KEY_PREFIX = 'page:';
/** Snapshots kept for reloading reader tabs; older ones are dropped. */
const MAX_SNAPSHOTS = 8;

/** Snapshots too large for storage.session (10 MB quota), kept until the reader takes them. */
const inMemory = new Map();

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
  } catch {
    // Over the session quota: hand it over by message instead (reader.js asks for it).
    inMemory.set(id, snapshot);
  }
}

/**
 * executeScript, retried briefly while access is refused: the activeTab grant can land a few
 * milliseconds after the click event (seen in Chromium 156), and browser pages refuse for good.
 */
async function injectReadPage(tabId) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await chrome.scripting.executeScript({ target: { tabId }, func: readPage });
    } catch (err) {
      if (attempt >= 4 || !/Cannot access/i.test(String(err?.message))) throw err;
      await new Promise((r) => setTimeout(r, 40 * (attempt + 1)));
    }
  }
}

/** Read the tab, keep the snapshot, open the reader tab. Returns the reader tab. */
export async function openReaderFor(tab) {
  const id = crypto.randomUUID();
  let snapshot;
  try {
    const [injection] = await injectReadPage(tab.id);
    if (!injection || !injection.result) throw new Error('the page returned nothing');
    snapshot = { ...injection.result, capturedAt: Date.now() };
  } catch (err) {
    // Browser pages (chrome://, the web store, PDF viewer) cannot be read by any extension.
    snapshot = { error: String(err?.message || err), url: tab.url || '', title: tab.title || '', capturedAt: Date.now() };
  }
  await store(id, snapshot);
  return chrome.tabs.create({
    url: chrome.runtime.getURL(`reader.html?id=${encodeURIComponent(id)}`),
    index: tab.index + 1,
    openerTabId: tab.id,
  });
}

chrome.action.onClicked.addListener((tab) => {
  openReaderFor(tab).catch((err) => console.warn('article-cleaner: could not open the reader view:', err));
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'take-snapshot' || sender.id !== chrome.runtime.id) return false;
  const snapshot = inMemory.get(message.id) || null;
  inMemory.delete(message.id);
  sendResponse(snapshot);
  return false;
});

// For debugging from the service worker console: openReaderFor({ id: tabId, index: 0 }).
self.openReaderFor = openReaderFor;
