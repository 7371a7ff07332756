// The dispute desk in Debian's firefox-esr (WebDriver BiDi, see firefox.mjs): the whole
// flow (evidence, a confirmed answer, a confirmed accept), a lost answer reconciled,
// axe-core with 0 violations and no sideways scroll at 375 px and 1280 px.
// Screenshots go to test-output/demo/firefox-*.png.

import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { startStack, makePdf, PNG, ROOT, OUT_DIR } from './harness.mjs';
import { launchFirefox } from './firefox.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let stack;
let ff;

before(async () => {
  stack = await startStack({ chromium: false });
  ff = await launchFirefox({ width: 1280, height: 900 });
});
after(async () => {
  await ff?.close();
  await stack?.stop();
});
beforeEach(async () => {
  await stack.control('POST', 'reset');
  await stack.control('DELETE', 'requests');
  await stack.control('DELETE', 'faults');
});

const shot = (name) => ff.screenshot(path.join(OUT_DIR, `firefox-${name}.png`));
const requests = async (method) => (await stack.control('GET', 'requests')).filter((e) => e.method === method);

async function open(hash) {
  await ff.goto(stack.url + hash);
  await ff.waitFor(() => document.documentElement.dataset.ready === 'true'
    && !document.querySelector('main [aria-busy="true"]') && !document.querySelector('main .loading'), [], { what: `${hash} loaded` });
}

async function openDispute(n) {
  const l = await stack.apiGet('/disputes/open?limit=100&order=reverse_chronological');
  return l.data.filter((d) => !JSON.stringify(d.metadata).includes('<img'))[n];
}

/** Chooses files in the evidence form, as the file picker would. */
function choose(files) {
  return ff.eval((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    const input = document.querySelector('form.upload input[type=file]');
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }, files.map((f) => ({ name: f.name, type: f.type, b64: f.buffer.toString('base64') })));
}

const itemState = (name, state) => ff.waitFor((n, s) => [...document.querySelectorAll('.queue-item')]
  .some((el) => el.querySelector('.item-name')?.textContent === n && el.dataset.state === s), [name, state], { what: `${name} ${state}` });
const click = (selector) => ff.eval((s) => { document.querySelector(s).click(); return true; }, selector);
const textOf = (selector) => ff.eval((s) => document.querySelector(s)?.textContent ?? null, selector);

describe('the dispute desk in Firefox', () => {
  it('works a dispute end to end: evidence, a confirmed answer; and a confirmed accept', async () => {
    await open('#/disputes?status=open');
    const ids = await ff.eval(() => [...document.querySelectorAll('table.triage tbody tr')].map((tr) => tr.dataset.disputeId));
    const oldest = await stack.apiGet('/disputes/open?limit=20&order=chronological');
    assert.deepEqual(ids, oldest.data.map((d) => d.id), 'Open: oldest first');
    await shot('01-open-list');

    const d = await openDispute(0);
    await open(`#/disputes/${d.id}`);
    await choose([
      { name: 'receipt.pdf', type: 'application/pdf', buffer: makePdf(200 * 1024) },
      { name: 'photo.png', type: 'image/png', buffer: PNG },
      { name: 'fake.pdf', type: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all') },
    ]);
    await itemState('fake.pdf', 'rejected');
    await itemState('receipt.pdf', 'queued');
    await itemState('photo.png', 'queued');
    assert.equal((await requests('POST')).length, 0, 'nothing sent on selection');
    await click('#upload-start');
    await itemState('receipt.pdf', 'done');
    await itemState('photo.png', 'done');
    await ff.waitFor(() => document.activeElement?.classList.contains('queue-summary'), [], { what: 'focus on the summary' });
    assert.equal((await stack.apiGet(`/disputes/${d.id}/documents`)).total, d.documents.total + 2);
    await shot('02-evidence-uploaded');

    await ff.eval(() => {
      const t = document.querySelector('form.respond textarea');
      t.value = 'Delivered; signed receipt attached.';
      t.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    });
    await click('form.respond button[type=submit]');
    await ff.waitFor(() => document.querySelector('dialog[data-dialog=answer]')?.open);
    assert.match(await textOf('dialog[data-dialog=answer]'), /locked: 2 documents \(receipt\.pdf, photo\.png\)/);
    await shot('03-answer-confirmation');
    await click('dialog[data-dialog=answer] button[value=ok]');
    await ff.waitFor(() => document.getElementById('update-notice'));
    assert.match(await textOf('#update-notice'), /Answer submitted\. The dispute is now Pending/);
    assert.equal(await ff.eval(() => document.activeElement?.id), 'update-notice');
    assert.equal((await stack.apiGet(`/disputes/${d.id}`)).status, 'pending');

    const other = await openDispute(0);
    await open(`#/disputes/${other.id}`);
    await click('#accept-dispute');
    await ff.waitFor(() => document.querySelector('dialog[data-dialog=accept]')?.open);
    await click('dialog[data-dialog=accept] button[value=cancel]');
    assert.equal(await ff.eval(() => document.activeElement?.id), 'accept-dispute', 'focus back after cancel');
    assert.equal((await requests('PATCH')).length, 1, 'cancel sent nothing');
    await click('#accept-dispute');
    await ff.waitFor(() => document.querySelector('dialog[data-dialog=accept]')?.open);
    await click('dialog[data-dialog=accept] button[value=ok]');
    await ff.waitFor(() => document.getElementById('update-notice'));
    assert.match(await textOf('#update-notice'), /now Lost/);
    assert.equal((await stack.apiGet(`/disputes/${other.id}`)).status, 'lost');
    await shot('04-accepted');
    assert.deepEqual(ff.errors, []);
  });

  it('reads a dispute back when the answer to an applied PATCH is lost', async () => {
    const d = await openDispute(0);
    await open(`#/disputes/${d.id}`);
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}`, method: 'PATCH', body: 'truncated' });
    await ff.eval(() => { document.querySelector('form.respond textarea').value = 'Proof attached.'; return true; });
    await click('form.respond button[type=submit]');
    await ff.waitFor(() => document.querySelector('dialog[data-dialog=answer]')?.open);
    await click('dialog[data-dialog=answer] button[value=ok]');
    await ff.waitFor(() => document.getElementById('update-notice'));
    assert.match(await textOf('#update-notice'), /server received your answer \(checked\)/);
    assert.equal((await requests('PATCH')).length, 1, 'not sent again');
  });

  it('checks a lost upload before sending it again, and attaches it once', async () => {
    const d = await openDispute(1);
    await open(`#/disputes/${d.id}`);
    const before = (await stack.apiGet(`/disputes/${d.id}/documents`)).total;
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/documents`, method: 'POST', body: 'truncated' });
    await choose([{ name: 'landed.png', type: 'image/png', buffer: PNG }]);
    await itemState('landed.png', 'queued');
    await click('#upload-start');
    await itemState('landed.png', 'done');
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/documents`, method: 'POST', drop: true });
    await choose([{ name: 'dropped.png', type: 'image/png', buffer: PNG }]);
    await itemState('dropped.png', 'queued');
    await click('#upload-start');
    await itemState('dropped.png', 'failed');
    await click('.queue-item[data-state=failed] button[data-action=again]');
    await itemState('dropped.png', 'done');
    assert.equal((await stack.apiGet(`/disputes/${d.id}/documents`)).total, before + 2);
    assert.equal((await requests('POST')).length, 3);
    await shot('05-upload-reconciled');
  });

  it('a page on another origin cannot write through the proxy', async () => {
    const id = (await openDispute(0)).id;
    const evil = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>evil</title>
<form id=f method=POST action="${stack.url}omise/disputes/${id}/documents" enctype="multipart/form-data"><input name=kind value=proof_of_receipt></form>
<script>fetch(${JSON.stringify(`${stack.url}omise/disputes/${id}`)}, { method: 'PATCH', mode: 'no-cors', body: '{"message":"pwned"}' })
.finally(() => document.getElementById('f').submit());</script>`);
    });
    await new Promise((r) => evil.listen(0, '127.0.0.1', r));
    try {
      await ff.goto(`http://localhost:${evil.address().port}/`);
      await ff.waitFor(() => location.pathname.startsWith('/omise/') && document.body?.textContent.includes('forbidden_origin'), [], { what: 'the refused form post' });
    } finally {
      evil.close();
    }
    assert.deepEqual((await stack.control('GET', 'requests')).filter((e) => e.method !== 'GET'), [], 'no write reached the API');
  });

  for (const width of [375, 1280]) {
    it(`has no axe-core violation and no sideways scroll at ${width} px`, async () => {
      await ff.setViewport(width, 800);
      const d = await openDispute(0);
      for (const [name, hash] of [['list', '#/disputes?status=open'], ['dispute', `#/disputes/${d.id}`], ['transactions', '#/transactions']]) {
        await open(hash);
        await ff.run(AXE);
        const v = await ff.eval(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
          .violations.map((x) => ({ id: x.id, nodes: x.nodes.map((n) => n.target.join(' ')).slice(0, 3) })));
        assert.deepEqual(v, [], `${name} at ${width} px: ${JSON.stringify(v)}`);
        const over = await ff.eval(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(over, 0, `${name} scrolls sideways at ${width} px`);
        await shot(`a11y-${width}-${name}`);
      }
      await ff.setViewport(1280, 900);
    });
  }
});
