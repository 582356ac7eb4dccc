// Reader view shared by the host page (www/index.html) and the extension's reader page
// (www/extension/reader.html, which gets a generated copy of this file and reader.css from
// tools/sync-web-assets.mjs). It never touches the wasm module: callers pass in what
// `cleanToFragment` / `finishToFragment` returned, `{ article, fragment }` (the extension's
// reader page: the article its service worker cleaned, and its sanitised `content` parsed with
// DOMParser).
//
//   renderArticle(articleEl, result, { sourceUrl })   fill an <article> element
//   mountReaderControls(el, { getArticle, onStatus }) theme / size / width / copy controls
//   describeError(err)                                 a sentence for any thrown value
//
// The article HTML is never parsed from a string here: the fragment holds the wasm module's
// allow-listed tree, and this file only adds a header around it and,
// by the page type (`article.pageType`), regroups some of its nodes with DOM methods: a
// thread's posts get author lines, a product's two-column facts tables become a <dl>, a
// listing's items become a list with thumbnails.

const PREFS_KEY = 'article-cleaner.reader';
export const THEMES = [
  ['auto', 'Auto'],
  ['light', 'Light'],
  ['dark', 'Dark'],
  ['sepia', 'Sepia'],
];
export const WIDTHS = [
  ['narrow', 'Narrow'],
  ['medium', 'Medium'],
  ['wide', 'Wide'],
];
const FONT_SIZES = [15, 16, 17, 18, 19, 20, 22, 24, 26, 28];
const DEFAULT_PREFS = Object.freeze({ theme: 'auto', fontSize: 19, width: 'medium' });

// ---------------------------------------------------------------------------------------------
// Preferences (localStorage, applied as attributes / custom properties on <html>)

export function loadPrefs() {
  let stored = {};
  try {
    stored = JSON.parse(localStorage.getItem(PREFS_KEY) || '{}') || {};
  } catch {
    stored = {};
  }
  const prefs = { ...DEFAULT_PREFS };
  if (THEMES.some(([v]) => v === stored.theme)) prefs.theme = stored.theme;
  if (FONT_SIZES.includes(stored.fontSize)) prefs.fontSize = stored.fontSize;
  if (WIDTHS.some(([v]) => v === stored.width)) prefs.width = stored.width;
  return prefs;
}

function savePrefs(prefs) {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Storage may be unavailable (private mode, quota): the settings then last for this page.
  }
}

export function applyPrefs(prefs, root = document.documentElement) {
  root.dataset.theme = prefs.theme;
  root.dataset.width = prefs.width;
  root.style.setProperty('--reader-font-size', `${prefs.fontSize}px`);
}

// ---------------------------------------------------------------------------------------------
// Small DOM helper: element with attributes and children (text children become text nodes).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function isSafeImageUrl(url) {
  if (typeof url !== 'string') return false;
  if (/^data:image\/(png|jpe?g|gif|webp|avif|svg\+xml)[;,]/i.test(url)) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function isHttpUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

/** "2026-10-14T07:30:00+01:00" -> "14 October 2026" in the reader's locale; raw text if unparsable. */
export function formatDate(value, lang) {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long' }).format(d);
  } catch {
    return d.toDateString();
  }
}

export function formatBytes(n) {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}

const normalise = (s) => (s || '').replace(/\s+/g, ' ').trim().toLowerCase();

// ---------------------------------------------------------------------------------------------
// Page types: each kind of page is shown the way its reader expects.

/** The label shown in the header for every type but `article`. */
export const PAGE_TYPE_LABELS = Object.freeze({
  forum: 'Forum thread',
  documentation: 'Documentation',
  product: 'Product',
  service: 'Service',
  collection: 'Collection',
  listing: 'Listing',
});
/** Types for which "n min read" says nothing useful: one looks them over, one does not read them. */
const NO_READING_TIME = new Set(['product', 'collection', 'listing']);
/** Before a heading that repeats the title, at most this much text (an image, a price line). */
const TITLE_HEADING_MAX_TEXT_BEFORE = 300;
/** Title separators of "Name – Site" titles. */
const TITLE_SEPARATORS = [' – ', ' — ', ' - ', ' | ', ' · ', ' :: ', ' » '];

const plural = (n, one, many) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The `<article>`s of `root` in document order (a reply nested in a post included). */
const articlesIn = (root) => [...root.querySelectorAll('article')];

/** The descendants of `article` matching `selector`, leaving out those of a nested `<article>`. */
const ownMatches = (article, selector) => [...article.querySelectorAll(selector)].filter((x) => x.closest('article') === article);

/** "Name – Site" is `name` with a site's tail: the site name, or a tail shorter than the name. */
function isNameWithTail(title, name, siteName) {
  for (const sep of TITLE_SEPARATORS) {
    if (!title.startsWith(name + sep)) continue;
    const tail = title.slice(name.length + sep.length);
    if (tail === normalise(siteName)) return true;
    if (!TITLE_SEPARATORS.some((s) => tail.includes(s)) && tail.length < name.length) return true;
  }
  return false;
}

/**
 * The heading near the top of the content that repeats the title ("Name" for a title
 * "Name – Site" too), or null. Only h1–h3, and only with little text before it.
 */
function titleHeading(fragment, title, siteName) {
  const want = normalise(title);
  if (!want) return null;
  const heading = fragment.querySelector('h1, h2, h3');
  if (!heading) return null;
  const text = normalise(heading.textContent);
  if (!text) return null;
  if (text !== want && !isNameWithTail(want, text, siteName)) return null;
  // Text before the heading, in document order.
  const range = document.createRange();
  range.setStart(fragment, 0);
  range.setEndBefore(heading);
  return range.toString().trim().length <= TITLE_HEADING_MAX_TEXT_BEFORE ? heading : null;
}

/**
 * Forum and Q&A: every `<article>` is a post. Its `<header>` (author link and `<time>`) becomes
 * a compact author line; the first post is marked as the original post. Returns the posts.
 */
function shapeThread(root, lang) {
  const posts = articlesIn(root);
  posts.forEach((post, i) => {
    post.classList.add('reader-post');
    let head = ownMatches(post, 'header')[0] || null;
    if (head) {
      head.classList.add('reader-post__head');
      for (const time of head.querySelectorAll('time[datetime]')) {
        const when = time.getAttribute('datetime');
        const d = new Date(when);
        if (!Number.isNaN(d.getTime())) {
          time.textContent = formatDate(when, lang);
          // The hour too, on hover: threads move within a day.
          try {
            time.title = new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long', timeStyle: 'short' }).format(d);
          } catch {
            time.title = d.toLocaleString();
          }
        }
        time.classList.add('reader-post__date');
      }
      let author = [...head.querySelectorAll('a, b, strong')].find((el) => !el.closest('time') && el.textContent.trim());
      if (!author) {
        // A plain-text name: the header's first words before any element.
        const words = [...head.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        if (words && words === [...head.childNodes].find((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent.trim())) {
          author = h('span');
          words.replaceWith(author);
          author.append(words);
        }
      }
      if (author) author.classList.add('reader-post__author');
    } else {
      head = h('p', { class: 'reader-post__head reader-post__head--bare' });
      post.prepend(head);
    }
    const tags = [];
    if (i === 0 && posts.length > 1) tags.push(h('span', { class: 'reader-post__op', text: 'Original post' }));
    tags.push(h('span', { class: 'reader-post__num', text: `#${i + 1}` }));
    head.append(...tags);
    post.dataset.post = String(i + 1);
  });
  return posts;
}

/** The two cells of each row when every row of `table` is `th`+`td` or `td`+`td`; else null. */
function factRows(table) {
  if (table.querySelector('table')) return null;
  const rows = [...table.rows];
  if (!rows.length) return null;
  const pairs = [];
  for (const row of rows) {
    const cells = [...row.cells];
    if (cells.length !== 2) return null;
    const [k, v] = cells;
    if (v.localName !== 'td' || k.colSpan !== 1 || v.colSpan !== 1 || k.rowSpan !== 1 || v.rowSpan !== 1) return null;
    pairs.push([k, v]);
  }
  return pairs;
}

/**
 * Product pages: every specifications table of two columns becomes a definition list of its
 * facts (term, value); wider data tables stay tables. Returns the lists made.
 */
function shapeFacts(root) {
  const lists = [];
  for (const table of [...root.querySelectorAll('table')]) {
    const pairs = factRows(table);
    if (!pairs) continue;
    const dl = h('dl', { class: 'reader-facts' });
    for (const [k, v] of pairs) {
      const dt = h('dt');
      const dd = h('dd');
      dt.append(...k.childNodes);
      dd.append(...v.childNodes);
      dl.append(dt, dd);
    }
    const caption = table.caption;
    if (caption && caption.textContent.trim()) {
      const p = h('p', { class: 'reader-facts__caption' });
      p.append(...caption.childNodes);
      table.before(p);
    }
    table.replaceWith(dl);
    lists.push(dl);
  }
  return lists;
}

/**
 * Listing and collection pages: every `<article>` is an item. Its first heading is the item's
 * title; its first image, with the link around it, a thumbnail beside the text. Returns the items.
 */
function shapeItems(root) {
  const items = articlesIn(root);
  for (const item of items) {
    item.classList.add('reader-item');
    const title = ownMatches(item, 'h1, h2, h3, h4, h5, h6')[0];
    if (title) title.classList.add('reader-item__title');
    const img = ownMatches(item, 'img')[0];
    if (img) {
      // The image with the link or figure wrapped around it alone (text-free wrappers).
      let thumb = img;
      while (thumb.parentElement && thumb.parentElement !== item && !thumb.parentElement.textContent.trim() && thumb.parentElement.querySelectorAll('img').length === 1) {
        thumb = thumb.parentElement;
      }
      thumb.classList.add('reader-item__thumb');
      item.classList.add('reader-item--with-thumb');
    }
  }
  return items;
}

/**
 * Fill `articleEl` (an <article>) with the reader view of `{ article, fragment }`.
 * `options.sourceUrl`: link back to the original page (http/https only).
 */
export function renderArticle(articleEl, { article, fragment }, { sourceUrl } = {}) {
  const body = h('div', { class: 'reader__body' });
  const pageType = article.pageType || 'article';
  let title = article.title;

  // The content may repeat the title as its first heading: keep one. A heading that is the
  // title without its " – Site" tail is the better title.
  const repeat = titleHeading(fragment, article.title, article.siteName);
  if (repeat) {
    const text = repeat.textContent.replace(/\s+/g, ' ').trim();
    if (text.length < (title || '').length) title = text;
    repeat.remove();
  }
  // Links open beside the reader view and send no referrer; images load lazily.
  for (const a of fragment.querySelectorAll('a[href]')) {
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
  }
  for (const img of fragment.querySelectorAll('img')) {
    img.loading = 'lazy';
    img.decoding = 'async';
    img.referrerPolicy = 'no-referrer';
  }
  const contentImages = [...fragment.querySelectorAll('img')].map((i) => i.getAttribute('src'));
  // Each type as its reader expects it (posts, facts, items); an article is left as it is.
  let count = null;
  if (pageType === 'forum') {
    const posts = shapeThread(fragment, article.lang);
    if (posts.length > 1) count = plural(posts.length, 'post', 'posts');
  } else if (pageType === 'product') {
    shapeFacts(fragment);
  } else if (pageType === 'listing' || pageType === 'collection') {
    const items = shapeItems(fragment);
    if (items.length > 1) count = plural(items.length, 'item', 'items');
  }
  body.append(fragment);

  const metaParts = [];
  if (article.byline) {
    const byline = /^by\s/i.test(article.byline) ? article.byline : `By ${article.byline}`;
    metaParts.push(h('span', { class: 'reader__byline', text: byline }));
  }
  if (article.publishedTime) {
    metaParts.push(h('time', { datetime: article.publishedTime, text: formatDate(article.publishedTime, article.lang) }));
  }
  if (count) metaParts.push(h('span', { class: 'reader__count', text: count }));
  if (article.readingTimeMinutes && !NO_READING_TIME.has(pageType)) {
    metaParts.push(h('span', { class: 'reader__time', text: `${article.readingTimeMinutes} min read` }));
  }
  const meta = h('p', { class: 'reader__meta' });
  metaParts.forEach((part, i) => {
    if (i) meta.append(h('span', { class: 'reader__sep', 'aria-hidden': 'true', text: ' · ' }));
    meta.append(part);
  });

  const typeLabel = PAGE_TYPE_LABELS[pageType];
  const kicker =
    article.siteName || typeLabel
      ? h(
          'div',
          { class: 'reader__kicker' },
          article.siteName ? h('p', { class: 'reader__site', text: article.siteName }) : null,
          typeLabel ? h('p', { class: 'reader__type', text: typeLabel }) : null,
        )
      : null;
  const header = h(
    'header',
    { class: 'reader__header' },
    kicker,
    h('h1', { class: 'reader__title', id: 'reader-title', text: title || 'Untitled page' }),
    metaParts.length ? meta : null,
  );

  let lead = null;
  if (article.leadImage && isSafeImageUrl(article.leadImage) && !contentImages.includes(article.leadImage)) {
    const img = h('img', { src: article.leadImage, alt: '', decoding: 'async', referrerpolicy: 'no-referrer' });
    lead = h('figure', { class: 'reader__lead' }, img);
    img.addEventListener('error', () => lead.remove(), { once: true });
  }

  const footer =
    sourceUrl && isHttpUrl(sourceUrl)
      ? h(
          'footer',
          { class: 'reader__source' },
          'Original page: ',
          h('a', { href: sourceUrl, rel: 'noopener noreferrer', class: 'reader__source-link', text: sourceUrl }),
        )
      : null;

  articleEl.replaceChildren(...[header, lead, body, footer].filter(Boolean));
  articleEl.dataset.pageType = pageType;
  articleEl.setAttribute('aria-labelledby', 'reader-title');
  if (article.lang) articleEl.lang = article.lang;
  else articleEl.removeAttribute('lang');
  if (article.dir) articleEl.dir = article.dir;
  else articleEl.removeAttribute('dir');
  articleEl.removeAttribute('aria-busy');
  return articleEl;
}

/**
 * A short message in place of the article (an error already shown in the alert region).
 * `action`: optional `{ label, onClick }` button, e.g. to show a doubtful result anyway.
 */
export function renderPlaceholder(articleEl, heading, text, action) {
  articleEl.replaceChildren(
    h(
      'div',
      { class: 'reader__placeholder' },
      h('h1', { class: 'reader__title', id: 'reader-title', text: heading }),
      text ? h('p', { text }) : null,
      action ? h('p', {}, h('button', { type: 'button', class: 'btn', id: 'show-anyway', onclick: action.onClick, text: action.label })) : null,
    ),
  );
  articleEl.setAttribute('aria-labelledby', 'reader-title');
  articleEl.removeAttribute('data-page-type');
  articleEl.removeAttribute('lang');
  articleEl.removeAttribute('dir');
  articleEl.removeAttribute('aria-busy');
}

/** The error shown when `isProbablyReaderable` says no (same shape as the cleaner's errors). */
export function notReaderableError() {
  const e = new Error('the page does not look like an article');
  e.name = 'ArticleCleanerError';
  e.code = 'NOT_READERABLE';
  return e;
}

// ---------------------------------------------------------------------------------------------
// Markdown / text for the clipboard

export function articleAsMarkdown(article) {
  const parts = [];
  if (article.title) parts.push(`# ${article.title.replace(/\s+/g, ' ')}`);
  const meta = [article.byline, article.siteName].filter(Boolean).join(', ');
  if (meta) parts.push(`*${meta.replace(/([*_\\])/g, '\\$1')}*`);
  parts.push((article.markdown ?? article.textContent ?? '').trim());
  return parts.join('\n\n') + '\n';
}

export function articleAsText(article) {
  return [article.title, article.byline, (article.textContent || '').trim()].filter(Boolean).join('\n\n') + '\n';
}

/** Clipboard API, and the old execCommand path where it is missing or refused. */
export async function copyToClipboard(text) {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the fallback (permission refused, page not focused, insecure context).
  }
  const ta = h('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
  ta.value = text;
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

// ---------------------------------------------------------------------------------------------
// Controls

function radioGroup(name, legend, options, current, onChange) {
  return h(
    'fieldset',
    { class: 'segmented' },
    h('legend', { text: legend }),
    options.map(([value, label]) =>
      h(
        'label',
        { class: 'segmented__item' },
        h('input', {
          type: 'radio',
          name,
          value,
          checked: value === current,
          onchange: (e) => e.target.checked && onChange(value),
        }),
        h('span', { text: label }),
      ),
    ),
  );
}

/**
 * Build the reader settings into `container`: theme, text size, width (remembered), and the
 * copy buttons. `getArticle()` returns the current Article or null; `onStatus(msg)` reports.
 */
export function mountReaderControls(container, { getArticle, onStatus = () => {}, extra = [] } = {}) {
  const prefs = loadPrefs();
  applyPrefs(prefs);
  const update = (patch) => {
    Object.assign(prefs, patch);
    applyPrefs(prefs);
    savePrefs(prefs);
    sizeOut.value = `${Math.round((prefs.fontSize / DEFAULT_PREFS.fontSize) * 100)}%`;
    smaller.disabled = prefs.fontSize === FONT_SIZES[0];
    larger.disabled = prefs.fontSize === FONT_SIZES[FONT_SIZES.length - 1];
  };
  const step = (dir) => {
    const i = FONT_SIZES.indexOf(prefs.fontSize);
    const next = FONT_SIZES[Math.min(FONT_SIZES.length - 1, Math.max(0, i + dir))];
    update({ fontSize: next });
  };
  const smaller = h('button', { type: 'button', class: 'btn btn--icon', 'aria-label': 'Smaller text', title: 'Smaller text', text: 'A−', onclick: () => step(-1) });
  const larger = h('button', { type: 'button', class: 'btn btn--icon btn--large-a', 'aria-label': 'Larger text', title: 'Larger text', text: 'A+', onclick: () => step(1) });
  const sizeOut = h('output', { class: 'size-out', 'aria-live': 'polite', 'aria-label': 'Text size' });

  const copy = (kind) => async () => {
    const article = getArticle();
    if (!article) return;
    const ok = await copyToClipboard(kind === 'md' ? articleAsMarkdown(article) : articleAsText(article));
    onStatus(ok ? `Copied the article as ${kind === 'md' ? 'Markdown' : 'plain text'}.` : 'Copying was refused by the browser.');
  };

  container.replaceChildren(
    radioGroup('reader-theme', 'Theme', THEMES, prefs.theme, (theme) => update({ theme })),
    h('fieldset', { class: 'stepper' }, h('legend', { text: 'Text size' }), smaller, sizeOut, larger),
    radioGroup('reader-width', 'Width', WIDTHS, prefs.width, (width) => update({ width })),
    h(
      'div',
      { class: 'toolbar-actions' },
      h('button', { type: 'button', class: 'btn', id: 'copy-markdown', onclick: copy('md'), text: 'Copy Markdown' }),
      h('button', { type: 'button', class: 'btn', id: 'copy-text', onclick: copy('text'), text: 'Copy text' }),
      ...extra,
    ),
  );
  update({});
  return prefs;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** A readable sentence for anything thrown by the cleaner, fetch or the page itself. */
export function describeError(err) {
  if (err && err.name === 'ArticleCleanerError') {
    switch (err.code) {
      case 'NOT_READERABLE':
        return 'This page does not look like an article: no main text long enough for a reader view was found. Home pages, shop pages and search results usually are not readerable.';
      case 'INPUT_TOO_LARGE':
        return `This page is too large to clean. ${err.message || ''}`.trim();
      case 'ENCODING':
        return `This page uses a character encoding that cannot be read. ${err.message || ''}`.trim();
      case 'BAD_OPTION':
        return `Internal error: the cleaner was given a bad option. ${err.message || ''}`.trim();
      case 'INVALID_STATE':
        return `Internal error: the cleaner was used in the wrong order. ${err.message || ''}`.trim();
      default:
        return err.message || `The cleaner failed (${err.code}).`;
    }
  }
  if (err && err.userMessage) return err.userMessage;
  if (err instanceof TypeError && /fetch|network/i.test(err.message)) {
    return `Network failure: the page could not be downloaded (${err.message}).`;
  }
  if (err instanceof WebAssembly.CompileError || err instanceof WebAssembly.LinkError) {
    return `The WebAssembly module could not be loaded: ${err.message}`;
  }
  const msg = (err && err.message) || String(err);
  return `Something went wrong: ${msg}`;
}

/** An Error whose text is already meant for the reader (network, size, file problems). */
export function userError(message) {
  const e = new Error(message);
  e.userMessage = message;
  return e;
}
