// Time from navigation to the first list on the demo dashboard in headless Chromium,
// with a cold cache (a fresh browser context each time) and a warm one (a reload in the
// same context, where the server answers 304s). The moment is taken in the page: a
// MutationObserver installed before any script notes performance.now() when the first
// row of the disputes table appears. Usage: node demo-load.mjs --demo DEMO_URL [--n 10]
import { chromium } from 'playwright-core';
import { summary, writeResult, arg, log } from './lib.mjs';

const demo = arg('demo');
const N = Number(arg('n', 10));

function firstRowTime() {
  const seen = () => document.querySelector('table.data tbody tr');
  new MutationObserver((_, obs) => {
    if (seen()) { window.__firstList = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const cold = [];
const warm = [];
try {
  for (let i = -1; i < N; i++) {
    const context = await browser.newContext();
    await context.addInitScript(firstRowTime);
    const page = await context.newPage();
    for (const bucket of [cold, warm]) {
      if (bucket === cold) await page.goto(demo);
      else await page.reload();
      await page.waitForFunction(() => window.__firstList !== undefined, null, { timeout: 30000 });
      const t = await page.evaluate(() => window.__firstList);
      if (i >= 0) bucket.push(t);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
const stats = { cold: summary(cold), warm: summary(warm) };
log(`demo: navigation to first list, median cold ${stats.cold.median.toFixed(0)} ms, warm ${stats.warm.median.toFixed(0)} ms`);
writeResult('demo-load', { n: N, stats });
