// Native and wasm must give identical `content` and `textContent` on every corpus page.
// usage: node tools/wasm-parity.mjs CORPUS CORPUS_DIR NATIVE_OUTPUTS.json
//   (NATIVE_OUTPUTS.json from `article-cleaner outputs CORPUS CORPUS_DIR -o FILE`)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusPages, loadCleaner } from './corpus.mjs';

const [corpus, dir, nativePath] = process.argv.slice(2);
if (!nativePath) {
  console.error('usage: node tools/wasm-parity.mjs CORPUS CORPUS_DIR NATIVE_OUTPUTS.json');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { clean } = await loadCleaner(root);
const native = JSON.parse(readFileSync(nativePath, 'utf8'));

let same = 0;
const different = [];
for (const { id, html, url } of corpusPages(corpus, dir)) {
  let wasm;
  try {
    const article = clean(html, { url });
    wasm = { content: article.content, textContent: article.textContent };
  } catch (error) {
    wasm = { error: error.code ?? String(error) };
  }
  const expected = native[id];
  if (!expected) {
    different.push(`${id}: no native output`);
    continue;
  }
  const field = ['error', 'content', 'textContent'].find((key) => wasm[key] !== expected[key]);
  if (field === undefined) {
    same += 1;
    continue;
  }
  const a = String(expected[field] ?? ''), b = String(wasm[field] ?? '');
  let at = 0;
  while (at < a.length && a[at] === b[at]) at += 1;
  different.push(`${id}: ${field} differs at ${at}: native ${JSON.stringify(a.slice(at, at + 60))}, wasm ${JSON.stringify(b.slice(at, at + 60))}`);
}
const total = same + different.length;
console.log(`${corpus}: ${same}/${total} pages identical (content and textContent), native vs wasm`);
if (Object.keys(native).length !== total) {
  different.push(`native has ${Object.keys(native).length} pages, the corpus ${total}`);
}
if (different.length > 0) {
  console.error(different.slice(0, 20).join('\n'));
  process.exit(1);
}
