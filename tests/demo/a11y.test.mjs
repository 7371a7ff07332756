// Phones and keyboards: axe-core finds nothing at 375 px and 1280 px on every view, the
// page never scrolls sideways at 320 and 375 px, the skip link works, focus is visible.

import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startStack, newPage, shot, axeViolations, sidewaysOverflow, PNG } from './harness.mjs';

/** The contrast ratio of an rgb() colour against white. */
function onWhite(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map(Number).map((c) => {
    const x = c / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

let stack;
before(async () => {
  stack = await startStack({ viewport: { width: 375, height: 800 } });
  await stack.control('POST', 'reset');
});
after(async () => { await stack?.stop(); });

async function open(page, hash) {
  await page.goto(stack.url + hash);
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]') && !document.querySelector('main .loading'));
}

async function views() {
  const open = (await stack.apiGet('/disputes/open?limit=5')).data.find((d) => !JSON.stringify(d.metadata).includes('<img'));
  const pending = (await stack.apiGet('/disputes/pending?limit=1')).data[0];
  return [
    ['list', '#/disputes'],
    ['open-list', '#/disputes?status=open'],
    ['open-dispute', `#/disputes/${open.id}`],
    ['pending-dispute', `#/disputes/${pending.id}`],
    ['transactions', '#/transactions'],
  ];
}

describe('phones and keyboards', () => {
  for (const width of [375, 1280]) {
    it(`axe-core finds no violation at ${width} px on any view`, async () => {
      const { page, events } = await newPage(stack);
      await page.setViewportSize({ width, height: 800 });
      for (const [name, hash] of await views()) {
        await open(page, hash);
        if (name === 'open-dispute') {
          // With a queue of one good and one refused file, and the developer panel open.
          await page.setInputFiles('form.upload input[type=file]', [
            { name: 'ok.png', mimeType: 'image/png', buffer: PNG },
            { name: 'bad.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') },
          ]);
          await page.waitForSelector('.queue-item[data-state=rejected]');
          await page.click('details.dev summary');
        }
        const v = await axeViolations(page);
        assert.deepEqual(v, [], `${name} at ${width} px: ${JSON.stringify(v, null, 1)}`);
        await shot(page, `a11y-${width}-${name}`);
      }
      // The confirmation dialogs too.
      const [, hash] = (await views())[2];
      await open(page, hash);
      await page.click('#accept-dispute');
      await page.waitForSelector('dialog[open]');
      assert.deepEqual(await axeViolations(page), [], `accept dialog at ${width} px`);
      await page.keyboard.press('Escape');
      // The check itself can fail: an unlabelled field is found.
      await page.evaluate(() => document.querySelector('main').append(Object.assign(document.createElement('input'), { type: 'text' })));
      assert.ok((await axeViolations(page)).some((x) => x.id === 'label'), 'axe reports an unlabelled field');
      assert.deepEqual(events.errors, []);
      await page.close();
    });
  }

  it('never scrolls sideways at 320 and 375 px', async () => {
    const { page } = await newPage(stack);
    for (const width of [320, 375]) {
      await page.setViewportSize({ width, height: 700 });
      for (const [name, hash] of await views()) {
        await open(page, hash);
        assert.equal(await sidewaysOverflow(page), 0, `${name} at ${width} px`);
      }
    }
    await page.close();
  });

  it('has a working skip link, and a focus ring and control borders of 3:1 or more', async () => {
    const { page } = await newPage(stack);
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page, '#/disputes?status=open');
    const hash = await page.evaluate(() => location.hash);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'focus moved to the content');
    assert.equal(await page.evaluate(() => location.hash), hash, 'the route did not change');
    assert.equal(await page.$('h1:text("Page not found")'), null);
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
    });
    assert.equal(ring.style, 'solid');
    assert.ok(ring.width >= 2, JSON.stringify(ring));
    assert.ok(onWhite(ring.color) >= 3, `focus ring contrast ${onWhite(ring.color).toFixed(2)}:1`);

    // Control borders (WCAG 1.4.11) on a dispute's forms.
    const d = (await stack.apiGet('/disputes/open?limit=1')).data[0];
    await open(page, `#/disputes/${d.id}`);
    const borders = await page.$$eval('textarea, select, input[type=text], .btn, .dropzone',
      (els) => els.map((e) => [e.className || e.tagName, getComputedStyle(e).borderTopColor]));
    assert.ok(borders.length >= 4);
    for (const [what, color] of borders) assert.ok(onWhite(color) >= 3, `${what} border ${color}: ${onWhite(color).toFixed(2)}:1`);
    await page.close();
  });
});
