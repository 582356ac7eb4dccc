// End-to-end tests of the host page (www/index.html served by www/server.mjs) in Chromium.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, auditReaderMarkup, test, watchPage, encodeWindows1252, freePort } from './harness.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'e2e', 'fixtures');
const PAGES = path.join(ROOT, 'tests', 'fixtures', 'pages');

const SAMPLE = {
  title: 'The town that let its river flood again',
  sentences: [
    'the people of Ashcombe treated the River Wendle as something to be kept out',
    'Those five hours, Sefton said, are the difference between water in the fields',
    'It is just happening somewhere it doesn’t hurt anyone.',
  ],
  boilerplate: [
    'Your privacy matters to us',
    'Accept all',
    'Advertisement',
    'Subscribe – first month free',
    'Share on Facebook',
    'Copy link',
    'Read more',
    'Bypass consultation extended',
    'Get the Ledger Morning Briefing',
    'More from Environment',
    'Beavers to be released',
    'Comments (37)',
    'Most read',
    'Market Square parking charges',
    'Terms and conditions',
    'All rights reserved',
  ],
};

const PLACEHOLDER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 450" width="800" height="450"><rect width="800" height="450" fill="#c9d3dc"/><path d="M0 450 L260 220 L420 340 L560 260 L800 450Z" fill="#8ea3b5"/></svg>';

const text = (page, sel) => page.locator(sel).evaluate((el) => el.textContent.replace(/\s+/g, ' '));

/** The browser's own network log line for an HTTP error status of /fetch (an expected outcome). */
const fetchStatusLog = (entry) => /Failed to load resource: the server responded with a status of [45]\d\d/.test(entry.text) && /\/fetch\?url=/.test(entry.location);

async function waitTitle(page, title, timeout = 15_000) {
  await page.locator('#reader h1.reader__title', { hasText: title }).waitFor({ timeout });
  await page.waitForFunction(() => !document.getElementById('reader').hasAttribute('aria-busy'), null, { timeout });
}

async function waitAlert(page, pattern, timeout = 15_000) {
  await page.waitForFunction(
    ([src, flags]) => new RegExp(src, flags).test(document.getElementById('alert').textContent),
    [pattern.source, pattern.flags],
    { timeout },
  );
  return text(page, '#alert');
}

/**
 * A windows-1252 page of ~2.3 MB: Chromium's File.stream() yields 1 MiB chunks, so it arrives in
 * three. Most of the bytes are an embedded JSON state script (as news sites have); the first
 * chunk boundary falls inside the article's first paragraph, between "Caf" and "é".
 */
function windows1252Page() {
  const CHUNK = 1024 * 1024;
  const para = (i) =>
    `<p>Paragraph ${i}: at the Café Noël on the quay, the naïve visitor pays €12 for crème brûlée — “worth every cent”, said the owner, who has served it since 1987 and still makes the custard by hand every morning before the market opens.</p>\n`;
  const head = '<!DOCTYPE html><html lang="fr"><head><meta charset="windows-1252"><title>Crème brûlée on the quay – Le Petit Courrier</title></head>\n<body><nav><a href="/">Accueil</a> <a href="/cuisine">Cuisine</a></nav>\n';
  const state = (n) => `<script>window.__STATE__ = {"items": "${'x'.repeat(n)}"};</script>\n`;
  const articleStart = '<article><h1>Crème brûlée on the quay</h1>\n';
  const cut = para(1).indexOf('é Noël');
  const fixed = head.length + state(0).length + articleStart.length + cut;
  const body = Array.from({ length: 40 }, (_, i) => para(i + 1)).join('');
  const html = `${head}${state(CHUNK - fixed)}${articleStart}${body}${state(CHUNK)}${para(41)}</article>\n<footer>© Le Petit Courrier — tous droits réservés</footer></body></html>`;
  const bytes = encodeWindows1252(html);
  assert.equal(bytes.subarray(CHUNK - 3, CHUNK + 1).toString('latin1'), 'Caf\xe9', 'chunk boundary inside a word');
  return bytes;
}

export async function hostTests({ browser, hostUrl, pagesUrl, problems, artifacts }) {
  /** A fresh context (own localStorage) and page, watched for console errors. */
  async function open(options = {}) {
    const { allow, ...ctxOptions } = options;
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 1400 }, colorScheme: 'light', ...ctxOptions });
    // Pasted pages point at images on their (fictional) sites: answer those here, no network.
    await ctx.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) =>
      route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER_SVG }),
    );
    const page = await ctx.newPage();
    watchPage(page, problems, allow);
    return { ctx, page };
  }

  await test('host: the sample article is shown, already cleaned, on load', async () => {
    const { ctx, page } = await open();
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    const body = await text(page, '#reader .reader__body');
    for (const s of SAMPLE.sentences) assert.ok(body.includes(s), `missing sentence: ${s}`);
    const whole = await text(page, '#reader');
    for (const b of SAMPLE.boilerplate) assert.ok(!whole.includes(b), `boilerplate still present: ${b}`);
    assert.equal(await text(page, '#reader .reader__byline'), 'By Ines Calloway');
    assert.equal(await text(page, '#reader .reader__site'), 'The Wendle Valley Ledger');
    assert.match(await text(page, '#reader time'), /2026/);
    assert.match(await text(page, '#reader .reader__time'), /^\d+ min read$/);
    assert.equal(await page.locator('#reader').getAttribute('data-page-type'), 'article');
    assert.equal(await page.locator('#reader .reader__type').count(), 0, 'no page type label on an article');
    // The lead image (og:image, resolved against the page URL) and the chart in the body load.
    await page.waitForFunction(() => [...document.querySelectorAll('#reader img')].every((i) => i.complete && i.naturalWidth > 0));
    assert.equal(await page.locator('#reader .reader__lead img').count(), 1);
    assert.match(await text(page, '#stats'), /Read and cleaned in \d+ ms \(cleaner [\d.]+ ms\) · [\d.]+ kB in → [\d.]+ kB out · [\d,]+ words/);
    // Landmarks and the live regions.
    assert.equal(await page.getByRole('banner').count(), 1);
    assert.equal(await page.getByRole('main').count(), 1);
    assert.equal(await page.getByRole('contentinfo').count(), 1);
    assert.equal(await page.getByRole('region', { name: 'Reader settings' }).count(), 1);
    assert.equal(await page.getByRole('region', { name: 'Choose a page to clean' }).count(), 1);
    assert.equal(await page.getByRole('form', { name: 'Open a web address' }).count(), 1);
    assert.equal(await page.getByRole('alert').count(), 1);
    assert.equal(await page.locator('article#reader').count(), 1);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    await ctx.close();
  });

  await test('host: screenshots, light and dark (prefers-color-scheme)', async () => {
    for (const scheme of ['light', 'dark']) {
      const { ctx, page } = await open({ colorScheme: scheme, viewport: { width: 1280, height: 1500 } });
      await page.goto(hostUrl);
      await waitTitle(page, SAMPLE.title);
      await page.waitForFunction(() => [...document.querySelectorAll('#reader img')].every((i) => i.complete));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'auto');
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, scheme === 'dark' ? 'rgb(20, 21, 23)' : 'rgb(251, 250, 248)', `${scheme} background`);
      // Reading typography: serif body, a measure of about 65 characters, line-height ~1.6.
      const typo = await page.locator('#reader .reader__body p').first().evaluate((p) => {
        const cs = getComputedStyle(p);
        const probe = document.createElement('span');
        probe.textContent = '0'.repeat(100);
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
        p.append(probe);
        const ch = probe.getBoundingClientRect().width / 100;
        probe.remove();
        return { family: cs.fontFamily, lineHeight: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize), measure: p.getBoundingClientRect().width / ch };
      });
      assert.match(typo.family, /serif/i);
      assert.doesNotMatch(typo.family.split(',')[0], /sans/i);
      assert.ok(typo.lineHeight >= 1.5 && typo.lineHeight <= 1.8, `line-height ${typo.lineHeight}`);
      assert.ok(typo.measure >= 55 && typo.measure <= 75, `measure ${typo.measure.toFixed(1)}ch`);
      await page.screenshot({ path: path.join(artifacts, `host-${scheme}.png`) });
      await ctx.close();
    }
  });

  await test('host: paste flow (textarea + Clean)', async () => {
    const html = fs.readFileSync(path.join(PAGES, 'blog-post.html'), 'utf8');
    const expect = JSON.parse(fs.readFileSync(path.join(PAGES, 'blog-post.expect.json'), 'utf8'));
    const { ctx, page } = await open();
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    await page.locator('#paste-toggle').click();
    assert.equal(await page.locator('#paste-toggle').getAttribute('aria-expanded'), 'true');
    await page.locator('#paste-input').fill(html);
    await page.locator('#paste-url').fill('https://notes.example/posts/state-machine');
    await page.locator('#paste-clean').click();
    await waitTitle(page, expect.title);
    const body = await text(page, '#reader .reader__body');
    for (const s of expect.must_contain.slice(0, 5)) assert.ok(body.includes(s), `missing: ${s}`);
    for (const s of expect.must_not_contain) assert.ok(!body.includes(s), `boilerplate: ${s}`);
    assert.match(await text(page, '#stats'), /^Cleaned in [\d.]+ ms · [\d.]+ kB in → [\d.]+ kB out/);
    // Relative links were resolved against the address given with the paste.
    const hrefs = await page.locator('#reader .reader__body a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.every((h) => /^(https?:|mailto:)/.test(h)), `unresolved links: ${hrefs}`);
    await ctx.close();
  });

  await test('host: each page type is laid out as its reader expects (posts, facts, items)', async () => {
    const { ctx, page } = await open({ viewport: { width: 1280, height: 1600 } });
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    await page.locator('#paste-toggle').click();
    /** Paste a fixture of tests/e2e/fixtures with its address; wait for the reader view. */
    const paste = async (file, url, title, { notReaderable = false } = {}) => {
      await page.locator('#paste-input').fill(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
      await page.locator('#paste-url').fill(url);
      await page.locator('#paste-clean').click();
      if (notReaderable) {
        // Listings are not what the reader-mode button offers: shown on request.
        await waitAlert(page, /does not look like an article/);
        await page.locator('#show-anyway').click();
      }
      await waitTitle(page, title);
      await page.waitForFunction(() => [...document.querySelectorAll('#reader img')].every((i) => i.complete));
      return page.locator('#reader').getAttribute('data-page-type');
    };
    const texts = (sel) => page.locator(sel).evaluateAll((els) => els.map((el) => el.textContent.replace(/\s+/g, ' ').trim()));

    // Forum thread: three posts, each with an author line (author bold, date formatted), the
    // first marked as the original post, the quoted reply shown as a quote.
    const forumTitle = 'Sourdough starter smells like nail polish remover – what am I doing wrong?';
    assert.equal(await paste('type-forum.html', 'https://breadbakers.example/t/sourdough-starter-smells-like-acetone/48213', forumTitle), 'forum');
    assert.equal(await text(page, '#reader .reader__type'), 'Forum thread');
    assert.equal(await text(page, '#reader .reader__site'), 'Bread Bakers Forum');
    assert.equal(await text(page, '#reader .reader__count'), '3 posts');
    assert.match(await text(page, '#reader .reader__time'), /^\d+ min read$/);
    const posts = await page.locator('#reader .reader__body article.reader-post').evaluateAll((els, lang) =>
      els.map((post) => {
        const head = post.querySelector('header.reader-post__head');
        const author = head?.querySelector('.reader-post__author');
        const time = head?.querySelector('time.reader-post__date');
        return {
          author: author?.textContent.trim(),
          authorWeight: author && Number(getComputedStyle(author).fontWeight),
          datetime: time?.getAttribute('datetime'),
          date: time?.textContent.trim(),
          expected: time && new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long' }).format(new Date(time.getAttribute('datetime'))),
          op: post.querySelectorAll('.reader-post__op').length,
          num: head?.querySelector('.reader-post__num')?.textContent,
          border: getComputedStyle(post).borderTopStyle,
        };
      }),
    );
    assert.deepEqual(posts.map((p) => p.author), ['crumbshot', 'levain_larry', 'Marguerite B.']);
    assert.deepEqual(posts.map((p) => p.datetime), ['2026-03-02T08:14:00Z', '2026-03-02T09:40:00Z', '2026-03-03T17:05:00Z']);
    for (const p of posts) {
      assert.equal(p.date, p.expected, 'date written with formatDate');
      assert.ok(p.authorWeight >= 600, `author in bold (${p.authorWeight})`);
    }
    assert.deepEqual(posts.map((p) => p.op), [1, 0, 0], 'the first post is the original post');
    assert.deepEqual(posts.map((p) => p.num), ['#1', '#2', '#3']);
    assert.deepEqual(posts.map((p) => p.border), ['none', 'solid', 'solid'], 'posts separated by a rule');
    const quote = page.locator('#reader article.reader-post >> nth=1').locator('blockquote');
    assert.match(await quote.textContent(), /smelled sharply of acetone/);
    assert.equal(await quote.evaluate((q) => getComputedStyle(q).fontStyle), 'normal', 'a quoted reply, not a pull quote');
    await page.locator('#reader').screenshot({ path: path.join(artifacts, 'host-type-forum.png') });

    // Product: the two-column specifications table is a list of facts; the three-column table
    // stays a table; no reading time; the title without the shop's name, not repeated.
    assert.equal(await paste('type-product.html', 'https://ridgeline.example/products/fernhill-2-person-tent', 'Fernhill 2-Person Trekking Tent'), 'product');
    assert.equal(await text(page, '#reader .reader__type'), 'Product');
    assert.equal(await text(page, '#reader .reader__title'), 'Fernhill 2-Person Trekking Tent');
    assert.equal(await page.locator('#reader .reader__time').count(), 0, 'no reading time for a product');
    assert.equal(await page.locator('#reader .reader__body h1, #reader .reader__body h2', { hasText: /^Fernhill 2-Person Trekking Tent$/ }).count(), 0, 'title not repeated');
    assert.equal(await page.locator('#reader dl.reader-facts').count(), 1);
    assert.deepEqual(await texts('#reader dl.reader-facts > dt'), ['Weight', 'Packed size', 'Floor area', 'Peak height', 'Fly material', 'Hydrostatic head', 'Doors']);
    assert.deepEqual((await texts('#reader dl.reader-facts > dd')).slice(0, 3), ['1.68 kg', '46 × 15 cm', '2.9 m²']);
    assert.equal(await page.locator('#reader dl.reader-facts').evaluate((dl) => getComputedStyle(dl).display), 'grid');
    assert.equal(await page.locator('#reader .reader__body table').count(), 1, 'the data table stays a table');
    assert.deepEqual(await texts('#reader .reader__body table thead th'), ['Mode', 'Weight', 'Parts']);
    assert.ok((await text(page, '#reader .reader__body')).includes('€349.00'), 'the price is kept');
    await page.locator('#reader').screenshot({ path: path.join(artifacts, 'host-type-product.png') });

    // Listing: four items, each a title and a small thumbnail beside its text, in sepia.
    await page.getByRole('radio', { name: 'Sepia' }).check();
    assert.equal(await paste('type-listing.html', 'https://trailnotes.example/routes/peak-district', 'Walking routes in the Peak District', { notReaderable: true }), 'listing');
    assert.equal(await text(page, '#reader .reader__type'), 'Listing');
    assert.equal(await text(page, '#reader .reader__count'), '4 items');
    assert.equal(await page.locator('#reader .reader__time').count(), 0, 'no reading time for a listing');
    assert.deepEqual(await texts('#reader article.reader-item .reader-item__title'), [
      'Kinder Scout circular from Edale',
      'Stanage Edge from Hathersage',
      'Dovedale and Thorpe Cloud',
      'Mam Tor and the Great Ridge',
    ]);
    const items = await page.locator('#reader article.reader-item').evaluateAll((els) =>
      els.map((item) => {
        const img = item.querySelector('.reader-item__thumb img, img.reader-item__thumb').getBoundingClientRect();
        const title = item.querySelector('.reader-item__title').getBoundingClientRect();
        return { w: img.width, h: img.height, beside: title.left >= img.right, item: item.getBoundingClientRect().width, border: getComputedStyle(item).borderBottomStyle };
      }),
    );
    assert.equal(items.length, 4);
    for (const it of items) {
      assert.ok(it.w > 60 && it.w <= 160 && it.h <= 130, `thumbnail ${it.w}x${it.h}`);
      assert.ok(it.beside, 'the title is beside the thumbnail');
      assert.equal(it.border, 'solid', 'items separated by a rule');
    }
    await page.locator('#reader').screenshot({ path: path.join(artifacts, 'host-type-listing.png') });

    // Back to an article: the type marks and labels go.
    await page.locator('#sample-button').click();
    await waitTitle(page, SAMPLE.title);
    assert.equal(await page.locator('#reader').getAttribute('data-page-type'), 'article');
    assert.equal(await page.locator('#reader .reader__type, #reader .reader-post, #reader .reader-item, #reader .reader-facts').count(), 0);
    await ctx.close();
  });

  await test('host: file flow streams a windows-1252 file chunk by chunk', async () => {
    const bytes = windows1252Page();
    const { ctx, page } = await open();
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    await page.locator('#file-input').setInputFiles({ name: 'creme-brulee.html', mimeType: 'text/html', buffer: bytes });
    await waitTitle(page, 'Crème brûlée on the quay');
    const body = await text(page, '#reader .reader__body');
    assert.ok(body.includes('at the Café Noël on the quay, the naïve visitor pays €12 for crème brûlée — “worth every cent”'), 'windows-1252 text decoded');
    assert.ok(!/Ã|â€/.test(body), 'no mojibake');
    assert.ok(body.includes('Paragraph 41:'), 'the last chunk made it');
    const chunks = Number(await page.locator('#stats').getAttribute('data-chunks'));
    assert.ok(chunks > 1, `expected several stream chunks, got ${chunks}`);
    assert.equal(Number(await page.locator('#stats').getAttribute('data-bytes-in')), bytes.length);
    await ctx.close();
  });

  await test('host: drop a file on the page', async () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'ext-article.html'), 'utf8');
    const { ctx, page } = await open();
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    await page.evaluate((src) => {
      const dt = new DataTransfer();
      dt.items.add(new File([src], 'night-trains.html', { type: 'text/html' }));
      for (const type of ['dragenter', 'dragover']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.__overlayShown = !document.getElementById('drop-overlay').hidden;
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, html);
    assert.equal(await page.evaluate(() => window.__overlayShown), true, 'drop overlay shown while dragging');
    await waitTitle(page, 'Night trains return to the Alpine line after a decade');
    assert.equal(await page.locator('#drop-overlay').isHidden(), true);
    await ctx.close();
  });

  await test('host: URL flow via /fetch (redirect, Shift_JIS charset from Content-Type)', async () => {
    const { ctx, page } = await open();
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    await page.locator('#url-input').fill(`${pagesUrl}/redirect?to=/sjis`);
    await page.locator('#url-input').press('Enter');
    await waitTitle(page, '川の堤防、十年ぶりに改修');
    const body = await text(page, '#reader .reader__body');
    assert.ok(body.includes('東京都の北部を流れる川の堤防が、十年ぶりに大きく作り直された。'), 'Shift_JIS decoded');
    assert.ok(!body.includes('著作権 北町新聞'), 'footer dropped');
    // The final URL after the redirect is the article's address (and resolves its links).
    assert.equal(await page.locator('#reader .reader__source a').getAttribute('href'), `${pagesUrl}/sjis`);
    assert.match(await text(page, '#stats'), /Read and cleaned/);
    await ctx.close();
  });

  await test('host: theme, text size and width are remembered after a reload', async () => {
    const { ctx, page } = await open();
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    const state = () =>
      page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        width: document.documentElement.dataset.width,
        bg: getComputedStyle(document.body).backgroundColor,
        size: getComputedStyle(document.getElementById('reader')).fontSize,
        checked: [...document.querySelectorAll('input[type=radio]:checked')].map((i) => i.value).join(','),
      }));
    assert.deepEqual(await state(), { theme: 'auto', width: 'medium', bg: 'rgb(251, 250, 248)', size: '19px', checked: 'auto,medium' });
    await page.getByRole('radio', { name: 'Sepia' }).check();
    assert.equal((await state()).bg, 'rgb(244, 236, 216)');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('radio', { name: 'Wide' }).check();
    const expected = { theme: 'dark', width: 'wide', bg: 'rgb(20, 21, 23)', size: '22px', checked: 'dark,wide' };
    assert.deepEqual(await state(), expected);
    await page.reload();
    await waitTitle(page, SAMPLE.title);
    assert.deepEqual(await state(), expected, 'after reload');
    assert.equal(await text(page, '.size-out'), '116%');
    await ctx.close();
  });

  await test('host: keyboard reaches every control, with a visible focus ring', async () => {
    const { ctx, page } = await open({ reducedMotion: 'reduce' });
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    const seen = [];
    const rings = {};
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el.matches('input[type=radio]') ? el.nextElementSibling : el);
        const name = el.id || (el.name ? `${el.name}=${el.value}` : '') || el.getAttribute('aria-label') || el.textContent.trim();
        return { name, outline: `${cs.outlineStyle} ${cs.outlineWidth}` };
      });
      seen.push(info.name);
      rings[info.name] = info.outline;
    }
    const want = ['url-input', 'file-input', 'paste-toggle', 'sample-button', 'reader-theme=auto', 'Smaller text', 'Larger text', 'reader-width=medium', 'copy-markdown', 'copy-text', 'compare-toggle', 'why-toggle'];
    for (const w of want) {
      assert.ok(seen.includes(w), `not reachable by Tab: ${w} (saw ${seen.join(' | ')})`);
      assert.match(rings[w], /^solid [23]px$/, `focus ring of ${w}: ${rings[w]}`);
    }
    // The skip link comes first and becomes visible when focused.
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    assert.ok((await page.locator('.skip-link').boundingBox()).y >= 0, 'skip link visible on focus');
    // Radios change with arrow keys; buttons work with Enter / Space.
    await page.locator('input[name=reader-theme][value=auto]').focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await page.locator('#paste-toggle').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#paste-form').isVisible(), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'paste-input');
    // prefers-reduced-motion: no transitions.
    assert.equal(await page.locator('#copy-text').evaluate((b) => getComputedStyle(b).transitionDuration), '0s');
    await ctx.close();
  });

  await test('host: copy as Markdown and as plain text', async () => {
    const { ctx, page } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    await page.locator('#copy-markdown').click();
    await page.locator('#stats', { hasText: 'Copied the article as Markdown.' }).waitFor();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(md.startsWith(`# ${SAMPLE.title}\n`), md.slice(0, 80));
    assert.match(md, /^## Slowing the water down$/m);
    assert.match(md, /^[-*] Removing 870 metres of the 1994 wall/m);
    assert.match(md, /^> My father would have called it madness/m);
    await page.locator('#copy-text').click();
    await page.locator('#stats', { hasText: 'Copied the article as plain text.' }).waitFor();
    const txt = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(txt.startsWith(`${SAMPLE.title}\n\nInes Calloway\n\n`), txt.slice(0, 80));
    assert.ok(txt.includes(SAMPLE.sentences[0]));
    assert.ok(!txt.includes('##') && !txt.includes('<p>'));
    await ctx.close();
  });

  await test('host: compare with the original (sandboxed iframe, scripts off)', async () => {
    const { ctx, page } = await open({ viewport: { width: 1440, height: 1000 } });
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    assert.equal(await page.locator('#original').isHidden(), true);
    await page.locator('#compare-toggle').click();
    assert.equal(await page.locator('#compare-toggle').getAttribute('aria-pressed'), 'true');
    const frame = page.locator('#original-frame');
    assert.equal(await frame.getAttribute('sandbox'), '');
    const inner = page.frameLocator('#original-frame');
    await inner.locator('#cookie-notice-title', { hasText: 'Your privacy matters to us' }).waitFor();
    assert.equal(await inner.locator('script').count(), 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, 'host-compare.png') });
    await page.locator('#compare-toggle').click();
    assert.equal(await page.locator('#original').isHidden(), true);
    await ctx.close();
  });

  await test('host: Why? lists the removed blocks by rule and marks them in the original', async () => {
    const { ctx, page } = await open({ viewport: { width: 1440, height: 1000 } });
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    assert.equal(await page.locator('#why').isHidden(), true);
    await page.locator('#why-toggle').click();
    assert.equal(await page.locator('#why-toggle').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#compare-toggle').getAttribute('aria-pressed'), 'true', 'Why? turns the comparison on');
    const entries = page.locator('#why .why__removal');
    await entries.first().waitFor();
    const listed = await entries.evaluateAll((lis) =>
      lis.map((li) => ({
        rule: li.querySelector('.why__rule').textContent,
        font: getComputedStyle(li.querySelector('.why__rule')).fontFamily,
        phase: li.querySelector('.why__phase').textContent,
        path: li.querySelector('.why__path').textContent,
        text: li.querySelector('.why__text').textContent,
        length: li.querySelector('.why__length').textContent,
        visible: !li.hidden,
      })),
    );
    // The sample's furniture, each named by the rule that removed it (what
    // `article-cleaner --explain www/samples/floodplain.html` prints).
    const FURNITURE = [
      ['ingest.furniture', 'div#cookie-notice', 'Your privacy matters to us'],
      ['score.not-candidate', 'div#ad-top', 'Advertisement'],
      ['score.unlikely-candidate', 'header.site-header', 'The Wendle Valley Ledger Subscribe'],
      ['score.not-candidate', 'div.share-tools', 'Share on Facebook'],
      ['cleanup.ad-label', 'div#ad-mid', 'Advertisement'],
      ['score.unlikely-candidate', 'aside.related-inline', 'Read more Bypass consultation extended'],
      ['score.not-candidate', 'section.newsletter-box', 'Get the Ledger Morning Briefing'],
      ['score.not-candidate', 'section.more-stories', 'More from Environment'],
      ['score.unlikely-candidate', 'section#comments', 'Comments (37)'],
      ['score.unlikely-candidate', 'aside.sidebar', 'Advertisement Most read'],
      ['score.unlikely-candidate', 'footer.site-footer', 'About us'],
    ];
    const describe = (e) => `${e.rule} ${e.path} "${e.text}"`;
    for (const [rule, tail, start] of FURNITURE) {
      const e = listed.find((x) => x.path.endsWith(tail) && x.text.startsWith(start));
      assert.ok(e, `no entry for ${tail} "${start}…" in:\n${listed.map(describe).join('\n')}`);
      assert.equal(e.rule, rule, `rule for ${tail}`);
      assert.equal(e.phase, rule.split('.')[0], `phase for ${tail}`);
      assert.match(e.length, /^\d+ chars?$/);
      assert.ok(e.visible, `${tail} is listed`);
    }
    assert.match(listed[0].font, /mono/, 'rule names are monospace');
    // Entries without text are folded away until asked for; a phase filter narrows the list.
    const empty = listed.filter((e) => e.length === '0 chars');
    assert.ok(empty.length > 0 && empty.every((e) => !e.visible), 'empty entries hidden at first');
    await page.locator('#why-show-empty').check();
    assert.equal(await page.locator('#why .why__removal:visible').count(), listed.length, 'show empty');
    await page.locator('#why input[name=why-phase][value=ingest]').check();
    assert.deepEqual(new Set(await page.locator('#why .why__removal:visible .why__phase').allTextContents()), new Set(['ingest']));
    await page.locator('#why input[name=why-phase][value=all]').check();
    // The winner summary: its steps, the top candidate with its reasons, the attempt.
    assert.match(await text(page, '#why .why__winner'), /score\.top-candidate\s*main\.layout > article\.story > div\.story__body/);
    assert.match(await text(page, '#why .why__candidate--top .why__candidate-head'), /^\d+\.\d main\.layout > article\.story > div\.story__body top$/);
    assert.match(await text(page, '#why .why__candidate--top .why__reasons'), /score\.paragraphs \+\d/);
    assert.match(await text(page, '#why .why__retry'), /attempt 1/);

    // In the original (still sandboxed, no scripts), every entry is found and outlined, with a label.
    assert.equal(await page.locator('#original-frame').getAttribute('sandbox'), '');
    assert.equal(await page.locator('#why .why__missing').count(), 0, 'every removed block found in the original');
    const inner = page.frameLocator('#original-frame');
    await inner.locator('#cookie-notice[data-ac-why="ingest.furniture"]').waitFor({ state: 'attached' });
    assert.equal(await inner.locator('script').count(), 0);
    const marks = await inner.locator('[data-ac-why]').evaluateAll((els) =>
      els.map((el) => ({
        rule: el.dataset.acWhy,
        el: `${el.localName}.${el.classList[0]}`,
        outline: getComputedStyle(el).outlineStyle,
        label: getComputedStyle(el, '::before').content,
      })),
    );
    assert.ok(marks.length >= listed.length, `${marks.length} marks for ${listed.length} entries`);
    const footer = marks.find((m) => m.el === 'footer.site-footer');
    assert.deepEqual(footer, { rule: 'score.unlikely-candidate', el: 'footer.site-footer', outline: 'solid', label: '"score.unlikely-candidate"' });
    assert.equal(marks.find((m) => m.el === 'div.story__body')?.rule, 'score.top-candidate', 'the winner is marked too');

    // Choosing an entry scrolls the original to its element.
    await page.locator('#why .why__removal', { hasText: 'footer.site-footer' }).locator('button').click();
    await inner.locator('footer.site-footer:target').waitFor({ state: 'attached' });
    assert.ok((await inner.locator('html').evaluate((el) => el.ownerDocument.defaultView.scrollY)) > 500, 'the frame scrolled down');
    await page.screenshot({ path: path.join(artifacts, 'host-why.png') });

    // Closing Why? puts the comparison back as it was (off).
    await page.locator('#why-toggle').click();
    assert.equal(await page.locator('#why').isHidden(), true);
    assert.equal(await page.locator('#original').isHidden(), true);
    await ctx.close();
  });

  await test('host: a page full of script vectors is shown with nothing executed', async () => {
    const html = fs.readFileSync(path.join(FIXTURES, 'hostile.html'), 'utf8');
    const { ctx, page } = await open();
    await page.addInitScript(() => {
      window.__xss = () => {
        window.__xssFired = true;
      };
    });
    const dialogs = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      d.dismiss().catch(() => {});
    });
    const navigations = [];
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations.push(f.url());
    });
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    navigations.length = 0;
    await page.locator('#paste-toggle').click();
    await page.locator('#paste-input').fill(html);
    await page.locator('#paste-clean').click();
    await waitTitle(page, 'Harbour festival draws record crowds despite the rain');
    // Bring every element into view (lazy images), hover and focus things, show the original.
    await page.locator('#reader').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    for (const el of await page.locator('#reader .reader__body > *').all()) await el.hover({ timeout: 300 }).catch(() => {});
    await page.locator('#compare-toggle').click();
    await page.frameLocator('#original-frame').locator('h1', { hasText: 'Harbour festival' }).waitFor();
    // Why? shows the page's own texts and paths, and marks its elements in the original.
    await page.locator('#why-toggle').click();
    await page.frameLocator('#original-frame').locator('h1[data-ac-why]').waitFor({ state: 'attached' });
    for (const b of await page.locator('#why .why__entry:enabled').all()) await b.click({ timeout: 300 }).catch(() => {});
    await page.waitForTimeout(500);

    assert.equal(await page.evaluate(() => window.__xssFired), undefined, 'a script vector ran');
    assert.deepEqual(dialogs, [], 'a dialog opened');
    assert.deepEqual(navigations, [], 'the page navigated');
    assert.equal(page.url(), hostUrl);
    assert.equal(page.frames().length, 2, 'only the page and the comparison frame');
    const audit = await page.locator('#reader').evaluate(auditReaderMarkup);
    assert.deepEqual(audit.bad, [], 'unsafe markup in the reader view');
    assert.ok(audit.paragraphs >= 3, 'the article text is there');
    await ctx.close();
  });

  await test('host: every error is a readable message in the alert region', async () => {
    const { ctx, page } = await open({ allow: fetchStatusLog });
    await page.goto(hostUrl);
    await waitTitle(page, SAMPLE.title);
    const placeholderShown = async () => {
      assert.equal(await page.locator('#reader .reader__title').isVisible(), true, 'the article area is never blank');
    };
    const fetchUrl = async (url, pattern) => {
      const t = Date.now();
      await page.locator('#url-input').fill(url);
      await page.locator('#url-input').press('Enter');
      const msg = await waitAlert(page, pattern);
      await placeholderShown();
      if (process.env.E2E_DEBUG) console.log(`        ${url}: ${Date.now() - t} ms`);
      return msg;
    };

    // Not an article (the cleaner's own readerable check), with a way to see the result anyway.
    await page.locator('#paste-toggle').click();
    await page.locator('#paste-input').fill(fs.readFileSync(path.join(PAGES, 'not-an-article.html'), 'utf8'));
    await page.locator('#paste-clean').click();
    await waitAlert(page, /does not look like an article/);
    assert.equal(await text(page, '#reader h1'), 'This page is not an article');
    await page.locator('#show-anyway').click();
    assert.equal(await text(page, '#alert'), '');
    assert.equal(await page.locator('#reader .reader__body').count(), 1);

    await page.locator('#paste-input').fill('   ');
    await page.locator('#paste-clean').click();
    await waitAlert(page, /Paste the HTML of a page first/);

    await fetchUrl(`http://127.0.0.1:${await freePort()}/story`, /Could not fetch .*: the connection was refused\./);
    await fetchUrl(`${pagesUrl}/too-large-declared`, /too large/);
    await fetchUrl(`${pagesUrl}/too-large-streamed`, /too large: it is over 10\.5 MB/);
    await fetchUrl(`${pagesUrl}/bogus-charset`, /character encoding/);
    await fetchUrl(`${pagesUrl}/image.png`, /not a web page \(it is image\/png\)/);
    await fetchUrl(`${pagesUrl}/missing`, /The site answered 404/);
    await fetchUrl(`${pagesUrl}/hang`, /did not answer within 1\.5 s/);
    await fetchUrl('ftp://files.example/story.html', /Only http and https addresses/);
    await page.screenshot({ path: path.join(artifacts, 'host-error.png') });
    await ctx.close();
  });
}
