// Assembles the npm package in a staging directory from one wasm-bindgen `--target web`
// build (scripts/build.sh runs wasm-pack and wasm-opt, then this). One loading strategy
// per runtime, chosen by the export conditions of pkg-template/package.json:
//
//   web/omise_wasm.js       the glue, minified (every page downloads it)
//   web/omise_wasm_bg.wasm  the one .wasm file of the package
//   web/index.js            browsers and bundlers: instantiates web/omise_wasm_bg.wasm
//                           (`new URL(…, import.meta.url)`, which Vite, webpack, Rollup,
//                           Turbopack and browsers understand) with top-level await
//   workerd/index.js        Cloudflare Workers: imports the .wasm as a WebAssembly.Module
//   edge/index.js           edge-light (Next.js edge, Vercel): the same through `?module`
//   node/omise_wasm.cjs     Node, Deno, Bun and server bundles: the glue with the wasm
//                           bytes inlined, so nothing looks for a file next to the code
//   node/index.mjs          the ES module face of node/omise_wasm.cjs (one instance)
//
// Usage: node scripts/build-package.mjs <wasm-bindgen web output dir> <staging dir> <optimised .wasm>
import { readFile, writeFile, mkdir, copyFile, readdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import { shortenImportNames } from './short-import-names.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE = join(ROOT, 'pkg-template');

/** Module snippets under src/js/ define public classes (the error classes): every entry re-exports them. */
async function publicSnippets(glueDir) {
  const walk = async (dir) => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return [];
    }
    const nested = await Promise.all(entries.map((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    return nested.flat();
  };
  const files = await walk(join(glueDir, 'snippets'));
  return files.filter((f) => /\/src\/js\/[^/]+\.js$/.test(f)).map((f) => './' + relative(glueDir, f));
}

/** The names a module exports, read by importing it (the web glue does nothing on import). */
async function exportNames(file) {
  return Object.keys(await import(pathToFileURL(file).href)).sort();
}

/** The public module: wasm-bindgen's glue plus the public snippets. */
async function publicModule(glueDir) {
  const lines = ["export * from './omise_wasm.js';", "export { default } from './omise_wasm.js';"];
  // Only a snippet's classes: its functions (the errors' factory) are the wasm's own.
  for (const s of await publicSnippets(glueDir)) {
    const classes = [...(await readFile(join(glueDir, s), 'utf8')).matchAll(/^export class (\w+)/gm)].map((m) => m[1]);
    if (classes.length) lines.push(`export { ${classes.join(', ')} } from '${s}';`);
  }
  const file = join(glueDir, 'public.js');
  await writeFile(join(glueDir, 'package.json'), '{ "type": "module" }\n');
  await writeFile(file, lines.join('\n') + '\n');
  return file;
}

/**
 * web/omise_wasm.js: the public module in one minified file, for the workerd and edge
 * entries (and code written for the first version, which calls init() itself); and
 * web/index.js, the browser entry: the same module that instantiates the .wasm with
 * top-level await, so that it is ready when the import resolves. One file, because it is
 * what every page downloads (a separate entry importing omise_wasm.js cost 139 bytes more
 * gzipped). Exported class names stay (console.log shows `Omise {…}`); other names may
 * be mangled.
 */
async function bundleWebGlue(glueDir, stage) {
  const keepNames = KEEP_NAMES;
  const minified = (input, file) => build({
    input,
    logLevel: 'warn',
    output: { file, format: 'esm', minify: { compress: { keepNames }, mangle: { keepNames } } },
  });
  const publicJs = await publicModule(glueDir);
  await minified(publicJs, join(stage, 'web', 'omise_wasm.js'));
  const entry = join(glueDir, 'browser-entry.js');
  await writeFile(entry, `import init from './public.js';
await init({ module_or_path: new URL('./omise_wasm_bg.wasm', import.meta.url) });
export * from './public.js';
export { default, default as init } from './public.js';
`);
  await minified(entry, join(stage, 'web', 'index.js'));
}

/** The small entries that load web/omise_wasm_bg.wasm each in their runtime's own way. */
async function writeModuleEntries(stage) {
  const compiled = (runtime, specifier, crossRealm = '') => `// ${runtime}: the runtime compiles the .wasm import into a WebAssembly.Module.
import module from '${specifier}';
import { initSync } from '../web/omise_wasm.js';
${crossRealm}initSync({ module });
export * from '../web/omise_wasm.js';
/** Does nothing: the module is ready as soon as it is imported. */
export default async function init(_moduleOrPath) {}
export { init };
`;
  const types = "export * from '../web/omise_wasm.js';\nexport { default, default as init } from '../web/omise_wasm.js';\n";
  await mkdir(join(stage, 'workerd'), { recursive: true });
  await mkdir(join(stage, 'edge'), { recursive: true });
  await writeFile(join(stage, 'web', 'index.d.ts'), types.replaceAll('../web/', './'));
  await writeFile(join(stage, 'workerd', 'index.js'), compiled('Cloudflare Workers (workerd)', '../web/omise_wasm_bg.wasm'));
  await writeFile(join(stage, 'workerd', 'index.d.ts'), types);
  await writeFile(join(stage, 'edge', 'index.js'), compiled('Edge runtimes (edge-light)', '../web/omise_wasm_bg.wasm?module',
    // Next.js compiles the module outside the edge sandbox's realm, where the glue's
    // `instanceof WebAssembly.Module` is false; the engine itself accepts it.
    '// Next.js compiles it in another realm: give it this realm\'s prototype so the glue takes it as a module.\n'
    + 'if (!(module instanceof WebAssembly.Module)) Object.setPrototypeOf(module, WebAssembly.Module.prototype);\n'));
  await writeFile(join(stage, 'edge', 'index.d.ts'), types);
}

/**
 * node/omise_wasm.cjs: the glue as CommonJS with the wasm bytes inlined (base64) and
 * instantiated synchronously, so that it survives any bundler (Next.js, esbuild, Rollup,
 * bun build) with no file lookup; node/index.mjs gives ES modules the same instance.
 */
/** What minifying keeps: class names (console.log shows `Omise {…}`, errors their class). */
const KEEP_NAMES = { function: false, class: true };

const PLACEHOLDER = 'omise-wasm: the base64 bytes';

async function bundleNode(glueDir, stage, wasmFile) {
  const names = (await exportNames(join(glueDir, 'public.js'))).filter((n) => !['default', 'init', 'initSync'].includes(n));
  const base64 = (await readFile(wasmFile)).toString('base64');
  const entry = join(glueDir, 'node-entry.js');
  const [bindings] = (await readdir(join(glueDir, 'snippets'))).map((d) => join(glueDir, 'snippets', d, 'src/js/bindings.js'));
  await writeFile(entry, `import { initSync as instantiate } from './omise_wasm.js';
import { omiseUseTransport } from ${JSON.stringify(bindings)};
import { isNode, isNodeFetch, nodeFetch } from ${JSON.stringify(join(ROOT, 'src/js/node-http.js'))};
import base64 from 'omise-wasm:bytes';
// Node itself sends through node:http (src/js/node-http.js says why); Deno and Bun fetch.
if (isNode()) omiseUseTransport(nodeFetch, isNodeFetch);
// Buffer where there is one (Node, Bun, Deno's npm code); atob anywhere else.
const bytes = typeof Buffer === 'function' ? Buffer.from(base64, 'base64')
  : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
instantiate({ module: bytes });
export { ${names.join(', ')} } from './public.js';

/** Does nothing: the module is ready as soon as it is loaded. */
export async function init(_moduleOrPath) {}

/** Does nothing: the module is ready as soon as it is loaded. */
export function initSync(_module) {}
`);
  const inlineBytes = {
    name: 'omise-wasm-bytes',
    resolveId: (id) => (id === 'omise-wasm:bytes' ? id : null),
    load: (id) => (id === 'omise-wasm:bytes' ? `export default ${JSON.stringify(PLACEHOLDER)};` : null),
  };
  const cjs = join(stage, 'node', 'omise_wasm.cjs');
  await build({
    input: entry,
    plugins: [inlineBytes],
    external: [/^node:/],
    logLevel: 'warn',
    // Minified, class names kept: Node scans this source too when an ES module imports it.
    output: { file: cjs, format: 'cjs', minify: { compress: { keepNames: KEEP_NAMES }, mangle: { keepNames: KEEP_NAMES } } },
  });
  // The bytes live in a file of their own, which only `require` reads: Node scans the
  // source of a CommonJS module that an ES module imports for its exports, and scanning
  // 120 KB of base64 took 25 ms of every cold `import` (the require() below is not scanned).
  const glue = await readFile(cjs, 'utf8');
  const quoted = new RegExp(`(["'\`])${PLACEHOLDER}\\1`, 'g');
  if (glue.match(quoted)?.length !== 1) throw new Error('node glue: the bytes placeholder is not there once');
  await writeFile(cjs, glue.replace(quoted, "require('./omise_wasm_bytes.cjs')"));
  await writeFile(join(stage, 'node', 'omise_wasm_bytes.cjs'),
    `// The wasm module (web/omise_wasm_bg.wasm), base64: Node, Deno, Bun and server bundles load it with no file lookup.
module.exports = ${JSON.stringify(base64)};
`);
  await writeFile(join(stage, 'node', 'index.mjs'), `// Node's ES module entry: the CommonJS build, so that \`import\` and \`require\` in one
// process share one wasm instance (and the same init/initSync no-ops).
import glue from './omise_wasm.cjs';

export const { ${names.join(', ')}, init, initSync } = glue;
export default init;
`);
  return names;
}

/**
 * Declarations: web/omise_wasm.d.ts as wasm-bindgen wrote it; the Node ones are the same
 * without the browser's init types (node/index.d.mts adds its no-op init).
 */
async function writeTypes(glueDir, stage) {
  let web = await readFile(join(glueDir, 'omise_wasm.d.ts'), 'utf8');
  // `InitOutput` holds the raw wasm exports typed `any`; nothing should call them.
  web = web.replace(/^export interface InitOutput \{[\s\S]*?^\}/m, (b) => b.replace(/\bany\b/g, 'unknown'));
  const cut = web.indexOf('export type InitInput');
  if (cut < 0) throw new Error('omise_wasm.d.ts: no `export type InitInput` to cut the Node types at');
  const node = web.slice(0, cut).replace('@ts-self-types="./omise_wasm.d.ts"', '') + `
/** Does nothing: the module is ready as soon as it is loaded. */
export function init(moduleOrPath?: unknown): Promise<void>;

/** Does nothing: the module is ready as soon as it is loaded. */
export function initSync(module?: unknown): void;
`;
  // wasm-bindgen declares `[Symbol.dispose]()` on every class, which needs the lib
  // esnext.disposable; TypeScript 5.0 and 5.1 have no such lib (a `reference lib` to it
  // fails them without skipLibCheck), so the declarations leave it out (issue 13). The
  // method is still there at run time; `free()` is declared.
  const withoutDispose = (t) => t.replace(/^\s*\[Symbol\.dispose\]\(\): void;\n/gm, '');
  await writeFile(join(stage, 'web', 'omise_wasm.d.ts'), withoutDispose(web));
  await writeFile(join(stage, 'node', 'omise_wasm.d.cts'), withoutDispose(node));
  await copyFile(join(TEMPLATE, 'node', 'index.d.mts'), join(stage, 'node', 'index.d.mts'));
}

/** Every entry must offer what the public module exports (the same names everywhere). */
async function checkEntries(stage, names) {
  const cjs = Object.keys((await import(pathToFileURL(join(stage, 'node', 'omise_wasm.cjs')).href)).default);
  const esm = Object.keys(await import(pathToFileURL(join(stage, 'node', 'index.mjs')).href));
  const missing = names.filter((n) => !cjs.includes(n) || !esm.includes(n));
  if (missing.length) throw new Error(`the Node entries do not export: ${missing.join(', ')}`);
  const esmEntry = await import(pathToFileURL(join(stage, 'node', 'index.mjs')).href);
  const { Omise, OmiseError, OmiseValidationError } = esmEntry;
  if (typeof Omise !== 'function') throw new Error('node/index.mjs: Omise is not a class');
  // What the library throws is an instance of the error classes the entries export.
  try {
    new Omise({ timeoutMs: -1 });
  } catch (e) {
    if (e instanceof OmiseValidationError && e instanceof OmiseError && e instanceof Error) return;
  }
  throw new Error('the error classes the Node entries export are not the ones the library throws');
}

/** package.json: pkg-template/package.json with name, version, description, license and repository from Cargo.toml. */
async function writePackageJson(stage) {
  const meta = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--offline'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }));
  const crate = meta.packages.find((p) => p.name === 'omise-wasm');
  const template = JSON.parse(await readFile(join(TEMPLATE, 'package.json'), 'utf8'));
  const pkg = {
    name: crate.name, version: crate.version, description: crate.description, license: crate.license,
    repository: { type: 'git', url: `git+${crate.repository}.git` }, ...template,
  };
  await writeFile(join(stage, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  await copyFile(join(TEMPLATE, 'LICENSE'), join(stage, 'LICENSE'));
  await copyFile(join(TEMPLATE, 'README.md'), join(stage, 'README.md'));
}

async function main([glueDir, stage, wasmFile]) {
  if (!glueDir || !stage || !wasmFile) throw new Error('usage: build-package.mjs <glue dir> <staging dir> <optimised .wasm>');
  await mkdir(join(stage, 'web'), { recursive: true });
  await mkdir(join(stage, 'node'), { recursive: true });
  await shortenImportNames(join(glueDir, 'omise_wasm.js'), wasmFile);
  await copyFile(wasmFile, join(stage, 'web', 'omise_wasm_bg.wasm'));
  await bundleWebGlue(glueDir, stage);
  await writeModuleEntries(stage);
  const names = await bundleNode(glueDir, stage, wasmFile);
  await writeTypes(glueDir, stage);
  await writePackageJson(stage);
  await checkEntries(stage, names);
}

main(process.argv.slice(2)).catch((e) => {
  console.error(`build-package: ${e.message}`);
  process.exit(1);
});
