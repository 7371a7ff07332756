// The classes of every error omise-wasm rejects with (API.md, "Errors"). The wasm builds
// each one through `omiseError`, and every package entry re-exports this module's
// classes, so `e instanceof OmiseApiError` meets the very class object that was thrown.
// Plain ES module, bundled into every entry by scripts/build-package.mjs. Written for
// size: every page downloads it.

/** Base class of the library's errors. */
export class OmiseError extends Error {}
/** Bad input, caught before any request was sent. */
export class OmiseValidationError extends OmiseError {}
/** The server answered with an error object or a non-2xx status. */
export class OmiseApiError extends OmiseError {}
/** No usable answer. */
export class OmiseNetworkError extends OmiseError {}
/** An attempt ran past `timeoutMs`. */
export class OmiseTimeoutError extends OmiseError {}

const classes = [OmiseValidationError, OmiseApiError, OmiseNetworkError, OmiseTimeoutError, Error];
// Written out: a minifier may rename the classes themselves.
const names = 'OmiseValidationError OmiseApiError OmiseNetworkError OmiseTimeoutError AbortError'.split(' ');

/**
 * The error of `kind` (0 validation, 1 API, 2 network, 3 timeout, 4 abort), called from
 * Rust: `n` is the HTTP status (0: none) or, for a timeout, the time limit; `extra` the
 * API error's `location` or the network error's `cause`. `name`, `message` and the
 * fields API.md gives each kind are own enumerable properties, so `JSON.stringify` shows
 * them (`cause`, set by the constructor, is not); the stack is taken once they are set.
 */
export function omiseError(kind, message, code, param, n, extra, attempts) {
  const error = Object.assign(
    new classes[kind](undefined, kind == 2 && extra ? { cause: extra } : undefined),
    { name: names[kind], message },
    [
      { code, param },
      { status: n, code, location: extra, attempts },
      n ? { code, status: n, attempts } : { code, attempts },
      { timeoutMs: n, attempts },
    ][kind],
  );
  // (V8 writes the stack's first line when it is first read, so it has the name and
  // message set above.) Frames of the library itself go (V8 writes wasm frames with wasm://, Firefox with
  // the .wasm file's name; the glue is omise_wasm.js or .cjs; not `omise-wasm`, which
  // may be the caller's own folder): the stack starts at the caller's call.
  error.stack &&= error.stack.replace(/\n.*(wasm:\/\/|omise_wasm).*/g, '');
  return error;
}
