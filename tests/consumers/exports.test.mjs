// The exports map, resolved as each runtime resolves it: the first matching condition
// wins, so `workerd` and `edge-light` must come before `browser`, and `browser` before
// `node` (Next.js client bundles set both). Node's --conditions stands in for each
// runtime's own condition, on the installed tarball.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { freshProject, run, requireEnv } from './helpers.mjs';

let dir;
before(async () => {
  requireEnv();
  dir = await freshProject('consumer-exports');
});

async function resolved(conditions, how = 'import') {
  const code = how === 'import'
    ? "console.log(import.meta.resolve('omise-wasm'))"
    : "console.log(require.resolve('omise-wasm'))";
  const args = [...conditions.map((c) => `--conditions=${c}`),
    ...(how === 'import' ? ['--input-type=module'] : []), '-e', code];
  const { stdout } = await run(process.execPath, args, { cwd: dir });
  return stdout.trim().split('/node_modules/omise-wasm/')[1];
}

test('each runtime condition picks its own entry', async () => {
  assert.equal(await resolved([]), 'node/index.mjs');
  assert.equal(await resolved([], 'require'), 'node/omise_wasm.cjs');
  assert.equal(await resolved(['workerd']), 'workerd/index.js');
  assert.equal(await resolved(['workerd', 'browser']), 'workerd/index.js');
  assert.equal(await resolved(['edge-light']), 'edge/index.js');
  assert.equal(await resolved(['edge-light', 'browser']), 'edge/index.js');
  assert.equal(await resolved(['browser']), 'web/index.js');
  assert.equal(await resolved(['browser'], 'require'), 'web/index.js');
});

test('the tarball holds one copy of the .wasm', async () => {
  const { stdout } = await run('find', ['node_modules/omise-wasm', '-name', '*.wasm'], { cwd: dir });
  assert.deepEqual(stdout.trim().split('\n'), ['node_modules/omise-wasm/web/omise_wasm_bg.wasm']);
});
