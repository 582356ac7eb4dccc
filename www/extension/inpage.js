// The in-page reader: a content script that background.js injects into the clicked tab (with
// chrome.scripting.executeScript, right after inpage-view.js, the shared reader view; it is
// not declared in the manifest, so it runs only where the user clicked). It
//   1. returns the page's snapshot (doctype + document.documentElement.outerHTML, address,
//      title) as its completion value, which the worker cleans with the wasm it keeps compiled;
//   2. then, while the worker cleans, covers the page with the reader: a full-viewport host
//      element with a CLOSED shadow root (the page's scripts never get a handle into it: they
//      see the host element and nothing inside), its own style sheet (reader.css, in
//      inpage-view.js), the page behind it kept from scrolling;
//   3. shows the article when the worker sends it ('article-cleaner:show', on the port this
//      script opened on injection, or by runtime message).
// Escape, the close button and the browser's Back button (an entry pushed on open; popstate
// closes) put the page back as it was. "Open in a tab" asks the worker for the reader tab.
//
// The article's `content` is the cleaner's sanitised HTML (rebuilt from an allow-list: no
// scripts, handlers, styles or frames). It is parsed with DOMParser here, in the extension's
// isolated world, into an inert document where nothing loads or runs, and its nodes are adopted
// into the page's document inside the shadow root: no innerHTML on the page's document, and
// nothing of ours is visible to the page's scripts (this world's globals are not theirs).
// Nothing here is inline script, so a strict page CSP (`script-src 'self'`) has nothing to block.
//
// Injected again on every click: the state lives on this world's globalThis, made once.

(() => {
  'use strict';
  const now = () => performance.timeOrigin + performance.now();
  const injected = now();
  globalThis.articleCleanerInpage ??= makeInpage(globalThis.articleCleanerReaderView);
  return globalThis.articleCleanerInpage.onClick(injected);

  function makeInpage(view) {
    const HOST_TAG = 'article-cleaner-reader';
    const OVERLAY_CSS = `
.ac-root { position: absolute; inset: 0; overflow: auto; overscroll-behavior: contain; background: var(--bg); color: var(--text); font: 16px/1.5 var(--sans); text-align: start; }
.ac-bar { position: sticky; top: 0; z-index: 1; border-bottom: 1px solid var(--rule); background: var(--surface); }
.ac-bar__inner { max-width: 60rem; margin: 0 auto; padding: 8px 20px; display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 8px 16px; }
.ac-brand { margin: 0; font: 700 15px/1.4 var(--sans); }
.ac-actions { display: flex; gap: 8px; }
.ac-btn { font: 500 14px/1.2 var(--sans); color: var(--text); background: var(--surface-2); border: 1px solid var(--rule); border-radius: 6px; padding: 6px 12px; cursor: pointer; }
.ac-btn:hover { border-color: var(--muted); }
.ac-alert { max-width: 60rem; margin: 16px auto 0; padding: 0 20px; }
.ac-alert:empty { margin-top: 0; }
.ac-alert p { margin: 0; padding: 12px 16px; border: 1px solid var(--danger-rule); border-inline-start-width: 4px; border-radius: 6px; background: var(--danger-bg); color: var(--danger-text); font-weight: 500; }
.ac-main { padding: 32px 20px 64px; }
`;

    /** How long the overlay waits for the article before it shows its placeholder. */
    const PLACEHOLDER_DELAY_MS = 60;
    /** The reader of the latest click; `null` when closed. */
    let open = null;

    /** The worker's answer (by port, or by message if the port could not be used). */
    const onShow = (message) => {
      if (message?.type === 'article-cleaner:show' && open && open.token === message.token) show(open, message.result);
    };
    chrome.runtime.onMessage.addListener((message, sender) => {
      if (sender.id === chrome.runtime.id) onShow(message);
      return false;
    });

    function snapshot() {
      const dt = document.doctype;
      const doctype = dt ? `<!DOCTYPE ${dt.name}${dt.publicId ? ` PUBLIC "${dt.publicId}"` : ''}${dt.systemId ? ` "${dt.systemId}"` : ''}>\n` : '';
      return { html: doctype + document.documentElement.outerHTML, url: location.href, title: document.title };
    }

    /** A click: the snapshot for the worker (the overlay is built just after), or, when the reader is open, close it. */
    function onClick(injectedAt) {
      if (open) {
        close(open, { back: true });
        return { closed: true };
      }
      const page = snapshot();
      const token = crypto.randomUUID();
      const timings = { injected: injectedAt, snapshot: now() };
      let resolveVisible;
      const visible = new Promise((resolve) => (resolveVisible = resolve));
      open = { token, timings, visible, resolveVisible, state: 'preparing', closed: false };
      // The worker answers on this port, opened while it cleans (a one-off message would open a
      // channel of its own once the answer is ready; no difference was measured either way).
      try {
        const port = chrome.runtime.connect({ name: `article-cleaner:${token}` });
        port.onMessage.addListener((message) => {
          port.disconnect(); // one answer: the port has done its work
          onShow(message);
        });
        open.port = port;
      } catch {
        open.port = null;
      }
      // After this script has returned the snapshot: the worker cleans while this builds the overlay.
      const reader = open;
      setTimeout(() => mount(reader), 0);
      return { ...page, token };
    }

    function mount(reader) {
      if (reader.closed) return;
      const { h } = view;
      const host = document.createElement(HOST_TAG);
      // Inline and important: page style sheets cannot move or hide the overlay. (Not in a
      // `:host` rule: an important one there would outrank these, `display: none` included.)
      // Hidden (no style, layout or paint) until the article is there or PLACEHOLDER_DELAY_MS
      // have passed: a fast answer is shown in one frame, a slow one after a placeholder.
      for (const [name, value] of [['all', 'initial'], ['display', 'none'], ['position', 'fixed'], ['inset', '0'], ['z-index', '2147483647']]) {
        host.style.setProperty(name, value, 'important');
      }
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = view.CSS + OVERLAY_CSS;
      const articleEl = h('article', { class: 'reader', tabindex: '-1', 'aria-busy': 'true' });
      view.renderPlaceholder(articleEl, 'Preparing the reader view…');
      const alertEl = h('div', { class: 'ac-alert', role: 'alert', 'aria-live': 'assertive' });
      const root = h(
        'div',
        { class: 'ac-root', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Reader view' },
        h(
          'div',
          { class: 'ac-bar' },
          h(
            'div',
            { class: 'ac-bar__inner' },
            h('p', { class: 'ac-brand', text: 'Reader view' }),
            h(
              'div',
              { class: 'ac-actions' },
              h('button', { type: 'button', class: 'ac-btn', 'data-action': 'tab', text: 'Open in a tab', onclick: () => openInTab(reader) }),
              h('button', { type: 'button', class: 'ac-btn', 'data-action': 'close', title: 'Close (Escape)', text: 'Close', onclick: () => close(reader, { back: true }) }),
            ),
          ),
        ),
        alertEl,
        h('div', { class: 'ac-main' }, articleEl),
      );
      // The user's theme is not known here (the reader tab keeps it in the extension's own
      // storage): the default, which follows the system's light or dark.
      view.applyPrefs({ theme: 'auto', fontSize: 19, width: 'medium' }, root);
      shadow.append(style, root);

      reader.focus = document.activeElement;
      reader.onKey = (event) => {
        if (event.key === 'Escape' && !reader.closed) {
          event.stopPropagation();
          event.preventDefault();
          close(reader, { back: true });
        }
      };
      reader.onPop = () => close(reader, { back: false });
      Object.assign(reader, { host, root, articleEl, alertEl });
      document.documentElement.append(host);
      addEventListener('keydown', reader.onKey, true);
      reader.timings.mounted = now();
      if (reader.pending) show(reader, reader.pending);
      else setTimeout(() => reveal(reader), PLACEHOLDER_DELAY_MS);
    }

    function reveal(reader) {
      if (reader.closed || reader.revealed) return;
      reader.revealed = true;
      reader.host.style.setProperty('display', 'block', 'important');
    }

    function show(reader, result) {
      if (reader.closed) return;
      reader.timings.received ??= now();
      if (!reader.host) {
        reader.pending = result; // the overlay is built in the next task: shown from there
        return;
      }
      const { articleEl, alertEl, timings } = reader;
      const say = (text) => alertEl.replaceChildren(view.h('p', { text }));
      const done = (state) => {
        reader.state = state;
        timings.rendered = now();
        // "Article visible": a task after the first frame that follows the insertion, as the reader tab's mark.
        requestAnimationFrame(() =>
          setTimeout(() => {
            const detail = { ...result.timings, ...timings, visible: now() };
            reader.resolveVisible({ at: detail.visible, state, detail });
            settle(reader);
            // On the host element, the one thing the page sees: its state, once it is all done.
            if (!reader.closed) reader.host.dataset.state = state;
          }),
        );
      };
      if (result?.error || !result?.article) {
        const err = result?.error || view.userError('The reader view could not be prepared.');
        say(view.describeError(err));
        view.renderPlaceholder(articleEl, 'No reader view for this page', 'See the message above.');
        reveal(reader);
        return done('error');
      }
      const { article } = result;
      const render = () => {
        alertEl.replaceChildren();
        const parsed = new DOMParser().parseFromString(article.content, 'text/html');
        const fragment = document.createDocumentFragment();
        fragment.append(...parsed.body.childNodes);
        view.renderArticle(articleEl, { article, fragment }, { sourceUrl: result.url });
        reveal(reader);
        return done('ready');
      };
      if (result.readerable) return render();
      // What a browser's own reader mode would refuse: say so, offer the result anyway.
      say(view.describeError(view.notReaderableError()));
      view.renderPlaceholder(articleEl, 'This page is not an article', 'The reader view needs a page with a main text, such as a news story or a blog post. Close it (Escape) to go back to the page.', {
        label: 'Show what was found anyway',
        onClick: () => {
          render();
          articleEl.focus({ preventScroll: true });
        },
      });
      reveal(reader);
      done('not-readerable');
    }

    /**
     * Once the reader is on screen (each of these forces a layout, of the whole page for the
     * first): the page behind stops scrolling, Back closes the reader (an entry of our own, with
     * the page's address and state), and the keyboard (arrows, space) scrolls the reader.
     */
    function settle(reader) {
      if (reader.closed || reader.scroll) return;
      const { style } = document.documentElement;
      reader.scroll = { value: style.getPropertyValue('overflow'), priority: style.getPropertyPriority('overflow') };
      style.setProperty('overflow', 'hidden', 'important');
      try {
        history.pushState(history.state, '', location.href);
        reader.pushed = true;
      } catch {
        reader.pushed = false;
      }
      addEventListener('popstate', reader.onPop);
      reader.articleEl.focus({ preventScroll: true });
    }

    function close(reader, { back }) {
      if (reader.closed) return;
      reader.closed = true;
      if (open === reader) open = null;
      reader.resolveVisible({ at: null, state: 'closed', detail: null });
      reader.port?.disconnect();
      if (!reader.host) return;
      removeEventListener('popstate', reader.onPop);
      removeEventListener('keydown', reader.onKey, true);
      reader.host.remove();
      if (reader.scroll) {
        const { style } = document.documentElement;
        if (reader.scroll.value) style.setProperty('overflow', reader.scroll.value, reader.scroll.priority);
        else style.removeProperty('overflow');
      }
      // Closed by Escape or the button: drop our history entry (closed by Back: it is gone already).
      if (back && reader.pushed) history.back();
      if (reader.focus?.isConnected) reader.focus.focus?.({ preventScroll: true });
    }

    function openInTab(reader) {
      chrome.runtime.sendMessage({ type: 'open-in-tab', id: reader.token }).then(
        () => close(reader, { back: true }),
        (err) => reader.alertEl.replaceChildren(view.h('p', { text: `The reader tab could not be opened (${err?.message || err}).` })),
      );
    }

    return {
      onClick,
      /** For tools/bench-reader.mjs and the tests, in this world only: the latest reader's state and its "visible" promise. */
      get current() {
        return open && { token: open.token, state: open.state, visible: open.visible };
      },
      close: () => open && close(open, { back: true }),
    };
  }
})();
