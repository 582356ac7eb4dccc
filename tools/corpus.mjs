// Reads the benchmark corpora the way the native CLI (`article-cleaner eval|outputs`) does:
// same pages, same decoding (UTF-8, invalid bytes replaced, BOM kept), same URLs.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const READABILITY_TEST_URL = 'http://fakehost/test/page.html';
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** [{ id, html, url }] sorted by id, for corpus `scrapinghub` or `readability`. */
export function corpusPages(corpus, dir) {
  const pages = [];
  if (corpus === 'scrapinghub') {
    const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
    for (const [id, item] of Object.entries(truth)) {
      const bytes = gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)));
      pages.push({ id, html: utf8.decode(bytes), url: item.url ?? '' });
    }
  } else if (corpus === 'readability') {
    for (const id of readdirSync(dir)) {
      const source = join(dir, id, 'source.html');
      if (existsSync(source)) {
        pages.push({ id, html: utf8.decode(readFileSync(source)), url: READABILITY_TEST_URL });
      }
    }
  } else {
    throw new Error(`unknown corpus ${corpus}`);
  }
  return pages.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Loads pkg/ (the `--target web` build) synchronously, for Node. */
export async function loadCleaner(root) {
  const module = await import(join(root, 'pkg', 'article_cleaner.js'));
  module.initSync({ module: readFileSync(join(root, 'pkg', 'article_cleaner_bg.wasm')) });
  return module;
}
