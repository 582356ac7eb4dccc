// Cloudflare Worker (wrangler dev, local): the `workerd` entry, the .wasm imported as a module.
import init, { clean } from 'article-cleaner';

export default {
  async fetch(request) {
    try {
      const page = await request.json();
      await init();
      const article = clean(page.html, { url: page.url });
      if (article.title !== page.title) throw new Error(`title ${JSON.stringify(article.title)}, expected ${JSON.stringify(page.title)}`);
      for (const snippet of page.snippets) if (!article.textContent.includes(snippet)) throw new Error(`text lacks ${JSON.stringify(snippet)}`);
      return Response.json({ ok: true, title: article.title });
    } catch (error) {
      return Response.json({ ok: false, error: String(error) });
    }
  },
};
