// The part of the demo server worth copying into a merchant's backend: /omise/* is
// forwarded to the Omise API with the secret key added, and only for this site's own
// page. The key is read from the environment by the caller and never leaves this module.
//
// What it refuses, and why:
// - a Host header that is not one of ours (DNS rebinding: another site's name resolving
//   to 127.0.0.1 would otherwise read and change disputes through us);
// - writes (POST, PATCH, DELETE) whose Origin is not this server's, or, without Origin,
//   whose Sec-Fetch-Site is not same-origin (a form or no-cors fetch on another site);
//   a client that sends neither (curl, a script) is refused too: the proxy is the page's;
// - paths outside /disputes and /transactions (the emulator's control API, anything else);
// - bodies over 10 MiB + multipart overhead, and more than MAX_WRITES writes at once.
// Bodies are streamed to the API as they arrive (nothing is buffered here), so an upload's
// progress in the page is the API's progress, and memory stays flat however many arrive.

import { Readable } from 'node:stream';

/** Largest request body forwarded: a 10 MiB document plus multipart overhead. */
export const MAX_BODY = 10 * 1024 * 1024 + 64 * 1024;
/** Writes in flight at once; more are answered 503 at once (nothing is queued in memory). */
export const MAX_WRITES = 8;

// Request headers passed on to the API; everything else (cookies, the browser's own
// Authorization, ...) stays here.
const FORWARD_REQUEST = ['accept', 'content-type', 'content-length', 'omise-version', 'user-agent'];
// Response headers passed back.
const FORWARD_RESPONSE = ['content-type', 'content-length', 'retry-after', 'omise-version', 'location'];
// The API paths the proxy exposes.
const ALLOWED_PATH = /^\/(disputes|transactions)(\/[0-9A-Za-z_]+)*\/?$/;
const WRITES = new Set(['POST', 'PATCH', 'DELETE']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function error(res, status, code, message, extra = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(JSON.stringify({ object: 'error', location: null, code, message }));
}

/** The host name of a Host header value (`name:port`, `[v6]:port`), lower-cased. */
export function hostName(value) {
  if (typeof value !== 'string' || value === '') return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value.trim());
  return m ? m[1].toLowerCase() : null;
}

/**
 * Whether `value` (a Host header) names this server: a loopback name, or one of
 * `allowedHosts` (host names given by the operator, e.g. for a LAN address).
 */
export function hostAllowed(value, allowedHosts = []) {
  const name = hostName(value);
  if (!name) return false;
  return LOOPBACK.has(name) || name.endsWith('.localhost') || allowedHosts.includes(name);
}

/**
 * Whether a write comes from this site's own page: `Origin` equals `http(s)://<Host>`,
 * or there is no Origin and `Sec-Fetch-Site` is `same-origin`.
 */
export function sameOrigin(headers) {
  const origin = headers.origin;
  if (origin !== undefined) {
    return origin === `http://${headers.host}` || origin === `https://${headers.host}`;
  }
  return headers['sec-fetch-site'] === 'same-origin';
}

/**
 * A request handler for /omise/*: `proxy(req, res, rest, search)` with `rest` the path
 * after /omise. `api` is the API's base URL, `secretKey` the key to add.
 */
export function createProxy({ api, secretKey, allowedHosts = [], log = () => {} }) {
  const apiBase = new URL(String(api).replace(/\/+$/, '') + '/');
  const authorization = 'Basic ' + Buffer.from(secretKey + ':').toString('base64');
  let writes = 0;

  return async function proxy(req, res, rest, search) {
    if (!hostAllowed(req.headers.host, allowedHosts)) {
      return error(res, 421, 'misdirected_request', 'this proxy only answers requests addressed to its own host name');
    }
    const write = WRITES.has(req.method);
    if (req.method !== 'GET' && !write) {
      res.setHeader('Allow', 'GET, POST, PATCH, DELETE');
      return error(res, 405, 'method_not_allowed', `${req.method} is not forwarded`);
    }
    // A cross-site read cannot see the answer (no CORS headers here), but it need not be sent either.
    const crossSite = req.headers['sec-fetch-site'] === 'cross-site' || req.headers['sec-fetch-site'] === 'same-site';
    if ((write && !sameOrigin(req.headers)) || crossSite) {
      req.resume();
      return error(res, 403, 'forbidden_origin', 'the proxy only forwards requests from this site\'s own page');
    }
    if (!ALLOWED_PATH.test(rest)) {
      return error(res, 404, 'not_found', 'the demo proxy only forwards /disputes and /transactions');
    }
    const declared = Number(req.headers['content-length'] || 0);
    if (!Number.isFinite(declared) || declared > MAX_BODY) {
      req.resume();
      return error(res, 413, 'request_too_large', 'request body too large for the demo proxy', { Connection: 'close' });
    }
    if (write && writes >= MAX_WRITES) {
      req.resume();
      return error(res, 503, 'service_unavailable', 'too many writes in flight; try again shortly', { 'Retry-After': '1' });
    }

    const headers = { authorization };
    for (const h of FORWARD_REQUEST) if (req.headers[h] !== undefined) headers[h] = req.headers[h];
    const target = new URL(rest.slice(1) + search, apiBase);
    const ac = new AbortController();
    // The page went away (navigation, a timeout, a cancelled upload): a read or a body
    // still arriving is cut off; a write already sent in full is left to finish, so the
    // API ends in a definite state that the page can read back.
    res.on('close', () => { if (!res.writableFinished && !(write && req.complete)) ac.abort(); });

    let body;
    if (req.method === 'POST' || req.method === 'PATCH') {
      // Streamed as it arrives, and cut off past MAX_BODY (a chunked body has no length).
      let size = 0;
      body = Readable.toWeb(req.on('data', (c) => {
        size += c.length;
        if (size > MAX_BODY) {
          ac.abort();
          if (!res.headersSent) error(res, 413, 'request_too_large', 'request body too large for the demo proxy', { Connection: 'close' });
          req.destroy();
        }
      }));
    } else {
      req.resume();
    }

    if (write) writes += 1;
    let upstream;
    try {
      upstream = await fetch(target, {
        method: req.method, headers, body, duplex: body ? 'half' : undefined, signal: ac.signal, redirect: 'manual',
      });
    } catch (e) {
      if (write) writes -= 1;
      if (ac.signal.aborted || res.headersSent) return;
      log(`proxy: ${req.method} ${rest} failed: ${e.cause?.code || e.message}`);
      return error(res, 502, 'bad_gateway', 'the demo proxy could not reach the Omise API');
    }
    if (res.destroyed) {
      if (write) writes -= 1;
      upstream.body?.cancel().catch(() => {});
      return;
    }
    const out = { 'Cache-Control': 'no-store' };
    for (const h of FORWARD_RESPONSE) {
      const v = upstream.headers.get(h);
      if (v !== null) out[h] = v;
    }
    // fetch() decodes compressed bodies; the length no longer applies then.
    if (upstream.headers.get('content-encoding')) delete out['content-length'];
    res.writeHead(upstream.status, out);
    const done = () => { if (write) { writes -= 1; } };
    if (!upstream.body) { done(); return res.end(); }
    res.once('close', done);
    Readable.fromWeb(upstream.body).on('error', () => res.destroy()).pipe(res);
  };
}
