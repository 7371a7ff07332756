// The classes of every error omise-wasm rejects with (API.md, "Errors"). The wasm builds
// each one through `omiseError`, and every package entry re-exports this module's
// classes, so `e instanceof OmiseApiError` meets the very class object that was thrown.
// Plain ES module: scripts/build.sh bundles it into the browser glue and turns it into
// CommonJS for Node.

/** Base class of the library's errors. */
export class OmiseError extends Error {
  /** `JSON.stringify(error)`: name, message and the error's fields. */
  toJSON() {
    const json = { name: this.name, message: this.message, ...this };
    try {
      if (this.cause !== undefined) json.cause = String(this.cause);
    } catch {}
    return json;
  }
}
/** Bad input, caught before any request was sent. */
export class OmiseValidationError extends OmiseError {}
/** The server answered with an error object or a non-2xx status. */
export class OmiseApiError extends OmiseError {}
/** No usable answer. */
export class OmiseNetworkError extends OmiseError {}
/** An attempt ran past `timeoutMs`. */
export class OmiseTimeoutError extends OmiseError {}

const classes = [OmiseValidationError, OmiseApiError, OmiseNetworkError, OmiseTimeoutError, OmiseError];
// Names are written out: a minifier may rename the classes themselves.
['OmiseValidationError', 'OmiseApiError', 'OmiseNetworkError', 'OmiseTimeoutError', 'OmiseError'].forEach(
  (name, i) => Object.defineProperty(classes[i].prototype, 'name', { value: name, writable: true, configurable: true }),
);

// Stack frames of the library itself (wasm, its glue, this file): a stack starts at the
// caller's own call where the platform's stack shows it.
const ours = /wasm:\/\/|wasm-function|omise_wasm(_bg)?\.c?js|[\\/]omise-wasm(-\w+)?[\\/]/;

/**
 * The error of `kind` (0 validation, 1 API, 2 network, 3 timeout, 4 abort), called from
 * Rust with every field; each kind keeps the fields API.md gives it.
 */
export function omiseError(kind, message, code, param, status, location, attempts, timeoutMs, cause) {
  const error =
    kind > 3
      ? Object.assign(new Error(message), { name: 'AbortError' })
      : Object.assign(
          new classes[kind](message, cause === undefined ? undefined : { cause }),
          [
            { code, param },
            { status, code, location, attempts },
            status ? { code, status, attempts } : { code, attempts },
            { timeoutMs, attempts },
          ][kind],
        );
  Error.captureStackTrace?.(error, omiseError);
  const stack = error.stack;
  if (typeof stack == 'string') error.stack = stack.split('\n').filter((line) => !ours.test(line)).join('\n');
  return error;
}
