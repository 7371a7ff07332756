// Gives the wasm's imports one- or two-letter names, in the .wasm and in wasm-bindgen's
// glue alike. wasm-bindgen names each import after its binding plus a 16-hex-digit hash
// (`__wbg_static_accessor_GLOBAL_THIS_003ee833af9699fc`) and each module after its file
// (`./snippets/omise-wasm-<hash>/inline0.js`); those names travel twice to every page
// (the .wasm's import section and the glue's import object), and gzip cannot shrink the
// hashes: 2,635 bytes gzipped of a 46,080-byte budget. binaryen's --minify-imports does not
// help here: it renames only imports of the module `env` (it left these untouched).
//
// Only what the two files exchange changes: every import of the glue's own module
// (`./omise_wasm_bg.js`) gets a short field name, every import module a short key. The
// build fails, rather than ship a module that cannot link, if the glue does not have
// exactly one `NAME: function` entry per import renamed.
//
// Usage (from build-package.mjs): await shortenImportNames(glueFile, wasmFile)
import { readFile, writeFile } from 'node:fs/promises';

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function uleb(bytes, at) {
  let value = 0, shift = 0, b;
  do {
    b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [value, at];
}

/** An unsigned LEB128. */
function toUleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

const utf8 = new TextEncoder(), text = new TextDecoder();

/** A length-prefixed name. */
function name(s) {
  const b = utf8.encode(s);
  return [...toUleb(b.length), ...b];
}

/** The byte length of an import's description (after module and field names). */
function descLength(bytes, at) {
  const kind = bytes[at];
  let p = at + 1;
  const limits = () => {
    const flags = bytes[p++];
    [, p] = uleb(bytes, p);
    if (flags & 1) [, p] = uleb(bytes, p);
  };
  if (kind === 0 || kind === 4) { // function (type index); tag (attribute, type index)
    if (kind === 4) p++;
    [, p] = uleb(bytes, p);
  } else if (kind === 1) { // table: reference type, limits
    p++;
    limits();
  } else if (kind === 2) { // memory: limits
    limits();
  } else if (kind === 3) { // global: value type, mutability
    p += 2;
  } else {
    throw new Error(`short-import-names: unknown import kind ${kind}`);
  }
  return p - at;
}

/** Short names: a..z, A..Z, then two letters. */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) yield a;
  for (const a of letters) for (const b of letters) yield a + b;
}

const GLUE_MODULE = './omise_wasm_bg.js';

/** Renames the imports of `wasmFile` and the matching entries of the glue `glueFile`. */
export async function shortenImportNames(glueFile, wasmFile) {
  const bytes = new Uint8Array(await readFile(wasmFile));
  let glue = await readFile(glueFile, 'utf8');
  let at = 8;
  // The module's parts in order, joined at the end (a spread of a whole section into
  // push() overflows the stack past about 125 KB).
  const out = [bytes.subarray(0, 8)];
  const modules = new Map();
  const fields = new Map();
  const moduleNames = shortNames();
  const fieldNames = shortNames();
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = uleb(bytes, at + 1);
    const end = body + size;
    if (id !== 2) {
      out.push(bytes.subarray(at, end));
      at = end;
      continue;
    }
    let [count, p] = uleb(bytes, body);
    const section = [...toUleb(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = uleb(bytes, p);
      const module = text.decode(bytes.subarray(p, p + len));
      p += len;
      [len, p] = uleb(bytes, p);
      const field = text.decode(bytes.subarray(p, p + len));
      p += len;
      const dl = descLength(bytes, p);
      if (!modules.has(module)) modules.set(module, moduleNames.next().value);
      let newField = field;
      if (module === GLUE_MODULE) {
        if (!fields.has(field)) fields.set(field, fieldNames.next().value);
        newField = fields.get(field);
      }
      section.push(...name(modules.get(module)), ...name(newField), ...bytes.subarray(p, p + dl));
      p += dl;
    }
    if (p !== end) throw new Error('short-import-names: the import section did not parse');
    out.push(Uint8Array.from([2, ...toUleb(section.length)]), Uint8Array.from(section));
    at = end;
  }
  // The glue's import object: `NAME: function(` entries, then the module keys it returns.
  for (const [long, short] of fields) {
    const entry = new RegExp(`(^|[\\s,{])${long}(: function\\()`, 'gm');
    const found = glue.match(entry)?.length ?? 0;
    if (found !== 1) throw new Error(`short-import-names: ${found} entries for the import ${long} in the glue`);
    glue = glue.replace(entry, `$1${short}$2`);
  }
  for (const [long, short] of modules) {
    const key = new RegExp(`^(\\s*)"${long.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"(: import\\d+,)$`, 'gm');
    if (!key.test(glue)) throw new Error(`short-import-names: no key for the module ${long} in the glue`);
    glue = glue.replace(key, `$1"${short}"$2`);
  }
  await writeFile(wasmFile, Buffer.concat(out));
  await writeFile(glueFile, glue);
  return { modules: modules.size, fields: fields.size };
}
