// Measures what hostile servers cost a caller (issue 14): peak RSS and wasm memory for a
// 20 MiB answer and a 5 MB error message (each in a fresh Node process, so that the
// peak is the scenario's own), and how many requests `iterate` makes against a real
// HTTP server that never ends. Needs pkg/ (make build) and a running emulator:
//   node bench/hostile.mjs http://127.0.0.1:PORT
import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { KEY, loadOmiseWasm } from './lib.mjs';

const MiB = 1024 * 1024;
const here = fileURLToPath(import.meta.url);

/** One scenario in this (child) process: queue the fault, make the call, report. */
async function scenario(base, body) {
  const { Omise, memory } = await loadOmiseWasm();
  const omise = new Omise({ secretKey: KEY, baseUrl: base, maxRetries: 0 });
  await omise.disputes.list({ limit: 1 });
  const rssBefore = process.memoryUsage().rss;
  const wasmBefore = memory.buffer.byteLength;
  const res = await fetch(`${base}/__emulator/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ path: '/disputes', count: 1, body }),
  });
  if (!res.ok) throw new Error(`fault: HTTP ${res.status}`);
  let outcome;
  try {
    await omise.disputes.list();
    outcome = 'resolved';
  } catch (e) {
    const long = e.name === 'OmiseApiError' ? ` (message, code, location kept: ${e.message.length}, ${e.code.length}, ${e.location.length} characters)` : '';
    outcome = `${e.name} ${e.code.slice(0, 30)}${long}`;
  }
  return {
    body,
    outcome,
    rssBeforeMiB: +(rssBefore / MiB).toFixed(1),
    peakRssMiB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
    wasmBeforeMiB: +(wasmBefore / MiB).toFixed(2),
    wasmAfterMiB: +(memory.buffer.byteLength / MiB).toFixed(2),
  };
}

/** A server whose list never ends: fresh disputes on every page, a total always two pages ahead. */
async function neverEnding(base) {
  const one = await fetch(`${base}/disputes?limit=1`, {
    headers: { authorization: 'Basic ' + Buffer.from(KEY + ':').toString('base64') },
  }).then((r) => r.json());
  const template = one.data[0];
  let requests = 0;
  const server = http.createServer((req, res) => {
    requests++;
    const q = new URL(req.url, 'http://x').searchParams;
    const offset = Number(q.get('offset') || 0), limit = Number(q.get('limit') || 20);
    const data = Array.from({ length: limit }, (_, i) => ({ ...template, id: `dspt_test_endless${offset + i}` }));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ...one, data, offset, limit, total: offset + 2 * limit }));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { Omise } = await loadOmiseWasm();
  const omise = new Omise({ secretKey: KEY, baseUrl: `http://127.0.0.1:${server.address().port}`, maxRetries: 0 });
  let items = 0, outcome = 'ended';
  try {
    for await (const _ of omise.disputes.iterate({ limit: 100 })) items++;
  } catch (e) {
    outcome = `${e.name} ${e.code}`;
  }
  server.close();
  return { requests, items, outcome };
}

if (process.argv[2] === '--child') {
  const result = await scenario(process.argv[3], process.argv[4]);
  process.send(result);
} else {
  const base = process.argv[2] || process.env.EMU_URL;
  if (!base) throw new Error('usage: node bench/hostile.mjs http://127.0.0.1:PORT');
  const run = (body) =>
    new Promise((resolve, reject) => {
      const child = fork(here, ['--child', base, body]);
      child.on('message', resolve);
      child.on('exit', (code) => code && reject(new Error(`${body}: exit ${code}`)));
    });
  for (const body of ['huge20', 'huge_gzip', 'long_error']) console.log(JSON.stringify(await run(body)));
  console.log(JSON.stringify({ neverEnding: await neverEnding(base) }));
}
