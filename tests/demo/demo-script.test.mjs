// scripts/demo.sh (what `make demo` runs after bootstrap): prints the dashboard's URL
// first on stdout, serves the page, the library and the proxy, and Ctrl-C (SIGINT to
// its process group, as a terminal sends it) stops the emulator and the server too.
// Uses the builds already made (DEMO_SKIP_BUILD=1); scripts/demo-test.sh builds first.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { ROOT } from './harness.mjs';

async function refused(url) {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch (e) {
    return e.cause?.code === 'ECONNREFUSED';
  }
}

test('demo.sh prints the URL first, serves the dashboard, and Ctrl-C stops everything', async () => {
  const child = spawn('bash', [path.join(ROOT, 'scripts', 'demo.sh')], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEMO_SKIP_BUILD: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += c; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  try {
    const first = await new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no URL within 30 s: ${stderr}`)), 30000);
      createInterface({ input: child.stdout }).once('line', (l) => { clearTimeout(t); resolve(l); });
      exited.then(() => reject(new Error(`demo.sh exited: ${stderr}`)));
    });
    assert.match(first, /^http:\/\/127\.0\.0\.1:\d+\/$/, 'the first stdout line is the dashboard URL');

    const page = await fetch(first);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<main id="main"/);
    const lib = await fetch(new URL('/pkg/omise_wasm_bg.wasm', first));
    assert.equal(lib.headers.get('content-type'), 'application/wasm');
    const list = await fetch(new URL('/omise/disputes?limit=1', first));
    assert.equal(list.status, 200, 'the proxy authenticates to the emulator');
    assert.equal((await list.json()).object, 'list');
    const control = await fetch(new URL('/omise/__emulator/requests', first));
    assert.equal(control.status, 404, "the emulator's control API is not exposed");

    const emu = stderr.match(/emulator at (127\.0\.0\.1:\d+)/)?.[1];
    assert.ok(emu, `demo.sh names the emulator on stderr: ${stderr}`);
    process.kill(-child.pid, 'SIGINT');
    const { code } = await exited;
    assert.notEqual(code, 0, 'interrupted');
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(await refused(first), 'the demo server stopped');
    assert.ok(await refused(`http://${emu}/__emulator/health`), 'the emulator stopped');
  } finally {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});
