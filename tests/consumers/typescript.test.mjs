// Consumer 4: TypeScript users. tests/consumers/typescript/usage.ts (every call of API.md)
// must compile with `tsc --strict --noEmit`, both as a Node project (module nodenext: the
// package's node types) and as a bundler project (moduleResolution bundler: its browser
// types); cjs.cts checks the CommonJS types; errors.ts must fail with exactly the errors
// marked `@expect` on its lines.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile, readdir } from 'node:fs/promises';
import { freshProject, run, requireEnv, REPO } from './helpers.mjs';

const TSC = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
const FIXTURES = join(REPO, 'tests', 'consumers', 'typescript');

const base = { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable', 'dom.asynciterable'] };
const configs = {
  // A Node project; @types/node from the workspace stands in for the user's own.
  'tsconfig.node.json': {
    compilerOptions: { ...base, module: 'nodenext', moduleResolution: 'nodenext', types: ['node'], typeRoots: [join(REPO, 'node_modules', '@types')] },
    files: ['usage.ts', 'cjs.cts'],
  },
  'tsconfig.bundler.json': {
    compilerOptions: { ...base, module: 'preserve', moduleResolution: 'bundler', types: [] },
    files: ['usage.ts'],
  },
  'tsconfig.errors.node.json': {
    compilerOptions: { ...base, module: 'nodenext', moduleResolution: 'nodenext', types: [] },
    files: ['errors.ts'],
  },
  'tsconfig.errors.bundler.json': {
    compilerOptions: { ...base, module: 'preserve', moduleResolution: 'bundler', types: [] },
    files: ['errors.ts'],
  },
};

let dir;
before(async () => {
  requireEnv();
  const files = {};
  for (const name of await readdir(FIXTURES)) files[name] = await readFile(join(FIXTURES, name), 'utf8');
  for (const [name, cfg] of Object.entries(configs)) files[name] = JSON.stringify(cfg, null, 2);
  dir = await freshProject('consumer-ts', files);
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  await import('node:fs/promises').then((fs) =>
    fs.writeFile(join(dir, 'package.json'), JSON.stringify({ ...pkg, type: 'module' }, null, 2)));
});

/** Runs tsc; returns { code, diagnostics: [{ file, line, code, message }] }. */
async function tsc(config) {
  let stdout = '';
  let code = 0;
  try {
    ({ stdout } = await run(process.execPath, [TSC, '-p', config, '--strict', '--noEmit', '--pretty', 'false'], { cwd: dir }));
  } catch (e) {
    code = 1;
    stdout = e.message;
  }
  const diagnostics = [...stdout.matchAll(/^(\S+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)]
    .map(([, file, line, tsCode, message]) => ({ file, line: Number(line), code: tsCode, message }));
  return { code, diagnostics, stdout };
}

for (const config of ['tsconfig.node.json', 'tsconfig.bundler.json']) {
  test(`every call of API.md type-checks with tsc --strict (${config})`, async () => {
    const { code, stdout } = await tsc(config);
    assert.equal(code, 0, `tsc reported errors:\n${stdout}`);
  });
}

for (const config of ['tsconfig.errors.node.json', 'tsconfig.errors.bundler.json']) {
  test(`deliberate type errors are reported, each on its line (${config})`, async () => {
    const source = await readFile(join(FIXTURES, 'errors.ts'), 'utf8');
    const expected = source.split('\n').flatMap((text, i) => {
      const m = text.match(/@expect (TS\d+)/);
      return m ? [`errors.ts:${i + 1} ${m[1]}`] : [];
    });
    assert.ok(expected.length >= 10);
    const { code, diagnostics, stdout } = await tsc(config);
    assert.equal(code, 1, 'errors.ts must not compile');
    const got = diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`);
    assert.deepEqual(got.sort(), expected.sort(), `tsc output:\n${stdout}`);
    // The three mistakes a reviewer looks for, by message as well as by line.
    assert.match(stdout, /Property 'stauts' does not exist on type 'Dispute'/);
    assert.match(stdout, /Type '"newest"' is not assignable to type '"chronological" \| "reverse_chronological"/);
    assert.match(stdout, /Property 'message' is missing in type .* but required in type 'UpdateDisputeParams'/);
  });
}
