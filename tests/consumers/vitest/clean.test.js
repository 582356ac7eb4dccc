// Vitest (node environment): the package as a test imports it.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import init, { clean } from 'article-cleaner';

const page = JSON.parse(readFileSync(new URL('./case.json', import.meta.url), 'utf8'));

test('cleans the fixture page', async () => {
  await init();
  const article = clean(page.html, { url: page.url });
  expect(article.title).toBe(page.title);
  for (const snippet of page.snippets) expect(article.textContent).toContain(snippet);
});

test('errors carry a stable code', () => {
  expect(() => clean('<p>hi</p>', { nope: 1 })).toThrow(expect.objectContaining({ code: 'BAD_OPTION' }));
});
