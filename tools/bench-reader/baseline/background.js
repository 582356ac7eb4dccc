// Service worker of the bench's baseline extension (tools/bench-reader.mjs; never shipped).
// The toolbar action runs Readability.js 0.6.0 in the page's content script on a clone of the
// document, and opens the reader tab at the same time; the reader tab takes the result by
// message and shows it with article-cleaner's own reader page (reader.js, reader.css).

const now = () => performance.timeOrigin + performance.now();
const workerTimes = { workerOrigin: performance.timeOrigin, workerScript: now() };
/** id -> Promise of { article, readerable, url, title, timings }. */
const results = new Map();

async function readTab(tab, timings) {
  // Retried while access is refused, as article-cleaner's worker does: the activeTab grant can
  // land a few milliseconds after the click event.
  for (let attempt = 0; ; attempt++) {
    try {
      const [injection] = await chrome.scripting.executeScript({
        target: { tabId: tab.id },
        files: ['Readability.js', 'Readability-readerable.js', 'read-page.js'],
      });
      timings.read = now();
      return { ...injection.result, timings };
    } catch (err) {
      if (attempt >= 4 || !/Cannot access/i.test(String(err?.message))) throw err;
      await new Promise((r) => setTimeout(r, 40 * (attempt + 1)));
    }
  }
}

chrome.action.onClicked.addListener((tab) => {
  const id = crypto.randomUUID();
  const timings = { ...workerTimes, clicked: now() };
  const result = readTab(tab, timings).catch((err) => ({ error: String(err?.message || err), url: tab.url, timings }));
  results.set(id, result);
  chrome.tabs.create({ url: chrome.runtime.getURL(`reader.html?id=${id}`), index: tab.index + 1, openerTabId: tab.id });
});

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type !== 'take-article' || sender.id !== chrome.runtime.id) return false;
  const result = results.get(message.id);
  results.delete(message.id);
  if (!result) return sendResponse(null), false;
  result.then(sendResponse);
  return true;
});
