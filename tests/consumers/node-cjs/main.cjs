// Node.js, CommonJS: the `node` + `require` entry.
const { readFileSync } = require('node:fs');
const { clean, init } = require('article-cleaner');

const page = JSON.parse(readFileSync(`${__dirname}/case.json`, 'utf8'));
init().then(() => {
  const article = clean(page.html, { url: page.url });
  if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
  for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
  if (typeof require('article-cleaner').default !== 'function') throw new Error('no default export (init) through require');
  console.log(`PASS ${article.title} (${article.wordCount} words)`);
});
