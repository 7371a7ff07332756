// Pieces every view uses: the live region, badges, dates, loading and error boxes, the
// pager, and the hash-route helpers.

import { h, replace } from './dom.js';
import { formatDate, describeError, humanize } from './format.js';

export const PAGE_SIZE = 20;
export const main = document.getElementById('main');
const announcer = document.getElementById('announcer');

/** Says `msg` through the polite live region (cleared first so repeats are read). */
export function announce(msg) {
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = msg; }, 30);
}

export function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/disputes';
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  return { path: path.replace(/\/+$/, '') || '/disputes', params };
}

export function hashFor(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

export function pageParam(params) {
  const n = Number(params.get('page'));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The order asked for in the hash, or `fallback`. */
export function orderParam(params, fallback = 'reverse_chronological') {
  const o = params.get('order');
  return o === 'chronological' || o === 'reverse_chronological' ? o : fallback;
}

export function statusBadge(status) {
  return h('span', { class: `badge badge-${String(status).replace(/[^a-z]/g, '')}` }, humanize(status));
}

export function timeEl(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso, title: iso }, formatDate(iso));
}

export function loading(what) {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${what}…`);
}

/** A readable error with an optional retry button (for reads only); role=alert. */
export function errorBox(title, err, retry) {
  return h('div', { class: 'error-box', role: 'alert', tabindex: '-1', dataset: { errorName: err?.name || 'Error' } },
    h('p', { class: 'error-title' }, title),
    err ? h('p', null, describeError(err)) : null,
    retry ? h('button', { type: 'button', class: 'btn', onclick: retry }, 'Try again') : null);
}

export function isAbort(err) {
  return err && err.name === 'AbortError';
}

/** A wrapper that lets a wide table scroll sideways inside itself, reachable by keyboard. */
export function tableWrap(label, table) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: '0' }, table);
}

/** Previous / Page X of Y / Next, as links that change the hash. */
export function pager({ page, total, linkFor, label }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const first = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  const link = (p, txt, key, rel) => (p >= 1 && p <= pages && p !== page
    ? h('a', { class: 'btn', href: linkFor(p), rel, dataset: { focusKey: key } }, txt)
    : h('span', { class: 'btn btn-disabled', 'aria-disabled': 'true' }, txt));
  return h('nav', { class: 'pager', 'aria-label': `${label} pages` },
    link(1, '« First', 'pager-first'),
    link(page - 1, '‹ Previous', 'pager-prev', 'prev'),
    h('span', { class: 'pager-info', 'aria-current': 'page' },
      `Page ${page} of ${pages}`,
      h('span', { class: 'muted' }, total ? ` · ${first}–${last} of ${total}` : ' · none')),
    link(page + 1, 'Next ›', 'pager-next', 'next'),
    link(pages, 'Last »', 'pager-last'));
}

/** The number of pages a list of `total` items has (at least 1). */
export function pageCount(total) {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function orderSelect(order, onChange, id) {
  return h('div', { class: 'field-inline' },
    h('label', { for: id }, 'Order'),
    h('select', { id, dataset: { focusKey: 'order' }, onchange: (e) => onChange(e.target.value) },
      h('option', { value: 'reverse_chronological', selected: order === 'reverse_chronological' }, 'Newest first'),
      h('option', { value: 'chronological', selected: order === 'chronological' }, 'Oldest first')));
}

export function setTitle(s) {
  document.title = `${s} · Omise demo dashboard`;
}

/** Replaces `el`'s content with an error box and moves focus to it. */
export function showError(el, box) {
  replace(el, box);
  box.focus();
}

/** Bytes as text. */
export function formatSize(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// The list page a dispute was opened from, for its "back" link.
let listHash = '#/disputes';
export function lastListHash() {
  return listHash;
}
export function rememberListHash(hash) {
  listHash = hash;
}
