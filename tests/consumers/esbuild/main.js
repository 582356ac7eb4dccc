// esbuild (`--bundle --format=esm --loader:.wasm=file`): esbuild leaves `new URL(...,
// import.meta.url)` alone, so the page passes the .wasm URL that the file loader emits.
import init, { clean } from 'article-cleaner';
import wasmUrl from 'article-cleaner/wasm';

async function run() {
  const page = await (await fetch('./case.json')).json();
  await init({ module_or_path: new URL(wasmUrl, import.meta.url) });
  const article = clean(page.html, { url: page.url });
  if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
  for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
  return article.title;
}
run().then(
  (title) => (document.documentElement.dataset.result = JSON.stringify({ ok: true, title })),
  (error) => (document.documentElement.dataset.result = JSON.stringify({ ok: false, error: String(error) })),
);
