// The classes of every error omise-wasm rejects with (API.md, "Errors"). The wasm builds
// each one through `omiseError`, and every package entry re-exports this module's
// classes, so `e instanceof OmiseApiError` meets the very class object that was thrown.
// Plain ES module: scripts/build.sh bundles it into the browser glue and turns it into
// CommonJS for Node.

/** Base class of the library's errors. */
export class OmiseError extends Error {
  /** `JSON.stringify(error)`: name, message and the error's fields (not `cause`). */
  toJSON() {
    return { name: this.name, message: this.message, ...this };
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
'OmiseValidationError OmiseApiError OmiseNetworkError OmiseTimeoutError OmiseError'
  .split(' ')
  .forEach((name, i) => (classes[i].prototype.name = name));

// Stack frames of the library itself (wasm, its glue, its snippets): a stack starts at
// the caller's own call where the platform's stack shows it.
// (V8 writes wasm frames with wasm://, Firefox with the .wasm file's name; the glue is
// omise_wasm.js or .cjs. Not `omise-wasm`: that may well be the caller's own folder.)
const ours = /wasm:\/\/|omise_wasm/;

/**
 * The error of `kind` (0 validation, 1 API, 2 network, 3 timeout, 4 abort), called from
 * Rust: `n` is the HTTP status (0: none) or, for a timeout, the time limit; `extra` the
 * API error's `location` or the network error's `cause`. Each kind keeps the fields
 * API.md gives it.
 */
export function omiseError(kind, message, code, param, n, extra, attempts) {
  const error =
    kind > 3
      ? Object.assign(new Error(message), { name: 'AbortError' })
      : Object.assign(
          new classes[kind](message, kind == 2 && extra ? { cause: extra } : undefined),
          [
            { code, param },
            { status: n, code, location: extra, attempts },
            n ? { code, status: n, attempts } : { code, attempts },
            { timeoutMs: n, attempts },
          ][kind],
        );
  Error.captureStackTrace?.(error, omiseError);
  error.stack &&= error.stack.split('\n').filter((line) => !ours.test(line)).join('\n');
  return error;
}
