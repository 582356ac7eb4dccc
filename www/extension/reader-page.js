// The extension's reader page: takes the snapshot that background.js stored for ?id=, cleans it
// with the wasm module (cleanToFragment builds the article node by node, here in the page) and
// shows it with the reader view shared with the host page (reader.js / reader.css, copies made
// by tools/sync-web-assets.mjs).

import init, { cleanToFragment, isProbablyReaderable } from './pkg/browser.js';
import {
  renderArticle,
  renderPlaceholder,
  mountReaderControls,
  describeError,
  userError,
  notReaderableError,
  formatBytes,
} from './reader.js';

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

/** The snapshot background.js kept for this id: session storage, or by message when too big. */
async function loadSnapshot(id) {
  const key = `page:${id}`;
  const got = await chrome.storage.session.get(key);
  if (got[key]) return got[key];
  return chrome.runtime.sendMessage({ type: 'take-snapshot', id });
}

async function main() {
  mountReaderControls($('reader-controls'), {
    getArticle: () => current,
    onStatus: (msg) => {
      statsEl.textContent = msg;
    },
  });

  const id = new URLSearchParams(location.search).get('id');
  if (!id) throw userError('Nothing to show: open the reader view from the toolbar button (or Alt+Shift+L) on a page.');
  const [snapshot] = await Promise.all([loadSnapshot(id), init()]);
  if (!snapshot) throw userError('This reader view has expired. Go back to the page and open the reader view again.');

  if (snapshot.title) document.title = `${snapshot.title} — Reader view`;
  if (isHttp(snapshot.url)) {
    const back = $('back-link');
    back.href = snapshot.url;
    back.hidden = false;
  }
  if (snapshot.error) {
    throw userError(`The extension cannot read this page (${snapshot.error}). Browser pages such as the settings, the new-tab page and the extension gallery are off limits to every extension.`);
  }

  const options = { outputMarkdown: true };
  if (isHttp(snapshot.url)) options.url = snapshot.url;
  const t = performance.now();
  const result = cleanToFragment(snapshot.html, options);
  const ms = performance.now() - t;
  const bytesIn = new TextEncoder().encode(snapshot.html).length;
  const bytesOut = new TextEncoder().encode(result.article.content || '').length;
  statsEl.textContent = `Cleaned in ${ms.toFixed(1)} ms · ${formatBytes(bytesIn)} in → ${formatBytes(bytesOut)} out · ${result.article.wordCount.toLocaleString()} words`;

  const show = () => {
    current = result.article;
    alertEl.replaceChildren();
    renderArticle(readerEl, result, { sourceUrl: snapshot.url });
    if (result.article.title) document.title = `${result.article.title} — Reader view`;
    document.documentElement.dataset.state = 'ready';
  };
  if (isProbablyReaderable(snapshot.html, options.url ? { url: options.url } : undefined)) {
    show();
  } else {
    // What a browser's own reader mode would refuse: say so, offer the result anyway.
    showError(notReaderableError());
    renderPlaceholder(readerEl, 'This page is not an article', NOT_ARTICLE_TEXT, { label: 'Show what was found anyway', onClick: show });
    document.documentElement.dataset.state = 'not-readerable';
  }
}

const NOT_ARTICLE_TEXT =
  'The reader view needs a page with a main text, such as a news story or a blog post. Use the link above to go back to the page.';

main().catch((err) => {
  showError(err);
  const notArticle = err?.name === 'ArticleCleanerError' && err.code === 'NOT_READERABLE';
  renderPlaceholder(
    readerEl,
    notArticle ? 'This page is not an article' : 'No reader view for this page',
    notArticle ? NOT_ARTICLE_TEXT : 'See the message above.',
  );
  document.documentElement.dataset.state = notArticle ? 'not-readerable' : 'error';
});
