// The triage list: which disputes need an answer first. Status tabs with counts, the
// Open tab oldest first (the closest deadline on top), amount, reason, age and evidence
// count per row, pages clamped to the list, and the scroll position kept for Back.

import { h, replace, text, id as uid } from '../dom.js';
import { formatMoney, humanize } from '../format.js';
import { omise, call, lit } from '../client.js';
import {
  main, announce, hashFor, pageParam, orderParam, statusBadge, timeEl, loading, errorBox, isAbort,
  pager, pageCount, orderSelect, setTitle, tableWrap, PAGE_SIZE,
} from '../ui.js';

const STATUSES = ['all', 'open', 'pending', 'closed'];
const LIST = {
  all: ['list', (p, o) => omise.disputes.list(p, o)],
  open: ['listOpen', (p, o) => omise.disputes.listOpen(p, o)],
  pending: ['listPending', (p, o) => omise.disputes.listPending(p, o)],
  closed: ['listClosed', (p, o) => omise.disputes.listClosed(p, o)],
};
/** Open disputes are worked oldest first; the rest are browsed newest first. */
const defaultOrder = (status) => (status === 'open' ? 'chronological' : 'reverse_chronological');

// Tab counts are fetched once and kept until a write changes a status.
let counts = null;
/** Forgets the tab counts (after an answer or an accept moved a dispute). */
export function invalidateCounts() {
  counts = null;
}

// Scroll positions of list pages left for a dispute, by hash; used once on the way back.
const scrollByHash = new Map();
let cameFrom = null;

/** The age of a dispute in whole days, as text. */
function age(iso) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '—';
  const days = Math.max(0, Math.floor((Date.now() - t) / 86400000));
  return days === 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
}

function evidenceCount(d) {
  const n = d.documents?.total;
  if (typeof n !== 'number') return h('span', { class: 'muted' }, '—');
  return n === 0 ? h('span', { class: 'muted' }, 'none') : n === 1 ? '1 file' : `${n} files`;
}

export async function disputesView(params, ctx) {
  const status = STATUSES.includes(params.get('status')) ? params.get('status') : 'all';
  const page = pageParam(params);
  const order = orderParam(params, defaultOrder(status));
  const linkFor = (p, changes = {}) => {
    const s = changes.status ?? status;
    const o = changes.order ?? (changes.status ? defaultOrder(s) : order);
    return hashFor('/disputes', {
      status: s === 'all' ? undefined : s,
      order: o === defaultOrder(s) ? undefined : o,
      page: p > 1 ? p : undefined,
    });
  };
  setTitle(status === 'all' ? 'Disputes' : `${humanize(status)} disputes`);

  const tabIds = Object.fromEntries(STATUSES.map((s) => [s, uid(`tab-${s}`)]));
  const panelId = uid('panel');
  const countEls = {};
  const tabs = STATUSES.map((s) => {
    countEls[s] = h('span', { class: 'count', 'aria-hidden': 'true' }, '…');
    return h('button', {
      type: 'button', role: 'tab', id: tabIds[s], class: 'tab',
      'aria-selected': String(s === status), 'aria-controls': panelId,
      tabindex: s === status ? '0' : '-1', dataset: { focusKey: `tab-${s}`, status: s },
      onclick: () => { location.hash = linkFor(1, { status: s }); },
    }, h('span', { class: 'tab-label' }, humanize(s)), countEls[s]);
  });
  const tablist = h('div', { role: 'tablist', 'aria-label': 'Dispute status', class: 'tabs' }, tabs);
  tablist.addEventListener('keydown', (e) => {
    const i = tabs.indexOf(document.activeElement);
    if (i === -1) return;
    let j = null;
    if (e.key === 'ArrowRight') j = (i + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tabs.length - 1;
    if (j === null) return;
    e.preventDefault();
    tabs[j].focus();
    tabs[j].click();
  });

  const body = h('div', { class: 'panel-body', 'aria-busy': 'true' }, loading('disputes'));
  const panel = h('section', { role: 'tabpanel', id: panelId, 'aria-labelledby': tabIds[status], class: 'panel' },
    h('div', { class: 'toolbar' }, orderSelect(order, (v) => { location.hash = linkFor(1, { order: v }); }, uid('order'))),
    body);
  replace(main, h('h1', { tabindex: '-1' }, 'Disputes'), tablist, panel);

  // The counts are each list's `total` (limit 1 keeps them cheap), fetched once.
  const showCount = (s, n) => {
    text(countEls[s], n);
    countEls[s].removeAttribute('aria-hidden');
    countEls[s].setAttribute('aria-label', `${n} disputes`);
  };
  if (counts) {
    for (const s of STATUSES) if (counts[s] !== undefined) showCount(s, counts[s]);
  } else {
    const mine = {};
    counts = mine;
    for (const s of STATUSES) {
      LIST[s][1]({ limit: 1 }).then((l) => {
        mine[s] = l.total;
        if (ctx.current()) showCount(s, l.total);
      }, () => {
        if (counts === mine) counts = null;
        if (ctx.current()) text(countEls[s], '?');
      });
    }
  }

  const [method, list] = LIST[status];
  const query = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, order };
  let result;
  try {
    result = await call(`await omise.disputes.${method}(${lit(query)})`, () => list(query, { signal: ctx.signal }));
  } catch (err) {
    if (isAbort(err) || !ctx.current()) throw err;
    body.setAttribute('aria-busy', 'false');
    replace(body, errorBox('The disputes could not be loaded.', err, () => ctx.reload()));
    return;
  }
  if (!ctx.current()) return;
  // A page past the end (an old link, a list that shrank): go to the last page instead.
  if (page > pageCount(result.total)) {
    location.replace(linkFor(pageCount(result.total)));
    return;
  }
  body.setAttribute('aria-busy', 'false');
  if (result.data.length === 0) {
    replace(body, h('p', { class: 'empty' }, `There are no ${status === 'all' ? '' : `${status} `}disputes.`));
    announce('No disputes to show.');
    return;
  }
  const here = location.hash || '#/disputes';
  const rows = result.data.map((d) => h('tr', { dataset: { disputeId: d.id } },
    h('th', { scope: 'row', 'data-label': 'Amount' },
      h('a', {
        href: `#/disputes/${encodeURIComponent(d.id)}`, class: 'dispute-link', dataset: { focusKey: `dispute-${d.id}` },
        onclick: () => { scrollByHash.set(here, window.scrollY); cameFrom = d.id; },
      }, formatMoney(d.amount, d.currency)),
      h('span', { class: 'id-sub mono' }, d.id)),
    h('td', { 'data-label': 'Reason' }, d.reason_message || humanize(d.reason_code)),
    h('td', { 'data-label': 'Status' }, statusBadge(d.status)),
    h('td', { class: 'num', 'data-label': 'Age' }, h('span', { class: 'age' }, age(d.created_at))),
    h('td', { class: 'num', 'data-label': 'Evidence' }, evidenceCount(d)),
    h('td', { 'data-label': 'Created' }, timeEl(d.created_at))));
  const caption = `${status === 'all' ? 'All' : humanize(status)} disputes, ${order === 'chronological' ? 'oldest' : 'newest'} first`;
  replace(body,
    tableWrap(caption, h('table', { class: 'data triage' },
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Amount'), h('th', { scope: 'col' }, 'Reason'), h('th', { scope: 'col' }, 'Status'),
        h('th', { scope: 'col', class: 'num' }, 'Age'), h('th', { scope: 'col', class: 'num' }, 'Evidence'),
        h('th', { scope: 'col' }, 'Created'))),
      h('tbody', null, rows))),
    pager({ page, total: result.total, linkFor: (p) => linkFor(p), label: 'Dispute' }));
  announce(`${caption}: page ${page} of ${pageCount(result.total)}, ${result.data.length} of ${result.total} shown.`);

  // Back from a dispute: the same place on the page, and focus on the dispute's link.
  if (scrollByHash.has(here)) {
    const y = scrollByHash.get(here);
    scrollByHash.delete(here);
    window.scrollTo(0, y);
    const link = cameFrom && main.querySelector(`[data-focus-key="dispute-${CSS.escape(cameFrom)}"]`);
    cameFrom = null;
    if (link) ctx.focus(link);
  }
}
