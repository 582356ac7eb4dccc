// A module Web Worker (bundled by Vite, no configuration): the page sends the HTML, the worker
// cleans it with the `worker` entry and sends the article back.
async function run() {
  const page = await (await fetch('./case.json')).json();
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  const article = await new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data.article));
    worker.onerror = (event) => reject(new Error(event.message || 'worker error'));
    worker.postMessage({ html: page.html, url: page.url });
  });
  if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
  for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
  if (typeof document === 'undefined' || typeof WorkerGlobalScope !== 'undefined') throw new Error('not a page');
  return article.title;
}
run().then(
  (title) => (document.documentElement.dataset.result = JSON.stringify({ ok: true, title })),
  (error) => (document.documentElement.dataset.result = JSON.stringify({ ok: false, error: String(error) })),
);
