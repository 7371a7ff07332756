// Cold start: import + construct + first call in a fresh Node process, omise-wasm (by
// import and by require) versus the official SDK, each repeated, interleaved (the order
// rotates), medians. Usage: node cold.mjs --url EMULATOR_URL [--omise] [--n 15]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { root, summary, writeResult, arg, log } from './lib.mjs';

const base = arg('url');
const N = Number(arg('n', 15));
const modes = ['wasm-import', 'wasm-require', 'fetch'];
if (process.argv.includes('--omise')) modes.push('omise');
const child = path.join(root, 'bench/cold-child.mjs');

const runs = Object.fromEntries(modes.map((m) => [m, []]));
for (let r = -1; r < N; r++) {
  for (let k = 0; k < modes.length; k++) {
    const mode = modes[(r + 1 + k) % modes.length];
    const t0 = performance.now();
    const outText = execFileSync(process.execPath, [child, mode, base], { encoding: 'utf8' });
    const wall = performance.now() - t0;
    if (r >= 0) runs[mode].push({ ...JSON.parse(outText), wall });
  }
}
const keys = ['load', 'construct', 'firstCall', 'inScript', 'total', 'wall'];
const stats = Object.fromEntries(modes.map((m) => [m,
  Object.fromEntries(keys.map((k) => [k, summary(runs[m].map((x) => x[k]))]))]));
for (const m of modes) {
  const s = stats[m];
  log(`cold: ${m} median in-script ${s.inScript.median.toFixed(1)} ms (load ${s.load.median.toFixed(1)}, construct ${s.construct.median.toFixed(2)}, first call ${s.firstCall.median.toFixed(1)}), process wall ${s.wall.median.toFixed(1)} ms`);
}
writeResult('cold', { n: N, stats });
