// Consumer 1: a CommonJS Node project that does `require('omise-wasm')`, no init step.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freshProject, run, requireEnv, assertDisputeList, EMU, KEY } from './helpers.mjs';

const MAIN = `
const { Omise } = require('omise-wasm');
const pkg = require('omise-wasm/package.json');

async function main() {
  const omise = new Omise({ secretKey: process.env.KEY, baseUrl: process.env.EMU });
  const list = await omise.disputes.list({ limit: 5 });
  let notFound;
  try {
    await omise.disputes.retrieve('dspt_test_0nosuchdispute000000');
  } catch (e) {
    notFound = { isError: e instanceof Error, name: e.name, code: e.code, status: e.status };
  }
  let invalid;
  try {
    await omise.disputes.list({ limit: 0 });
  } catch (e) {
    invalid = { name: e.name, code: e.code, param: e.param };
  }
  console.log(JSON.stringify({
    version: pkg.version,
    resolved: require.resolve('omise-wasm'),
    printed: String(omise),
    list, notFound, invalid,
  }));
}
main().catch((e) => { console.error(e); process.exit(1); });
`;

let dir;
before(async () => {
  requireEnv();
  dir = await freshProject('consumer-cjs', { 'index.js': MAIN });
});

test('require("omise-wasm") lists disputes from the emulator', async () => {
  const { stdout } = await run(process.execPath, ['index.js'], {
    cwd: dir, env: { ...process.env, EMU, KEY },
  });
  const out = JSON.parse(stdout);
  assert.equal(out.version, '0.1.0');
  assert.equal(out.resolved, join(dir, 'node_modules', 'omise-wasm', 'node', 'omise_wasm.cjs'));
  assertDisputeList(out.list);
  assert.equal(out.list.limit, 5);
  assert.equal(out.list.data.length, 5);
  assert.ok(!out.printed.includes(KEY), 'printing the client never shows the key');
  assert.deepEqual(out.notFound, { isError: true, name: 'OmiseApiError', code: 'not_found', status: 404 });
  assert.equal(out.invalid.name, 'OmiseValidationError');
  assert.equal(out.invalid.code, 'invalid_limit');
});
