// CommonJS under nodenext: require() gets index.d.cts (init by name).
import ac = require('article-cleaner');

export async function run(html: string): Promise<string | null> {
  await ac.init();
  const article: ac.Article = ac.clean(html, { url: 'https://example.com/a' });
  return article.title;
}
