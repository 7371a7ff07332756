// Node's transport: requests through node:http and node:https instead of Node's fetch.
// Node loads its fetch (undici) on the first call, which cost 40 ms of every fresh
// process's first request (make bench, cold start); node:http is part of Node's startup
// snapshot and was also faster per call on loopback. stripe-node makes the same choice.
//
// It answers with the part of a fetch Response the library reads (status, type,
// headers.get, body.getReader/cancel), so every rule of the fetch path holds unchanged:
// no redirect followed, the 16 MiB cap counted on decoded bytes, timeouts and the
// caller's signal through `init.signal`. Uploads (a FormData body) still go through
// fetch, which encodes multipart forms. Used only in Node itself (not Deno or Bun, whose
// node:http is built on their fetch), and only while globalThis.fetch is Node's own.
// Node's modules are taken when first needed, through process.getBuiltinModule (Node
// 20.16+): no import for bundlers to resolve, and no TLS or zlib loaded until a call
// needs them (loading them up front added 8 ms to every import).
const builtin = (name) => globalThis.process.getBuiltinModule(name);

/** Whether `f` is Node's built-in fetch (a mock or an interceptor is not). */
export function isNodeFetch(f) {
  try {
    return typeof f === 'function' && Function.prototype.toString.call(f).includes('internal/deps/undici');
  } catch {
    return false;
  }
}

/** Whether this is Node itself, recent enough to hand out its modules. */
export function isNode() {
  const g = globalThis;
  return typeof g.process?.versions?.node === 'string' && !g.Deno && !g.Bun
    && typeof g.process.getBuiltinModule === 'function';
}

const decoders = { gzip: 'createGunzip', 'x-gzip': 'createGunzip', deflate: 'createInflate', br: 'createBrotliDecompress' };

/**
 * A ReadableStream-like body over a Node stream: getReader().read()/cancel() and cancel().
 * Its chunks are Buffers, which are Uint8Arrays.
 */
function bodyOf(stream, stop) {
  const chunks = stream[Symbol.asyncIterator]();
  const cancel = async () => {
    stop();
  };
  return { cancel, getReader: () => ({ read: () => chunks.next(), cancel }) };
}

/** fetch(url, init) for the library's own calls: init has method, headers, body (a string) and signal. */
export function nodeFetch(url, init) {
  if (init.body != null && typeof init.body !== 'string') return globalThis.fetch(url, init);
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? builtin('node:https') : target.protocol === 'http:' ? builtin('node:http') : null;
    if (!client) throw new TypeError(`omise-wasm: unsupported protocol ${target.protocol}`);
    const headers = { ...init.headers, 'Accept-Encoding': 'gzip, deflate, br' };
    // A length, as fetch sends it, rather than Node's chunked encoding (a PATCH with no body: 0).
    if (init.body != null) headers['Content-Length'] = String(Buffer.byteLength(init.body));
    else if (init.method !== 'GET' && init.method !== 'HEAD') headers['Content-Length'] = '0';
    const signal = init.signal;
    const req = client.request(target, { method: init.method, headers, signal });
    req.on('error', reject);
    req.on('response', (res) => {
      const status = res.statusCode;
      const coding = String(res.headers['content-encoding'] || '').trim().toLowerCase();
      const decoder = decoders[coding] && status !== 204 && status !== 304 ? builtin('node:zlib')[decoders[coding]]() : null;
      // Errors reach the reader through the stream's iterator; without a listener an
      // error of a body nobody reads (a redirect, an answer over the cap) would end the
      // process. pipeline() forwards the answer's errors to the decoder and takes its own.
      res.on('error', () => {});
      const stream = decoder ? builtin('node:stream').pipeline(res, decoder, () => {}) : res;
      const stop = () => {
        req.destroy();
        if (decoder) decoder.destroy();
      };
      // After the answer has started, an abort (timeout or the caller's) ends the body read.
      const onAbort = () => stream.destroy(signal.reason ?? new Error('aborted'));
      if (signal) {
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
        stream.once('close', () => signal.removeEventListener('abort', onAbort));
      }
      const head = res.headers;
      resolve({
        status,
        type: 'basic',
        headers: {
          get: (name) => {
            const v = head[String(name).toLowerCase()];
            return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v);
          },
        },
        body: bodyOf(stream, stop),
      });
    });
    req.end(init.body ?? undefined);
  });
}
