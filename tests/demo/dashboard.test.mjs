// The dispute desk in a real browser (Debian chromium via playwright-core) against a
// fresh emulator and demo server: triage list, evidence, answer, accept, errors,
// reconciling writes whose answer was lost. Screenshots go to test-output/demo/.

import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, newPage, shot, makePdf, PNG, XSS, KEY } from './harness.mjs';

let stack;

before(async () => { stack = await startStack(); });
after(async () => { await stack?.stop(); });
beforeEach(async () => {
  await stack.control('POST', 'reset');
  await stack.control('DELETE', 'requests');
  await stack.control('DELETE', 'faults');
});

const money = (amount, currency) => {
  const f = new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() });
  return f.format(amount / 10 ** f.resolvedOptions().maximumFractionDigits);
};

/** Opens the dashboard at `hash` and waits until the view has loaded. */
async function open(page, hash = '', query = '') {
  await page.goto(stack.url + query + hash);
  await page.waitForSelector('html[data-ready="true"]');
  await settled(page);
}

/** Waits until nothing in main is busy. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]') && !document.querySelector('main .loading'));
}

/** The `n`th open dispute (newest first) without the XSS probe in its metadata. */
async function openDispute(n = 0) {
  const l = await stack.apiGet('/disputes/open?limit=100&order=reverse_chronological');
  return l.data.filter((d) => !JSON.stringify(d.metadata).includes('<img'))[n];
}

const listIds = (page) => page.$$eval('table.triage tbody tr', (trs) => trs.map((tr) => tr.dataset.disputeId));
const requests = async (method) => (await stack.control('GET', 'requests')).filter((e) => !method || e.method === method);

const EXE = (() => {
  const b = Buffer.alloc(4096, 0);
  b.write('MZ', 0, 'latin1');
  b.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return b;
})();

/** Waits for the queue item of `name` to reach `state`. */
function itemState(page, name, state, timeout = 30000) {
  return page.locator('.queue-item', { hasText: name }).and(page.locator(`[data-state="${state}"]`)).waitFor({ timeout });
}

describe('the triage list', () => {
  it('shows amount, reason, status, age and evidence count; Open is oldest first; counts are fetched once', async () => {
    const { page, events } = await newPage(stack);
    await open(page);
    await page.waitForFunction(() => [...document.querySelectorAll('.count')].every((c) => /^\d+$/.test(c.textContent)));
    for (const [s, p] of [['all', '/disputes'], ['open', '/disputes/open'], ['pending', '/disputes/pending'], ['closed', '/disputes/closed']]) {
      const { total } = await stack.apiGet(`${p}?limit=1`);
      assert.equal(Number(await page.textContent(`[role=tab][data-status=${s}] .count`)), total, `count on the ${s} tab`);
    }
    const all = await stack.apiGet('/disputes?limit=20&order=reverse_chronological');
    assert.deepEqual(await listIds(page), all.data.map((d) => d.id), 'All: newest first');
    const first = page.locator('table.triage tbody tr').first();
    const d0 = all.data[0];
    assert.equal((await first.locator('a.dispute-link').textContent()).trim(), money(d0.amount, d0.currency), 'the amount is the link');
    assert.match(await first.textContent(), new RegExp(d0.reason_message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const evidence = await page.$$eval('table.triage td[data-label=Evidence]', (tds) => tds.map((t) => t.textContent));
    assert.deepEqual(evidence, all.data.map((d) => (d.documents.total === 0 ? 'none' : d.documents.total === 1 ? '1 file' : `${d.documents.total} files`)),
      'evidence count from the embedded documents.total');
    const ages = await page.$$eval('table.triage td[data-label=Age]', (tds) => tds.map((t) => t.textContent));
    assert.ok(ages.every((a) => /^(today|1 day|\d+ days)$/.test(a)), ages.join());
    await shot(page, '01-triage-list');

    await page.click('[role=tab][data-status=open]');
    await page.waitForSelector('[role=tab][data-status=open][aria-selected=true]');
    await settled(page);
    const openOldest = await stack.apiGet('/disputes/open?limit=20&order=chronological');
    assert.deepEqual(await listIds(page), openOldest.data.map((d) => d.id), 'Open: oldest (most urgent) first');
    assert.equal(await page.inputValue('.toolbar select'), 'chronological');
    await page.click('[role=tab][data-status=pending]');
    await page.waitForSelector('[role=tab][data-status=pending][aria-selected=true]');
    await settled(page);
    const counted = (await requests('GET')).filter((e) => e.query === 'limit=1' && /Chrome/.test(e.headers['user-agent']));
    assert.equal(counted.length, 4, 'the four tab counts were fetched once, not on every render');
    assert.deepEqual(events.errors, []);
    await page.close();
  });

  it('clamps a page past the end and restores the scroll position and focus on Back', async () => {
    const { page } = await newPage(stack);
    const { total } = await stack.apiGet('/disputes/open?limit=1');
    const last = Math.ceil(total / 20);
    await open(page, '#/disputes?status=open&page=999');
    await page.waitForFunction((p) => location.hash.endsWith(`page=${p}`), last);
    await settled(page);
    assert.match(await page.textContent('.pager-info'), new RegExp(`^Page ${last} of ${last}`));

    await open(page, '#/disputes?status=open');
    const link = page.locator('table.triage a.dispute-link').nth(15);
    await link.scrollIntoViewIfNeeded();
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 100, `scrolled down (${y})`);
    const id = await page.locator('table.triage tbody tr').nth(15).getAttribute('data-dispute-id');
    await link.click();
    await page.waitForSelector('.details');
    await settled(page);
    await page.goBack();
    await page.waitForSelector('table.triage');
    await settled(page);
    await page.waitForFunction((want) => Math.abs(window.scrollY - want) < 2, y);
    assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.disputeId), id, 'focus is back on the dispute');
    await page.close();
  });
});

describe('working a dispute', () => {
  it('evidence first (several files, checked on selection), then a confirmed answer that locks it', async () => {
    const d = await openDispute(0);
    const { page, events } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    const order = await page.$$eval('.desk > *', (els) => els.map((e) => e.querySelector('h2').textContent));
    assert.deepEqual(order, ['Step 1 · Evidence', 'Step 2 · Answer the dispute', 'Or accept the dispute']);
    await shot(page, '02-dispute-steps');

    // Three files at once; the disguised one is refused at selection, before any request.
    await page.selectOption('form.upload select', 'proof_of_receipt');
    await page.setInputFiles('form.upload input[type=file]', [
      { name: 'receipt.pdf', mimeType: 'application/pdf', buffer: makePdf(64 * 1024) },
      { name: 'photo.png', mimeType: 'image/png', buffer: PNG },
      { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: EXE },
    ]);
    await itemState(page, 'invoice.pdf', 'rejected');
    await itemState(page, 'receipt.pdf', 'queued');
    await itemState(page, 'photo.png', 'queued');
    assert.match(await page.textContent('.queue-item[data-state=rejected]'), /not a PDF, PNG or JPEG/);
    assert.equal(await page.getAttribute('.queue-item[data-state=rejected]', 'data-code'), 'unsupported_file_type');
    assert.equal(await page.textContent('#upload-start'), 'Upload 2 files');
    assert.equal((await requests('POST')).length, 0, 'nothing sent on selection');
    assert.equal(await page.locator('input[type=file]').count(), 1, 'one file control');
    await shot(page, '03-evidence-queue');

    await page.click('#upload-start');
    await itemState(page, 'receipt.pdf', 'done');
    await itemState(page, 'photo.png', 'done');
    await page.waitForFunction(() => document.activeElement?.classList.contains('queue-summary'));
    assert.match(await page.textContent('.queue-summary'), /2 files were uploaded/);
    for (const name of ['receipt.pdf', 'photo.png']) {
      await page.locator('#documents-table tbody tr', { hasText: name }).waitFor();
    }
    assert.equal((await requests('POST')).length, 2, 'one request per file');
    const docs = await stack.apiGet(`/disputes/${d.id}/documents`);
    assert.equal(docs.total, d.documents.total + 2);

    // One more file chosen but not uploaded: the confirmation will say it is left out.
    await page.setInputFiles('form.upload input[type=file]', { name: 'later.png', mimeType: 'image/png', buffer: PNG });
    await itemState(page, 'later.png', 'queued');

    // The answer: Enter in a field opens the confirmation; nothing is sent before it.
    const message = 'Delivered on 2025-01-02; signed receipt attached.';
    await page.fill('form.respond textarea', message);
    await page.click('#add-meta');
    await page.locator('.meta-row').last().locator('.meta-key').fill('case_ref');
    await page.locator('.meta-row').last().locator('.meta-val').fill('CR-42');
    await page.locator('.meta-row').last().locator('.meta-val').press('Enter');
    await page.waitForSelector('dialog[data-dialog=answer][open]');
    const text = await page.textContent('dialog[data-dialog=answer]');
    assert.match(text, /lock/i);
    assert.match(text, /receipt\.pdf/);
    assert.match(text, /photo\.png/);
    assert.match(text, /1 file in the queue has not been uploaded/, 'the file not uploaded is said to be left out');
    await shot(page, '04-answer-confirmation');
    await page.click('dialog[data-dialog=answer] button[value=cancel]');
    await page.waitForSelector('dialog', { state: 'detached' });
    assert.equal((await requests('PATCH')).length, 0, 'cancel sends nothing');

    // The draft survives a reload.
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    await settled(page);
    assert.equal(await page.inputValue('form.respond textarea'), message, 'draft restored');
    assert.deepEqual(await page.$$eval('.meta-key', (is) => is.map((i) => i.value)), ['case_ref']);

    await page.click('form.respond button[type=submit]');
    await page.click('dialog[data-dialog=answer] button[value=ok]');
    await page.waitForSelector('#update-notice');
    assert.match(await page.textContent('#update-notice'), /Answer submitted\. The dispute is now Pending/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'update-notice', 'focus on the result');
    assert.equal(await page.$('form.respond'), null);
    assert.equal(await page.$('form.upload'), null);
    assert.match(await page.textContent('section.evidence'), /Evidence \(locked\)[\s\S]*went with it/);
    const after = await stack.apiGet(`/disputes/${d.id}`);
    assert.equal(after.status, 'pending');
    assert.equal(after.message, message);
    assert.equal(after.metadata.case_ref, 'CR-42');
    assert.equal((await requests('PATCH')).length, 1, 'one PATCH');
    assert.equal(await page.evaluate((id) => localStorage.getItem(`omise-demo:draft:${id}`), d.id), null, 'draft cleared');
    await page.click('details.dev summary');
    assert.match(await page.textContent('#dev-call'), new RegExp(`omise\\.disputes\\.update\\("${d.id}"`));
    assert.equal(JSON.parse(await page.textContent('#dev-raw')).status, 'pending');
    await shot(page, '05-answered-pending');
    assert.deepEqual(events.dialogs, [], 'confirmations are in-page dialogs');
    assert.deepEqual(events.errors, []);
    await page.close();
  });

  it('accepts a dispute only after a confirmation that says it becomes lost', async () => {
    const d = await openDispute(1);
    const { page, events } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    await page.click('#accept-dispute');
    await page.waitForSelector('dialog[data-dialog=accept][open]');
    const text = await page.textContent('dialog[data-dialog=accept]');
    assert.match(text, /lost/);
    assert.ok(text.includes(money(d.amount, d.currency)), 'names the amount conceded');
    await shot(page, '06-accept-confirmation');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog', { state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'accept-dispute', 'focus back on the button');
    assert.equal((await requests('PATCH')).length, 0);

    await page.click('#accept-dispute');
    await page.click('dialog[data-dialog=accept] button[value=ok]');
    await page.waitForSelector('#update-notice');
    assert.match(await page.textContent('#update-notice'), /You accepted the dispute\. The dispute is now Lost/);
    const patches = await requests('PATCH');
    assert.deepEqual(patches.map((p) => p.path), [`/disputes/${d.id}/accept`]);
    assert.equal((await stack.apiGet(`/disputes/${d.id}`)).status, 'lost');
    assert.equal(await page.$('#accept-dispute'), null);
    await shot(page, '07-accepted-lost');
    assert.deepEqual(events.errors, []);
    await page.close();
  });

  it('shows upload progress, then "processing" until the server answers', async () => {
    const d = await openDispute(2);
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    await page.evaluate(() => {
      window.__states = [];
      new MutationObserver(() => {
        const el = document.querySelector('.queue-item');
        const s = el && `${el.dataset.state}:${el.querySelector('progress')?.value ?? ''}`;
        if (s && window.__states.at(-1) !== s) window.__states.push(s);
      }).observe(document.querySelector('form.upload'), { subtree: true, childList: true, attributes: true });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 2 * 1024 * 1024 });
    // The server holds its answer after reading the body.
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/documents`, method: 'POST', delay_ms: 1500 });
    await page.setInputFiles('form.upload input[type=file]', { name: 'big-receipt.pdf', mimeType: 'application/pdf', buffer: makePdf(3 * 1024 * 1024) });
    await itemState(page, 'big-receipt.pdf', 'queued');
    await page.click('#upload-start');
    await itemState(page, 'big-receipt.pdf', 'processing');
    await itemState(page, 'big-receipt.pdf', 'done');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const states = await page.evaluate(() => window.__states);
    const uploading = states.filter((s) => s.startsWith('uploading:')).map((s) => Number(s.split(':')[1]));
    assert.ok(uploading.some((p) => p > 0 && p < 100), `intermediate progress shown (${states.join(' ')})`);
    assert.deepEqual([...uploading].sort((a, b) => a - b), uploading, 'progress never goes back');
    const pi = states.findIndex((s) => s.startsWith('processing'));
    const di = states.findIndex((s) => s.startsWith('done'));
    assert.ok(pi > 0 && di > pi, `processing before done (${states.join(' ')})`);
    const href = await page.locator('#documents-table tbody tr', { hasText: 'big-receipt.pdf' }).locator('a.doc-link').getAttribute('href');
    assert.equal(Buffer.from(await (await fetch(href)).arrayBuffer()).length, 3 * 1024 * 1024, 'the server has every byte');
    await page.close();
  });

  it('refuses too large and empty files at selection, and a dropped file joins the queue', async () => {
    const d = await openDispute(3);
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    big.write('%PDF-1.4\n', 0, 'latin1');
    await page.setInputFiles('form.upload input[type=file]', [
      { name: 'huge.pdf', mimeType: 'application/pdf', buffer: big },
      { name: 'empty.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
    ]);
    await itemState(page, 'huge.pdf', 'rejected');
    await itemState(page, 'empty.pdf', 'rejected');
    assert.match(await page.locator('.queue-item', { hasText: 'huge.pdf' }).textContent(), /larger than 10 MB/);
    assert.equal(await page.getAttribute('.queue-item:has-text("empty.pdf")', 'data-code'), 'empty_file');
    assert.ok(await page.isDisabled('#upload-start'), 'nothing to upload');
    await shot(page, '08-upload-refused');

    // Dropped on the zone: queued. Dropped elsewhere: the page stays.
    const url = page.url();
    await page.evaluate((bytes) => {
      const drop = (target) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], 'dropped photo.png', { type: 'image/png' }));
        for (const type of ['dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      };
      drop(document.getElementById('dropzone'));
      window.__outsideDefaultPrevented = (() => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], 'x.png', { type: 'image/png' }));
        const ev = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
        document.querySelector('h1').dispatchEvent(ev);
        return ev.defaultPrevented;
      })();
    }, [...PNG]);
    await itemState(page, 'dropped photo.png', 'queued');
    assert.equal(await page.evaluate(() => window.__outsideDefaultPrevented), true, 'a drop outside the zone is stopped');
    assert.equal(page.url(), url);
    await page.click('#upload-start');
    await itemState(page, 'dropped photo.png', 'done');
    assert.equal((await requests('POST')).length, 1);
    await page.close();
  });
});

describe('writes whose answer was lost are reconciled, never blindly retried', () => {
  it('an answer applied but unreadable is reported as received; a dropped one as not received', async () => {
    const d = await openDispute(0);
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}`, method: 'PATCH', drop: true });
    await page.fill('form.respond textarea', 'Proof of delivery attached.');
    await page.click('form.respond button[type=submit]');
    await page.click('dialog[data-dialog=answer] button[value=ok]');
    await page.waitForSelector('form.respond .error-box');
    assert.match(await page.textContent('form.respond .error-box'), /not received: the dispute is still open \(checked/);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-box')), true);
    assert.equal(await page.inputValue('form.respond textarea'), 'Proof of delivery attached.', 'the text is kept');
    assert.equal((await stack.apiGet(`/disputes/${d.id}`)).status, 'open');
    await shot(page, '09-answer-lost-not-applied');

    await stack.control('POST', 'faults', { path: `/disputes/${d.id}`, method: 'PATCH', body: 'truncated' });
    await page.click('form.respond button[type=submit]');
    await page.click('dialog[data-dialog=answer] button[value=ok]');
    await page.waitForSelector('#update-notice');
    assert.match(await page.textContent('#update-notice'), /server received your answer \(checked\)\. The dispute is now Pending/);
    assert.equal((await requests('PATCH')).length, 2, 'one PATCH per click, none retried');
    assert.equal((await stack.apiGet(`/disputes/${d.id}`)).status, 'pending');
    await shot(page, '10-answer-lost-applied');
    await page.close();
  });

  it('a timed-out answer still open is "not yet", and "Check again" finds it applied later', async () => {
    const d = await openDispute(3);
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`, '?timeoutMs=1000');
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}`, method: 'PATCH', delay_ms: 2500 });
    await page.fill('form.respond textarea', 'Late but delivered.');
    await page.click('form.respond button[type=submit]');
    await page.click('dialog[data-dialog=answer] button[value=ok]');
    await page.waitForSelector('form.respond .error-box');
    assert.match(await page.textContent('form.respond .error-box'), /No answer in time, and the dispute is still open \(checked\)\. The server may still apply/);
    await shot(page, '10b-answer-timeout-not-yet');
    // The server finishes the PATCH it was holding.
    for (let i = 0; (await stack.apiGet(`/disputes/${d.id}`)).status !== 'pending'; i++) {
      assert.ok(i < 100, 'the emulator applied the delayed PATCH');
      await new Promise((r) => setTimeout(r, 100));
    }
    await page.click('form.respond .error-box button[data-action=check-again]');
    await page.waitForSelector('#update-notice');
    assert.match(await page.textContent('#update-notice'), /received your answer after all \(checked\)\. The dispute is now Pending/);
    assert.equal((await requests('PATCH')).length, 1, 'never sent twice');
    await page.close();
  });

  it('an accept applied but unreadable is reported as accepted', async () => {
    const d = await openDispute(1);
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/accept`, method: 'PATCH', body: 'malformed' });
    // Malformed and not applied (the fault replaces the answer), then applied with half an answer.
    await page.click('#accept-dispute');
    await page.click('dialog[data-dialog=accept] button[value=ok]');
    await page.waitForSelector('.concede .error-box');
    assert.match(await page.textContent('.concede .error-box'), /not accepted: it is still open \(checked/);
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/accept`, method: 'PATCH', body: 'truncated' });
    await page.click('#accept-dispute');
    await page.click('dialog[data-dialog=accept] button[value=ok]');
    await page.waitForSelector('#update-notice');
    assert.match(await page.textContent('#update-notice'), /dispute was accepted \(checked\)\. The dispute is now Lost/);
    assert.equal((await stack.apiGet(`/disputes/${d.id}`)).status, 'lost');
    await page.close();
  });

  it('an upload whose answer was lost is checked: found once, never attached twice', async () => {
    const d = await openDispute(2);
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    const before = (await stack.apiGet(`/disputes/${d.id}/documents`)).total;

    // Applied, answer cut in half: the page finds the document and does not send it again.
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/documents`, method: 'POST', body: 'truncated' });
    await page.setInputFiles('form.upload input[type=file]', { name: 'landed.pdf', mimeType: 'application/pdf', buffer: makePdf(32 * 1024) });
    await itemState(page, 'landed.pdf', 'queued');
    await page.click('#upload-start');
    await itemState(page, 'landed.pdf', 'done');
    assert.match(await page.locator('.queue-item', { hasText: 'landed.pdf' }).textContent(), /server has the file \(checked\)/);
    await page.locator('#documents-table tbody tr', { hasText: 'landed.pdf' }).waitFor();

    // Connection dropped before the server took it: reported as not attached; "Upload
    // again" checks first, then sends once.
    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/documents`, method: 'POST', drop: true });
    await page.setInputFiles('form.upload input[type=file]', { name: 'dropped.pdf', mimeType: 'application/pdf', buffer: makePdf(32 * 1024) });
    await itemState(page, 'dropped.pdf', 'queued');
    await page.click('#upload-start');
    await itemState(page, 'dropped.pdf', 'failed');
    assert.match(await page.locator('.queue-item', { hasText: 'dropped.pdf' }).textContent(), /Nothing was attached \(checked with the server\)/);
    await shot(page, '11-upload-lost-not-applied');
    await page.click('.queue-item:has-text("dropped.pdf") button[data-action=again]');
    await itemState(page, 'dropped.pdf', 'done');

    const after = await stack.apiGet(`/disputes/${d.id}/documents?limit=100`);
    assert.equal(after.total, before + 2, 'each file attached exactly once');
    assert.equal(after.data.filter((x) => x.filename === 'landed.pdf').length, 1);
    assert.equal((await requests('POST')).length, 3, 'landed once, dropped once, sent again once');
    await page.close();
  });
});

describe('deleting evidence and what Omise says', () => {
  it('a delete whose answer was lost is checked: still there, or gone', async () => {
    const d = await openDispute(0);
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    await page.setInputFiles('form.upload input[type=file]', [
      { name: 'one.png', mimeType: 'image/png', buffer: PNG },
      { name: 'two.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await itemState(page, 'two.png', 'queued');
    await page.click('#upload-start');
    await itemState(page, 'two.png', 'done');
    const row = (name) => page.locator('#documents-table tbody tr', { hasText: name });

    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/documents/`, method: 'DELETE', drop: true });
    await row('one.png').locator('button').click();
    await page.click('dialog[data-dialog=delete] button[value=ok]');
    await page.waitForSelector('.doc-status .error-box');
    assert.match(await page.textContent('.doc-status .error-box'), /one\.png was not deleted: the server still has it/);
    assert.equal(await row('one.png').count(), 1);

    await stack.control('POST', 'faults', { path: `/disputes/${d.id}/documents/`, method: 'DELETE', body: 'truncated' });
    await row('one.png').locator('button').click();
    await page.click('dialog[data-dialog=delete] button[value=ok]');
    await row('one.png').waitFor({ state: 'detached' });
    assert.match(await page.textContent('.doc-status'), /one\.png was deleted \(the answer was lost on the way, so this was checked/);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Delete two.png', 'focus on the next document');
    const docs = await stack.apiGet(`/disputes/${d.id}/documents?limit=100`);
    assert.ok(!docs.data.some((x) => x.filename === 'one.png'));
    assert.equal((await requests('DELETE')).length, 2, 'one DELETE per click');
    await page.close();
  });

  it('reads the dispute once (its documents are embedded) and shows admin_message as a note from Omise', async () => {
    const d = await openDispute(1);
    const { page } = await newPage(stack);
    // Omise writes admin_message; the emulator never does, so add one to its answer.
    await page.route(`**/omise/disputes/${d.id}`, async (route) => {
      const r = await route.fetch();
      const body = await r.json();
      await route.fulfill({ response: r, json: { ...body, admin_message: 'Please add the signed delivery note.' } });
    });
    await open(page, `#/disputes/${d.id}`);
    assert.equal(await page.textContent('.omise-note h2'), 'Note from Omise');
    assert.equal(await page.textContent('.omise-note p'), 'Please add the signed delivery note.');
    const gets = (await requests('GET')).filter((e) => /Chrome/.test(e.headers['user-agent']));
    assert.deepEqual(gets.map((e) => e.path), [`/disputes/${d.id}`], 'no separate documents call');
    await page.close();
  });
});

describe('errors and hostile text', () => {
  it('shows readable errors for an unknown dispute and for a failing API, with a working retry', async () => {
    const { page } = await newPage(stack);
    await open(page, '#/disputes/dspt_test_doesnotexist9');
    const box = await page.textContent('.error-box[role=alert]');
    assert.match(box, /does not exist/);
    assert.match(box, /HTTP 404/);
    assert.equal(await page.getAttribute('.error-box', 'data-error-name'), 'OmiseApiError');
    await open(page, '#/disputes/not-an-id');
    assert.equal(await page.getAttribute('.error-box', 'data-error-name'), 'OmiseValidationError');

    // Three 500s: the first attempt and both retries of a GET.
    await stack.control('POST', 'faults', { path: '/transactions', method: 'GET', status: 500, count: 3 });
    await open(page, '#/transactions');
    assert.match(await page.textContent('.error-box[role=alert]'), /could not be loaded[\s\S]*HTTP 500/);
    await shot(page, '12-error');
    await page.click('.error-box button');
    await page.waitForSelector('table.data tbody tr');
    assert.equal(await page.$('.error-box'), null);
    await page.close();
  });

  it('renders the XSS probe literally in a message and in metadata, running nothing', async () => {
    const pending = (await stack.apiGet('/disputes/pending?limit=100')).data.find((x) => x.message === XSS);
    const openOne = (await stack.apiGet('/disputes/open?limit=100')).data.find((x) => JSON.stringify(x.metadata).includes(XSS));
    assert.ok(pending && openOne, 'the emulator seeds both probes');
    const { page, events } = await newPage(stack);
    await open(page, `#/disputes/${pending.id}`);
    assert.equal(await page.textContent('.details-row[data-field=message] dd'), XSS);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'no <img> injected');
    await open(page, `#/disputes/${openOne.id}`);
    const cells = await page.$$eval('section[aria-labelledby=meta-h] td', (tds) => tds.map((t) => t.textContent));
    assert.ok(cells.includes(XSS), 'metadata value shown as text');
    assert.ok((await page.$$eval('.meta-val', (is) => is.map((i) => i.value))).includes(XSS), 'and as the editable value');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.deepEqual(events.dialogs, [], 'no alert fired');
    assert.deepEqual(events.errors, []);
    await page.close();
  });

  it('keeps the secret key out of the page: the proxy adds it', async () => {
    const { page, events } = await newPage(stack);
    await open(page);
    await page.waitForFunction(() => [...document.querySelectorAll('.count')].every((c) => /^\d+$/.test(c.textContent)));
    const apiCalls = events.requests.filter((r) => r.url.includes('/omise/'));
    assert.ok(apiCalls.length >= 5, 'the page called the proxy');
    assert.ok(events.requests.every((r) => !new URL(r.url).host.endsWith(new URL(stack.api).host)), 'the page does not call the API directly');
    assert.ok(apiCalls.every((r) => !r.headers.authorization), 'no Authorization header from the page');
    assert.ok(!(await page.content()).includes(KEY));
    const log = await stack.control('GET', 'requests');
    assert.ok(log.length > 0 && log.every((e) => e.headers.authorization === '[redacted]'), 'the proxy authenticated every request');
    await page.close();
  });
});

describe('transactions', () => {
  it('lists transactions with direction, key, amount and dates, with paging', async () => {
    const { page, events } = await newPage(stack);
    await open(page);
    await page.click('nav[aria-label=Main] a[href="#/transactions"]');
    await page.waitForSelector('h1:text("Transactions")');
    await settled(page);
    const expected = await stack.apiGet('/transactions?limit=20&order=reverse_chronological');
    const rows = await page.$$eval('table.data tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
    assert.deepEqual(rows.map((r) => r[0]), expected.data.map((t) => t.id));
    for (const [i, t] of expected.data.entries()) {
      assert.match(rows[i][1], t.direction === 'credit' ? /Credit/ : /Debit/);
      assert.equal(rows[i][2], t.key);
      assert.equal(rows[i][3], money(t.amount, t.currency));
    }
    await shot(page, '13-transactions');
    await page.click('.pager a[rel=next]');
    await page.waitForFunction(() => /Page 2 of/.test(document.querySelector('.pager-info')?.textContent || ''));
    assert.deepEqual(events.errors, []);
    await page.close();
  });
});
