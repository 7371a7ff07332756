// Consumer 4: TypeScript users, against the packed tarball. usage.ts (every call of
// API.md, written with no `!` and no cast) must compile and errors.ts (deliberate
// mistakes) must fail with exactly the errors marked `@expect` on its lines, under
// `strict` + `exactOptionalPropertyTypes` and `skipLibCheck: false`, with every
// TypeScript version from 5.0 to the current one (npm aliases in package.json) and the
// module resolutions node16, nodenext (the package's Node types; cjs.cts checks the
// CommonJS ones) and bundler (its browser types). `skipLibCheck: true` is not run
// separately: it only drops diagnostics, so what passes without it passes with it.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { freshProject, run, requireEnv, REPO } from './helpers.mjs';

const FIXTURES = join(REPO, 'tests', 'consumers', 'typescript');
/** Every TypeScript the package promises to work with, oldest first. */
const VERSIONS = ['typescript-5.0', 'typescript-5.1', 'typescript-5.9', 'typescript-6.0', 'typescript'];

const base = {
  strict: true, exactOptionalPropertyTypes: true, skipLibCheck: false, noEmit: true,
  target: 'es2022', lib: ['es2022', 'dom', 'dom.iterable'], types: [],
};
const settings = {
  node16: { module: 'node16', moduleResolution: 'node16' },
  nodenext: { module: 'nodenext', moduleResolution: 'nodenext' },
  bundler: { module: 'esnext', moduleResolution: 'bundler' },
};
const usageFiles = (setting) => (setting === 'bundler' ? ['usage.ts'] : ['usage.ts', 'cjs.cts']);

let dir;
before(async () => {
  requireEnv();
  const files = {};
  for (const name of await readdir(FIXTURES)) files[name] = await readFile(join(FIXTURES, name), 'utf8');
  for (const [setting, options] of Object.entries(settings)) {
    const compilerOptions = { ...base, ...options };
    files[`tsconfig.${setting}.json`] = JSON.stringify({ compilerOptions, files: usageFiles(setting) }, null, 2);
    files[`tsconfig.errors.${setting}.json`] = JSON.stringify({ compilerOptions, files: ['errors.ts'] }, null, 2);
  }
  dir = await freshProject('consumer-ts', files);
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ ...pkg, type: 'module' }, null, 2));
});

/** Runs one TypeScript's tsc; returns { code, diagnostics: ['file:line TSnnnn'], stdout }. */
async function tsc(version, config) {
  const bin = join(REPO, 'node_modules', version, 'bin', 'tsc');
  let stdout = '';
  let code = 0;
  try {
    ({ stdout } = await run(process.execPath, [bin, '-p', config, '--pretty', 'false'], { cwd: dir }));
  } catch (e) {
    code = 1;
    stdout = e.message;
  }
  const diagnostics = [...stdout.matchAll(/^(\S+?)\((\d+),\d+\): error (TS\d+): .*$/gm)]
    .map(([, file, line, tsCode]) => `${file}:${line} ${tsCode}`);
  return { code, diagnostics, stdout };
}

/** The marked lines of errors.ts: `errors.ts:LINE` -> the codes allowed there. */
const expected = async () => {
  const source = await readFile(join(FIXTURES, 'errors.ts'), 'utf8');
  return new Map(source.split('\n').flatMap((text, i) => {
    const m = text.match(/@expect (TS\d+(?:\|TS\d+)*)/);
    return m ? [[`errors.ts:${i + 1}`, m[1].split('|')]] : [];
  }));
};

for (const version of VERSIONS) {
  for (const setting of Object.keys(settings)) {
    test(`${version} (${setting}): every call of API.md compiles as a user writes it`, async () => {
      const { code, stdout } = await tsc(version, `tsconfig.${setting}.json`);
      assert.equal(code, 0, `tsc reported errors:\n${stdout}`);
    });
  }
  for (const setting of ['nodenext', 'bundler']) {
    test(`${version} (${setting}): deliberate mistakes are reported, each on its line`, async () => {
      const want = await expected();
      assert.ok(want.size >= 20);
      const { code, diagnostics, stdout } = await tsc(version, `tsconfig.errors.${setting}.json`);
      assert.equal(code, 1, 'errors.ts must not compile');
      // Exactly one diagnostic on each marked line, with an allowed code, and none elsewhere.
      const got = diagnostics.map((d) => d.split(' '));
      assert.deepEqual(got.map(([at]) => at).sort(), [...want.keys()].sort(), `tsc output:\n${stdout}`);
      for (const [at, tsCode] of got) assert.ok(want.get(at).includes(tsCode), `${at} ${tsCode}:\n${stdout}`);
      // The mistakes a reviewer looks for, by message as well as by line.
      assert.match(stdout, /Property 'stauts' does not exist on type 'Dispute'/);
      assert.match(stdout, /'"newest"' is not assignable to type '"chronological" \| "reverse_chronological"|ListOrder/);
      assert.match(stdout, /Property 'message' is missing in type .* but required in type 'UpdateDisputeParams'/);
      assert.match(stdout, /has no exported member named 'Document'/);
    });
  }
}
