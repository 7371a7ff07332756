// The balance transactions, a page at a time; also the table a dispute page reuses.

import { h, replace, id as uid } from '../dom.js';
import { formatMoney, humanize } from '../format.js';
import { omise, call, lit } from '../client.js';
import {
  main, announce, hashFor, pageParam, orderParam, timeEl, loading, errorBox, isAbort, pager, pageCount,
  orderSelect, setTitle, tableWrap, PAGE_SIZE,
} from '../ui.js';

export function transactionsTable(list, caption, { origin = true } = {}) {
  return tableWrap(caption, h('table', { class: 'data' },
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
      h('td', { class: 'dates' }, timeEl(t.created_at),
        h('span', { class: 'sub' }, h('span', { class: 'visually-hidden' }, 'transferable '), timeEl(t.transferable_at))))))));
}

export async function transactionsView(params, ctx) {
  setTitle('Transactions');
  const page = pageParam(params);
  const order = orderParam(params);
  const linkFor = (p, o = order) => hashFor('/transactions', {
    order: o === 'reverse_chronological' ? undefined : o, page: p > 1 ? p : undefined,
  });
  const body = h('div', { class: 'panel-body', 'aria-busy': 'true' }, loading('transactions'));
  replace(main, h('h1', { tabindex: '-1' }, 'Transactions'),
    h('section', { class: 'panel', 'aria-label': 'Transactions' },
      h('div', { class: 'toolbar' }, orderSelect(order, (v) => { location.hash = linkFor(1, v); }, uid('order'))),
      body));
  const query = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, order };
  let list;
  try {
    list = await call(`await omise.transactions.list(${lit(query)})`, () => omise.transactions.list(query, { signal: ctx.signal }));
  } catch (err) {
    if (isAbort(err) || !ctx.current()) throw err;
    body.setAttribute('aria-busy', 'false');
    replace(body, errorBox('The transactions could not be loaded.', err, () => ctx.reload()));
    return;
  }
  if (!ctx.current()) return;
  if (page > pageCount(list.total)) {
    location.replace(linkFor(pageCount(list.total)));
    return;
  }
  body.setAttribute('aria-busy', 'false');
  replace(body,
    list.data.length ? transactionsTable(list.data, `Transactions, ${order === 'chronological' ? 'oldest' : 'newest'} first`)
      : h('p', { class: 'empty' }, 'There are no transactions.'),
    pager({ page, total: list.total, linkFor: (p) => linkFor(p), label: 'Transaction' }));
  announce(`Transactions page ${page}, ${list.data.length} of ${list.total} shown.`);
}
