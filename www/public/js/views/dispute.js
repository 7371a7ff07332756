// One dispute, worked in steps while it is open: 1. evidence, 2. the answer (confirmed,
// it locks the evidence), or else accept the dispute (confirmed). Then what it is: the
// note from Omise, details, metadata, transactions, and a developer panel with the raw
// object and the last call made.

import { h, replace } from '../dom.js';
import { formatMoney, humanize } from '../format.js';
import { omise, call, lit, onCall, lastCall } from '../client.js';
import { main, announce, statusBadge, timeEl, loading, errorBox, isAbort, setTitle, lastListHash } from '../ui.js';
import { documentsOf } from '../reconcile.js';
import { evidenceSection } from '../forms/evidence.js';
import { answerForm } from '../forms/answer.js';
import { acceptSection } from '../forms/accept.js';
import { transactionsTable } from './transactions.js';
import { invalidateCounts } from './disputes.js';

const DETAIL_ORDER = ['status', 'amount', 'currency', 'funding_amount', 'funding_currency', 'reason_code', 'reason_message',
  'message', 'admin_message', 'charge', 'transaction', 'created_at', 'closed_at', 'livemode', 'id', 'object', 'location'];
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

/** What a closed or pending dispute's evidence is, in words. */
function lockedText(d) {
  if (d.status === 'pending') return 'The answer was submitted: this evidence went with it and can no longer be changed.';
  if (d.status === 'lost') return 'This dispute is closed as lost: its evidence can no longer be changed.';
  return 'This dispute is closed: its evidence can no longer be changed.';
}

/** The collapsed developer panel: the last library call and the raw object. */
function devPanel(d, signal) {
  const code = h('code', { id: 'dev-call' });
  const outcome = h('p', { class: 'muted', id: 'dev-outcome' });
  const show = (c) => {
    if (!c) return;
    code.textContent = c.code;
    outcome.textContent = `Outcome: ${c.outcome}`;
  };
  show(lastCall());
  const off = onCall(show);
  signal.addEventListener('abort', off, { once: true });
  return h('details', { class: 'card dev' },
    h('summary', null, 'Developer: the last call and the raw dispute object'),
    h('h3', null, 'Last call'), h('pre', null, code), outcome,
    h('h3', null, 'Raw object'), h('pre', null, h('code', { id: 'dev-raw' }, JSON.stringify(d, null, 2))));
}

export async function disputeView(disputeId, ctx) {
  setTitle(`Dispute ${disputeId}`);
  const back = h('a', { href: lastListHash(), class: 'back' }, '← Back to the list');
  const heading = h('h1', { tabindex: '-1' }, 'Dispute ', h('span', { class: 'mono' }, disputeId));
  const body = h('div', { 'aria-busy': 'true' }, loading('the dispute'));
  replace(main, back, heading, body);

  let d; let docs;
  try {
    d = await call(`await omise.disputes.retrieve(${lit(disputeId)})`, () => omise.disputes.retrieve(disputeId, { signal: ctx.signal }));
    // The dispute embeds its first 20 documents; a list call only for more.
    docs = await documentsOf(d);
  } catch (err) {
    if (isAbort(err) || !ctx.current()) throw err;
    body.setAttribute('aria-busy', 'false');
    replace(body, errorBox(err?.status === 404 ? 'This dispute does not exist.' : 'The dispute could not be loaded.', err,
      err?.name === 'OmiseValidationError' || err?.status === 404 ? null : () => ctx.reload()));
    return;
  }
  if (!ctx.current()) return;
  body.setAttribute('aria-busy', 'false');
  const state = { d, docs, queue: [] };
  renderDispute(body, heading, state, null, ctx);
  announce(`Dispute ${d.id} loaded. Status: ${d.status}.`);
}

function renderDispute(body, heading, state, notice, ctx) {
  const { d } = state;
  replace(heading, 'Dispute ', h('span', { class: 'mono' }, d.id), ' ', statusBadge(d.status));
  const open = d.status === 'open';

  const onDone = (updated, message) => {
    invalidateCounts();
    state.d = updated;
    // The embedded page of documents, when it holds them all (it holds 20 at most).
    const embedded = updated.documents;
    if (embedded && Array.isArray(embedded.data) && embedded.data.length >= embedded.total) state.docs = embedded.data;
    const box = h('div', { class: 'notice', role: 'status', tabindex: '-1', id: 'update-notice' },
      message, ' The dispute is now ', statusBadge(updated.status), '.');
    renderDispute(body, heading, state, box, ctx);
    box.focus();
  };

  const summary = h('p', { class: 'summary' },
    h('span', { class: 'big-amount' }, formatMoney(d.amount, d.currency)), ' · ',
    d.reason_message || humanize(d.reason_code), ' · opened ', timeEl(d.created_at));
  const note = d.admin_message
    ? h('aside', { class: 'card omise-note', 'aria-labelledby': 'note-h' },
      h('h2', { id: 'note-h' }, 'Note from Omise'), h('p', { class: 'message' }, d.admin_message))
    : null;

  const evidence = evidenceSection(state, { locked: open ? null : lockedText(d) });
  const desk = open
    ? h('div', { class: 'desk' }, evidence, answerForm(state, { onDone }), acceptSection(state, { onDone }))
    : h('div', { class: 'desk' }, evidence);

  const txs = Array.isArray(d.transactions) ? d.transactions : [];
  replace(body,
    notice,
    summary,
    note,
    desk,
    h('div', { class: 'dispute-grid' },
      h('section', { class: 'card', 'aria-labelledby': 'details-h' }, h('h2', { id: 'details-h' }, 'Details'), detailsList(d)),
      h('div', null,
        h('section', { class: 'card', 'aria-labelledby': 'meta-h' }, h('h2', { id: 'meta-h' }, 'Metadata'), metadataTable(d.metadata)),
        h('section', { class: 'card', 'aria-labelledby': 'tx-h' },
          h('h2', { id: 'tx-h' }, 'Transactions'),
          txs.length ? transactionsTable(txs, `Transactions of dispute ${d.id}`, { origin: false })
            : h('p', { class: 'muted' }, 'No transactions.')))),
    devPanel(d, ctx.signal));
}
