// Reader page of the bench's floor extension: the same reader.html, reader.js and reader.css
// as article-cleaner's extension; the article is the one the bench built before the run with
// article-cleaner itself (articles.js: page name -> { article, url }), so the DOM built and
// painted is the same as ours. No message, no wait: it is shown as soon as this script runs.

import { renderArticle, mountReaderControls, applyPrefs, loadPrefs } from './reader.js';
import { ARTICLES } from './articles.js';

const now = () => performance.timeOrigin + performance.now();
const scriptStarted = now();
const readerEl = document.getElementById('reader');

applyPrefs(loadPrefs());
const params = new URLSearchParams(location.search);
const timings = { ...JSON.parse(params.get('timings') || '{}'), tabOpened: performance.timeOrigin, script: scriptStarted };
const { article, url } = ARTICLES[params.get('page')] || Object.values(ARTICLES)[0];
const fragment = document.createDocumentFragment();
fragment.append(...new DOMParser().parseFromString(article.content, 'text/html').body.childNodes);
renderArticle(readerEl, { article, fragment }, { sourceUrl: url });
if (article.title) document.title = `${article.title} — Reader view`;
document.documentElement.dataset.state = 'ready';
timings.rendered = now();
// "Article visible": the frame after the insertion has been painted (the same in all reader pages).
requestAnimationFrame(() => setTimeout(() => performance.mark('article-visible', { detail: { ...timings, visible: now() } })));
mountReaderControls(document.getElementById('reader-controls'), { getArticle: () => article });
