export * from './omise_wasm.cjs';
import { init } from './omise_wasm.cjs';

/** Does nothing in Node: the module is ready as soon as it is imported. */
export default init;
