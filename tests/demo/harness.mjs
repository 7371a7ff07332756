// Starts a fresh emulator and demo server (each on 127.0.0.1 with a free port) and a
// headless Debian chromium through playwright-core; stops them again.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../support/server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = path.join(ROOT, 'test-output', 'demo');
export const KEY = 'skey_test_emulator';
export const XSS = '<img src=x onerror=alert(1)>';
export const PKG_DIR = path.resolve(ROOT, process.env.DEMO_PKG_DIR || 'pkg/web');
export const EMULATOR = path.resolve(ROOT, process.env.OMISE_EMULATOR || 'target/release/omise-emulator');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function startStack({ viewport = { width: 1280, height: 900 }, chromium: withChromium = true } = {}) {
  for (const [what, p] of [['emulator', EMULATOR], ['browser build of the library', path.join(PKG_DIR, 'omise_wasm.js')], ['chromium', CHROMIUM]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found at ${p}`);
  }
  // The key goes by environment, as make demo passes it (never on a command line).
  const emu = await startServer(EMULATOR, ['--host', '127.0.0.1', '--port', '0'], {
    env: { ...process.env, OMISE_EMULATOR_SECRET_KEY: KEY },
  });
  let srv;
  try {
    srv = await startServer(process.execPath, [path.join(ROOT, 'www', 'server.mjs'), '--api', emu.url, '--port', '0', '--pkg', PKG_DIR], {
      env: { ...process.env, OMISE_SECRET_KEY: KEY, DEMO_QUIET: '1' },
    });
  } catch (e) {
    await emu.stop();
    throw e;
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-chromium-'));
  let browser = null;
  if (withChromium) try {
    // A fresh profile each run (launchPersistentContext on a new temporary directory).
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      locale: 'en-US',
      timezoneId: 'UTC',
      viewport,
      acceptDownloads: true,
    });
  } catch (e) {
    await srv.stop(); await emu.stop();
    throw e;
  }
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const api = emu.url.replace(/\/$/, '');
  const auth = 'Basic ' + Buffer.from(KEY + ':').toString('base64');
  return {
    api,
    url: srv.url,
    server: srv.child,
    emulator: emu.child,
    context: browser,
    /** GET/POST… on the emulator's API with the key, from Node. */
    async apiGet(p) {
      const r = await fetch(api + p, { headers: { authorization: auth } });
      if (!r.ok) throw new Error(`GET ${p}: HTTP ${r.status}`);
      return r.json();
    },
    async control(method, p, body) {
      const r = await fetch(`${api}/__emulator/${p}`, {
        method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
      });
      if (!r.ok) throw new Error(`${method} /__emulator/${p}: HTTP ${r.status} ${await r.text()}`);
      return r.json();
    },
    async stop() {
      await browser?.close().catch(() => {});
      await Promise.all([srv.stop(), emu.stop()]);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new page that records JS dialogs (alert/confirm/prompt), page errors and console
 * errors, so tests can assert that nothing unexpected happened.
 */
export async function newPage(stack) {
  const page = await stack.context.newPage();
  const events = { dialogs: [], errors: [], requests: [] };
  page.on('dialog', (d) => { events.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => events.errors.push(e.message));
  page.on('request', (r) => events.requests.push({ method: r.method(), url: r.url(), headers: r.headers() }));
  return { page, events };
}

export function shot(page, name) {
  return page.screenshot({ path: path.join(OUT_DIR, `${name}.png`), fullPage: true });
}

/** A small valid PDF of about `size` bytes (padded with a comment stream). */
export function makePdf(size = 256 * 1024) {
  const head = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\n';
  const tail = 'trailer<</Root 1 0 R>>\n%%EOF\n';
  const pad = Math.max(0, size - head.length - tail.length);
  const buf = Buffer.alloc(head.length + pad + tail.length);
  buf.write(head, 0, 'latin1');
  // Comment lines ('%' … newline) of varied printable bytes.
  for (let i = 0; i < pad; i++) {
    const c = i % 64;
    buf[head.length + i] = c === 0 ? 37 : c === 63 ? 10 : 38 + ((i * 7919) % 80);
  }
  buf.write(tail, head.length + pad, 'latin1');
  return buf;
}

/** A 1x1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now (WCAG 2.x A and AA rules, and best practices). */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(`${AXE};0`);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

/** How far the page scrolls sideways (0 when nothing sticks out of the viewport). */
export function sidewaysOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
