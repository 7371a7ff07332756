// Consumer 5: the error classes as a user meets them, from the packed tarball. Every
// entry (Node `require`, Node `import`, the browser build) exports OmiseError and its four
// subclasses, and what the library rejects with is an instance of those very classes;
// `JSON.stringify` shows name, message and fields; a network error keeps the platform's
// error as `cause`; a stack starts at the caller's call; no form holds the secret key.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { freshProject, run, requireEnv, EMU, KEY } from './helpers.mjs';

// Runs in the fresh project with the emulator's URL and key in its environment.
const MAIN = `
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as esm from 'omise-wasm';
const cjs = createRequire(import.meta.url)('omise-wasm');
// The browser build, loaded by its path (Node resolves the package to its Node build).
const web = await import(new URL('./node_modules/omise-wasm/web/omise_wasm.js', import.meta.url));
web.initSync({ module: readFileSync(new URL('./node_modules/omise-wasm/web/omise_wasm_bg.wasm', import.meta.url)) });

const names = ['OmiseError', 'OmiseValidationError', 'OmiseApiError', 'OmiseNetworkError', 'OmiseTimeoutError'];
const out = { classes: {}, errors: {} };
for (const [entry, m] of Object.entries({ esm, cjs, web })) {
  out.classes[entry] = names.every((n) => typeof m[n] === 'function')
    && names.slice(1).every((n) => m[n].prototype instanceof m.OmiseError)
    && m.OmiseError.prototype instanceof Error;
}
out.sameAcrossRequireAndImport = names.every((n) => esm[n] === cjs[n]);

function describe(e, m) {
  return {
    classes: names.filter((n) => e instanceof m[n]),
    isError: e instanceof Error,
    name: e.name, code: e.code, param: e.param, status: e.status, location: e.location,
    json: JSON.parse(JSON.stringify(e)),
    causeIsError: e.cause instanceof Error,
    firstFrame: String(e.stack).split('\\n')[1] ?? '',
    text: [String(e), e.message, e.stack, JSON.stringify(e), String(e.cause)].join('\\n'),
  };
}

// Thrown synchronously by the constructor, in each entry.
function makeClient(m) { return new m.Omise({ secretKey: process.env.KEY, timeoutMs: -1 }); }
for (const [entry, m] of Object.entries({ esm, cjs, web })) {
  try { makeClient(m); } catch (e) { out.errors['validation-' + entry] = describe(e, m); }
}

const omise = new esm.Omise({ secretKey: process.env.KEY, baseUrl: process.env.EMU, maxRetries: 0 });
await omise.disputes.retrieve('dspt_test_0000000000000000000').catch((e) => { out.errors.api = describe(e, esm); });
const refused = new esm.Omise({ secretKey: process.env.KEY, baseUrl: 'http://127.0.0.1:1', maxRetries: 0 });
await refused.transactions.list().catch((e) => { out.errors.network = describe(e, cjs); });
console.log(JSON.stringify(out));
`;

let out;
before(async () => {
  requireEnv();
  const dir = await freshProject('consumer-errors', { 'index.mjs': MAIN });
  const { stdout } = await run(process.execPath, ['index.mjs'], { cwd: dir, env: { ...process.env, EMU, KEY } });
  out = JSON.parse(stdout);
});

test('every entry exports OmiseError and its four subclasses, one set of classes for require and import', () => {
  assert.deepEqual(out.classes, { esm: true, cjs: true, web: true });
  assert.equal(out.sameAcrossRequireAndImport, true);
});

test('a validation error is an instance of the classes its entry exports, with a stack from the caller', () => {
  for (const entry of ['esm', 'cjs', 'web']) {
    const e = out.errors[`validation-${entry}`];
    assert.deepEqual(e.classes, ['OmiseError', 'OmiseValidationError'], entry);
    assert.equal(e.isError, true);
    assert.deepEqual(e.json, {
      name: 'OmiseValidationError',
      message: 'timeoutMs must be an integer number of milliseconds from 1 to 600000',
      code: 'invalid_timeout',
      param: 'timeoutMs',
    });
    assert.match(e.firstFrame, /at makeClient \(.*index\.mjs:\d+:\d+\)/, `${entry}: the stack starts at the caller`);
  }
});

test('an API error and a network error are instances of their classes, with their fields and cause', () => {
  const api = out.errors.api;
  assert.deepEqual(api.classes, ['OmiseError', 'OmiseApiError']);
  assert.equal(api.status, 404);
  assert.equal(api.code, 'not_found');
  assert.deepEqual(Object.keys(api.json), ['name', 'message', 'status', 'code', 'location', 'attempts']);
  assert.equal(api.json.name, 'OmiseApiError');
  const net = out.errors.network;
  assert.deepEqual(net.classes, ['OmiseError', 'OmiseNetworkError']);
  assert.equal(net.code, 'network');
  assert.equal(net.causeIsError, true, "cause is the platform's fetch error");
  assert.deepEqual(Object.keys(net.json), ['name', 'message', 'code', 'attempts']);
});

test('no form of any error holds the secret key', () => {
  const b64 = Buffer.from(`${KEY}:`).toString('base64');
  for (const [what, e] of Object.entries(out.errors)) {
    assert.ok(!e.text.includes(KEY) && !e.text.includes(b64), what);
  }
});
