// Deno (the package from node_modules, no permission flags): the `deno` entry.
import init, { clean } from 'article-cleaner';
import page from './case.json' with { type: 'json' };

await init();
const article = clean(page.html, { url: page.url });
if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
console.log(`PASS ${article.title} (${article.wordCount} words)`);
