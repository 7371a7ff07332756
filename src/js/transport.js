// How a request leaves: the platform's fetch, unless a runtime's entry installed its own
// transport (the Node entry: node:http, see node-http.js). A fetch the application put
// in place of the platform's own (a test's mock, an interceptor) is always used: the
// transport is taken only while globalThis.fetch is still the runtime's built-in one.
let transport = null;
let builtIn = null;

/** Installs `send` (same arguments and answer as fetch) for calls while `isBuiltIn(globalThis.fetch)`. */
export function omiseUseTransport(send, isBuiltIn) {
  transport = send;
  builtIn = isBuiltIn;
}

/** fetch(url, init) through the installed transport or the global fetch. */
export function omiseFetch(url, init) {
  const f = globalThis.fetch;
  return transport && builtIn(f) ? transport(url, init) : f(url, init);
}
