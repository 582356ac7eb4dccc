// Reader page of the bench's baseline extension: the same reader.html, reader.js and reader.css
// as article-cleaner's extension; the article is Readability.js's, parsed from its HTML.

import { renderArticle, renderPlaceholder, mountReaderControls, applyPrefs, loadPrefs } from './reader.js';

const now = () => performance.timeOrigin + performance.now();
const scriptStarted = now();
const readerEl = document.getElementById('reader');

async function main() {
  applyPrefs(loadPrefs());
  const id = new URLSearchParams(location.search).get('id');
  const result = await chrome.runtime.sendMessage({ type: 'take-article', id });
  const timings = { ...result?.timings, tabOpened: performance.timeOrigin, script: scriptStarted, received: now() };
  if (!result?.article) {
    renderPlaceholder(readerEl, 'No reader view for this page', result?.error || 'Readability.js found nothing.');
    document.documentElement.dataset.state = 'error';
    return;
  }
  const article = result.article;
  const words = (article.textContent.match(/\S+/g) || []).length;
  const shown = { ...article, pageType: 'article', wordCount: words, readingTimeMinutes: Math.max(1, Math.round(words / 230)) };
  const fragment = document.createDocumentFragment();
  fragment.append(...new DOMParser().parseFromString(article.content, 'text/html').body.childNodes);
  renderArticle(readerEl, { article: shown, fragment }, { sourceUrl: result.url });
  if (article.title) document.title = `${article.title} — Reader view`;
  document.documentElement.dataset.state = 'ready';
  timings.rendered = now();
  // "Article visible": the frame after the insertion has been painted (the same in both reader pages).
  requestAnimationFrame(() => setTimeout(() => performance.mark('article-visible', { detail: { ...timings, visible: now() } })));
  mountReaderControls(document.getElementById('reader-controls'), { getArticle: () => shown });
}

main();
