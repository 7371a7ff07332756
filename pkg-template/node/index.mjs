// Node's ES module entry. It re-exports the CommonJS build, so that `import` and
// `require` in one process share one wasm instance, and adds the browser entry's
// init/initSync as no-ops (Node loads the wasm synchronously) so isomorphic code runs.
export * from './omise_wasm.cjs';

/** Does nothing in Node: the module is ready as soon as it is imported. */
export default async function init(_moduleOrPath) {}

/** Does nothing in Node: the module is ready as soon as it is imported. */
export function initSync(_module) {}
