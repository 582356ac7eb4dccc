// The extension's reader page: asks background.js for the article of ?id= (cleaned there by the
// wasm module while this tab was opening) and shows it with the reader view shared with the host
// page (reader.js / reader.css, copies made by tools/sync-web-assets.mjs). The article comes
// first; the settings are built after it is on screen.
//
// The article's `content` is the cleaner's sanitised HTML (rebuilt from an allow-list: no
// scripts, handlers, styles or frames). It is parsed with DOMParser, into an inert document
// where nothing loads or runs, and its nodes are moved into this page; this page's CSP
// (`script-src 'self'`) would block any inline script anyway.

import {
  renderArticle,
  renderPlaceholder,
  mountReaderControls,
  applyPrefs,
  loadPrefs,
  describeError,
  userError,
  notReaderableError,
  formatBytes,
  formatDate,
} from './reader.js';

const now = () => performance.timeOrigin + performance.now();
const scriptStarted = now();
const $ = (id) => document.getElementById(id);
const readerEl = $('reader');
const alertEl = $('alert');
const statsEl = $('stats');
let current = null;

function isHttp(url) {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function showError(err) {
  const p = document.createElement('p');
  p.className = 'alert__text';
  p.textContent = describeError(err);
  alertEl.replaceChildren(p);
}

/** The article's sanitised HTML as nodes of this document. */
function contentFragment(html) {
  const fragment = document.createDocumentFragment();
  fragment.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
  return fragment;
}

function mountControls() {
  mountReaderControls($('reader-controls'), {
    getArticle: () => current,
    onStatus: (msg) => {
      statsEl.textContent = msg;
    },
  });
}

async function main() {
  const id = new URLSearchParams(location.search).get('id');
  if (!id) throw userError('Nothing to show: open the reader view from the toolbar button (or Alt+Shift+L) on a page.');
  const asked = chrome.runtime.sendMessage({ type: 'take-article', id });
  // The theme, size and width, while the worker answers (before anything is painted).
  applyPrefs(loadPrefs());
  // Also while it answers: the first Intl.DateTimeFormat loads the locale data (15 to 25 ms in
  // Chromium), which the article's date needs.
  formatDate('2026-01-01');
  const waiting = now();
  const result = await asked;
  if (!result) throw userError('This reader view has expired. Go back to the page and open the reader view again.');
  const timings = { ...result.timings, tabOpened: performance.timeOrigin, script: scriptStarted, waiting, received: now() };

  if (result.title) document.title = `${result.title} — Reader view`;
  if (isHttp(result.url)) {
    const back = $('back-link');
    back.href = result.url;
    back.hidden = false;
  }
  if (result.pageError && result.noGrant) {
    throw userError('The browser did not give the extension access to the page for this click, so it could not be read. Go back to the page and click the button (or press Alt+Shift+L) again.');
  }
  if (result.pageError) {
    throw userError(`The extension cannot read this page (${result.pageError}). Browser pages such as the settings, the new-tab page and the extension gallery are off limits to every extension.`);
  }
  if (result.error) throw result.error;

  const { article, stats } = result;
  const show = () => {
    current = article;
    alertEl.replaceChildren();
    renderArticle(readerEl, { article, fragment: contentFragment(article.content) }, { sourceUrl: result.url });
    if (article.title) document.title = `${article.title} — Reader view`;
    document.documentElement.dataset.state = 'ready';
    timings.rendered = now();
    // "Article visible": a task after the first frame that follows the insertion, i.e. once it is painted.
    requestAnimationFrame(() =>
      setTimeout(() => {
        // The page's first paint (before the article, if it came first), for bench:reader.
        const firstPaint = performance.getEntriesByName('first-paint')[0];
        if (firstPaint) timings.firstPaint = performance.timeOrigin + firstPaint.startTime;
        performance.mark('article-visible', { detail: { ...timings, visible: now() } });
      }),
    );
  };
  if (result.readerable) {
    show();
  } else {
    // What a browser's own reader mode would refuse: say so, offer the result anyway.
    showError(notReaderableError());
    renderPlaceholder(readerEl, 'This page is not an article', NOT_ARTICLE_TEXT, { label: 'Show what was found anyway', onClick: show });
    document.documentElement.dataset.state = 'not-readerable';
  }
  mountControls();
  statsEl.textContent = `Cleaned in ${stats.ms.toFixed(1)} ms · ${formatBytes(stats.bytesIn)} in → ${formatBytes(stats.bytesOut)} out · ${article.wordCount.toLocaleString()} words`;
}

const NOT_ARTICLE_TEXT =
  'The reader view needs a page with a main text, such as a news story or a blog post. Use the link above to go back to the page.';

main().catch((err) => {
  if (!$('reader-controls').hasChildNodes()) mountControls();
  showError(err);
  const notArticle = err?.name === 'ArticleCleanerError' && err.code === 'NOT_READERABLE';
  renderPlaceholder(
    readerEl,
    notArticle ? 'This page is not an article' : 'No reader view for this page',
    notArticle ? NOT_ARTICLE_TEXT : 'See the message above.',
  );
  document.documentElement.dataset.state = notArticle ? 'not-readerable' : 'error';
});
