import init, { clean } from 'article-cleaner';

const ready = init();
onmessage = async ({ data: { html, url } }) => {
  try {
    await ready;
    if (typeof document !== 'undefined') throw new Error('not in a worker');
    postMessage({ article: clean(html, { url }) });
  } catch (error) {
    postMessage({ error: String(error) });
  }
};
