// Node's ES module entry. It loads the CommonJS build through require, so that `import`
// and `require` in one process share one wasm instance (and Node need not scan the
// CommonJS source for export names), and adds the browser entry's init/initSync as
// no-ops (Node loads the wasm synchronously) so isomorphic code runs.
import { createRequire } from 'node:module';

const glue = createRequire(import.meta.url)('./omise_wasm.cjs');

export const {
  Omise, Disputes, Documents, Transactions, Pager,
  // The error classes (src/js/errors.js): the same objects the library throws.
  OmiseError, OmiseValidationError, OmiseApiError, OmiseNetworkError, OmiseTimeoutError,
} = glue;

/** Does nothing in Node: the module is ready as soon as it is imported. */
export default async function init(_moduleOrPath) {}

/** Does nothing in Node: the module is ready as soon as it is imported. */
export function initSync(_module) {}
