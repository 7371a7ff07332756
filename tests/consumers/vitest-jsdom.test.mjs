// Consumer: a Vitest suite in the jsdom environment that tests server code. jsdom runs in
// Node, so the library treats it as Node: the secret key is taken with no flag and the
// module loads with no init step (README: "Browser or server").
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { projectWith, run, requireEnv, emulatorGet, EMU, KEY } from './helpers.mjs';

const SUITE = `// @vitest-environment jsdom
import { test, expect } from 'vitest';
import { Omise } from 'omise-wasm';

test('server code lists disputes under jsdom', async () => {
  expect(typeof document).toBe('object');
  const omise = new Omise({ secretKey: process.env.KEY, baseUrl: process.env.EMU });
  const list = await omise.disputes.list({ limit: 5 });
  console.log('IDS ' + JSON.stringify(list.data.map((d) => d.id)));
  await expect(omise.disputes.retrieve('dspt_test_0nosuchdispute000000')).rejects.toMatchObject({ name: 'OmiseApiError', code: 'not_found', status: 404 });
});
`;

let dir;
before(async () => {
  requireEnv();
  dir = await projectWith('consumer-vitest', ['vitest', 'jsdom'], { 'disputes.test.js': SUITE }, { type: 'module' });
});

test('vitest run --environment jsdom: server code takes a key and lists disputes', async () => {
  const { stdout } = await run(join(dir, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=verbose'], {
    cwd: dir, env: { ...process.env, EMU, KEY, CI: '1', NO_COLOR: '1' },
  });
  assert.match(stdout, /1 passed/);
  const ids = JSON.parse(stdout.match(/IDS (\[.*\])/)[1]);
  const expected = await emulatorGet('/disputes?limit=5');
  assert.deepEqual(ids, expected.data.map((d) => d.id));
});
