#!/usr/bin/env node
// The demo's own web server: serves the dashboard (www/), the library's browser build
// (/pkg/ -> pkg/web/) and a small proxy /omise/* -> the Omise API (here the local
// emulator) that adds the secret key. The page itself never sees the key.
//
//   node www/server.mjs --api http://127.0.0.1:PORT [--port 0] [--host 127.0.0.1]
//                       [--pkg pkg/web]
//   The secret key comes from OMISE_SECRET_KEY (default: the emulator's skey_test_emulator).
//
// Prints the dashboard's URL (http://HOST:PORT/) as its first stdout line.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function parseArgs(argv) {
  const out = {
    api: process.env.OMISE_API_URL || '',
    host: '127.0.0.1',
    port: 0,
    pkg: process.env.OMISE_DEMO_PKG || path.join(root, 'pkg', 'web'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--api': out.api = value(); break;
      case '--host': out.host = value(); break;
      case '--port': out.port = Number(value()); break;
      case '--pkg': out.pkg = path.resolve(value()); break;
      case '-h': case '--help':
        console.log('usage: node www/server.mjs --api URL [--host 127.0.0.1] [--port 0] [--pkg pkg/web]');
        process.exit(0);
        break;
      default:
        console.error(`server.mjs: unknown argument ${argv[i]}`);
        process.exit(2);
    }
  }
  if (!out.api) {
    console.error('server.mjs: --api URL (the Omise API or emulator base URL) is required');
    process.exit(2);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    console.error('server.mjs: --port must be 0..65535');
    process.exit(2);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const apiBase = new URL(args.api.replace(/\/+$/, '') + '/');
const secretKey = process.env.OMISE_SECRET_KEY || 'skey_test_emulator';
const authorization = 'Basic ' + Buffer.from(secretKey + ':').toString('base64');
const wwwDir = here;
const pkgDir = args.pkg;

// Largest request body the proxy forwards: a 10 MiB document plus multipart overhead.
const MAX_BODY = 10 * 1024 * 1024 + 64 * 1024;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
};

// Only our own scripts run; fetches go to this origin and to the API's origin (for the
// document download links, which are absolute URLs on the API host).
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  `connect-src 'self' ${apiBase.origin}`,
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function securityHeaders(res) {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

function sendText(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function sendJson(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Serves a file below `dir`; `rel` is the URL path below the mount point. */
function serveStatic(req, res, dir, rel) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'method not allowed');
  }
  let decoded;
  try {
    decoded = decodeURIComponent(rel);
  } catch {
    return sendText(res, 400, 'bad path');
  }
  if (decoded.includes('\0')) return sendText(res, 400, 'bad path');
  const file = path.resolve(dir, '.' + path.posix.normalize('/' + decoded));
  if (file !== dir && !file.startsWith(dir + path.sep)) return sendText(res, 404, 'not found');
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return sendText(res, 404, 'not found');
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });
}

// Request headers passed on to the API; everything else (cookies, the browser's own
// Authorization, ...) stays here.
const FORWARD_REQUEST = ['accept', 'content-type', 'content-length', 'omise-version', 'user-agent'];
// Response headers passed back.
const FORWARD_RESPONSE = ['content-type', 'content-length', 'retry-after', 'omise-version', 'location'];
// The API paths the proxy exposes (the emulator's control API is not among them).
const ALLOWED = /^\/(disputes|transactions)(\/[0-9A-Za-z_]+)*\/?$/;

async function proxy(req, res, rest, search) {
  if (!ALLOWED.test(rest)) return sendJson(res, 404, {
    object: 'error', location: null, code: 'not_found', message: 'the demo proxy only forwards /disputes and /transactions',
  });
  if (!['GET', 'POST', 'PATCH', 'DELETE'].includes(req.method)) {
    return sendJson(res, 405, { object: 'error', code: 'method_not_allowed', message: `${req.method} is not forwarded` });
  }
  const declared = Number(req.headers['content-length'] || 0);
  if (declared > MAX_BODY) {
    req.resume();
    return sendJson(res, 413, { object: 'error', code: 'request_too_large', message: 'request body too large for the demo proxy' });
  }
  const headers = { authorization };
  for (const h of FORWARD_REQUEST) if (req.headers[h] !== undefined) headers[h] = req.headers[h];

  const target = new URL(rest.slice(1) + search, apiBase);
  const hasBody = req.method === 'POST' || req.method === 'PATCH';
  let body;
  if (hasBody) {
    const chunks = [];
    let size = 0;
    try {
      for await (const c of req) {
        size += c.length;
        if (size > MAX_BODY) {
          return sendJson(res, 413, { object: 'error', code: 'request_too_large', message: 'request body too large for the demo proxy' });
        }
        chunks.push(c);
      }
    } catch {
      return; // the browser went away
    }
    body = Buffer.concat(chunks);
    headers['content-length'] = String(body.length);
  }
  const ac = new AbortController();
  res.on('close', () => { if (!res.writableFinished) ac.abort(); });
  let upstream;
  try {
    upstream = await fetch(target, { method: req.method, headers, body, signal: ac.signal, redirect: 'manual' });
  } catch (e) {
    if (ac.signal.aborted) return;
    log(`proxy: ${req.method} ${rest} failed: ${e.cause?.code || e.message}`);
    return sendJson(res, 502, { object: 'error', location: null, code: 'bad_gateway', message: 'the demo proxy could not reach the Omise API' });
  }
  const out = { 'Cache-Control': 'no-store' };
  for (const h of FORWARD_RESPONSE) {
    const v = upstream.headers.get(h);
    if (v !== null) out[h] = v;
  }
  // fetch() decodes compressed bodies; the length no longer applies then.
  if (upstream.headers.get('content-encoding')) delete out['content-length'];
  res.writeHead(upstream.status, out);
  if (!upstream.body || req.method === 'HEAD') return res.end();
  Readable.fromWeb(upstream.body).on('error', () => res.destroy()).pipe(res);
}

function log(msg) {
  if (process.env.DEMO_QUIET !== '1') process.stderr.write(`demo-server: ${msg}\n`);
}

const server = http.createServer((req, res) => {
  securityHeaders(res);
  let url;
  try {
    url = new URL(req.url, 'http://localhost');
  } catch {
    return sendText(res, 400, 'bad request');
  }
  const p = url.pathname;
  if (p === '/omise' || p.startsWith('/omise/')) {
    proxy(req, res, p.slice('/omise'.length), url.search).catch((e) => {
      log(`proxy error: ${e.message}`);
      if (!res.headersSent) sendJson(res, 500, { object: 'error', code: 'internal_error', message: 'demo proxy error' });
      else res.destroy();
    });
    return;
  }
  if (p.startsWith('/pkg/')) return serveStatic(req, res, pkgDir, p.slice('/pkg/'.length));
  if (p === '/' || p === '/index.html') return serveStatic(req, res, wwwDir, 'index.html');
  if (p === '/server.mjs') return sendText(res, 404, 'not found');
  return serveStatic(req, res, wwwDir, p.slice(1));
});

server.listen(args.port, args.host, () => {
  const { port } = server.address();
  const shown = args.host === '0.0.0.0' || args.host === '::' ? '127.0.0.1' : args.host;
  const host = shown.includes(':') ? `[${shown}]` : shown;
  process.stdout.write(`http://${host}:${port}/\n`);
  log(`proxying /omise/* to ${apiBase.origin}${apiBase.pathname}, serving the library from ${path.relative(root, pkgDir) || pkgDir}`);
  if (!fs.existsSync(path.join(pkgDir, 'omise_wasm.js'))) {
    log(`warning: ${pkgDir}/omise_wasm.js is missing; run bash scripts/build.sh`);
  }
});

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    server.closeAllConnections?.();
    process.exit(0);
  });
}
