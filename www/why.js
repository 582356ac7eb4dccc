// The host page's "Why?" view: what the cleaner removed, block by block, with the named rule that
// removed it, and why the winner won. It reads `article.explain` (a clean with `explain: true`).
//
//   markExplain(doc, explain)                     mark the blocks in a parsed copy of the original
//   renderWhy(panel, explain, { anchors, ... })   the panel: winner summary and removed blocks
//   renderWhyMessage(panel, text)                 the panel when there is nothing to explain
//
// Paths and text previews come from hostile pages: they only ever reach the DOM through
// textContent, attribute values and CSS.escape'd selectors, never as markup.

import { h } from './reader.js';

/** Outline and label colour of each phase (in the panel and in the original page). */
export const PHASE_COLORS = Object.freeze({
  ingest: '#7b3fb6',
  prepare: '#8d6e00',
  score: '#c62828',
  cleanup: '#c2410c',
  'post-process': '#00796b',
  precision: '#1565c0',
  'declared-body': '#6d4c41',
  winner: '#2e7d32',
});
const OTHER_COLOR = '#5d636b';
const phaseColor = (phase) => PHASE_COLORS[phase] || OTHER_COLOR;
/** The order phases run in (README), for the filter. */
const PHASE_ORDER = ['ingest', 'prepare', 'score', 'cleanup', 'post-process', 'precision', 'declared-body'];
/** Candidates shown in the summary. */
const TOP_CANDIDATES = 5;
/** Prefix of the ids given to marked elements that have none, so the frame can scroll to them. */
const ANCHOR_PREFIX = 'ac-why-';

// ---------------------------------------------------------------------------------------------
// Finding the blocks in the original page

/** `div#main`, `section.more-stories`, `footer`: one part of an explain path as a selector. */
function partSelector(part) {
  const m = /^([^#.]*)(?:([#.])(.*))?$/s.exec(part);
  const tag = m[1] && m[1] !== '#text' ? CSS.escape(m[1]) : '';
  if (!m[2]) return tag || '*';
  return `${tag}${m[2]}${CSS.escape(m[3])}`;
}

/** Elements matching the parts of a path (`a > b > c`), or [] when it is not a valid selector. */
function matchPath(doc, parts) {
  try {
    return [...doc.querySelectorAll(parts.map(partSelector).join(' > '))];
  } catch {
    return [];
  }
}

/** Text for comparing with the cleaner's preview: joined with or without spaces, both match. */
const squash = (s) => (s || '').replace(/\s+/g, '');

/**
 * The element of `doc` that a path names, not already in `used`. Among matches of the whole path,
 * the first whose text starts with the entry's preview, else one whose text contains it, else the
 * first. When the whole path matches nothing (its outer parts can name wrappers the cleaner built),
 * shorter tails of it are tried, and then only a match by text (or by id) is taken.
 */
function locate(doc, entry, used) {
  const want = squash((entry.text || '').replace(/…$/, ''));
  const parts = entry.path.split(' > ');
  for (let from = 0; from < parts.length; from++) {
    const free = matchPath(doc, parts.slice(from)).filter((el) => !used.has(el));
    if (!free.length) continue;
    const texts = free.map((el) => squash(el.textContent));
    let i = texts.findIndex((t) => t.startsWith(want));
    if (i < 0 && want) i = texts.findIndex((t) => t.includes(want));
    if (i < 0 && (from === 0 || parts[parts.length - 1].includes('#'))) i = 0;
    if (i >= 0) return free[i];
  }
  return null;
}

/** An id the frame can scroll to (`about:srcdoc#id`): the element's own, or a new one. */
function anchorOf(doc, el, n) {
  if (el.id) return el.id; // the page's styles may use it: never replaced
  let id = `${ANCHOR_PREFIX}${n}`;
  while (doc.getElementById(id)) id += '-';
  el.id = id;
  return id;
}

/** The injected style: an outline and a label with the rule name on every marked element. */
function markStyle() {
  const colors = Object.entries(PHASE_COLORS)
    .map(([phase, c]) => `[data-ac-why-phase="${phase}"] { --ac-why-color: ${c}; }`)
    .join('\n');
  return `
[data-ac-why] { --ac-why-color: ${OTHER_COLOR}; outline: 2px solid var(--ac-why-color) !important; outline-offset: -2px !important; }
${colors}
:where([data-ac-why]) { position: relative; }
[data-ac-why]::before {
  content: attr(data-ac-why) !important; display: block !important; position: absolute !important;
  top: 0 !important; left: 0 !important; right: auto !important; bottom: auto !important;
  width: auto !important; height: auto !important; margin: 0 !important; transform: none !important;
  z-index: 2147483647 !important; padding: 1px 5px !important; border-radius: 0 0 4px 0 !important;
  background: var(--ac-why-color) !important; color: #fff !important; opacity: 1 !important;
  font: 600 11px/1.45 ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace !important;
  letter-spacing: 0 !important; text-transform: none !important; text-indent: 0 !important;
  white-space: nowrap !important; pointer-events: none !important;
}
[data-ac-why] [data-ac-why]::before { left: auto !important; right: 0 !important; border-radius: 0 0 0 4px !important; }
[data-ac-why-phase="winner"] { outline-style: dashed !important; }
[data-ac-why]:target { outline-width: 4px !important; box-shadow: 0 0 0 4px rgb(255 214 0 / 0.75) !important; }
`;
}

/**
 * Mark, in `doc` (a parsed copy of the original page), each block in `explain.removed` and each
 * winner step: `data-ac-why` (the rule, shown as a label), `data-ac-why-phase`, an id to scroll
 * to, and one <style>. Returns the ids, `{ removed: [id|null], winner: [id|null] }`.
 */
export function markExplain(doc, explain) {
  const used = new Set();
  const mark = (entry, phase, n) => {
    const el = locate(doc, entry, used);
    if (!el) return null;
    used.add(el);
    el.setAttribute('data-ac-why', entry.rule);
    el.setAttribute('data-ac-why-phase', phase);
    return anchorOf(doc, el, n);
  };
  const removed = explain.removed.map((entry, i) => mark(entry, entry.phase, i + 1));
  const winner = explain.winner.map((step, i) => mark({ ...step, text: '' }, 'winner', `winner-${i + 1}`));
  const style = doc.createElement('style');
  style.textContent = markStyle();
  (doc.head || doc.documentElement).append(style);
  return { removed, winner };
}

// ---------------------------------------------------------------------------------------------
// The panel

/** What the reader chose, kept while the panel is rebuilt for another page. */
const view = { phase: 'all', showEmpty: false };

const plural = (n, one, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const onOff = (on) => (on ? 'on' : 'off');

function phaseBadge(phase) {
  const badge = h('span', { class: 'why__phase', text: phase });
  badge.style.setProperty('--phase-color', phaseColor(phase));
  return badge;
}

/** A list entry that scrolls the original to its element (or says it was not found). */
function entryButton(phase, anchor, onPick, ...children) {
  const button = h(
    'button',
    { type: 'button', class: 'why__entry', disabled: !anchor, title: anchor ? 'Show it in the original page' : 'Not found in the original page' },
    ...children,
  );
  button.style.setProperty('--phase-color', phaseColor(phase));
  if (anchor) button.addEventListener('click', () => onPick(anchor, button));
  if (!anchor) button.append(' ', h('span', { class: 'why__missing', text: 'not found in the original' }));
  return button;
}

function summary(explain, anchors, onPick) {
  const { retry } = explain;
  const relaxed = [
    `strip unlikely ${onOff(retry.stripUnlikely)}`,
    `weight classes ${onOff(retry.weightClasses)}`,
    `clean conditionally ${onOff(retry.cleanConditionally)}`,
  ].join(' · ');
  const retryText =
    retry.attempt > 1
      ? `Scoring attempt ${retry.attempt}: the first ${plural(retry.attempt - 1, 'attempt')} found too little text, so rules were relaxed (${relaxed}).`
      : `Scoring attempt 1, no retry (${relaxed}).`;

  const steps = h(
    'ol',
    { class: 'why__winner' },
    explain.winner.map((step, i) =>
      h(
        'li',
        { 'data-rule': step.rule },
        entryButton(
          'winner',
          anchors.winner[i],
          onPick,
          h('code', { class: 'why__rule', text: step.rule }),
          ' ',
          h('code', { class: 'why__path', text: step.path }),
        ),
      ),
    ),
  );

  const candidates = h(
    'ol',
    { class: 'why__candidates' },
    explain.candidates.slice(0, TOP_CANDIDATES).map((c) =>
      h(
        'li',
        { class: c.top ? 'why__candidate why__candidate--top' : 'why__candidate' },
        h(
          'p',
          { class: 'why__candidate-head' },
          h('span', { class: 'why__score', text: c.score.toFixed(1) }),
          ' ',
          h('code', { class: 'why__path', text: c.path }),
          c.top ? [' ', h('span', { class: 'why__top', text: 'top' })] : null,
        ),
        h('p', { class: 'why__facts', text: `${plural(c.textLength, 'char')} · link density ${c.linkDensity.toFixed(2)}` }),
        c.reasons.length
          ? h(
              'ul',
              { class: 'why__reasons' },
              c.reasons.flatMap((r) => [h('li', {}, h('code', { class: 'why__rule', text: r.rule }), ' ', h('span', { class: 'why__effect', text: reasonEffect(r) })), ' ']),
            )
          : null,
      ),
    ),
  );

  const box = h(
    'div',
    { class: 'why__summary' },
    h('p', { class: 'why__retry', text: retryText }),
    h('h3', { class: 'why__subtitle', text: 'Winner' }),
    explain.winner.length ? steps : h('p', { class: 'muted', text: 'No winner steps were reported.' }),
    h('h3', { class: 'why__subtitle', text: 'Top candidates' }),
    explain.candidates.length ? candidates : h('p', { class: 'muted', text: 'No candidates were scored.' }),
  );
  box.style.setProperty('--winner-color', phaseColor('winner'));
  return box;
}

function removedList(explain, anchors, onPick) {
  const entries = explain.removed.map((r, i) => {
    const empty = !r.textLength;
    return h(
      'li',
      { class: 'why__removal', 'data-rule': r.rule, 'data-phase': r.phase, 'data-path': r.path, 'data-empty': empty ? 'true' : null },
      entryButton(
        r.phase,
        anchors.removed[i],
        onPick,
        h(
          'span',
          { class: 'why__line' },
          h('code', { class: 'why__rule', text: r.rule }),
          ' ',
          phaseBadge(r.phase),
          ' ',
          h('span', { class: 'why__length', text: plural(r.textLength, 'char') }),
        ),
        ' ',
        h('code', { class: 'why__path', text: r.path }),
        ' ',
        h('span', { class: empty ? 'why__text why__text--empty' : 'why__text', text: empty ? '(no text)' : r.text }),
      ),
    );
  });
  const list = h('ol', { class: 'why__removed', 'aria-label': 'Removed blocks, in document order' }, entries);

  const counts = new Map();
  for (const r of explain.removed) counts.set(r.phase, (counts.get(r.phase) || 0) + 1);
  const phases = [...counts.keys()].sort((a, b) => {
    const ia = PHASE_ORDER.indexOf(a);
    const ib = PHASE_ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  if (view.phase !== 'all' && !counts.has(view.phase)) view.phase = 'all';
  const emptyCount = explain.removed.filter((r) => !r.textLength).length;
  const shown = h('p', { class: 'why__shown muted', 'aria-live': 'polite' });

  const apply = () => {
    let n = 0;
    entries.forEach((li, i) => {
      const r = explain.removed[i];
      const visible = (view.phase === 'all' || r.phase === view.phase) && (view.showEmpty || r.textLength > 0);
      li.hidden = !visible;
      if (visible) n++;
    });
    shown.textContent = `Showing ${n} of ${plural(explain.removed.length, 'removed block')}, in document order.`;
  };

  const radio = (value, label) =>
    h(
      'label',
      { class: 'segmented__item' },
      h('input', {
        type: 'radio',
        name: 'why-phase',
        value,
        checked: view.phase === value,
        onchange: (e) => {
          if (!e.target.checked) return;
          view.phase = value;
          apply();
        },
      }),
      h('span', { text: label }),
    );
  const filters = h(
    'div',
    { class: 'why__filters' },
    h(
      'fieldset',
      { class: 'segmented why__phases' },
      h('legend', { class: 'visually-hidden', text: 'Phase' }),
      radio('all', `All (${explain.removed.length})`),
      phases.map((p) => radio(p, `${p} (${counts.get(p)})`)),
    ),
    emptyCount
      ? h(
          'label',
          { class: 'why__empty-toggle' },
          h('input', {
            type: 'checkbox',
            id: 'why-show-empty',
            checked: view.showEmpty,
            onchange: (e) => {
              view.showEmpty = e.target.checked;
              apply();
            },
          }),
          ` Show empty (${emptyCount})`,
        )
      : null,
  );
  apply();
  return [filters, shown, list];
}

/**
 * Fill the panel from `explain`. `anchors` (from markExplain) say where each entry is in the
 * original page; `onPick(anchor, button)` is called when an entry is chosen.
 */
export function renderWhy(panel, explain, { anchors, ms, onPick }) {
  const found = anchors.removed.filter(Boolean).length;
  panel.replaceChildren(
    h(
      'header',
      { class: 'why__head' },
      h('h2', { class: 'why__title', id: 'why-title', text: 'Why this article?' }),
      h('p', {
        class: 'why__meta muted',
        text: `Explained in ${ms.toFixed(1)} ms. ${found} of ${plural(explain.removed.length, 'removed block')} marked in the original page; choose one to see it there.`,
      }),
    ),
    summary(explain, anchors, onPick),
    h('h3', { class: 'why__subtitle', text: `Removed blocks (${explain.removed.length})` }),
    ...removedList(explain, anchors, onPick),
  );
}

/** The panel with a sentence instead of an explanation. */
export function renderWhyMessage(panel, text) {
  panel.replaceChildren(
    h('header', { class: 'why__head' }, h('h2', { class: 'why__title', id: 'why-title', text: 'Why this article?' })),
    h('p', { class: 'why__message', text }),
  );
}

/** `+25.00` for points added, `x0.930` for a factor. */
function reasonEffect(reason) {
  if (typeof reason.add === 'number') return `${reason.add >= 0 ? '+' : ''}${reason.add.toFixed(2)}`;
  if (typeof reason.multiply === 'number') return `x${reason.multiply.toFixed(3)}`;
  return '';
}
