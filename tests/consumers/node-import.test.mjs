// Consumer 2: an ES module Node project ("type": "module") that does
// `import { Omise } from 'omise-wasm'`, and isomorphic code with `import init, { Omise }`.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFile, readFile } from 'node:fs/promises';
import { freshProject, run, requireEnv, assertDisputeList, EMU, KEY } from './helpers.mjs';

const MAIN = `
import { Omise } from 'omise-wasm';
import init, { Omise as IsomorphicOmise, initSync } from 'omise-wasm';
import { createRequire } from 'node:module';

await init(); // a no-op in Node, so code shared with the browser runs unchanged
initSync();
const require = createRequire(import.meta.url);

const omise = new Omise({ secretKey: process.env.KEY, baseUrl: process.env.EMU });
const list = await omise.disputes.list({ limit: 3, order: 'reverse_chronological' });
const ids = [];
for await (const t of omise.transactions.iterate({ limit: 2 })) {
  ids.push(t.id);
  if (ids.length === 5) break;
}
console.log(JSON.stringify({
  resolved: import.meta.resolve('omise-wasm'),
  sameClass: IsomorphicOmise === Omise && require('omise-wasm').Omise === Omise,
  list, ids,
}));
`;

let dir;
before(async () => {
  requireEnv();
  dir = await freshProject('consumer-esm', { 'index.js': MAIN });
  const pkgPath = join(dir, 'package.json');
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8'));
  await writeFile(pkgPath, JSON.stringify({ ...pkg, type: 'module' }, null, 2));
});

test('import { Omise } from "omise-wasm" lists disputes from the emulator', async () => {
  const { stdout } = await run(process.execPath, ['index.js'], {
    cwd: dir, env: { ...process.env, EMU, KEY },
  });
  const out = JSON.parse(stdout);
  assert.ok(out.resolved.endsWith('/node_modules/omise-wasm/node/index.mjs'), out.resolved);
  assert.equal(out.sameClass, true, 'import and require share one module instance');
  assertDisputeList(out.list);
  assert.equal(out.list.order, 'reverse_chronological');
  assert.equal(out.list.data.length, 3);
  assert.equal(out.ids.length, 5);
  for (const id of out.ids) assert.match(id, /^trxn_[0-9a-z_]+$/);
  assert.equal(new Set(out.ids).size, 5, 'iterate moves on to the next page');
});
