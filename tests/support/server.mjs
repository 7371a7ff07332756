// The tests' one way to start a server: spawn it in its own process group, wait until
// it is ready, and stop the whole group again. A server is ready when the first line it
// prints is its http:// URL (the emulator, the demo server), or, for servers that print
// something else first (next start, wrangler dev), when `ready` (a URL) answers.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';

/**
 * Starts `cmd args` and resolves with `{ child, url, stop, output }` once it is ready.
 * Options: `cwd`, `env`, `ready` (a URL to poll instead of reading the first line),
 * `timeoutMs` (default 20 s, or 120 s with `ready`).
 */
export async function startServer(cmd, args, { cwd, env, ready, timeoutMs = ready ? 120_000 : 20_000 } = {}) {
  const name = `${path.basename(cmd)} ${args.join(' ')}`;
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (d) => { output += d; });
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => { exited = code ?? signal; resolve(); }));
  const stop = async () => {
    if (exited !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
    await exit;
    clearTimeout(t);
  };
  const failed = (why) => new Error(`${name} ${why}:\n${output}`);
  try {
    const url = ready ? await pollReady(ready) : await firstLineUrl();
    return { child, url, stop, output: () => output };
  } catch (e) {
    await stop();
    throw e;
  }

  function firstLineUrl() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(failed(`printed no URL within ${timeoutMs} ms`)), timeoutMs);
      const lines = createInterface({ input: child.stdout });
      lines.once('line', (line) => {
        clearTimeout(timer);
        if (/^http:\/\//.test(line)) resolve(line.trim());
        else reject(failed(`printed ${JSON.stringify(line)} first, not a URL`));
        child.stdout.on('data', (d) => { output += d; });
      });
      exit.then(() => { clearTimeout(timer); reject(failed(`exited (${exited}) before printing its URL`)); });
      child.once('error', (e) => { clearTimeout(timer); reject(e); });
    });
  }

  async function pollReady(url) {
    child.stdout.on('data', (d) => { output += d; });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited !== null) throw failed(`exited (${exited})`);
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        await res.arrayBuffer();
        if (res.status < 500) return url;
      } catch { /* not up yet */ }
      if (Date.now() > deadline) throw failed(`did not answer ${url}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
