// Debian's firefox-esr, driven over WebDriver BiDi (its built-in remote agent) with
// Node's own WebSocket. playwright-core cannot drive it: its Juggler protocol needs
// Playwright's patched Firefox, and its BiDi path sends emulation.setMediaFeaturesOverride,
// which firefox-esr does not know. Nothing is downloaded; node needs --experimental-websocket
// (Node 20) or is >= 22.
//
// The page is worked through script evaluation in the page (clicks, files set through a
// DataTransfer, reads of the DOM): what runs is the real page, in the real browser.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';

// Quiet, deterministic, offline: no updates, telemetry, remote settings or first-run pages.
const PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'extensions.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'intl.accept_languages': 'en-US',
  'intl.locale.requested': 'en-US',
  'ui.prefersReducedMotion': 1,
};

/** Starts firefox-esr headless with a fresh profile; resolves with a small driver. */
export async function launchFirefox({ width = 1280, height = 900 } = {}) {
  if (!fs.existsSync(FIREFOX)) throw new Error(`firefox not found at ${FIREFOX}`);
  if (typeof WebSocket !== 'function') throw new Error('this node has no WebSocket: run it with --experimental-websocket');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-firefox-'));
  fs.writeFileSync(path.join(profile, 'user.js'),
    Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1', TZ: 'UTC' },
  });
  let stderr = '';
  const wsBase = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`firefox printed no BiDi address within 30 s: ${stderr}`)), 30000);
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderr += `${line}\n`;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(line);
      if (m) { clearTimeout(t); resolve(m[1]); }
    });
    child.once('exit', (code) => { clearTimeout(t); reject(new Error(`firefox exited (${code}): ${stderr}`)); });
  });

  const ws = new WebSocket(`${wsBase}/session`);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error('BiDi connection failed')); });
  let nextId = 1;
  const pending = new Map();
  const errors = [];
  ws.onmessage = (ev) => {
    const msg = JSON.parse(ev.data);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.type === 'error') reject(new Error(`${msg.error}: ${msg.message}`));
      else resolve(msg.result);
    } else if (msg.method === 'log.entryAdded' && msg.params.type === 'javascript' && msg.params.level === 'error') {
      errors.push(msg.params.text);
    }
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });

  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: false } } });
  await send('session.subscribe', { events: ['log.entryAdded'] });
  const tree = await send('browsingContext.getTree', {});
  const context = tree.contexts[0].context;
  await send('browsingContext.setViewport', { context, viewport: { width, height } });

  const driver = {
    /** JavaScript errors the page logged (uncaught exceptions, rejections). */
    errors,
    async setViewport(w, h) {
      await send('browsingContext.setViewport', { context, viewport: { width: w, height: h } });
    },
    async goto(url) {
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    async reload() {
      await send('browsingContext.reload', { context, wait: 'complete' });
    },
    /** Runs `fn(...args)` in the page and returns its JSON-able (awaited) result. */
    async eval(fn, ...args) {
      const expression = `(async () => JSON.stringify(await (${fn})(...${JSON.stringify(args)}) ?? null))()`;
      const r = await send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
      if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails.text}`);
      return JSON.parse(r.result.value);
    },
    /** Evaluates a script's source as it is (e.g. a library to inject). */
    async run(source) {
      const r = await send('script.evaluate', { expression: `${source};0`, target: { context }, awaitPromise: false });
      if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails.text}`);
    },
    /** Waits until `fn(...args)` is truthy in the page; returns its value. */
    async waitFor(fn, args = [], { timeout = 30000, what = String(fn) } = {}) {
      const end = Date.now() + timeout;
      for (;;) {
        const v = await driver.eval(fn, ...args).catch(() => null);
        if (v) return v;
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async screenshot(file) {
      const { data } = await send('browsingContext.captureScreenshot', { context, origin: 'document' });
      fs.writeFileSync(file, Buffer.from(data, 'base64'));
    },
    async close() {
      try { await send('session.end', {}); } catch { /* already gone */ }
      ws.close();
      await new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => { clearTimeout(t); resolve(); });
        child.kill('SIGTERM');
      });
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  return driver;
}
