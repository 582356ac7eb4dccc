// webpack 5, no configuration (src/index.js -> dist/main.js): the `browser` entry; webpack emits
// the .wasm as an asset from `new URL(..., import.meta.url)`.
import init, { clean } from 'article-cleaner';

async function run() {
  const page = await (await fetch('./case.json')).json();
  await init();
  const article = clean(page.html, { url: page.url });
  if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
  for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
  return article.title;
}
run().then(
  (title) => (document.documentElement.dataset.result = JSON.stringify({ ok: true, title })),
  (error) => (document.documentElement.dataset.result = JSON.stringify({ ok: false, error: String(error) })),
);
