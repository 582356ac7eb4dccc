// Host page: feeds pages to the wasm cleaner and shows the reader view.
//
// Sources: the built-in sample (fetched and streamed), pasted HTML (`cleanToFragment`), a file
// (`file.stream()` into `ArticleCleaner`, chunk by chunk) and a URL (downloaded by the local
// server's /fetch endpoint and streamed the same way). Every failure ends in the role="alert"
// region as a sentence, never in the console.
//
// "Why?" (www/why.js) cleans the same source once more with `explain: true`, only when it is
// opened, so the first clean stays as fast as it was; the removed blocks are marked in the
// comparison frame's copy of the original.

import init, { clean, cleanToFragment, isProbablyReaderable, ArticleCleaner } from './pkg/browser.js';
import {
  renderArticle,
  renderPlaceholder,
  mountReaderControls,
  describeError,
  userError,
  notReaderableError,
  formatBytes,
  h,
} from './reader.js';
import { markExplain, renderWhy, renderWhyMessage } from './why.js';
import { wasmModule } from './start.js';

// start.js has begun compiling the wasm (usually done by now); without it, init() fetches it.
const wasmReady = wasmModule
  .then((module) => init(module ? { module_or_path: module } : undefined))
  .catch((err) => {
    throw userError(`The cleaner (WebAssembly) could not be loaded: ${err?.message || err}`);
  });

const SAMPLE_PATH = 'samples/floodplain.html';
/** Options used for every clean: Markdown is needed for "Copy Markdown". */
const BASE_OPTIONS = Object.freeze({ outputMarkdown: true });

const $ = (id) => document.getElementById(id);
const els = {
  alert: $('alert'),
  stats: $('stats'),
  reader: $('reader'),
  stage: $('stage'),
  original: $('original'),
  why: $('why'),
  frame: $('original-frame'),
  controls: $('reader-controls'),
  urlForm: $('url-form'),
  urlInput: $('url-input'),
  fileInput: $('file-input'),
  pasteToggle: $('paste-toggle'),
  pasteForm: $('paste-form'),
  pasteInput: $('paste-input'),
  pasteUrl: $('paste-url'),
  sample: $('sample-button'),
  drop: $('drop-overlay'),
};

const state = {
  ready: wasmReady, // Promise of the wasm module
  article: null, // the Article on screen
  source: null, // { html, url, options, chunks? } of the page on screen: the frame, and Why?
  generation: 0, // the latest job wins; older results are dropped
  compare: false,
  sourceError: null, // why the page on screen was not cleaned, if it was not
  why: false,
  /** The comparison was turned on by opening Why? (and goes off again when it closes). */
  compareForWhy: false,
  /** `{ source, explain, ms }` or `{ source, error }`: the explained clean of `source`. */
  explained: null,
};

// ---------------------------------------------------------------------------------------------
// Messages

function showError(err) {
  els.alert.replaceChildren(h('p', { class: 'alert__text', text: describeError(err) }));
}

function clearError() {
  els.alert.replaceChildren();
}

function setStatus(text) {
  els.stats.textContent = text;
}

// Anything that escapes a handler is still shown as a message and not left in the console.
window.addEventListener('unhandledrejection', (e) => {
  e.preventDefault();
  showError(e.reason);
});
window.addEventListener('error', (e) => {
  if (!(e instanceof ErrorEvent)) return; // resource load errors (an image) are not failures
  e.preventDefault();
  showError(e.error || e.message);
});

// ---------------------------------------------------------------------------------------------
// Cleaning

const utf8Length = (s) => new TextEncoder().encode(s).length;

/** Text of the original page for the comparison frame: BOM, charset label, <meta charset>. */
function decodeSource(chunks, label) {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let off = 0;
  for (const c of chunks) {
    bytes.set(c, off);
    off += c.byteLength;
  }
  let enc = label;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) enc = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) enc = 'utf-16le';
  else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) enc = 'utf-8';
  if (!enc) {
    const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
    enc = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  }
  try {
    return new TextDecoder(enc || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Stream a ReadableStream of bytes into a new ArticleCleaner.
 * Returns { article, fragment, bytesIn, engineMs, chunks }.
 */
async function cleanStream(stream, options, { maxBytes } = {}) {
  const cleaner = new ArticleCleaner(options);
  const reader = stream.getReader();
  const chunks = [];
  let bytesIn = 0;
  let engineMs = 0;
  try {
    for (;;) {
      let step;
      try {
        step = await reader.read();
      } catch (err) {
        throw userError(`The download was interrupted: ${err?.message || err}.`);
      }
      if (step.done) break;
      const chunk = step.value;
      bytesIn += chunk.byteLength;
      if (maxBytes && bytesIn > maxBytes) {
        throw userError(`This page is too large: it is over ${formatBytes(maxBytes)}, the limit for downloads.`);
      }
      chunks.push(chunk);
      const t = performance.now();
      cleaner.write(chunk);
      engineMs += performance.now() - t;
    }
    const t = performance.now();
    const { article, fragment } = cleaner.finishToFragment();
    engineMs += performance.now() - t;
    return { article, fragment, bytesIn, engineMs, chunks };
  } catch (err) {
    reader.cancel().catch(() => {});
    err.chunks = chunks;
    throw err;
  } finally {
    try {
      cleaner.free();
    } catch {
      // Already consumed by finish: nothing to free.
    }
  }
}

/** Run one cleaning job: the newest job owns the screen. */
async function run(label, job) {
  const gen = ++state.generation;
  clearError();
  setStatus(label);
  els.reader.setAttribute('aria-busy', 'true');
  try {
    await state.ready;
    const t0 = performance.now();
    const r = await job();
    if (gen !== state.generation) return;
    const totalMs = performance.now() - t0;
    state.source = r.source;
    state.sourceError = null;
    const show = () => {
      state.article = r.article;
      renderArticle(els.reader, r, { sourceUrl: r.source?.url });
    };
    if (r.readerable) {
      show();
    } else {
      // The same test as a browser's reader-mode button: say so, and offer the result anyway.
      state.article = null;
      showError(notReaderableError());
      renderPlaceholder(els.reader, 'This page is not an article', 'No main text long enough for a reader view was found.', {
        label: 'Show what was found anyway',
        onClick: () => {
          clearError();
          show();
        },
      });
    }
    const bytesOut = utf8Length(r.article.content || '');
    const timing = r.streamed
      ? `Read and cleaned in ${totalMs.toFixed(0)} ms (cleaner ${r.engineMs.toFixed(1)} ms)`
      : `Cleaned in ${r.engineMs.toFixed(1)} ms`;
    setStatus(
      `${timing} · ${formatBytes(r.bytesIn)} in → ${formatBytes(bytesOut)} out · ` +
        `${r.article.wordCount.toLocaleString()} words`,
    );
    els.stats.dataset.engineMs = r.engineMs.toFixed(3);
    els.stats.dataset.bytesIn = String(r.bytesIn);
    els.stats.dataset.bytesOut = String(bytesOut);
    els.stats.dataset.chunks = String(r.chunks ? r.chunks.length : 1);
  } catch (err) {
    if (gen !== state.generation) return;
    state.article = null;
    state.source = err.source || null;
    state.sourceError = err;
    showError(err);
    const notArticle = err?.name === 'ArticleCleanerError' && err.code === 'NOT_READERABLE';
    renderPlaceholder(
      els.reader,
      notArticle ? 'This page is not an article' : 'No article to show',
      'See the message above. Try another page, or the sample.',
    );
    setStatus('');
  } finally {
    if (gen === state.generation) {
      els.reader.removeAttribute('aria-busy');
      updateWhy();
      updateComparison();
    }
  }
}

function streamJob(getResponse, { url, encoding, maxBytes }) {
  return async () => {
    const stream = await getResponse();
    const options = { ...BASE_OPTIONS };
    if (url) options.url = url;
    if (encoding) options.encoding = encoding;
    try {
      const r = await cleanStream(stream, options, { maxBytes });
      const source = { html: decodeSource(r.chunks, encoding), url, options, chunks: r.chunks };
      const readerable = isProbablyReaderable(source.html, url ? { url } : undefined);
      return { ...r, streamed: true, source, readerable };
    } catch (err) {
      if (err.chunks?.length) err.source = { html: decodeSource(err.chunks, encoding), url, options, chunks: err.chunks };
      throw err;
    }
  };
}

function cleanSample() {
  const url = new URL(SAMPLE_PATH, location.href).href;
  // Requested now, read once the cleaner is ready (a failure is reported by the job).
  const response = fetch(SAMPLE_PATH);
  response.catch(() => {});
  return run('Cleaning the sample page…', streamJob(async () => {
    const resp = await response;
    if (!resp.ok) throw userError(`The sample page could not be loaded (${resp.status}).`);
    return resp.body;
  }, { url }));
}

function cleanFile(file) {
  if (!file) return;
  if (file.type && !/html|xml|text/i.test(file.type)) {
    showError(userError(`"${file.name}" is not an HTML file (it is ${file.type}).`));
    return;
  }
  return run(`Cleaning ${file.name}…`, streamJob(async () => file.stream(), {}));
}

function cleanUrl(address) {
  let url;
  try {
    url = new URL(address.trim());
  } catch {
    showError(userError(`"${address}" is not a web address. Type one that starts with https://.`));
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    showError(userError(`Only http and https addresses can be opened, not ${url.protocol}`));
    return;
  }
  const job = async () => {
    let resp;
    try {
      resp = await fetch(`/fetch?url=${encodeURIComponent(url.href)}`, { cache: 'no-store' });
    } catch (err) {
      throw userError(`Network failure: the local server could not be reached (${err.message}). Is \`npm start\` still running?`);
    }
    if (!resp.ok) {
      const text = (await resp.text().catch(() => '')).trim();
      throw userError(text || `Network failure: the local server answered ${resp.status}.`);
    }
    const type = resp.headers.get('content-type') || '';
    const encoding = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
    const finalUrl = resp.headers.get('x-final-url') || url.href;
    const maxBytes = Number(resp.headers.get('x-max-bytes')) || undefined;
    return streamJob(async () => resp.body, { url: finalUrl, encoding, maxBytes })();
  };
  return run(`Fetching ${url.href}…`, job);
}

function cleanPasted(html, address) {
  if (!html.trim()) {
    showError(userError('Paste the HTML of a page first.'));
    return;
  }
  const options = { ...BASE_OPTIONS };
  if (address.trim()) {
    let u;
    try {
      u = new URL(address.trim());
    } catch {
      u = null;
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
      showError(userError(`"${address}" is not an http or https address.`));
      return;
    }
    options.url = u.href;
  }
  return run('Cleaning…', async () => {
    const source = { html, url: options.url, options };
    const t = performance.now();
    try {
      const { article, fragment } = cleanToFragment(html, options);
      const engineMs = performance.now() - t;
      const readerable = isProbablyReaderable(html, options.url ? { url: options.url } : undefined);
      return { article, fragment, engineMs, bytesIn: utf8Length(html), streamed: false, source, readerable };
    } catch (err) {
      err.source = source;
      throw err;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Comparison with the original (sandbox="" iframe: no scripts, no forms, no navigation of us)

/**
 * Remove event-handler attributes (on*) from every tag of an HTML string, without building a
 * DOM: Chromium reports a CSP violation for each handler attribute that any parser in this page
 * creates, even in an inert DOMParser document. A small tag scanner, quotes respected.
 */
function stripHandlers(html) {
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      const stop = end < 0 ? n : end + 3;
      out += html.slice(lt, stop);
      i = stop;
      continue;
    }
    const name = /^<[a-zA-Z][^\s/>]*/.exec(html.slice(lt, lt + 64));
    if (!name) {
      out += '<';
      i = lt + 1;
      continue;
    }
    out += name[0];
    let j = lt + name[0].length;
    let selfClosing = false;
    while (j < n && html[j] !== '>') {
      const ws = /^[\s/]*/.exec(html.slice(j, j + 256))[0];
      j += ws.length;
      selfClosing = ws.endsWith('/') && html[j] === '>';
      const attr = /^[^\s/>=]+/.exec(html.slice(j, j + 256));
      if (!attr) {
        if (j < n && html[j] !== '>') j++;
        continue;
      }
      let k = j + attr[0].length;
      const eq = /^\s*=\s*/.exec(html.slice(k, k + 64));
      if (eq) {
        k += eq[0].length;
        const q = html[k];
        if (q === '"' || q === "'") {
          const close = html.indexOf(q, k + 1);
          k = close < 0 ? n : close + 1;
        } else {
          while (k < n && !/[\s>]/.test(html[k])) k++;
        }
      }
      if (!/^on/i.test(attr[0])) out += ` ${html.slice(j, k)}`;
      j = k;
    }
    out += selfClosing ? ' />' : '>';
    i = j + 1;
  }
  return out + html.slice(i);
}

/**
 * The original page as an inert document for the sandboxed frame. The sandbox (no allow-scripts)
 * is what keeps it from running; removing scripts, handlers, script URLs, frames, refreshes and
 * autofocus as well keeps the browser from reporting each blocked attempt in the console.
 * With `explain`, the removed blocks are marked too (the frame's document is out of our reach:
 * the sandbox gives it an opaque origin). Returns `{ html, anchors }`, anchors from markExplain.
 */
function inertCopy(html, url, explain = null) {
  const doc = new DOMParser().parseFromString(stripHandlers(html), 'text/html');
  doc.querySelectorAll('script, base, meta[http-equiv], iframe, frame, frameset, object, embed, applet, portal').forEach((n) => n.remove());
  const scriptUrl = /^(javascript|vbscript|data):/i;
  for (const style of doc.querySelectorAll('style')) if (/javascript:|expression\(/i.test(style.textContent)) style.remove();
  for (const el of doc.querySelectorAll('*')) {
    for (const { name, value } of [...el.attributes]) {
      const lower = name.toLowerCase();
      const compact = value.replace(/[\u0000-\u0020]/g, '');
      if (lower.startsWith('on') || lower === 'autofocus' || (lower === 'style' && /javascript:|expression\(/i.test(compact))) {
        el.removeAttribute(name);
      } else if (/(^|:)(href|src|action|formaction|data|poster|background)$/.test(lower) && scriptUrl.test(compact) && !/^data:image\//i.test(compact)) {
        el.removeAttribute(name);
      }
    }
  }
  const anchors = explain ? markExplain(doc, explain) : null;
  if (url) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return { html: `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`, anchors };
}

/** The inert copies of `state.source` made so far: plain, and marked for one explanation. */
const copies = { source: null, plain: null, marked: null, explain: null };
function frameCopy() {
  const { source } = state;
  if (copies.source !== source) Object.assign(copies, { source, plain: null, marked: null, explain: null });
  const explain = state.why && state.explained?.source === source ? state.explained.explain : null;
  if (!explain) return (copies.plain ||= inertCopy(source.html, source.url));
  if (copies.explain !== explain) Object.assign(copies, { explain, marked: inertCopy(source.html, source.url, explain) });
  return copies.marked;
}

let shownCopy = null;
let frameLoaded = false;
let pendingAnchor = null;
els.frame.addEventListener('load', () => {
  frameLoaded = true;
  if (pendingAnchor) scrollFrameTo(pendingAnchor);
});

function updateComparison() {
  const on = state.compare && !!state.source;
  els.original.hidden = !on;
  els.stage.classList.toggle('stage--compare', on);
  if (!on) return;
  const copy = frameCopy();
  if (shownCopy !== copy) {
    shownCopy = copy;
    frameLoaded = false;
    pendingAnchor = null;
    els.frame.srcdoc = copy.html;
  }
}

/**
 * Scroll the frame to the element with id `anchor`: a fragment navigation of the srcdoc document,
 * which the parent may start although the sandbox hides the document from it (and which makes
 * the element the frame's :target, for a stronger outline). Waits for the frame to load.
 */
function scrollFrameTo(anchor) {
  if (!frameLoaded) {
    pendingAnchor = anchor;
    return;
  }
  pendingAnchor = null;
  try {
    els.frame.contentWindow.location.replace(`about:srcdoc#${encodeURIComponent(anchor)}`);
  } catch {
    // The frame is gone or being replaced: nothing to scroll.
  }
}

// ---------------------------------------------------------------------------------------------
// Why? (explain mode)

/** The explained clean of `source`: the same input and options as its first clean, plus explain. */
function explainSource(source) {
  const options = { ...source.options, explain: true };
  if (!source.chunks) return clean(source.html, options).explain;
  const cleaner = new ArticleCleaner(options);
  try {
    for (const chunk of source.chunks) cleaner.write(chunk);
    return cleaner.finish().explain;
  } finally {
    try {
      cleaner.free();
    } catch {
      // Already consumed by finish: nothing to free.
    }
  }
}

function explained(source) {
  if (state.explained?.source !== source) {
    const t = performance.now();
    try {
      const explain = explainSource(source);
      if (!explain) throw new Error('the cleaner returned no explanation');
      state.explained = { source, explain, ms: performance.now() - t };
    } catch (error) {
      state.explained = { source, error };
    }
  }
  return state.explained;
}

let whyShown = null;
function updateWhy() {
  els.why.hidden = !state.why;
  els.stage.classList.toggle('stage--why', state.why);
  whyButton.setAttribute('aria-pressed', String(state.why));
  if (!state.why) return;
  const { source } = state;
  if (!source) {
    if (whyShown !== 'nothing') renderWhyMessage(els.why, 'Open a page first: there is nothing to explain yet.');
    whyShown = 'nothing';
    return;
  }
  if (state.sourceError) {
    if (whyShown !== source) renderWhyMessage(els.why, 'This page was not cleaned (see the message above), so there is nothing to explain.');
    whyShown = source;
    return;
  }
  const result = explained(source);
  if (result.error) {
    if (whyShown !== result) renderWhyMessage(els.why, `No explanation for this page: ${describeError(result.error)}`);
    whyShown = result;
    return;
  }
  const copy = frameCopy();
  if (whyShown === copy) return;
  whyShown = copy;
  let current = null;
  renderWhy(els.why, result.explain, {
    anchors: copy.anchors,
    ms: result.ms,
    onPick: (anchor, button) => {
      current?.removeAttribute('aria-current');
      current = button;
      button.setAttribute('aria-current', 'true');
      if (!state.compare) setCompare(true);
      scrollFrameTo(anchor);
    },
  });
}

function setCompare(on) {
  state.compare = on;
  compareButton.setAttribute('aria-pressed', String(on));
  updateComparison();
}

// ---------------------------------------------------------------------------------------------
// Wiring

const compareButton = h('button', {
  type: 'button',
  class: 'btn',
  id: 'compare-toggle',
  'aria-pressed': 'false',
  text: 'Compare with original',
  onclick: () => {
    state.compareForWhy = false;
    setCompare(!state.compare);
  },
});

const whyButton = h('button', {
  type: 'button',
  class: 'btn',
  id: 'why-toggle',
  'aria-pressed': 'false',
  'aria-controls': 'why',
  title: 'Which rule removed each block, and why the article won',
  text: 'Why?',
  onclick: () => {
    state.why = !state.why;
    if (state.why && !state.compare) {
      state.compare = true;
      state.compareForWhy = true;
    } else if (!state.why && state.compareForWhy) {
      state.compare = false;
      state.compareForWhy = false;
    }
    compareButton.setAttribute('aria-pressed', String(state.compare));
    updateWhy();
    updateComparison();
    if (state.why) els.why.scrollIntoView({ block: 'nearest' });
  },
});

mountReaderControls(els.controls, {
  getArticle: () => state.article,
  onStatus: setStatus,
  extra: [compareButton, whyButton],
});

els.urlForm.addEventListener('submit', (e) => {
  e.preventDefault();
  cleanUrl(els.urlInput.value);
});

els.fileInput.addEventListener('change', () => {
  cleanFile(els.fileInput.files?.[0]);
  els.fileInput.value = '';
});

els.pasteToggle.addEventListener('click', () => {
  const open = els.pasteForm.hidden;
  els.pasteForm.hidden = !open;
  els.pasteToggle.setAttribute('aria-expanded', String(open));
  if (open) els.pasteInput.focus();
});

els.pasteForm.addEventListener('submit', (e) => {
  e.preventDefault();
  cleanPasted(els.pasteInput.value, els.pasteUrl.value);
});

els.sample.addEventListener('click', () => cleanSample());

// Drag and drop anywhere on the page.
let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
window.addEventListener('dragenter', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  els.drop.hidden = false;
});
window.addEventListener('dragover', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'copy';
});
window.addEventListener('dragleave', (e) => {
  if (!hasFiles(e)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (!dragDepth) els.drop.hidden = true;
});
window.addEventListener('drop', (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth = 0;
  els.drop.hidden = true;
  cleanFile(e.dataTransfer.files[0]);
});

// Start: show the sample (index.html has preloaded it) so a newcomer sees the product at once.
cleanSample();
