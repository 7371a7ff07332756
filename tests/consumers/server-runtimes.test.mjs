// Consumer: one server program (list disputes with the secret key, upload a PDF, a typed
// 404) run in every server runtime and server bundle a merchant's code may use: Node 22
// (Node 20 runs the node-import and node-require consumers), Deno (`deno run`), Bun
// (`bun run`, and `bun build` for Bun and for Node), esbuild `--bundle --platform=node`
// (ES module and CommonJS, as for AWS Lambda, SST or CDK) and Rollup with its usual
// node-resolve and commonjs plugins. Each bundle runs from a directory of its own, with
// no node_modules beside it: a bundle that still looked for a file would fail there.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectWith, run, requireEnv, emulatorGet, REPO, EMU, KEY } from './helpers.mjs';

const BIN = (name) => join(REPO, 'node_modules', '.bin', name);
const NODE22 = join(REPO, 'tests', 'consumers', 'node22', 'node_modules', '.bin', 'node');

const PROGRAM = (imports) => `${imports}
const omise = new Omise({ secretKey: process.env.KEY, baseUrl: process.env.EMU });
const list = await omise.disputes.list({ limit: 5 });
const open = await omise.disputes.listOpen({ limit: 1 });
const pdf = await readFile(process.env.PDF);
const doc = await omise.documents.upload(open.data[0].id, new Uint8Array(pdf), { kind: 'proof_of_receipt', filename: 'delivery.pdf' });
let notFound;
try {
  await omise.disputes.retrieve('dspt_test_0nosuchdispute000000');
} catch (e) {
  notFound = { isError: e instanceof Error, name: e.name, code: e.code, status: e.status };
}
await init(); // harmless: code written against the first version still runs
console.log(JSON.stringify({ ids: list.data.map((d) => d.id), total: list.total,
  doc: { object: doc.object, filename: doc.filename }, notFound }));
`;

const FILES = {
  'main.mjs': PROGRAM("import init, { Omise } from 'omise-wasm';\nimport { readFile } from 'node:fs/promises';"),
  'main.cjs': `const { Omise } = require('omise-wasm');\nconst { readFile } = require('node:fs/promises');\nconst init = async () => {};\n(async () => {\n${
    PROGRAM('')}})().catch((e) => { console.error(e); process.exit(1); });\n`,
  'rollup.config.mjs': `import resolve from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
export default {
  input: 'main.mjs',
  output: { file: 'dist/rollup.mjs', format: 'es', inlineDynamicImports: true },
  external: [/^node:/],
  plugins: [resolve({ exportConditions: ['node'], preferBuiltins: true }), commonjs()],
};
`,
};

let dir, expected;
before(async () => {
  requireEnv();
  dir = await projectWith('consumer-server', ['esbuild', 'rollup', '@rollup/plugin-node-resolve', '@rollup/plugin-commonjs'],
    FILES, { type: 'module' });
  expected = await emulatorGet('/disputes?limit=5');
});

const env = () => ({ ...process.env, EMU, KEY, PDF: join(REPO, 'tests', 'data', 'delivery.pdf') });

/** Runs `cmd args` in `cwd` and checks what the program printed. */
async function runsAgainstEmulator(cmd, args, cwd = dir) {
  const { stdout } = await run(cmd, args, { cwd, env: env() });
  const out = JSON.parse(stdout.trim().split('\n').at(-1));
  assert.deepEqual(out.ids, expected.data.map((d) => d.id));
  assert.equal(out.total, expected.total);
  assert.deepEqual(out.doc, { object: 'document', filename: 'delivery.pdf' });
  assert.deepEqual(out.notFound, { isError: true, name: 'OmiseApiError', code: 'not_found', status: 404 });
}

/** Copies a bundle into an empty directory (no node_modules, no .wasm) and returns its path there. */
async function alone(file) {
  const empty = await mkdtemp(join(dir, '..', 'bundle-only-'));
  const to = join(empty, file.split('/').at(-1));
  await copyFile(join(dir, file), to);
  return to;
}

test('Node 22 runs import and require', async () => {
  await runsAgainstEmulator(NODE22, ['main.mjs']);
  await runsAgainstEmulator(NODE22, ['main.cjs']);
});

test('deno run', async () => {
  await runsAgainstEmulator(BIN('deno'), ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', 'main.mjs']);
});

test('bun run (import and require)', async () => {
  await runsAgainstEmulator(BIN('bun'), ['run', 'main.mjs']);
  await runsAgainstEmulator(BIN('bun'), ['run', 'main.cjs']);
});

test('bun build --target bun and --target node, run from another directory', async (t) => {
  await run(BIN('bun'), ['build', 'main.mjs', '--target', 'bun', '--outfile', 'dist/bun.js'], { cwd: dir });
  await runsAgainstEmulator(BIN('bun'), [await alone('dist/bun.js')]);
  await run(BIN('bun'), ['build', 'main.mjs', '--target', 'node', '--outfile', 'dist/bun-node.mjs'], { cwd: dir });
  await runsAgainstEmulator(process.execPath, [await alone('dist/bun-node.mjs')]);
  t.diagnostic(`bun build --target node: ${(await readFile(join(dir, 'dist/bun-node.mjs'))).length} bytes`);
});

test('esbuild --bundle --platform=node (ES module and CommonJS), run from another directory', async (t) => {
  const esbuild = join(dir, 'node_modules', '.bin', 'esbuild');
  await run(esbuild, ['main.mjs', '--bundle', '--platform=node', '--format=esm', '--outfile=dist/esbuild.mjs', '--log-level=warning'], { cwd: dir });
  await runsAgainstEmulator(process.execPath, [await alone('dist/esbuild.mjs')]);
  await run(esbuild, ['main.cjs', '--bundle', '--platform=node', '--outfile=dist/esbuild.cjs', '--log-level=warning'], { cwd: dir });
  await runsAgainstEmulator(process.execPath, [await alone('dist/esbuild.cjs')]);
  t.diagnostic(`esbuild ESM bundle: ${(await readFile(join(dir, 'dist/esbuild.mjs'))).length} bytes`);
});

test('rollup with node-resolve and commonjs, run from another directory', async () => {
  await run(join(dir, 'node_modules', '.bin', 'rollup'), ['-c', '--silent'], { cwd: dir });
  await runsAgainstEmulator(process.execPath, [await alone('dist/rollup.mjs')]);
});
