// Conformance: the official `omise` npm client (omise-node) against the emulator.
//
// omise-node always talks to `host` on the scheme's default port (it has no port
// option); tests/support/omise-node.cjs routes its connections to the emulator's own
// port (OMISE_EMULATOR_URL, set by scripts/conformance.sh) and makes it use plain HTTP.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { officialClient } = require('../support/omise-node.cjs');

const BASE = process.env.OMISE_EMULATOR_URL;
assert.ok(BASE, 'OMISE_EMULATOR_URL is the emulator to test against (scripts/conformance.sh sets it)');
const KEY = process.env.OMISE_SECRET_KEY || 'skey_test_emulator';

const omise = officialClient(BASE, KEY);

async function control(method, path) {
  const res = await fetch(`${BASE}/__emulator/${path}`, { method });
  assert.equal(res.status, 200);
  return res.json();
}

before(async () => {
  await control('POST', 'reset');
});

function assertList(list, location) {
  assert.equal(list.object, 'list');
  assert.equal(list.location, location);
  assert.ok(Array.isArray(list.data));
  assert.equal(typeof list.total, 'number');
  assert.equal(typeof list.limit, 'number');
  assert.equal(typeof list.offset, 'number');
  assert.match(list.from, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.match(list.to, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
}

test('disputes.list returns a list of disputes', async () => {
  const list = await omise.disputes.list();
  assertList(list, '/disputes');
  assert.equal(list.total, 300);
  assert.equal(list.data.length, 20);
  for (const d of list.data) {
    assert.equal(d.object, 'dispute');
    assert.match(d.id, /^dspt_test_[0-9a-z]{19}$/);
    assert.equal(d.documents.object, 'list');
    assert.ok(Array.isArray(d.transactions));
  }
  const page = await omise.disputes.list({ limit: 5, offset: 3, order: 'reverse_chronological' });
  assert.equal(page.limit, 5);
  assert.equal(page.offset, 3);
  assert.equal(page.order, 'reverse_chronological');
  assert.equal(page.data.length, 5);
  assert.ok(page.data[0].created_at >= page.data[4].created_at);
});

test('listOpen / listPending / listClosed partition the disputes', async () => {
  const [all, open, pending, closed] = await Promise.all([
    omise.disputes.list(),
    omise.disputes.listOpen(),
    omise.disputes.listPending(),
    omise.disputes.listClosed(),
  ]);
  assertList(open, '/disputes/open');
  assertList(pending, '/disputes/pending');
  assertList(closed, '/disputes/closed');
  assert.equal(open.total + pending.total + closed.total, all.total);
  assert.ok(open.data.every((d) => d.status === 'open'));
  assert.ok(pending.data.every((d) => d.status === 'pending'));
  assert.ok(closed.data.every((d) => d.status === 'won' || d.status === 'lost'));
});

test('disputes.retrieve and disputes.update', async () => {
  const open = await omise.disputes.listOpen();
  const id = open.data[0].id;
  const got = await omise.disputes.retrieve(id);
  assert.equal(got.object, 'dispute');
  assert.equal(got.id, id);
  assert.equal(got.status, 'open');

  const updated = await omise.disputes.update(id, {
    message: 'Proof of delivery attached',
    metadata: { conformance: true },
  });
  assert.equal(updated.object, 'dispute');
  assert.equal(updated.id, id);
  assert.equal(updated.status, 'pending');
  assert.equal(updated.message, 'Proof of delivery attached');
  assert.deepEqual(updated.metadata, { conformance: true });

  const after = await omise.disputes.listOpen();
  assert.equal(after.total, open.total - 1);
  assert.equal((await omise.disputes.retrieve(id)).status, 'pending');

  await assert.rejects(omise.disputes.update(id, { message: 'again' }), (err) => {
    assert.equal(err.object, 'error');
    assert.equal(err.code, 'invalid_dispute');
    return true;
  });
});

test('errors come back as Omise error objects', async () => {
  await assert.rejects(omise.disputes.retrieve('dspt_test_doesnotexist0000000'), (err) => {
    assert.equal(err.object, 'error');
    assert.equal(err.code, 'not_found');
    assert.equal(err.message, 'dispute dspt_test_doesnotexist0000000 was not found');
    return true;
  });
  const wrong = officialClient(BASE, 'skey_test_wrong');
  await assert.rejects(wrong.disputes.list(), (err) => {
    assert.equal(err.code, 'authentication_failure');
    return true;
  });
});

test('transactions.list and transactions.retrieve', async () => {
  const list = await omise.transactions.list({ limit: 100 });
  assertList(list, '/transactions');
  assert.ok(list.total >= 1000);
  assert.equal(list.data.length, 100);
  const t = list.data[7];
  assert.equal(t.object, 'transaction');
  assert.match(t.id, /^trxn_test_[0-9a-z]{19}$/);
  assert.ok(t.direction === 'credit' || t.direction === 'debit');
  const got = await omise.transactions.retrieve(t.id);
  assert.deepEqual(got, t);
});

test('omise-node requests are logged with the key redacted', async () => {
  const log = await control('GET', 'requests');
  const fromNode = log.filter((e) => (e.headers['user-agent'] || '').startsWith('OmiseNode/'));
  assert.ok(fromNode.length >= 10);
  for (const e of fromNode) {
    assert.equal(e.headers.authorization, '[redacted]');
  }
  assert.ok(fromNode.some((e) => e.headers['omise-version'] === '2019-05-29'));
  assert.ok(!JSON.stringify(log).includes(KEY));
});
