// Node.js, ES module: the `node` + `import` entry (wasm instantiated at import).
import { readFileSync } from 'node:fs';
import init, { clean } from 'article-cleaner';

const page = JSON.parse(readFileSync(new URL('./case.json', import.meta.url), 'utf8'));
await init(); // a no-op here: the same code runs in a browser
const article = clean(page.html, { url: page.url });
if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
console.log(`PASS ${article.title} (${article.wordCount} words)`);
