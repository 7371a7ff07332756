// Consumer: browser code that only does `import { Omise } from 'omise-wasm'` (no init
// step, no plugin, no setting, no copied file), built by Vite and by webpack 5 with their
// defaults, and loaded as a plain <script type="module"> through an import map; each page
// lists disputes through the merchant's proxy, uploads a PDF with progress, sees a secret
// key refused and gets a typed 404, in headless Chromium and Firefox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile, mkdir, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectWith, run, requireEnv, EMU } from './helpers.mjs';
import { pageServer, resultFromBrowser, assertPageChecks, BROWSERS, PAGE_CHECKS } from './browsers.mjs';

const MAIN = `import { Omise } from 'omise-wasm';
import { checks, report } from './checks.js';

report(() => checks(Omise, new URLSearchParams(location.search).get('api')));
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
  // No bundler: the package's files served as they are, named by an import map.
  async 'import map'() {
    const root = join(dir, 'dist-plain');
    await mkdir(root, { recursive: true });
    await cp(join(dir, 'node_modules', 'omise-wasm'), join(root, 'omise-wasm'), { recursive: true });
    await cp(join(dir, 'src'), join(root, 'src'), { recursive: true });
    await writeFile(join(root, 'index.html'), html(
      '<script type="importmap">{ "imports": { "omise-wasm": "/omise-wasm/web/index.js" } }</script>',
      '<script type="module" src="/src/index.js"></script>'));
    return root;
  },
};

for (const [name, build] of Object.entries(BUILDS)) {
  test(`${name}: the page works without init()`, async (t) => {
    const root = await build();
    t.diagnostic(`${name}: ${await sizes(root)}`);
    const server = await pageServer({ root });
    servers.push(server);
    for (const browser of BROWSERS) {
      await t.test(browser, async () => {
        const result = await resultFromBrowser(browser, server, `${server.origin}/?api=${encodeURIComponent(EMU)}`);
        await assertPageChecks(result);
      });
    }
  });
}
