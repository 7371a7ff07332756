// Shared by the consumer tests: a fresh project with the packed tarball installed, and
// child processes whose output is kept for the assertion message.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { mkdtemp, mkdir, writeFile, realpath, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';

const execFileP = promisify(execFile);

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TARBALL = process.env.OMISE_WASM_TARBALL;
export const EMU = process.env.OMISE_EMULATOR_URL;
export const KEY = process.env.OMISE_SECRET_KEY ?? 'skey_test_emulator';

export function requireEnv() {
  assert.ok(TARBALL, 'OMISE_WASM_TARBALL is not set: run scripts/consumers.sh');
  assert.ok(EMU && new URL(EMU).hostname === '127.0.0.1', `OMISE_EMULATOR_URL must be on 127.0.0.1, got ${EMU}`);
}

/** Runs a command; rejects with its stdout and stderr in the message. */
export async function run(cmd, args, opts = {}) {
  try {
    return await execFileP(cmd, args, { maxBuffer: 64 << 20, timeout: 180_000, ...opts });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${e.code ?? e.signal}):\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}

/**
 * A new directory outside the repository with a package.json and the tarball installed
 * the way a user installs a package (offline: the tarball has no dependencies).
 */
export async function freshProject(name, files = {}) {
  const base = process.env.OMISE_CONSUMERS_TMP ?? tmpdir();
  const dir = await realpath(await mkdtemp(join(base, `${name}-`)));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, private: true, version: '0.0.0' }, null, 2));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', TARBALL], { cwd: dir });
  const installed = join(dir, 'node_modules', 'omise-wasm');
  assert.ok(!(await lstat(installed)).isSymbolicLink(), 'omise-wasm must be installed from the tarball, not linked');
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** What every list from the emulator looks like. */
export function assertDisputeList(list) {
  assert.equal(list.object, 'list');
  assert.ok(Array.isArray(list.data), 'data is an array');
  assert.ok(list.data.length > 0, 'the emulator seeds disputes');
  assert.equal(typeof list.total, 'number');
  assert.ok(list.total >= list.data.length);
  for (const d of list.data) {
    assert.equal(d.object, 'dispute');
    assert.match(d.id, /^dspt_[0-9a-z_]+$/);
  }
}

/** The version of a devDependency as package-lock.json pins it (consumer projects install the same). */
export function pinned(name) {
  const lock = JSON.parse(readFileSync(join(REPO, 'package-lock.json'), 'utf8'));
  const entry = lock.packages[`node_modules/${name}`];
  assert.ok(entry, `${name} is not in package-lock.json`);
  return `${name}@${entry.version}`;
}

/**
 * A fresh project like freshProject's, with more packages installed beside the tarball
 * (at the versions package-lock.json pins, from npm's cache when it has them).
 */
export async function projectWith(name, packages, files = {}, pkgFields = {}) {
  const base = process.env.OMISE_CONSUMERS_TMP ?? tmpdir();
  const dir = await realpath(await mkdtemp(join(base, `${name}-`)));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, private: true, version: '0.0.0', ...pkgFields }, null, 2));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error',
    TARBALL, ...packages.map(pinned)], { cwd: dir, timeout: 600_000 });
  assert.ok(!(await lstat(join(dir, 'node_modules', 'omise-wasm'))).isSymbolicLink());
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export { startServer } from '../support/server.mjs';

/** Basic auth for the emulator, as a merchant's server adds it. */
export const AUTH = 'Basic ' + Buffer.from(`${KEY}:`).toString('base64');

/** What the emulator holds, asked directly: `GET path` with the key. */
export async function emulatorGet(path) {
  const res = await fetch(`${EMU}${path}`, { headers: { authorization: AUTH } });
  assert.equal(res.status, 200, `GET ${path}`);
  return res.json();
}
