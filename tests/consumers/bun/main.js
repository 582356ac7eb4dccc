// Bun: resolves the `node` entry (Bun has no condition of its own in the map).
import init, { clean } from 'article-cleaner';

const page = await Bun.file(new URL('./case.json', import.meta.url)).json();
await init();
const article = clean(page.html, { url: page.url });
if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
console.log(`PASS ${article.title} (${article.wordCount} words)`);
