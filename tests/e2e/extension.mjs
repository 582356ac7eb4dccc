// End-to-end tests of the MV3 extension: the package built by tools/package-extension.mjs is
// unzipped and loaded unpacked into Chromium; the toolbar action is triggered for real through
// the DevTools protocol (Extensions.triggerAction, which grants activeTab exactly like a click).
// A click shows the reader IN THE PAGE (a closed shadow root over it): the tests read that
// shadow tree through the DevTools protocol (DOM.getDocument with pierce, which reaches closed
// shadow roots; the page's own scripts cannot), and check what the page's scripts can see.
// "Open in a tab" and browser pages lead to the reader tab, tested as before.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, CHROMIUM_ARGS, test, watchPage, readZip, auditReaderMarkup } from './harness.mjs';
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
    for (const f of ['manifest.json', 'background.js', 'reader.html', 'reader-page.js', 'reader.js', 'reader.css', 'inpage.js', 'inpage-view.js', 'pkg/browser.js', 'pkg/api.js', 'pkg/article_cleaner.js', 'pkg/article_cleaner_bg.wasm', 'icons/icon-128.png']) {
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
    // The hostile pages' own vectors are blocked by their CSP (or fail on the missing __xss()):
    // those reports are the page's, not ours; the hostile test counts what happens after the click.
    const pagesOwn = (entry) => /\/ext\/hostile/.test(entry.page);
    ctx.on('page', (p) => watchPage(p, problems, pagesOwn));
    for (const p of ctx.pages()) watchPage(p, problems, pagesOwn);
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

  // ------------------------------------------------------------------------------------------
  // The in-page reader

  const HOST = 'article-cleaner-reader';

  /**
   * Open `url` in a new tab (CSP violations reported on its document are counted in
   * window.__cspViolations, from before its first script), click the toolbar button and wait
   * until the in-page reader is settled (its host's data-state). Returns { page, ms, resp, state }.
   */
  async function clickInPage(url, { page } = {}) {
    let resp = null;
    if (!page) {
      page = await ctx.newPage();
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
      });
      resp = await page.goto(url);
    }
    await page.bringToFront();
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    assert.ok(tab, `tab target for ${page.url()}`);
    const tabsBefore = ctx.pages().length;
    const t0 = performance.now();
    await cdp.send('Extensions.triggerAction', { id: extId, targetId: tab.targetId });
    await page.waitForFunction((tag) => document.querySelector(tag)?.dataset.state, HOST, { timeout: 15_000 });
    const ms = performance.now() - t0;
    assert.equal(ctx.pages().length, tabsBefore, 'no tab was opened');
    const state = await page.evaluate((tag) => document.querySelector(tag).dataset.state, HOST);
    return { page, ms, resp, state };
  }

  /**
   * Run `fn(shadowRoot, ...args)` on the overlay's closed shadow root, through the DevTools
   * protocol (DOM.getDocument pierces closed shadow roots; nothing in the page can).
   */
  async function inShadow(page, fn, ...args) {
    const session = await ctx.newCDPSession(page);
    try {
      const { root } = await session.send('DOM.getDocument', { depth: -1, pierce: true });
      const find = (node) => (node.localName === HOST ? node : (node.children || []).map(find).find(Boolean));
      const host = find(root);
      assert.ok(host, 'the overlay host is in the page');
      assert.equal(host.shadowRoots?.length, 1, 'one shadow root');
      assert.equal(host.shadowRoots[0].shadowRootType, 'closed');
      const { object } = await session.send('DOM.resolveNode', { nodeId: host.shadowRoots[0].nodeId });
      const { result, exceptionDetails } = await session.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function (args) { return (${fn})(this, ...args); }`,
        arguments: [{ value: args }],
        returnByValue: true,
        awaitPromise: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description || exceptionDetails.text);
      return result.value;
    } finally {
      await session.detach().catch(() => {});
    }
  }

  /** What the page's own scripts can see of the reader (evaluated in the page's main world). */
  const pageView = (page) =>
    page.evaluate((tag) => {
      const host = document.querySelector(tag);
      const r = host?.getBoundingClientRect();
      const hit = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
      return {
        hosts: document.querySelectorAll(tag).length,
        shadowRoot: host ? host.shadowRoot : undefined,
        covers: !!r && r.left <= 0 && r.top <= 0 && r.right >= innerWidth - 20 && r.bottom >= innerHeight,
        hitIsHost: hit === host,
        readerNodes: document.querySelectorAll('.reader__body, .reader__title').length,
        globals: ['articleCleanerInpage', 'articleCleanerReaderView', 'chrome'].filter((g) => g in window && g !== 'chrome'),
        overflow: document.documentElement.style.overflow,
        url: location.href,
        marker: window.__marker ?? null,
        violations: window.__cspViolations ?? null,
      };
    }, HOST);

  /** The reader's article as shown: title, byline, body text, the tab link, and a markup audit. */
  const shownArticle = (page) =>
    inShadow(page, (shadow, audit) => {
      const text = (sel) => shadow.querySelector(sel)?.textContent ?? null;
      const article = shadow.querySelector('article.reader');
      return {
        title: text('.reader__title'),
        byline: text('.reader__byline'),
        type: text('.reader__type'),
        pageType: article?.dataset.pageType ?? null,
        body: text('.reader__body'),
        all: article?.textContent ?? '',
        alert: text('[role=alert]'),
        audit: new Function(`return (${audit})`)()(article),
        posts: [...shadow.querySelectorAll('article.reader-post .reader-post__author')].map((a) => a.textContent),
        buttons: [...shadow.querySelectorAll('button')].map((b) => b.textContent),
        background: getComputedStyle(shadow.querySelector('.ac-root')).backgroundColor,
        bodyFont: getComputedStyle(shadow.querySelector('.reader')).fontFamily,
      };
    }, auditReaderMarkup.toString());

  const waitClosed = (page) => page.waitForFunction((tag) => !document.querySelector(tag), HOST, { timeout: 5_000 });

  await test('extension: the toolbar button shows the article over a strict-CSP page, in a closed shadow root; no tab, no CSP report', async () => {
    assert.ok(ctx, 'browser started');
    const url = `${pagesUrl}/ext/article?t=${Date.now()}`;
    const title = 'Night trains return to the Alpine line after a decade';
    const { page, ms, resp, state } = await clickInPage(url);
    notes.push(`extension: toolbar click to the in-page reader settled: ${ms.toFixed(0)} ms`);
    console.log(`        click to in-page reader: ${ms.toFixed(0)} ms`);
    assert.equal(resp.headers()['content-security-policy'], "script-src 'self'");
    assert.equal(await page.evaluate(() => document.body.dataset.siteJs), 'ran');
    assert.equal(state, 'ready');
    const shown = await shownArticle(page);
    assert.equal(shown.title, title);
    assert.equal(shown.byline, 'By Marta Lindqvist');
    assert.ok(shown.body.includes('The last sleeper left the valley station in December 2016'), 'first paragraph');
    assert.ok(shown.body.includes('is already considering a second departure on Fridays'), 'last paragraph');
    for (const junk of ['Share on Facebook', 'Share on LinkedIn', 'Email a friend', 'Related stories', 'The best rail passes', 'Terms of use', 'All rights reserved', 'Podcasts']) {
      assert.ok(!shown.all.includes(junk), `still present: ${junk}`);
    }
    assert.deepEqual(shown.audit.bad, [], 'unsafe markup in the reader');
    assert.deepEqual(shown.buttons, ['Open in a tab', 'Close']);
    // reader.css reached the shadow root (and not the page's site.css: sans-serif on its body).
    assert.equal(shown.background, 'rgb(251, 250, 248)');
    assert.match(shown.bodyFont, /^Charter/);
    // What the page's scripts see: one host element covering the viewport, no shadow root,
    // none of the reader's nodes, none of our globals; the page behind does not scroll.
    const seen = await pageView(page);
    assert.equal(seen.hosts, 1);
    assert.equal(seen.shadowRoot, null, 'the shadow root is closed to the page');
    assert.ok(seen.covers && seen.hitIsHost, 'the reader covers the page');
    assert.equal(seen.readerNodes, 0);
    assert.deepEqual(seen.globals, []);
    assert.equal(seen.overflow, 'hidden');
    assert.deepEqual(seen.violations, [], 'CSP violations on the page');
    await page.screenshot({ path: path.join(artifacts, 'extension-in-page.png') });
    // Escape closes it and the page is as it was: same address, same document, scrolling back.
    await page.evaluate(() => (window.__marker = 'still here'));
    await page.keyboard.press('Escape');
    await waitClosed(page);
    await page.waitForTimeout(100); // our history.back() (the entry pushed on open) has landed
    const after = await pageView(page);
    assert.deepEqual({ hosts: after.hosts, overflow: after.overflow, url: after.url, marker: after.marker, violations: after.violations }, { hosts: 0, overflow: '', url, marker: 'still here', violations: [] });
    // Open again; the browser's Back button closes it, without leaving the page.
    await clickInPage(url, { page });
    assert.equal((await shownArticle(page)).title, title);
    await page.goBack();
    await waitClosed(page);
    const back = await pageView(page);
    assert.deepEqual({ hosts: back.hosts, overflow: back.overflow, url: back.url, marker: back.marker }, { hosts: 0, overflow: '', url, marker: 'still here' });
    // A second click on the button closes it as well.
    await clickInPage(url, { page });
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{}] });
    await cdp.send('Extensions.triggerAction', { id: extId, targetId: targetInfos.find((t) => t.type === 'tab' && t.url === url).targetId });
    await waitClosed(page);
    await page.waitForTimeout(100);
    const again = await pageView(page);
    assert.deepEqual({ hosts: again.hosts, overflow: again.overflow, url: again.url, marker: again.marker, violations: again.violations }, { hosts: 0, overflow: '', url, marker: 'still here', violations: [] });
    await page.close();
  });

  await test('extension: no script of the article runs in the in-page reader (script vectors, with and without a CSP)', async () => {
    assert.ok(ctx, 'browser started');
    const title = 'Harbour festival draws record crowds despite the rain';
    for (const csp of [true, false]) {
      const url = `${pagesUrl}/ext/hostile${csp ? '' : '-no-csp'}?t=${Date.now()}`;
      const page = await ctx.newPage();
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
      // Every vector calls __xss(): count the calls in the page's world.
      await page.addInitScript(() => {
        window.__xssCalls = 0;
        window.__xss = () => window.__xssCalls++;
      });
      await page.goto(url);
      await page.waitForTimeout(300);
      const before = await page.evaluate(() => ({ calls: window.__xssCalls, violations: window.__cspViolations?.length ?? 0, dialogs: 0 }));
      const dialogsBefore = dialogs.length;
      // Count CSP reports from the click on (the page's own blocked vectors came before).
      await page.evaluate(() => {
        window.__cspAfter = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspAfter.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const { state } = await clickInPage(url, { page });
      assert.equal(state, 'ready', `csp ${csp}`);
      const shown = await shownArticle(page);
      assert.equal(shown.title, title);
      assert.deepEqual(shown.audit.bad, [], `unsafe markup in the reader (csp ${csp})`);
      assert.ok(shown.audit.paragraphs >= 3, 'the article text is there');
      // Hover and focus everything in the article (mouse events reach the shadow tree).
      const boxes = await inShadow(page, (shadow) =>
        [...shadow.querySelectorAll('article.reader *')].slice(0, 200).map((el) => {
          el.scrollIntoView({ block: 'center' });
          el.focus?.();
          const r = el.getBoundingClientRect();
          return [r.left + r.width / 2, r.top + r.height / 2];
        }),
      );
      for (const [x, y] of boxes.filter(([x, y]) => x > 0 && y > 0).slice(-40)) await page.mouse.move(x, y);
      await page.waitForTimeout(300);
      const after = await page.evaluate(() => ({ calls: window.__xssCalls, violations: window.__cspAfter }));
      assert.equal(after.calls, before.calls, `__xss() calls after the click (csp ${csp})`);
      assert.deepEqual(after.violations, [], `CSP reports after the click (csp ${csp})`);
      assert.equal(dialogs.length, dialogsBefore, `dialogs after the click (csp ${csp})`);
      if (csp) assert.equal(before.calls, 0, 'the page CSP blocked the page\'s own vectors');
      else assert.ok(before.calls > 0, 'without a CSP the page\'s own vectors ran (the counter works)');
      await page.close();
    }
  });

  await test('extension: "Open in a tab" opens the reader tab with the same article', async () => {
    assert.ok(ctx, 'browser started');
    const url = `${pagesUrl}/ext/article?t=${Date.now()}`;
    const title = 'Night trains return to the Alpine line after a decade';
    const { page } = await clickInPage(url);
    const opened = ctx.waitForEvent('page', { timeout: 15_000 });
    await inShadow(page, (shadow) => shadow.querySelector('button[data-action="tab"]').click());
    const reader = await opened;
    await reader.locator('#reader .reader__title', { hasText: title }).waitFor({ timeout: 15_000 });
    await waitClosed(page);
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
    const { page, state } = await clickInPage(url);
    assert.equal(state, 'ready');
    const shown = await shownArticle(page);
    assert.equal(shown.pageType, 'forum');
    assert.equal(shown.type, 'Forum thread');
    assert.deepEqual(shown.posts, ['crumbshot', 'levain_larry', 'Marguerite B.']);
    const styled = await inShadow(page, (shadow) => ({
      dates: shadow.querySelectorAll('article.reader-post header time.reader-post__date[datetime]').length,
      border: getComputedStyle(shadow.querySelectorAll('article.reader-post')[1]).borderTopStyle,
      quote: getComputedStyle(shadow.querySelector('article.reader-post blockquote')).fontStyle,
    }));
    // The shared stylesheet reached the shadow root: posts are separated, the quote is a quote.
    assert.deepEqual(styled, { dates: 3, border: 'solid', quote: 'normal' });
    await page.screenshot({ path: path.join(artifacts, 'extension-forum-in-page.png') });
    await page.close();
  });

  await test('extension: a page that is not an article gets a clear message', async () => {
    assert.ok(ctx, 'browser started');
    const url = `${pagesUrl}/ext/not-article?t=${Date.now()}`;
    const { page, state } = await clickInPage(url);
    assert.equal(state, 'not-readerable');
    const shown = await shownArticle(page);
    assert.equal(shown.title, 'This page is not an article');
    assert.match(shown.alert, /does not look like an article/);
    await page.screenshot({ path: path.join(artifacts, 'extension-not-readerable.png') });
    await inShadow(page, (shadow) => shadow.querySelector('#show-anyway').click());
    await page.waitForFunction((tag) => document.querySelector(tag)?.dataset.state === 'ready', HOST, { timeout: 5_000 });
    assert.ok((await shownArticle(page)).body.includes('Cordless drills'));
    await page.close();
  });

  await test('extension: browser pages (nothing can be injected) get the reader tab with a readable message', async () => {
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
