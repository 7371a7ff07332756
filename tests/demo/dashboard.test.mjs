// The demo dashboard in a real browser (Debian chromium via playwright-core) against a
// fresh emulator and demo server. Screenshots go to test-output/demo/.

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
async function open(page, hash = '') {
  await page.goto(stack.url + hash);
  await page.waitForSelector('html[data-ready="true"]');
  await settled(page);
}

/** Waits until nothing in main is busy. */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]') && !document.querySelector('main .loading'));
}

async function firstOpenDispute() {
  const l = await stack.apiGet('/disputes/open?limit=100&order=reverse_chronological');
  // One without the XSS probe in its metadata, so the form's metadata rows are plain.
  return l.data.find((d) => !JSON.stringify(d.metadata).includes('<img'));
}

async function rowTexts(page) {
  return page.$$eval('table.data tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
}

describe('disputes list', () => {
  it('shows tabs with counts, a reverse-chronological table with formatted amounts, and paging', async () => {
    const { page, events } = await newPage(stack);
    await open(page);
    await page.waitForFunction(() => [...document.querySelectorAll('.count')].every((c) => /^\d+$/.test(c.textContent)));

    const totals = {};
    for (const [s, p] of [['all', '/disputes'], ['open', '/disputes/open'], ['pending', '/disputes/pending'], ['closed', '/disputes/closed']]) {
      totals[s] = (await stack.apiGet(`${p}?limit=1`)).total;
      const shown = await page.textContent(`[role=tab][data-status=${s}] .count`);
      assert.equal(Number(shown), totals[s], `count on the ${s} tab`);
    }
    assert.equal(await page.getAttribute('[role=tab][data-status=all]', 'aria-selected'), 'true');

    const expected = await stack.apiGet('/disputes?limit=20&order=reverse_chronological');
    const rows = await rowTexts(page);
    assert.equal(rows.length, 20);
    assert.deepEqual(rows.map((r) => r[0]), expected.data.map((d) => d.id), 'newest first, same as the API');
    assert.deepEqual(rows.map((r) => r[1]), expected.data.map((d) => money(d.amount, d.currency)), 'amounts in major units');
    const created = await page.$$eval('table.data tbody time', (ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.deepEqual([...created].sort().reverse(), created, 'reverse chronological');
    assert.match(await page.textContent('.pager-info'), new RegExp(`Page 1 of ${Math.ceil(totals.all / 20)}`));
    await shot(page, '01-disputes-list');

    // Open tab.
    await page.click('[role=tab][data-status=open]');
    await page.waitForSelector('[role=tab][data-status=open][aria-selected=true]');
    await settled(page);
    assert.match(page.url(), /#\/disputes\?status=open$/);
    const openRows = await rowTexts(page);
    assert.ok(openRows.length > 0);
    assert.ok(openRows.every((r) => r[3] === 'Open'), 'only open disputes');

    // Next page.
    await page.click('.pager a[rel=next]');
    await page.waitForFunction(() => /Page 2 of/.test(document.querySelector('.pager-info')?.textContent || ''));
    await settled(page);
    assert.match(page.url(), /status=open&page=2/);
    const page2 = await rowTexts(page);
    const expected2 = await stack.apiGet('/disputes/open?limit=20&offset=20&order=reverse_chronological');
    assert.deepEqual(page2.map((r) => r[0]), expected2.data.map((d) => d.id));
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('rel')), 'next', 'focus stays on the pager');

    // Keyboard: arrow keys move between tabs and select them.
    await page.focus('[role=tab][data-status=open]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[role=tab][data-status=pending][aria-selected=true]');
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.status), 'pending');
    assert.ok((await rowTexts(page)).every((r) => r[3] === 'Pending'));

    // Closed tab, oldest first.
    await open(page, '#/disputes?status=closed&order=chronological');
    const closed = await rowTexts(page);
    assert.ok(closed.every((r) => r[3] === 'Won' || r[3] === 'Lost'));
    const closedDates = await page.$$eval('table.data tbody time', (ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.deepEqual([...closedDates].sort(), closedDates, 'chronological on request');

    assert.deepEqual(events.dialogs, []);
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
    // The emulator logs the header redacted; that it is there (and the data loaded) is the point.
    assert.ok(log.length > 0 && log.every((e) => e.headers.authorization === '[redacted]'), 'the proxy authenticated every request');
    assert.ok(log.every((e) => !`${e.path}?${e.query}`.includes(KEY)), 'the key is never in a URL');
    await page.close();
  });
});

describe('a dispute', () => {
  it('shows every attribute, metadata, documents and transactions, and can be answered (open -> pending)', async () => {
    const d = await firstOpenDispute();
    const { page, events } = await newPage(stack);
    await open(page, '#/disputes?status=open');
    await page.click(`a[href="#/disputes/${d.id}"]`);
    await page.waitForSelector('.details');
    await settled(page);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the heading');

    const fields = await page.$$eval('.details-row', (rows) => rows.map((r) => r.dataset.field));
    for (const k of Object.keys(d)) {
      if (['metadata', 'documents', 'transactions'].includes(k)) continue;
      assert.ok(fields.includes(k), `attribute ${k} shown`);
    }
    assert.match(await page.textContent('.details-row[data-field=amount] dd'), new RegExp(money(d.amount, d.currency).replace(/[$.]/g, '\\$&')));
    const txIds = await page.$$eval('section[aria-labelledby=tx-h] tbody th', (ths) => ths.map((t) => t.textContent));
    assert.deepEqual(txIds, d.transactions.map((t) => t.id));
    await shot(page, '02-dispute-open');

    // Submitting with no message: the library's validation, shown at the field.
    await page.click('form.respond button[type=submit]');
    await page.waitForSelector('form.respond textarea[aria-invalid=true]');
    assert.match(await page.textContent('form.respond .field-error'), /Write a message/);

    const message = 'Delivered on 2025-01-02; signed receipt attached.';
    await page.fill('form.respond textarea', message);
    await page.click('#add-meta');
    await page.locator('.meta-row').last().locator('.meta-key').fill('case_ref');
    await page.locator('.meta-row').last().locator('.meta-val').fill('CR-42');
    await page.click('form.respond button[type=submit]');
    await page.waitForSelector('#update-notice');
    assert.match(await page.textContent('#update-notice'), /now Pending/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'update-notice');
    assert.equal((await page.textContent('.details-row[data-field=status] dd')).trim(), 'Pending');
    assert.equal(await page.textContent('.details-row[data-field=message] dd'), message);
    assert.equal(await page.$('form.respond'), null, 'no form once pending');

    const after = await stack.apiGet(`/disputes/${d.id}`);
    assert.equal(after.status, 'pending');
    assert.equal(after.message, message);
    assert.equal(after.metadata.case_ref, 'CR-42');
    const patches = (await stack.control('GET', 'requests')).filter((e) => e.method === 'PATCH');
    assert.equal(patches.length, 1, 'one PATCH, no retry');
    await shot(page, '03-dispute-pending');
    assert.deepEqual(events.dialogs, []);
    assert.deepEqual(events.errors, []);
    await page.close();
  });

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
    await shot(page, '07-error');
    await page.click('.error-box button');
    await page.waitForSelector('table.data tbody tr');
    assert.equal(await page.$('.error-box'), null);
    await page.close();
  });
});

describe('evidence documents', () => {
  it('uploads a PDF with progress to 100%, lists it, downloads the same bytes, and deletes it', async () => {
    const d = await firstOpenDispute();
    const { page, events } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    const before = d.documents.total;

    // Record every progress value the page shows.
    await page.evaluate(() => {
      window.__progress = [];
      const p = document.querySelector('.progress-row progress');
      new MutationObserver(() => window.__progress.push(Number(p.value))).observe(p, { attributes: true, attributeFilter: ['aria-valuetext'] });
    });
    // A slow uplink (Chrome's network emulation) so the bar has steps to show.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 2 * 1024 * 1024,
    });
    const pdf = makePdf(3 * 1024 * 1024);
    await page.selectOption('form.upload select', 'proof_of_receipt');
    await page.setInputFiles('form.upload input[type=file]', { name: 'signed-receipt.pdf', mimeType: 'application/pdf', buffer: pdf });
    assert.match(await page.textContent('.chosen'), /signed-receipt\.pdf/);
    await page.click('form.upload button[type=submit]');
    await page.waitForSelector('.progress-row[data-state=done]', { timeout: 30000 });
    const progress = await page.evaluate(() => window.__progress);
    assert.equal(progress.at(-1), 100, `progress reaches 100 (${progress.join(',')})`);
    assert.deepEqual([...progress].sort((a, b) => a - b), progress, 'progress never goes back');
    assert.ok(progress.some((p) => p > 0 && p < 100), `intermediate progress shown (${progress.join(',')})`);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    assert.equal(await page.textContent('.progress-row .percent'), '100%');
    assert.match(await page.textContent('.upload-result'), /Uploaded signed-receipt\.pdf as proof of receipt/);

    const row = page.locator('#documents-table tbody tr', { hasText: 'signed-receipt.pdf' });
    await row.waitFor();
    assert.match(await row.textContent(), /Proof of receipt/);
    const href = await row.locator('a.doc-link').getAttribute('href');
    assert.ok(href.startsWith(stack.api + '/'), `download_uri is absolute on the emulator: ${href}`);
    await shot(page, '04-upload-done');

    // Download from the page (cross-origin fetch, CORS) and from Node: same bytes.
    const fromPage = await page.evaluate(async (u) => {
      const r = await fetch(u);
      const blob = await r.blob();
      return new Promise((resolve) => {
        const fr = new FileReader();
        fr.onload = () => resolve(String(fr.result).split(',')[1] || '');
        fr.readAsDataURL(blob);
      });
    }, href);
    assert.ok(Buffer.from(fromPage, 'base64').equals(pdf), 'page download matches the upload');
    const fromNode = Buffer.from(await (await fetch(href)).arrayBuffer());
    assert.ok(fromNode.equals(pdf), 'Node download matches the upload');

    const docs = await stack.apiGet(`/disputes/${d.id}/documents`);
    assert.equal(docs.total, before + 1);
    const uploads = (await stack.control('GET', 'requests')).filter((e) => e.method === 'POST');
    assert.equal(uploads.length, 1, 'exactly one upload request');

    // Delete: cancel first, then confirm.
    await row.locator('button', { hasText: 'Delete' }).click();
    await page.waitForSelector('dialog.confirm[open]');
    assert.match(await page.textContent('dialog.confirm'), /Delete signed-receipt\.pdf\?/);
    await page.click('dialog.confirm button[value=cancel]');
    await page.waitForSelector('dialog.confirm', { state: 'detached' });
    assert.equal(await row.count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Delete signed-receipt.pdf');

    await row.locator('button', { hasText: 'Delete' }).click();
    await page.click('dialog.confirm button[value=ok]');
    await row.waitFor({ state: 'detached' });
    const afterDelete = await stack.apiGet(`/disputes/${d.id}/documents`);
    assert.equal(afterDelete.total, before);
    assert.ok(!afterDelete.data.some((x) => x.filename === 'signed-receipt.pdf'));
    assert.deepEqual(events.dialogs, [], 'the confirmation is an in-page <dialog>, not window.confirm');
    assert.deepEqual(events.errors, []);
    await page.close();
  });

  it('accepts a file dropped on the drop zone', async () => {
    const d = await firstOpenDispute();
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    await page.selectOption('form.upload select', 'cardholder_details');
    await page.evaluate((bytes) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], 'dropped photo.png', { type: 'image/png' }));
      const zone = document.getElementById('dropzone');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, [...PNG]);
    assert.match(await page.textContent('.chosen'), /dropped photo\.png/);
    await page.click('form.upload button[type=submit]');
    await page.waitForSelector('.progress-row[data-state=done]');
    const row = page.locator('#documents-table tbody tr', { hasText: 'dropped photo.png' });
    await row.waitFor();
    assert.match(await row.textContent(), /Cardholder details/);
    const href = await row.locator('a.doc-link').getAttribute('href');
    assert.ok(Buffer.from(await (await fetch(href)).arrayBuffer()).equals(PNG));
    await page.close();
  });

  it('shows validation errors at the field and sends nothing for a too large, a disguised and an empty file', async () => {
    const d = await firstOpenDispute();
    const { page } = await newPage(stack);
    await open(page, `#/disputes/${d.id}`);
    await stack.control('DELETE', 'requests');

    const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
    big.write('%PDF-1.4\n', 0, 'latin1');
    const exe = Buffer.alloc(4096, 0);
    exe.write('MZ', 0, 'latin1');
    exe.write('This program cannot be run in DOS mode.', 78, 'latin1');
    const cases = [
      { name: 'huge.pdf', buffer: big, code: 'file_too_large', text: /larger than 10 MB/ },
      { name: 'invoice.pdf', buffer: exe, code: 'unsupported_file_type', text: /not a PDF, PNG or JPEG/ },
      { name: 'empty.pdf', buffer: Buffer.alloc(0), code: 'empty_file', text: /empty/ },
    ];
    for (const c of cases) {
      await page.setInputFiles('form.upload input[type=file]', { name: c.name, mimeType: 'application/pdf', buffer: c.buffer });
      await page.click('form.upload button[type=submit]');
      await page.waitForFunction((code) => document.querySelector('form.upload .field-error')?.dataset.code === code
        && document.querySelector('form.upload .field-error').textContent !== '', c.code);
      assert.match(await page.textContent('form.upload .field-error'), c.text, c.name);
      assert.equal(await page.getAttribute('form.upload input[type=file]', 'aria-invalid'), 'true');
      const describedBy = await page.getAttribute('form.upload input[type=file]', 'aria-describedby');
      const errId = await page.getAttribute('form.upload .field-error', 'id');
      assert.ok(describedBy.split(' ').includes(errId), 'the error is tied to the field');
      assert.equal(await page.evaluate(() => document.activeElement?.type), 'file', 'focus returns to the field');
      assert.ok(await page.isHidden('.progress-row'));
      if (c.code === 'file_too_large') await shot(page, '05-upload-too-large');
      // Clear the code so the next case waits for its own.
      await page.evaluate(() => { delete document.querySelector('form.upload .field-error').dataset.code; });
    }
    const log = await stack.control('GET', 'requests');
    const posts = log.filter((e) => e.method === 'POST' || e.path.includes('/documents'));
    assert.deepEqual(posts, [], 'no request to the documents endpoint');
    await page.close();
  });
});

describe('hostile server text', () => {
  it('renders the XSS probe literally in a message and in metadata, running nothing', async () => {
    const pending = (await stack.apiGet('/disputes/pending?limit=100')).data.find((x) => x.message === XSS);
    const openOne = (await stack.apiGet('/disputes/open?limit=100')).data.find((x) => JSON.stringify(x.metadata).includes(XSS));
    assert.ok(pending && openOne, 'the emulator seeds both probes');
    const { page, events } = await newPage(stack);

    await open(page, `#/disputes/${pending.id}`);
    assert.equal(await page.textContent('.details-row[data-field=message] dd'), XSS);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0, 'no <img> injected');
    await shot(page, '06-xss-literal');

    await open(page, `#/disputes/${openOne.id}`);
    const cells = await page.$$eval('section[aria-labelledby=meta-h] td', (tds) => tds.map((t) => t.textContent));
    assert.ok(cells.includes(XSS), 'metadata value shown as text');
    const inputs = await page.$$eval('.meta-val', (is) => is.map((i) => i.value));
    assert.ok(inputs.includes(XSS), 'and as the editable value');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    await page.waitForTimeout(300);
    assert.deepEqual(events.dialogs, [], 'no alert fired');
    assert.deepEqual(events.errors, []);
    await page.close();
  });
});

describe('transactions', () => {
  it('lists transactions with direction, key, amount and dates, with paging', async () => {
    const { page, events } = await newPage(stack);
    await open(page);
    await page.click('nav[aria-label=Main] a[href="#/transactions"]');
    await page.waitForFunction(() => location.hash === '#/transactions');
    await page.waitForSelector('h1:text("Transactions")');
    await settled(page);
    assert.equal(await page.getAttribute('nav[aria-label=Main] a[href="#/transactions"]', 'aria-current'), 'page');

    const expected = await stack.apiGet('/transactions?limit=20&order=reverse_chronological');
    const rows = await rowTexts(page);
    assert.equal(rows.length, 20);
    assert.deepEqual(rows.map((r) => r[0]), expected.data.map((t) => t.id));
    for (const [i, t] of expected.data.entries()) {
      assert.match(rows[i][1], t.direction === 'credit' ? /Credit/ : /Debit/);
      assert.equal(rows[i][2], t.key);
      assert.equal(rows[i][3], money(t.amount, t.currency));
    }
    assert.match(await page.textContent('.pager-info'), new RegExp(`of ${expected.total}`));
    await shot(page, '08-transactions');

    await page.click('.pager a[rel=next]');
    await page.waitForFunction(() => /Page 2 of/.test(document.querySelector('.pager-info')?.textContent || ''));
    await settled(page);
    const expected2 = await stack.apiGet('/transactions?limit=20&offset=20&order=reverse_chronological');
    assert.deepEqual((await rowTexts(page)).map((r) => r[0]), expected2.data.map((t) => t.id));
    assert.deepEqual(events.errors, []);
    await page.close();
  });
});
