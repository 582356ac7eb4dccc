// A server bundle: webpack 5 `--target node`, no configuration, importing only `clean` (no
// init()). The `node` entry instantiates the wasm at import; with `"sideEffects": false` webpack
// would skip that entry (its exports are all re-exports) and `clean` would find no wasm.
import { readFileSync } from 'node:fs';
import { clean } from 'article-cleaner';

const page = JSON.parse(readFileSync(`${process.cwd()}/case.json`, 'utf8'));
const article = clean(page.html, { url: page.url });
if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
console.log(`PASS ${article.title} (${article.wordCount} words)`);
