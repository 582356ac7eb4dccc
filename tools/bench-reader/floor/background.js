// Service worker of the bench's floor extension (tools/bench-reader.mjs; never shipped).
// The toolbar action only opens the reader tab: the page is not read and nothing is cleaned.
// Its reader page shows the article of the clicked page that the bench built before the run
// (articles.js), so a click costs what the browser itself costs to wake this worker, open
// a tab, load the reader page and paint the same article as the other extensions show.

const now = () => performance.timeOrigin + performance.now();
const workerTimes = { workerOrigin: performance.timeOrigin, workerScript: now() };

chrome.action.onClicked.addListener((tab) => {
  const timings = { ...workerTimes, clicked: now() };
  // The page's name only chooses the pre-built article (activeTab gives the click's tab its url).
  const page = tab.url ? new URL(tab.url).pathname.slice(1) : '';
  const query = new URLSearchParams({ page, timings: JSON.stringify(timings) });
  chrome.tabs.create({ url: chrome.runtime.getURL(`reader.html?${query}`), index: tab.index + 1, openerTabId: tab.id });
});
