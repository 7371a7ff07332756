#!/usr/bin/env node
// The demo's own web server: the dashboard (www/public/, and nothing else of www/), the
// library's browser build (/pkg/ -> pkg/web/) and the proxy /omise/* -> the Omise API
// (here the local emulator), which adds the secret key (www/proxy.mjs). The page never
// sees the key.
//
//   OMISE_SECRET_KEY=skey_... node www/server.mjs --api http://127.0.0.1:PORT
//       [--port 0] [--host 127.0.0.1] [--pkg pkg/web] [--allow-host NAME]...
//   The key comes only from the environment (default: the emulator's skey_test_emulator),
//   never from the command line, where `ps` would show it. --allow-host adds a host name
//   the proxy answers to besides the loopback ones (or DEMO_ALLOWED_HOSTS, comma-separated).
//
// Prints the dashboard's URL (http://HOST:PORT/) as its first stdout line.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createProxy, hostAllowed } from './proxy.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function usage(code) {
  const text = 'usage: OMISE_SECRET_KEY=... node www/server.mjs --api URL [--host 127.0.0.1] [--port 0] [--pkg pkg/web] [--allow-host NAME]';
  (code ? console.error : console.log)(text);
  process.exit(code);
}

function parseArgs(argv) {
  const out = {
    api: process.env.OMISE_API_URL || '',
    host: '127.0.0.1',
    port: 0,
    pkg: process.env.OMISE_DEMO_PKG || path.join(root, 'pkg', 'web'),
    allowHosts: (process.env.DEMO_ALLOWED_HOSTS || '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--api': out.api = value(); break;
      case '--host': out.host = value(); break;
      case '--port': out.port = Number(value()); break;
      case '--pkg': out.pkg = path.resolve(value()); break;
      case '--allow-host': out.allowHosts.push(String(value()).toLowerCase()); break;
      case '-h': case '--help': usage(0); break;
      default:
        console.error(`server.mjs: unknown argument ${argv[i]}${/key/i.test(argv[i]) ? ' (the key comes from OMISE_SECRET_KEY only)' : ''}`);
        usage(2);
    }
  }
  if (!out.api) {
    console.error('server.mjs: --api URL (the Omise API or emulator base URL) is required');
    usage(2);
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    console.error('server.mjs: --port must be 0..65535');
    usage(2);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const apiBase = new URL(args.api.replace(/\/+$/, '') + '/');
const publicDir = path.join(here, 'public');
const pkgDir = args.pkg;
// A host the server was bound to by name is its own, too.
const allowedHosts = [...args.allowHosts];
if (!['0.0.0.0', '::'].includes(args.host)) allowedHosts.push(args.host.includes(':') ? `[${args.host}]` : args.host.toLowerCase());

const proxy = createProxy({
  api: apiBase.href,
  secretKey: process.env.OMISE_SECRET_KEY || 'skey_test_emulator',
  allowedHosts,
  log,
});

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
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.ts']);

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
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendText(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

// Compressed copies of static files, keyed by path, encoding and validator.
const compressed = new Map();

function compress(file, etag, encoding, bytes) {
  const key = `${file}\0${encoding}\0${etag}`;
  let out = compressed.get(key);
  if (!out) {
    out = encoding === 'br'
      ? zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } })
      : zlib.gzipSync(bytes, { level: 9 });
    compressed.set(key, out);
  }
  return out;
}

function pickEncoding(accept = '') {
  const offered = accept.toLowerCase().split(',').map((s) => s.trim().split(';')[0]);
  if (offered.includes('br')) return 'br';
  if (offered.includes('gzip')) return 'gzip';
  return null;
}

/**
 * Serves a file below `dir` (never above it: `rel` is decoded once, then resolved and
 * checked), with an ETag and Last-Modified for revalidation and gzip/brotli when asked.
 */
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
  if (decoded.includes('\0') || decoded.includes('\\')) return sendText(res, 400, 'bad path');
  const file = path.resolve(dir, '.' + path.posix.normalize('/' + decoded));
  if (!file.startsWith(dir + path.sep)) return sendText(res, 404, 'not found');
  fs.stat(file, (err, st) => {
    if (err || !st.isFile()) return sendText(res, 404, 'not found');
    const etag = `"${st.size.toString(36)}-${Math.floor(st.mtimeMs).toString(36)}"`;
    const ext = path.extname(file);
    const headers = {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      ETag: etag,
      'Last-Modified': st.mtime.toUTCString(),
      Vary: 'Accept-Encoding',
    };
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').map((s) => s.trim().replace(/^W\//, '')).includes(etag)) {
      res.writeHead(304, headers);
      return res.end();
    }
    const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : null;
    if (!encoding) {
      res.writeHead(200, { ...headers, 'Content-Length': st.size });
      if (req.method === 'HEAD') return res.end();
      return fs.createReadStream(file).pipe(res);
    }
    fs.readFile(file, (e, bytes) => {
      if (e) return sendText(res, 404, 'not found');
      const body = compress(file, etag, encoding, bytes);
      res.writeHead(200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
}

function log(msg) {
  if (process.env.DEMO_QUIET !== '1') process.stderr.write(`demo-server: ${msg}\n`);
}

const server = http.createServer((req, res) => {
  securityHeaders(res);
  // Every answer, not only the proxy's, is for our own host names (DNS rebinding).
  if (!hostAllowed(req.headers.host, allowedHosts)) {
    return sendText(res, 421, 'misdirected request: unknown host name');
  }
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
      if (!res.headersSent) sendText(res, 500, 'demo proxy error');
      else res.destroy();
    });
    return;
  }
  if (p.startsWith('/pkg/')) return serveStatic(req, res, pkgDir, p.slice('/pkg/'.length));
  if (p === '/') return serveStatic(req, res, publicDir, 'index.html');
  return serveStatic(req, res, publicDir, p.slice(1));
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
