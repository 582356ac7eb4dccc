// End-to-end tests of the MV3 extension: the package built by tools/package-extension.mjs is
// unzipped and loaded unpacked into Chromium; the toolbar action is triggered for real through
// the DevTools protocol (Extensions.triggerAction, which grants activeTab exactly like a click).

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, CHROMIUM_ARGS, test, watchPage, readZip } from './harness.mjs';
import { packageExtension } from '../../tools/package-extension.mjs';

export async function extensionTests({ pagesUrl, problems, artifacts, notes }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'article-cleaner-e2e-'));
  const extDir = path.join(tmp, 'extension');
  let ctx;
  let extId;
  let cdp;

  await test('extension: package:extension writes a valid zip (Chromium and Firefox manifests)', async () => {
    const zipFile = path.join(tmp, 'article-cleaner-extension.zip');
    const r = packageExtension({ out: zipFile });
    const files = readZip(fs.readFileSync(zipFile));
    for (const f of ['manifest.json', 'background.js', 'reader.html', 'reader-page.js', 'reader.js', 'reader.css', 'pkg/browser.js', 'pkg/api.js', 'pkg/article_cleaner.js', 'pkg/article_cleaner_bg.wasm', 'icons/icon-128.png']) {
      assert.ok(files[f], `${f} in the zip`);
    }
    assert.equal(Object.keys(files).length, r.entries);
    assert.ok(!files['README.md'], 'docs stay out of the package');
    // The shared reader view is the same file in both places.
    assert.ok(files['reader.js'].equals(fs.readFileSync(path.join(ROOT, 'www', 'reader.js'))), 'reader.js is the host page copy');
    assert.ok(files['reader.css'].equals(fs.readFileSync(path.join(ROOT, 'www', 'reader.css'))), 'reader.css is the host page copy');
    const manifest = JSON.parse(files['manifest.json']);
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
    assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage']);
    assert.equal(manifest.host_permissions, undefined, 'no host permissions: activeTab only');
    assert.equal(manifest.commands._execute_action.suggested_key.default, 'Alt+Shift+L');
    assert.ok(manifest.browser_specific_settings.gecko.id);
    // The same package twice is the same bytes.
    const again = path.join(tmp, 'again.zip');
    packageExtension({ out: again });
    assert.ok(fs.readFileSync(again).equals(fs.readFileSync(zipFile)), 'deterministic zip');
    const ff = JSON.parse(readZip(fs.readFileSync(packageExtension({ browser: 'firefox', out: path.join(tmp, 'ff.zip') }).file))['manifest.json']);
    assert.deepEqual(ff.background, { scripts: ['background.js'], type: 'module' });
    // Load what was packaged, not the source folder.
    for (const [name, data] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(extDir, name)), { recursive: true });
      fs.writeFileSync(path.join(extDir, name), data);
    }
  });

  await test('extension: loads unpacked with no manifest warnings; shortcut Alt+Shift+L', async () => {
    const profile = path.join(tmp, 'profile');
    // Developer mode on from the start, so that Chromium records manifest warnings.
    fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { ui: { developer_mode: true } } }));
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 1400 },
      colorScheme: 'light',
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, '--enable-unsafe-extension-debugging'],
    });
    ctx.on('page', (p) => watchPage(p, problems));
    for (const p of ctx.pages()) watchPage(p, problems);
    const sw = ctx.serviceWorkers()[0] || (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
    extId = new URL(sw.url()).host;
    cdp = await ctx.browser().newBrowserCDPSession();
    assert.match(sw.url(), /^chrome-extension:\/\/[a-p]{32}\/background\.js$/);
    const commands = await sw.evaluate(() => chrome.commands.getAll());
    const action = commands.find((c) => c.name === '_execute_action');
    assert.equal(action?.shortcut, 'Alt+Shift+L');

    const page = ctx.pages()[0] || (await ctx.newPage());
    await page.goto('chrome://extensions/');
    const info = await page.evaluate(() => new Promise((r) => chrome.developerPrivate.getExtensionsInfo({ includeDisabled: true }, r)));
    const mine = info.find((e) => e.id === extId);
    assert.ok(mine, 'extension listed');
    assert.equal(mine.state, 'ENABLED');
    assert.deepEqual(mine.manifestErrors.map((e) => e.message), [], 'manifest warnings');
    assert.deepEqual(mine.installWarnings, [], 'install warnings');
  });

  /** Open `url` in a new tab, click the toolbar button, return { reader, ms } once `ready(reader)` resolves. */
  async function clickAction(url, ready) {
    const page = await ctx.newPage();
    const resp = await page.goto(url);
    await page.bringToFront();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === url);
    assert.ok(tab, `tab target for ${url}`);
    const opened = ctx.waitForEvent('page', { timeout: 15_000 });
    const t0 = performance.now();
    await cdp.send('Extensions.triggerAction', { id: extId, targetId: tab.targetId });
    const reader = await opened;
    try {
      await ready(reader);
    } catch (err) {
      const shown = await reader.locator('body').innerText().catch(() => '(no page)');
      throw new Error(`${err.message}\nreader page ${reader.url()} shows:\n${shown.slice(0, 600)}`);
    }
    const ms = performance.now() - t0;
    return { page, reader, ms, resp };
  }

  await test('extension: toolbar button on a strict-CSP article page opens the cleaned reader view', async () => {
    assert.ok(ctx, 'browser started');
    const url = `${pagesUrl}/ext/article?t=${Date.now()}`;
    const title = 'Night trains return to the Alpine line after a decade';
    const { page, reader, ms, resp } = await clickAction(url, (r) => r.locator('#reader .reader__title', { hasText: title }).waitFor({ timeout: 15_000 }));
    notes.push(`extension: toolbar click to reader content visible: ${ms.toFixed(0)} ms`);
    console.log(`        click-to-reader: ${ms.toFixed(0)} ms`);
    // The page really had a strict CSP, and its own same-origin script ran under it.
    assert.equal(resp.headers()['content-security-policy'], "script-src 'self'");
    assert.equal(await page.evaluate(() => document.body.dataset.siteJs), 'ran');
    assert.match(reader.url(), new RegExp(`^chrome-extension://${extId}/reader\\.html\\?id=`));
    const body = await reader.locator('#reader .reader__body').textContent();
    assert.ok(body.includes('The last sleeper left the valley station in December 2016'), 'first paragraph');
    assert.ok(body.includes('is already considering a second departure on Fridays'), 'last paragraph');
    const all = await reader.locator('#reader').textContent();
    for (const junk of ['Share on Facebook', 'Share on LinkedIn', 'Email a friend', 'Related stories', 'The best rail passes', 'Terms of use', 'All rights reserved', 'Podcasts']) {
      assert.ok(!all.includes(junk), `still present: ${junk}`);
    }
    assert.equal(await reader.locator('#reader .reader__byline').textContent(), 'By Marta Lindqvist');
    assert.equal(await reader.locator('#back-link').getAttribute('href'), url);
    assert.equal(await reader.title(), `${title} — Reader view`);
    await reader.waitForFunction(() => [...document.querySelectorAll('#reader img')].every((i) => i.complete && i.naturalWidth > 0));
    await reader.screenshot({ path: path.join(artifacts, 'extension-reader.png') });
    // The reader settings are the shared ones and work here too.
    await reader.getByRole('radio', { name: 'Sepia' }).check();
    assert.equal(await reader.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(244, 236, 216)');
    await reader.getByRole('radio', { name: 'Auto' }).check();
    // A reload of the reader tab shows the same article (the snapshot is kept for the session).
    await reader.reload();
    await reader.locator('#reader .reader__title', { hasText: title }).waitFor();
    await reader.close();
    await page.close();
  });

  await test('extension: a forum thread is shown as posts with author lines', async () => {
    assert.ok(ctx, 'browser started');
    const url = `${pagesUrl}/ext/forum?t=${Date.now()}`;
    const { page, reader } = await clickAction(url, (r) => r.locator('#reader[data-page-type="forum"] .reader__title').waitFor({ timeout: 15_000 }));
    assert.equal(await reader.locator('#reader .reader__type').textContent(), 'Forum thread');
    assert.equal(await reader.locator('#reader article.reader-post').count(), 3);
    assert.deepEqual(
      await reader.locator('#reader article.reader-post header.reader-post__head .reader-post__author').allTextContents(),
      ['crumbshot', 'levain_larry', 'Marguerite B.'],
    );
    assert.equal(await reader.locator('#reader article.reader-post header time.reader-post__date[datetime]').count(), 3);
    // The shared stylesheet reached the extension: posts are separated, the quote is a quote.
    assert.equal(await reader.locator('#reader article.reader-post >> nth=1').evaluate((p) => getComputedStyle(p).borderTopStyle), 'solid');
    assert.equal(await reader.locator('#reader article.reader-post blockquote').evaluate((q) => getComputedStyle(q).fontStyle), 'normal');
    await reader.getByRole('radio', { name: 'Dark' }).check();
    await reader.waitForTimeout(200); // the controls' 120 ms colour transition
    await reader.screenshot({ path: path.join(artifacts, 'extension-forum-dark.png') });
    await reader.getByRole('radio', { name: 'Auto' }).check();
    await reader.close();
    await page.close();
  });

  await test('extension: a page that is not an article gets a clear message', async () => {
    assert.ok(ctx, 'browser started');
    const url = `${pagesUrl}/ext/not-article?t=${Date.now()}`;
    const { page, reader } = await clickAction(url, (r) => r.waitForFunction(() => document.documentElement.dataset.state, null, { timeout: 15_000 }));
    assert.equal(await reader.evaluate(() => document.documentElement.dataset.state), 'not-readerable', await reader.locator('[role=alert]').textContent());
    assert.equal(await reader.locator('#reader h1').textContent(), 'This page is not an article');
    assert.match(await reader.locator('[role=alert]').textContent(), /does not look like an article/);
    assert.equal(await reader.locator('#back-link').getAttribute('href'), url);
    await reader.screenshot({ path: path.join(artifacts, 'extension-not-readerable.png') });
    await reader.locator('#show-anyway').click();
    await reader.locator('#reader .reader__body', { hasText: 'Cordless drills' }).waitFor();
    await reader.close();
    await page.close();
  });

  await test('extension: browser pages are refused with a readable message', async () => {
    assert.ok(ctx, 'browser started');
    const { page, reader } = await clickAction('chrome://version/', (r) => r.waitForFunction(() => document.documentElement.dataset.state, null, { timeout: 15_000 }));
    assert.equal(await reader.evaluate(() => document.documentElement.dataset.state), 'error');
    assert.match(await reader.locator('[role=alert]').textContent(), /cannot read this page/);
    await reader.close();
    await page.close();
  });

  if (ctx) await ctx.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
