// The one omise-wasm client of the page, and a record of the last call made (shown in
// the developer panel). The page holds no secret key: the library talks to this site's
// own proxy at /omise, which adds it (www/proxy.mjs).

import init, { Omise } from '/pkg/omise_wasm.js';

/** @type {import('/pkg/omise_wasm.js').Omise} */
export let omise;

/** Loads the library (`init` is harmless where it is no longer needed) and makes the client. */
export async function startClient() {
  await init();
  // ?timeoutMs=… shortens the per-attempt timeout, to see what a timeout looks like.
  const t = Number(new URLSearchParams(location.search).get('timeoutMs'));
  omise = new Omise({ baseUrl: '/omise', timeoutMs: Number.isInteger(t) && t > 0 ? t : 20000 });
}

const listeners = new Set();
let last = null;

/** The last call: `{ code, outcome }` (code is the JavaScript that was run). */
export function lastCall() {
  return last;
}

/** Calls `fn` whenever a call starts or ends. */
export function onCall(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function notify() {
  for (const fn of listeners) fn(last);
}

/** Runs one library call, remembering it as `code` for the developer panel. */
export async function call(code, fn) {
  const mine = { code, outcome: 'pending' };
  last = mine;
  notify();
  try {
    const r = await fn(omise);
    mine.outcome = 'resolved';
    return r;
  } catch (e) {
    mine.outcome = `rejected: ${e?.name || 'Error'}${e?.code ? ` (${e.code})` : ''}`;
    throw e;
  } finally {
    if (last === mine) notify();
  }
}

/** A JavaScript literal for an argument shown in `code`. */
export function lit(v) {
  return JSON.stringify(v);
}
