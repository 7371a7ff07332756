// Every JavaScript function the wasm imports, but the generated response check
// (check.js) and the error classes (errors.js), in one module. One file on purpose:
// the wasm-bindgen test runner's server (tiny_http 0.12) can leave requests unanswered
// when a page opens more new connections at once than it has idle threads (four), and
// each snippet is a module the test page fetches in parallel; with six, pages in
// headless Chrome and Firefox often never started. Grouped by the Rust file that binds them.

// --- src/http.rs: reading an answer, waiting, browser uploads
const readBody = async (r, cap) => {
  const b = r.body, s = r.status;
  const redirect = r.type == 'opaqueredirect' || (s > 299 && s < 400);
  if (redirect || Number(r.headers.get('content-length')) > cap) {
    if (b) b.cancel().catch(() => {});
    return redirect ? undefined : null;
  }
  if (!b) return '';
  // Chunks are kept and decoded once at the end: decoding each as it comes cost a
  // seventh of a 100-dispute call in Node.
  const reader = b.getReader(), parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  let all = parts[0] || new Uint8Array();
  if (parts.length > 1) {
    all = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.byteLength;
    }
  }
  return new TextDecoder().decode(all);
};
export function omiseReadBody(r, cap) {
  return readBody(r, cap);
}
export function omiseWait(ms, signal) {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(t);
      reject();
    };
    const t = setTimeout(() => {
      if (signal) signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    if (signal) signal.addEventListener('abort', stop);
  });
}
export function omiseXhr(method, url, head, form, signal, onProgress, cap) {
  return new Promise((resolve) => {
    const x = new XMLHttpRequest(), stop = () => x.abort();
    let last = [0, 0], big = false;
    x.open(method, url, true);
    for (const k in head) x.setRequestHeader(k, head[k]);
    if (onProgress) x.upload.addEventListener('progress', (e) => {
      last = [e.loaded, e.total];
      try {
        onProgress({ loaded: e.loaded, total: e.total });
      } catch (_) {}
    });
    x.addEventListener('progress', (e) => {
      if (e.loaded > cap) {
        big = true;
        x.abort();
      }
    });
    x.addEventListener('loadend', () => {
      if (signal) signal.removeEventListener('abort', stop);
      let other = true;
      try {
        other = !!x.responseURL && new URL(url, globalThis.location && location.href).href != x.responseURL;
      } catch (_) {}
      resolve(big ? 2 : !x.status ? 0 : other ? 1 : [x.status, x.responseText, ...last]);
    });
    if (signal) {
      if (signal.aborted) return resolve(0);
      signal.addEventListener('abort', stop);
    }
    x.send(form);
  });
}

// --- src/js_input.rs: reading the caller's objects without letting them throw into wasm
const own = (C, k) => Object.getOwnPropertyDescriptor(C.prototype, k).get;
export function omiseAborted(s) {
  try {
    const a = own(AbortSignal, 'aborted').call(s);
    // fetch reads it as a property: a getter that throws there is refused here.
    return s.aborted, a ? 1 : 0;
  } catch (_) {
    return 2;
  }
}
export function omiseDateIso(d) {
  try {
    const t = Date.prototype.getTime.call(d);
    return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
  } catch (_) {
    return undefined;
  }
}
const readFile = async (f) => {
  let blob, name;
  try {
    if (ArrayBuffer.isView(f) && f instanceof Uint8Array) {
      blob = new Blob([f]);
    } else {
      blob = Blob.prototype.slice.call(f, 0, own(Blob, 'size').call(f));
      if (typeof File == 'function' && f instanceof File) name = own(File, 'name').call(f);
    }
  } catch (_) {
    return undefined;
  }
  try {
    return [blob, blob.size, new Uint8Array(await blob.slice(0, 8).arrayBuffer()), name];
  } catch (_) {
    return null;
  }
};
export function omiseFile(f) {
  return readFile(f);
}
export function omiseJsonData(v, max) {
  const path = [];
  let n = 0;
  const copy = (x) => {
    if (++n > max) throw 0;
    // Every value counts: a sparse array or a shared subtree cannot make this loop long.
    if (x === null || typeof x == 'boolean' || typeof x == 'string') return x;
    if (typeof x == 'number' && Number.isFinite(x)) return x;
    // Deep nesting ends in a RangeError, caught below.
    if (typeof x != 'object' || path.includes(x)) throw 0;
    const arr = Array.isArray(x), p = Object.getPrototypeOf(x);
    if (arr ? p !== Array.prototype : (p !== null && p !== Object.prototype) || 'toJSON' in x) throw 0;
    path.push(x);
    const out = arr ? [] : Object.create(null);
    if (arr) {
      for (let i = 0; i < x.length; i++) out.push(copy(x[i]));
    } else {
      for (const k of Object.keys(x)) out[k] = copy(x[k]);
    }
    path.pop();
    return out;
  };
  try {
    const out = copy(v);
    return new TextEncoder().encode(JSON.stringify(out)).length > max ? undefined : out;
  } catch (_) {
    return undefined;
  }
}

// --- src/platform.rs: the platform's globals
export function omisePlainKeys(o) {
  try {
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return undefined;
    const p = Object.getPrototypeOf(o);
    return p === null || p === Object.prototype ? Object.keys(o) : undefined;
  } catch (_) {
    return undefined;
  }
}
export function omiseStep(value, done) {
  return Promise.resolve({ value, done });
}
export function omiseFresh(data, seen) {
  const fresh = [];
  for (const item of data) {
    const id = item?.id;
    if (!seen.has(id)) {
      seen.add(id);
      fresh.push(item);
    }
  }
  return fresh;
}
export function omiseIsBrowser() {
  try {
    const g = globalThis;
    if (g.process?.versions?.node || g.Deno || g.Bun || g.EdgeRuntime
      || g.navigator?.userAgent === 'Cloudflare-Workers') return false;
    return typeof g.document === 'object' || typeof g.WorkerGlobalScope === 'function';
  } catch (_) {
    return false;
  }
}

// --- src/platform.rs: how a request leaves
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
