// Consumer: browser code that only does `import { Omise } from 'omise-wasm'` (no init
// step, no plugin, no setting, no copied file), built by Vite and by webpack 5 with their
// defaults, served by Vite's dev server, and loaded as a plain <script type="module">
// through an import map; each page lists disputes through the merchant's proxy, uploads
// a PDF with progress, sees a secret key refused and gets a typed 404, in headless
// Chromium and Firefox (the import-map page also in a module web worker).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile, mkdir, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectWith, run, requireEnv, emulatorGet, startServer, freePort, EMU } from './helpers.mjs';
import { pageServer, resultFromBrowser, assertPageChecks, BROWSERS, PAGE_CHECKS } from './browsers.mjs';

const MAIN = `import { Omise } from 'omise-wasm';
import { checks, report } from './checks.js';

report(() => checks(Omise, new URLSearchParams(location.search).get('api')));
`;
// The import-map page also starts a module web worker: a worker is a browser too (a
// secret key is refused there) and lists disputes through the proxy.
const PLAIN = `import { Omise } from 'omise-wasm';
import { checks, report } from './checks.js';

report(async () => {
  const result = await checks(Omise, new URLSearchParams(location.search).get('api'));
  result.worker = await new Promise((resolve, reject) => {
    const worker = new Worker('/src/worker.js', { type: 'module' });
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error('worker: ' + e.message));
  });
  return result;
});
`;
const WORKER = `import { Omise } from '/omise-wasm/web/index.js';

const result = {};
try {
  new Omise({ secretKey: 'skey_test_emulator', baseUrl: 'http://127.0.0.1:9' });
  result.refused = null;
} catch (e) {
  result.refused = { name: e.name, code: e.code };
}
const list = await new Omise({ baseUrl: '/omise' }).disputes.list({ limit: 5 });
result.ids = list.data.map((d) => d.id);
postMessage(result);
`;
const html = (head, script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>omise-wasm</title>${head}</head>
<body><main id="app"></main>${script}</body></html>
`;

let dir;
const servers = [];
before(async () => {
  requireEnv();
  dir = await projectWith('consumer-browser', ['vite', 'webpack'], {
    'src/index.js': MAIN,
    'src/checks.js': PAGE_CHECKS,
    'index.html': html('', '<script type="module" src="/src/index.js"></script>'),
    'webpack.mjs': "import webpack from 'webpack';\nwebpack({ mode: 'production' }, (err, stats) => {\n"
      + "  if (err || stats.hasErrors()) { console.error(err ?? stats.toString('errors-only')); process.exit(1); }\n});\n",
  }, { type: 'module' });
});
after(async () => { for (const s of servers) await s.close(); });

/** Sizes of what a page built from `root` downloads: .js and .wasm, raw and gzipped. */
async function sizes(root) {
  let raw = 0, gz = 0;
  const walk = async (d) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(d, e.name));
      else if (/\.(m?js|wasm)$/.test(e.name)) {
        const b = await readFile(join(d, e.name));
        raw += b.length; gz += gzipSync(b, { level: 9 }).length;
      }
    }
  };
  await walk(root);
  return `${raw} bytes, ${gz} gzipped`;
}

const BUILDS = {
  async vite() {
    await run(process.execPath, [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', 'dist-vite'], { cwd: dir });
    const assets = await readdir(join(dir, 'dist-vite', 'assets'));
    assert.ok(assets.some((f) => f.endsWith('.wasm')), `vite emitted no .wasm: ${assets}`);
    return join(dir, 'dist-vite');
  },
  async webpack() {
    await run(process.execPath, ['webpack.mjs'], { cwd: dir });
    await writeFile(join(dir, 'dist', 'index.html'), html('', '<script src="main.js"></script>'));
    const files = await readdir(join(dir, 'dist'));
    assert.ok(files.some((f) => f.endsWith('.wasm')), `webpack emitted no .wasm: ${files}`);
    return join(dir, 'dist');
  },
  // The dev server (esbuild pre-bundles the package into node_modules/.vite).
  async 'vite dev'() {
    const port = await freePort();
    const vite = await startServer(process.execPath, [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'),
      '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: dir, env: process.env, ready: `http://127.0.0.1:${port}/` });
    return { upstream: `http://127.0.0.1:${port}`, stop: vite.stop };
  },
  // No bundler: the package's files served as they are, named by an import map.
  async 'import map'() {
    const root = join(dir, 'dist-plain');
    await mkdir(root, { recursive: true });
    await cp(join(dir, 'node_modules', 'omise-wasm'), join(root, 'omise-wasm'), { recursive: true });
    await cp(join(dir, 'src'), join(root, 'src'), { recursive: true });
    await writeFile(join(root, 'src', 'plain.js'), PLAIN);
    await writeFile(join(root, 'src', 'worker.js'), WORKER);
    await writeFile(join(root, 'index.html'), html(
      '<script type="importmap">{ "imports": { "omise-wasm": "/omise-wasm/web/index.js" } }</script>',
      '<script type="module" src="/src/plain.js"></script>'));
    return root;
  },
};

for (const [name, build] of Object.entries(BUILDS)) {
  test(`${name}: the page works without init()`, async (t) => {
    const built = await build();
    if (typeof built === 'string') t.diagnostic(`${name}: ${await sizes(built)}`);
    const server = await pageServer(typeof built === 'string' ? { root: built } : { upstream: built.upstream });
    servers.push(server);
    if (built.stop) servers.push({ close: built.stop });
    for (const browser of BROWSERS) {
      await t.test(browser, async () => {
        const result = await resultFromBrowser(browser, server, `${server.origin}/?api=${encodeURIComponent(EMU)}`);
        await assertPageChecks(result);
        if (name === 'import map') {
          const expected = await emulatorGet('/disputes?limit=5');
          assert.deepEqual(result.worker, {
            refused: { name: 'OmiseValidationError', code: 'secret_key_in_browser' },
            ids: expected.data.map((d) => d.id),
          }, 'in a web worker');
        }
      });
    }
  });
}
