export * from './omise_wasm.cjs';

/** Does nothing in Node: the module is ready as soon as it is imported. */
export default function init(moduleOrPath?: unknown): Promise<void>;

/** Does nothing in Node: the module is ready as soon as it is imported. */
export function initSync(module?: unknown): void;
