// The merchant dashboard: disputes, their evidence documents, and transactions, through
// omise-wasm. The page holds no secret key: the library talks to this site's own proxy
// at /omise, which adds it (see www/server.mjs).
//
// Routes (hash-based):
//   #/disputes?status=open&page=2&order=chronological
//   #/disputes/dspt_test_…
//   #/transactions?page=3

import init, { Omise } from '/pkg/omise_wasm.js';
import { h, replace, text, id as uid } from './dom.js';
import { formatMoney, formatDate, describeError, describeFileError, humanize } from './format.js';

const PAGE_SIZE = 20;
const STATUSES = ['all', 'open', 'pending', 'closed'];
const KINDS = ['cardholder_details', 'details_of_purchase', 'proof_of_receipt', 'proof_of_acceptance'];

const main = document.getElementById('main');
const announcer = document.getElementById('announcer');

/** @type {import('/pkg/omise_wasm.js').Omise} */
let omise;
let routeSeq = 0;
let routeAbort = null;
let lastListHash = '#/disputes';
let firstRoute = true;

// ---------------------------------------------------------------- shared bits

/** Says `msg` through the polite live region (cleared first so repeats are read). */
function announce(msg) {
  announcer.textContent = '';
  setTimeout(() => { announcer.textContent = msg; }, 30);
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/disputes';
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  return { path: path.replace(/\/+$/, '') || '/disputes', params };
}

function hashFor(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

function pageParam(params) {
  const n = Number(params.get('page'));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

function orderParam(params) {
  return params.get('order') === 'chronological' ? 'chronological' : 'reverse_chronological';
}

function statusBadge(status) {
  return h('span', { class: `badge badge-${String(status).replace(/[^a-z]/g, '')}` }, humanize(status));
}

function timeEl(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: iso, title: iso }, formatDate(iso));
}

function loading(what) {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading ${what}…`);
}

/** A readable error with an optional retry button; role=alert so it is read at once. */
function errorBox(title, err, retry) {
  return h('div', { class: 'error-box', role: 'alert', dataset: { errorName: err?.name || 'Error' } },
    h('p', { class: 'error-title' }, title),
    h('p', null, describeError(err)),
    retry ? h('button', { type: 'button', class: 'btn', onclick: retry }, 'Try again') : null);
}

function isAbort(err) {
  return err && err.name === 'AbortError';
}

/** Previous / Page X of Y / Next, as links that change the hash. */
function pager({ page, total, linkFor, label }) {
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

function orderSelect(order, onChange) {
  const sid = uid('order');
  return h('div', { class: 'field-inline' },
    h('label', { for: sid }, 'Order'),
    h('select', { id: sid, dataset: { focusKey: 'order' }, onchange: (e) => onChange(e.target.value) },
      h('option', { value: 'reverse_chronological', selected: order === 'reverse_chronological' }, 'Newest first'),
      h('option', { value: 'chronological', selected: order === 'chronological' }, 'Oldest first')));
}

function setTitle(s) {
  document.title = `${s} · Omise demo dashboard`;
}

// ---------------------------------------------------------------- router

async function route() {
  routeAbort?.abort();
  routeAbort = new AbortController();
  const seq = ++routeSeq;
  const ctx = { signal: routeAbort.signal, current: () => seq === routeSeq };
  const focusKey = document.activeElement?.dataset?.focusKey;
  const { path, params } = parseHash();

  for (const a of document.querySelectorAll('[data-nav]')) {
    const on = path.startsWith(`/${a.dataset.nav}`);
    if (on) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }

  let m;
  try {
    if (path === '/disputes') {
      lastListHash = location.hash || '#/disputes';
      await disputesView(params, ctx);
    } else if ((m = path.match(/^\/disputes\/([^/]+)$/))) {
      await disputeView(decodeURIComponent(m[1]), ctx);
    } else if (path === '/transactions') {
      await transactionsView(params, ctx);
    } else {
      setTitle('Not found');
      replace(main, h('h1', { tabindex: '-1' }, 'Page not found'),
        h('p', null, 'There is nothing at this address. ', h('a', { href: '#/disputes' }, 'Go to the disputes.')));
    }
  } catch (err) {
    if (isAbort(err) || !ctx.current()) return;
    replace(main, h('h1', { tabindex: '-1' }, 'Something went wrong'), errorBox('The page could not be shown.', err, () => route()));
  }
  if (!ctx.current()) return;
  // Focus: keep it on the control that caused the navigation (a tab, a pager link),
  // otherwise move it to the new view's heading so screen readers start there.
  const again = focusKey && main.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`);
  if (again && !again.matches('.btn-disabled')) again.focus();
  else if (!firstRoute) main.querySelector('h1')?.focus();
  firstRoute = false;
}

// ---------------------------------------------------------------- disputes list

const LIST = {
  all: (p, o) => omise.disputes.list(p, o),
  open: (p, o) => omise.disputes.listOpen(p, o),
  pending: (p, o) => omise.disputes.listPending(p, o),
  closed: (p, o) => omise.disputes.listClosed(p, o),
};

async function disputesView(params, ctx) {
  const status = STATUSES.includes(params.get('status')) ? params.get('status') : 'all';
  const page = pageParam(params);
  const order = orderParam(params);
  const go = (changes) => {
    location.hash = hashFor('/disputes', {
      status: status === 'all' ? undefined : status, order: order === 'reverse_chronological' ? undefined : order,
      page: page > 1 ? page : undefined, ...changes,
    });
  };
  setTitle(status === 'all' ? 'Disputes' : `${humanize(status)} disputes`);

  const tabIds = Object.fromEntries(STATUSES.map((s) => [s, uid(`tab-${s}`)]));
  const panelId = uid('panel');
  const counts = {};
  const tabs = STATUSES.map((s) => {
    counts[s] = h('span', { class: 'count', 'aria-hidden': 'true' }, '…');
    return h('button', {
      type: 'button', role: 'tab', id: tabIds[s], class: 'tab',
      'aria-selected': String(s === status), 'aria-controls': panelId,
      tabindex: s === status ? '0' : '-1', dataset: { focusKey: `tab-${s}`, status: s },
      onclick: () => go({ status: s === 'all' ? undefined : s, page: undefined }),
    }, h('span', { class: 'tab-label' }, humanize(s)), counts[s]);
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
    h('div', { class: 'toolbar' }, orderSelect(order, (v) => go({ order: v === 'reverse_chronological' ? undefined : v, page: undefined }))),
    body);
  replace(main, h('h1', { tabindex: '-1' }, 'Disputes'), tablist, panel);

  // The counts come from each list's `total` (limit 1 keeps them cheap); they load
  // alongside the table and never block it.
  for (const s of STATUSES) {
    LIST[s]({ limit: 1 }, { signal: ctx.signal }).then((l) => {
      if (!ctx.current()) return;
      text(counts[s], l.total);
      counts[s].removeAttribute('aria-hidden');
      counts[s].setAttribute('aria-label', `${l.total} disputes`);
    }, () => { if (ctx.current()) text(counts[s], '?'); });
  }

  const load = async () => {
    replace(body, loading('disputes'));
    body.setAttribute('aria-busy', 'true');
    let list;
    try {
      list = await LIST[status]({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, order }, { signal: ctx.signal });
    } catch (err) {
      if (isAbort(err) || !ctx.current()) throw err;
      body.setAttribute('aria-busy', 'false');
      replace(body, errorBox('The disputes could not be loaded.', err, load));
      return;
    }
    if (!ctx.current()) return;
    body.setAttribute('aria-busy', 'false');
    const linkFor = (p) => hashFor('/disputes', {
      status: status === 'all' ? undefined : status, order: order === 'reverse_chronological' ? undefined : order,
      page: p > 1 ? p : undefined,
    });
    if (list.data.length === 0) {
      replace(body, h('p', { class: 'empty' }, list.total === 0
        ? `There are no ${status === 'all' ? '' : `${status} `}disputes.`
        : 'There are no disputes on this page.'), list.total ? pager({ page, total: list.total, linkFor, label: 'Dispute' }) : null);
      announce('No disputes to show.');
      return;
    }
    const rows = list.data.map((d) => h('tr', null,
      h('th', { scope: 'row' }, h('a', { href: `#/disputes/${encodeURIComponent(d.id)}`, class: 'mono' }, d.id)),
      h('td', { class: 'num' }, formatMoney(d.amount, d.currency)),
      h('td', null, d.reason_message || humanize(d.reason_code)),
      h('td', null, statusBadge(d.status)),
      h('td', null, timeEl(d.created_at ?? d.created))));
    const caption = `${status === 'all' ? 'All' : humanize(status)} disputes, ${order === 'chronological' ? 'oldest' : 'newest'} first`;
    replace(body,
      h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('caption', { class: 'visually-hidden' }, caption),
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'ID'), h('th', { scope: 'col', class: 'num' }, 'Amount'),
          h('th', { scope: 'col' }, 'Reason'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Created'))),
        h('tbody', null, rows))),
      pager({ page, total: list.total, linkFor, label: 'Dispute' }));
    announce(`${caption}: page ${page}, ${list.data.length} of ${list.total} shown.`);
  };
  await load();
}

// ---------------------------------------------------------------- one dispute

const DETAIL_ORDER = ['status', 'amount', 'currency', 'funding_amount', 'funding_currency', 'reason_code', 'reason_message',
  'message', 'admin_message', 'charge', 'transaction', 'created_at', 'created', 'closed_at', 'livemode', 'id', 'object', 'location'];
const DETAIL_SKIP = new Set(['metadata', 'documents', 'transactions']);

function detailValue(key, value, d) {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, '—');
  if (key === 'status') return statusBadge(value);
  if (key === 'amount') return [formatMoney(value, d.currency), h('span', { class: 'muted' }, ` (${value} in the smallest unit)`)];
  if (key === 'funding_amount') return formatMoney(value, d.funding_currency || d.currency);
  if (key === 'currency' || key === 'funding_currency') return String(value).toUpperCase();
  if (/(_at|^created)$/.test(key) && typeof value === 'string') return timeEl(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (key === 'message' || key === 'admin_message') return h('span', { class: 'message' }, String(value));
  if (typeof value === 'object') return h('code', { class: 'json' }, JSON.stringify(value));
  if (typeof value === 'string' && /^(dspt|chrg|trxn|docu)_/.test(value)) return h('span', { class: 'mono' }, value);
  return String(value);
}

function detailsList(d) {
  const keys = Object.keys(d).filter((k) => !DETAIL_SKIP.has(k));
  keys.sort((a, b) => {
    const ia = DETAIL_ORDER.indexOf(a); const ib = DETAIL_ORDER.indexOf(b);
    return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib) || a.localeCompare(b);
  });
  return h('dl', { class: 'details' }, keys.map((k) => h('div', { class: 'details-row', dataset: { field: k } },
    h('dt', null, humanize(k), h('span', { class: 'key muted' }, ` ${k}`)),
    h('dd', null, detailValue(k, d[k], d)))));
}

function metadataTable(meta) {
  const entries = meta && typeof meta === 'object' ? Object.entries(meta) : [];
  if (entries.length === 0) return h('p', { class: 'muted' }, 'No metadata.');
  return h('table', { class: 'data compact' },
    h('caption', { class: 'visually-hidden' }, 'Metadata'),
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Key'), h('th', { scope: 'col' }, 'Value'))),
    h('tbody', null, entries.map(([k, v]) => h('tr', null,
      h('th', { scope: 'row', class: 'mono' }, k),
      h('td', { class: 'meta-value' }, typeof v === 'string' ? v : JSON.stringify(v))))));
}

function transactionsTable(list, caption, { origin = true } = {}) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, 'ID'), h('th', { scope: 'col' }, 'Direction'), h('th', { scope: 'col' }, 'Key'),
      h('th', { scope: 'col', class: 'num' }, 'Amount'), origin ? h('th', { scope: 'col' }, 'Origin') : null,
      h('th', { scope: 'col' }, 'Created / transferable'))),
    h('tbody', null, list.map((t) => h('tr', null,
      h('th', { scope: 'row', class: 'mono' }, t.id),
      h('td', null, h('span', { class: `dir dir-${t.direction === 'credit' ? 'credit' : 'debit'}` },
        t.direction === 'credit' ? '+ Credit' : t.direction === 'debit' ? '− Debit' : humanize(t.direction))),
      h('td', { class: 'mono' }, t.key ?? '—'),
      h('td', { class: 'num' }, formatMoney(t.amount, t.currency)),
      origin ? h('td', { class: 'mono' }, t.origin ?? '—') : null,
      h('td', { class: 'dates' }, timeEl(t.created_at ?? t.created),
        h('span', { class: 'sub' }, h('span', { class: 'visually-hidden' }, 'transferable '), timeEl(t.transferable_at))))))));
}

async function disputeView(disputeId, ctx) {
  setTitle(`Dispute ${disputeId}`);
  const back = h('a', { href: lastListHash, class: 'back' }, '← All disputes');
  const heading = h('h1', { tabindex: '-1' }, 'Dispute ', h('span', { class: 'mono' }, disputeId));
  const body = h('div', { 'aria-busy': 'true' }, loading('the dispute'));
  replace(main, back, heading, body);

  let dispute; let docs;
  try {
    const [d, dl] = await Promise.all([
      omise.disputes.retrieve(disputeId, { signal: ctx.signal }),
      omise.documents.list(disputeId, { limit: 100 }, { signal: ctx.signal }).catch((e) => (isAbort(e) ? Promise.reject(e) : null)),
    ]);
    dispute = d;
    docs = dl ? dl.data : (d.documents?.data ?? []);
  } catch (err) {
    if (isAbort(err) || !ctx.current()) throw err;
    body.setAttribute('aria-busy', 'false');
    replace(body, errorBox(err?.status === 404 ? 'This dispute does not exist.' : 'The dispute could not be loaded.', err,
      err?.name === 'OmiseValidationError' || err?.status === 404 ? null : () => route()));
    return;
  }
  if (!ctx.current()) return;
  body.setAttribute('aria-busy', 'false');
  renderDispute(body, heading, dispute, docs);
  announce(`Dispute ${dispute.id} loaded. Status: ${dispute.status}.`);
}

function renderDispute(body, heading, d, docs, notice) {
  replace(heading, 'Dispute ', h('span', { class: 'mono' }, d.id), ' ', statusBadge(d.status));
  const open = d.status === 'open';
  const state = { d, docs };

  const summary = h('p', { class: 'summary' },
    h('span', { class: 'big-amount' }, formatMoney(d.amount, d.currency)), ' · ',
    d.reason_message || humanize(d.reason_code), ' · created ', timeEl(d.created_at ?? d.created));

  const docsSection = h('section', { class: 'card', 'aria-labelledby': 'docs-h' });
  const rerenderDocs = () => renderDocuments(docsSection, state);
  rerenderDocs();

  const txs = Array.isArray(d.transactions) ? d.transactions : (d.transactions?.data ?? null);
  const txSection = h('section', { class: 'card', 'aria-labelledby': 'tx-h' },
    h('h2', { id: 'tx-h' }, 'Transactions'),
    txs && txs.length ? transactionsTable(txs, `Transactions of dispute ${d.id}`, { origin: false })
      : d.transaction ? h('p', null, 'Transaction ', h('span', { class: 'mono' }, d.transaction))
        : h('p', { class: 'muted' }, 'No transactions.'));

  // Two columns on wide screens: what the dispute is (left), what to do about it (right).
  replace(body,
    notice || null,
    summary,
    h('div', { class: 'dispute-grid' },
      h('div', { class: 'col' },
        h('section', { class: 'card', 'aria-labelledby': 'details-h' }, h('h2', { id: 'details-h' }, 'Details'), detailsList(d)),
        h('section', { class: 'card', 'aria-labelledby': 'meta-h' }, h('h2', { id: 'meta-h' }, 'Metadata'), metadataTable(d.metadata))),
      h('div', { class: 'col' },
        open ? respondForm(body, heading, state) : null,
        docsSection)),
    txSection);
}

// ----- the response form (open disputes): message + metadata -> pending

function metadataRow(k = '', v = '', original) {
  const kid = uid('mk'); const vid = uid('mv');
  const row = h('div', { class: 'meta-row' },
    h('label', { for: kid, class: 'visually-hidden' }, 'Metadata key'),
    h('input', { id: kid, class: 'meta-key', type: 'text', value: k, placeholder: 'key', autocomplete: 'off' }),
    h('label', { for: vid, class: 'visually-hidden' }, 'Metadata value'),
    h('input', { id: vid, class: 'meta-val', type: 'text', value: v, placeholder: 'value', autocomplete: 'off' }),
    h('button', { type: 'button', class: 'btn btn-small', 'aria-label': `Remove metadata field ${k}`.trim() }, 'Remove'));
  row._original = original; // the value as the server had it (non-strings keep their type if unchanged)
  row.querySelector('button').addEventListener('click', () => {
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    (next?.querySelector('input') || document.getElementById('add-meta'))?.focus();
  });
  return row;
}

function respondForm(body, heading, state) {
  const d = state.d;
  const msgId = uid('message'); const msgErr = uid('message-error'); const msgHint = uid('message-hint');
  const message = h('textarea', { id: msgId, name: 'message', rows: '4', required: true, 'aria-describedby': `${msgHint} ${msgErr}` });
  const messageError = h('p', { id: msgErr, class: 'field-error' });
  const rows = h('div', { class: 'meta-rows' });
  for (const [k, v] of Object.entries(d.metadata || {})) {
    rows.append(metadataRow(k, typeof v === 'string' ? v : JSON.stringify(v), v));
  }
  const metaError = h('p', { class: 'field-error', id: uid('meta-error') });
  const addBtn = h('button', { type: 'button', class: 'btn btn-small', id: 'add-meta', onclick: () => {
    const r = metadataRow();
    rows.append(r);
    r.querySelector('input').focus();
  } }, '+ Add field');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Submit response');
  const formStatus = h('div', { class: 'form-status' });

  const form = h('form', { class: 'card respond', 'aria-labelledby': 'respond-h', novalidate: true },
    h('h2', { id: 'respond-h' }, 'Respond to this dispute'),
    h('p', { id: msgHint, class: 'hint' }, 'Explain why the charge is valid. Submitting moves the dispute to pending; it can no longer be edited after that.'),
    h('div', { class: 'field' }, h('label', { for: msgId }, 'Message'), message, messageError),
    h('fieldset', { class: 'field' }, h('legend', null, 'Metadata'), rows, metaError, addBtn),
    h('div', { class: 'actions' }, submit),
    formStatus);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    text(messageError, ''); message.removeAttribute('aria-invalid');
    text(metaError, '');
    replace(formStatus);
    // Metadata from the rows; sent only when it differs from what the server has.
    const meta = {};
    for (const r of rows.querySelectorAll('.meta-row')) {
      const k = r.querySelector('.meta-key').value.trim();
      const v = r.querySelector('.meta-val').value;
      if (!k && !v) continue;
      if (!k) { text(metaError, 'Every metadata value needs a key.'); r.querySelector('.meta-key').focus(); return; }
      if (Object.hasOwn(meta, k)) { text(metaError, `The key “${k}” appears twice.`); r.querySelector('.meta-key').focus(); return; }
      const o = r._original;
      meta[k] = o !== undefined && typeof o !== 'string' && JSON.stringify(o) === v ? o : v;
    }
    const params = { message: message.value };
    if (JSON.stringify(meta) !== JSON.stringify(d.metadata || {})) params.metadata = meta;

    submit.disabled = true; text(submit, 'Submitting…'); form.setAttribute('aria-busy', 'true');
    let updated;
    try {
      updated = await omise.disputes.update(d.id, params);
    } catch (err) {
      submit.disabled = false; text(submit, 'Submit response'); form.setAttribute('aria-busy', 'false');
      if (err?.name === 'OmiseValidationError' && err.param === 'message') {
        text(messageError, err.code === 'missing_message' ? 'Write a message before submitting.' : describeError(err));
        message.setAttribute('aria-invalid', 'true');
        message.focus();
        return;
      }
      if (err?.name === 'OmiseValidationError' && err.param === 'metadata') {
        text(metaError, describeError(err));
        return;
      }
      const box = errorBox('The response was not submitted.', err);
      box.tabIndex = -1;
      replace(formStatus, box);
      box.focus();
      return;
    }
    const notice = h('div', { class: 'notice', role: 'status', tabindex: '-1', id: 'update-notice' },
      'Response submitted. The dispute is now ', statusBadge(updated.status), '.');
    renderDispute(body, heading, updated, state.docs, notice);
    notice.focus();
  });
  return form;
}

// ----- evidence documents

function renderDocuments(section, state) {
  const { d } = state;
  const open = d.status === 'open';
  const listBox = h('div', { class: 'docs-list' });
  const errorSlot = h('div');

  const drawList = () => {
    if (state.docs.length === 0) {
      replace(listBox, h('p', { class: 'muted', id: 'no-docs' }, 'No documents yet.'));
      return;
    }
    replace(listBox, h('div', { class: 'table-wrap' }, h('table', { class: 'data', id: 'documents-table' },
      h('caption', { class: 'visually-hidden' }, `Evidence documents of dispute ${d.id}`),
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'File'), h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col' }, 'Uploaded'),
        open ? h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')) : null)),
      h('tbody', null, state.docs.map((doc) => h('tr', { dataset: { documentId: doc.id } },
        h('th', { scope: 'row' }, doc.download_uri
          ? h('a', { href: doc.download_uri, class: 'doc-link', download: doc.filename, rel: 'noopener noreferrer', target: '_blank' }, doc.filename,
            h('span', { class: 'visually-hidden' }, ' (download)'))
          : doc.filename),
        h('td', null, doc.kind ? humanize(doc.kind) : h('span', { class: 'muted' }, '—')),
        h('td', null, timeEl(doc.created_at)),
        open ? h('td', null, h('button', {
          type: 'button', class: 'btn btn-small btn-danger', 'aria-label': `Delete ${doc.filename}`,
          onclick: (e) => confirmDelete(doc, e.currentTarget),
        }, 'Delete')) : null))))));
  };

  const confirmDelete = async (doc, opener) => {
    const ok = await confirmDialog({
      title: `Delete ${doc.filename}?`,
      body: `This removes the document from dispute ${d.id}. It cannot be undone.`,
      confirm: 'Delete document',
    });
    if (!ok) { opener.focus(); return; }
    opener.disabled = true; text(opener, 'Deleting…');
    replace(errorSlot);
    try {
      await omise.documents.destroy(d.id, doc.id);
    } catch (err) {
      opener.disabled = false; text(opener, 'Delete');
      const box = errorBox(`${doc.filename} was not deleted.`, err);
      replace(errorSlot, box);
      return;
    }
    state.docs = state.docs.filter((x) => x.id !== doc.id);
    drawList();
    announce(`${doc.filename} deleted.`);
    document.getElementById('docs-h')?.focus();
  };

  replace(section,
    h('h2', { id: 'docs-h', tabindex: '-1' }, 'Evidence documents'),
    listBox, errorSlot,
    open ? uploadForm(state, drawList) : h('p', { class: 'hint' }, 'Evidence can only be added or removed while a dispute is open.'));
  drawList();
}

/** A modal confirmation with the native <dialog> (focus is trapped and restored by it). */
function confirmDialog({ title, body, confirm }) {
  return new Promise((resolve) => {
    const tid = uid('dlg-title'); const bid = uid('dlg-body');
    const dlg = h('dialog', { class: 'confirm', 'aria-labelledby': tid, 'aria-describedby': bid },
      h('h2', { id: tid }, title),
      h('p', { id: bid }, body),
      h('form', { method: 'dialog', class: 'actions' },
        h('button', { value: 'cancel', class: 'btn', autofocus: true }, 'Cancel'),
        h('button', { value: 'ok', class: 'btn btn-danger' }, confirm)));
    dlg.addEventListener('close', () => {
      resolve(dlg.returnValue === 'ok');
      dlg.remove();
    });
    document.body.append(dlg);
    dlg.showModal();
  });
}

function uploadForm(state, drawList) {
  const { d } = state;
  const kindId = uid('kind'); const fileId = uid('file'); const fileErrId = uid('file-error'); const fileHintId = uid('file-hint');
  const kind = h('select', { id: kindId, name: 'kind' }, KINDS.map((k) => h('option', { value: k }, humanize(k))));
  const input = h('input', {
    id: fileId, name: 'file', type: 'file', accept: '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg',
    'aria-describedby': `${fileHintId} ${fileErrId}`,
  });
  const fileError = h('p', { id: fileErrId, class: 'field-error', role: 'alert' });
  const chosen = h('p', { class: 'chosen muted' }, 'No file chosen.');
  const drop = h('div', { class: 'dropzone', id: 'dropzone' },
    h('p', null, h('strong', null, 'Drop a file here'), ' or ', h('label', { for: fileId, class: 'linklike' }, 'choose one'), '.'),
    chosen);
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Upload');
  const cancel = h('button', { type: 'button', class: 'btn', hidden: true }, 'Cancel upload');
  const progress = h('progress', { id: uid('progress'), max: '100', value: '0', 'aria-label': 'Upload progress' });
  const percent = h('span', { class: 'percent', 'aria-hidden': 'true' }, '0%');
  const progressLive = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const progressRow = h('div', { class: 'progress-row', hidden: true }, progress, percent, progressLive);
  const result = h('div', { class: 'upload-result' });
  let file = null;
  let abort = null;

  const setError = (msg) => {
    text(fileError, msg);
    if (msg) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  };
  const choose = (f) => {
    file = f || null;
    setError('');
    replace(result);
    text(chosen, file ? `Selected: ${file.name} (${formatSize(file.size)})` : 'No file chosen.');
  };
  input.addEventListener('change', () => choose(input.files[0]));

  // Drag and drop: the zone highlights while a file is over it.
  for (const ev of ['dragenter', 'dragover']) {
    drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add('dragging'); });
  }
  for (const ev of ['dragleave', 'dragend', 'drop']) {
    drop.addEventListener(ev, () => drop.classList.remove('dragging'));
  }
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files?.[0];
    if (!f) return;
    try { input.files = e.dataTransfer.files; } catch { /* older browsers: keep `file` only */ }
    choose(f);
    announce(`Selected ${f.name}.`);
  });

  const setProgress = (loaded, total) => {
    const pct = total > 0 ? Math.min(100, Math.floor((loaded / total) * 100)) : 0;
    progress.value = pct;
    progress.setAttribute('aria-valuetext', `${pct}%`);
    text(percent, `${pct}%`);
    // Announce in steps of 25% so a screen reader is not flooded.
    const step = Math.floor(pct / 25) * 25;
    if (progressRow.dataset.step !== String(step)) {
      progressRow.dataset.step = String(step);
      text(progressLive, `Uploading: ${step}%`);
    }
  };

  const form = h('form', { class: 'upload', 'aria-labelledby': 'upload-h', novalidate: true },
    h('h3', { id: 'upload-h' }, 'Add evidence'),
    h('div', { class: 'field' }, h('label', { for: kindId }, 'Kind of evidence'), kind),
    h('div', { class: 'field' },
      h('label', { for: fileId }, 'File'),
      h('p', { id: fileHintId, class: 'hint' }, 'PDF, PNG or JPEG, up to 10 MB.'),
      input, drop, fileError),
    h('div', { class: 'actions' }, submit, cancel),
    progressRow, result);

  cancel.addEventListener('click', () => abort?.abort());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    setError('');
    replace(result);
    if (!file) { setError('Choose a file to upload.'); input.focus(); return; }
    const f = file;
    abort = new AbortController();
    submit.disabled = true; text(submit, 'Uploading…'); cancel.hidden = false;
    progressRow.hidden = false; progressRow.dataset.step = ''; progressRow.dataset.state = 'uploading';
    setProgress(0, 1);
    let doc;
    try {
      doc = await omise.documents.upload(d.id, f, {
        kind: kind.value,
        signal: abort.signal,
        onProgress: ({ loaded, total }) => setProgress(loaded, total),
      });
    } catch (err) {
      progressRow.hidden = true; progressRow.dataset.state = 'failed';
      if (err?.name === 'OmiseValidationError' && (err.param === 'file' || err.param === 'filename')) {
        setError(describeFileError(err));
        fileError.dataset.code = err.code;
        input.focus();
      } else if (isAbort(err)) {
        replace(result, h('p', { class: 'muted', role: 'status' }, 'Upload cancelled.'));
      } else {
        replace(result, errorBox(`${f.name} was not uploaded.`, err));
      }
      return;
    } finally {
      submit.disabled = false; text(submit, 'Upload'); cancel.hidden = true; abort = null;
    }
    setProgress(1, 1);
    progressRow.dataset.state = 'done';
    state.docs = [...state.docs, doc];
    drawList();
    input.value = '';
    file = null;
    text(chosen, 'No file chosen.');
    replace(result, h('p', { class: 'notice', role: 'status' }, `Uploaded ${doc.filename}${doc.kind ? ` as ${humanize(doc.kind).toLowerCase()}` : ''}.`));
  });
  return form;
}

function formatSize(n) {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// ---------------------------------------------------------------- transactions

async function transactionsView(params, ctx) {
  setTitle('Transactions');
  const page = pageParam(params);
  const order = orderParam(params);
  const linkFor = (p, o = order) => hashFor('/transactions', {
    order: o === 'reverse_chronological' ? undefined : o, page: p > 1 ? p : undefined,
  });
  const body = h('div', { class: 'panel-body', 'aria-busy': 'true' }, loading('transactions'));
  replace(main, h('h1', { tabindex: '-1' }, 'Transactions'),
    h('section', { class: 'panel', 'aria-label': 'Transactions' },
      h('div', { class: 'toolbar' }, orderSelect(order, (v) => { location.hash = linkFor(1, v); })),
      body));
  const load = async () => {
    replace(body, loading('transactions'));
    body.setAttribute('aria-busy', 'true');
    let list;
    try {
      list = await omise.transactions.list({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, order }, { signal: ctx.signal });
    } catch (err) {
      if (isAbort(err) || !ctx.current()) throw err;
      body.setAttribute('aria-busy', 'false');
      replace(body, errorBox('The transactions could not be loaded.', err, load));
      return;
    }
    if (!ctx.current()) return;
    body.setAttribute('aria-busy', 'false');
    replace(body,
      list.data.length ? transactionsTable(list.data, `Transactions, ${order === 'chronological' ? 'oldest' : 'newest'} first`)
        : h('p', { class: 'empty' }, 'There are no transactions on this page.'),
      pager({ page, total: list.total, linkFor: (p) => linkFor(p), label: 'Transaction' }));
    announce(`Transactions page ${page}, ${list.data.length} of ${list.total} shown.`);
  };
  await load();
}

// ---------------------------------------------------------------- start

async function start() {
  try {
    await init();
    omise = new Omise({ baseUrl: '/omise', timeoutMs: 20000 });
  } catch (err) {
    replace(main, h('h1', { tabindex: '-1' }, 'The dashboard could not start'),
      errorBox('The omise-wasm library could not be loaded.', err, () => location.reload()));
    return;
  }
  window.addEventListener('hashchange', route);
  document.documentElement.dataset.ready = 'true';
  await route();
}

start();
