// docs/reference.md is the one page that names every call, option, error class and code.
// This test keeps it true to the package in pkg/ (run after `make build`): every name it
// lists exists (as a function on a client, an export, a declared type, an interface
// member, a member of a code union), and every option and code the declarations have is
// listed. Usage: node --test tests/docs/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const doc = fs.readFileSync(path.join(root, 'docs/reference.md'), 'utf8');
const pkg = path.join(root, 'pkg');
assert.ok(fs.existsSync(path.join(pkg, 'package.json')), 'pkg/ is missing: run make build first');

// The package as a user's code sees it: node_modules/omise-wasm in a scratch project, so
// that the exports map (node + require, node + import) picks the entries.
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'omise-wasm-reference-'));
fs.mkdirSync(path.join(project, 'node_modules'));
fs.symlinkSync(pkg, path.join(project, 'node_modules', 'omise-wasm'), 'dir');
fs.writeFileSync(path.join(project, 'esm.mjs'), "export * from 'omise-wasm';\n");
const cjs = createRequire(path.join(project, 'index.cjs'))('omise-wasm');
const esm = await import(pathToFileURL(path.join(project, 'esm.mjs')).href);
process.on('exit', () => fs.rmSync(project, { recursive: true, force: true }));

// Every declaration file of the package, as one text.
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
const dts = walk(pkg).filter((f) => /\.d\.[cm]?ts$/.test(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');

/** The lines of the doc section that starts with `heading` (up to the next heading). */
function section(heading) {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith('#') && l.includes(heading));
  assert.ok(start >= 0, `docs/reference.md has no heading with ${heading}`);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^#{1,6} /.test(l));
  return end < 0 ? rest : rest.slice(0, end);
}
/** The backticked first cell of every body row of the tables in a section. */
function firstColumn(heading) {
  return section(heading)
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.match(/^\| `([^`]+)`/)[1]);
}
/** The backticked names in the paragraph of a section that starts with `lead`. */
function listAfter(heading, lead) {
  const text = section(heading).join('\n');
  const at = text.indexOf(lead);
  assert.ok(at >= 0, `no "${lead}" under ${heading}`);
  const para = text.slice(at + lead.length).split('\n\n')[0];
  return [...para.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]);
}
/** The body of `interface NAME` or `class NAME` in the declarations. */
function declaration(name) {
  const m = dts.match(new RegExp(`(?:interface|class) ${name}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`));
  assert.ok(m, `the declarations have no interface or class ${name}`);
  return m[1];
}
/** The property names an interface or class declares. */
function members(name) {
  return [...declaration(name).matchAll(/^\s+(?:readonly )?([A-Za-z]+)\??:/gm)].map((m) => m[1]);
}
/** The string literals of a union type alias. */
function union(name) {
  const m = dts.match(new RegExp(`type ${name}\\s*=([^;]*);`));
  assert.ok(m, `the declarations have no type ${name}`);
  return [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]);
}
const same = (listed, actual, what) => {
  assert.deepEqual([...new Set(listed)].sort(), [...new Set(actual)].sort(), `${what}: docs/reference.md and the package differ`);
};

test('every exported value it lists is exported by require and by import', () => {
  const values = listAfter('Loading', 'Exported values:');
  assert.ok(values.length >= 7, values.join());
  for (const name of values) {
    assert.equal(typeof cjs[name], 'function', `require('omise-wasm').${name}`);
    assert.equal(esm[name], cjs[name], `import { ${name} } is the same object as require's`);
  }
});

test('every exported type it lists is declared, and every declared export is listed', () => {
  const types = listAfter('Loading', 'Exported types:');
  assert.ok(types.length >= 15, types.join());
  for (const name of types) {
    assert.match(dts, new RegExp(`export (?:declare )?(?:interface|type|class) ${name}\\b`), `type ${name}`);
  }
  const declared = [...dts.matchAll(/^export (?:declare )?(?:interface|type|class|function|const) ([A-Za-z]+)/gm)].map((m) => m[1]);
  const listed = new Set([...types, ...listAfter('Loading', 'Exported values:')]);
  const missing = declared.filter((n) => !listed.has(n));
  const extra = [...listed].filter((n) => !declared.includes(n));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, "exported names the docs leave out (missing) or the package lacks (extra)");
});

test('every call it lists is a method of a client, and every method is listed', () => {
  const calls = section('## Calls').filter((l) => l.startsWith('| `omise.')).map((l) => l.match(/`omise\.(\w+)\.(\w+)\(/).slice(1));
  assert.equal(calls.length, 15);
  const omise = new cjs.Omise({ secretKey: 'skey_test_reference', baseUrl: 'http://127.0.0.1:9' });
  for (const [resource, method] of calls) {
    assert.equal(typeof omise[resource]?.[method], 'function', `omise.${resource}.${method}`);
  }
  for (const resource of ['disputes', 'documents', 'transactions']) {
    const proto = Object.getPrototypeOf(omise[resource]);
    const methods = Object.getOwnPropertyNames(proto).filter((k) => k !== 'constructor' && typeof proto[k] === 'function' && !k.startsWith('_') && k !== 'free' && k !== 'toJSON' && k !== 'toString');
    const listed = calls.filter(([r]) => r === resource).map(([, m]) => m);
    same(listed, methods, `omise.${resource}`);
  }
});

for (const [heading, iface] of [
  ['`OmiseOptions`', 'OmiseOptions'],
  ['`RequestOptions`', 'RequestOptions'],
  ['`ListParams`', 'ListParams'],
  ['`UpdateDisputeParams`', 'UpdateDisputeParams'],
  ['`UploadOptions`', 'UploadOptions'],
]) {
  test(`${iface}: the options it lists are those the declarations have`, () => {
    same(firstColumn(heading), members(iface), iface);
  });
}

test('every error class it lists is exported and an OmiseError', () => {
  const classes = firstColumn('## Errors').filter((n) => n !== 'AbortError');
  same(classes, ['OmiseValidationError', 'OmiseApiError', 'OmiseNetworkError', 'OmiseTimeoutError'], 'error classes');
  for (const name of classes) {
    assert.ok(cjs[name].prototype instanceof cjs.OmiseError, `${name} extends OmiseError`);
  }
  assert.ok(cjs.OmiseError.prototype instanceof Error, 'OmiseError extends Error');
});

test('the validation codes it lists are the OmiseValidationCode union', () => {
  same(firstColumn('`OmiseValidationError` codes'), union('OmiseValidationCode'), 'validation codes');
});

test('the network codes it lists are those OmiseNetworkError declares', () => {
  const code = declaration('OmiseNetworkError').match(/code\??:\s*([^;]*);/);
  assert.ok(code, 'OmiseNetworkError declares a code');
  const named = code[1].trim().match(/^[A-Z]\w*$/); // a type alias such as OmiseNetworkCode
  const declared = named ? union(named[0]) : [...code[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
  same(firstColumn('`OmiseNetworkError` codes'), declared, 'network codes');
});
