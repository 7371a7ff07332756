// Consumer: a Cloudflare Worker that does `import { Omise } from 'omise-wasm'` and uses a
// secret key with no flag (workerd is a server), run by `wrangler dev` in workerd (with
// the Node 22 that wrangler needs): it lists disputes, uploads a PDF and gets a typed 404.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { projectWith, requireEnv, startServer, freePort, emulatorGet, REPO, EMU, KEY } from './helpers.mjs';

const NODE22 = join(REPO, 'tests', 'consumers', 'node22', 'node_modules', '.bin', 'node');

const WORKER = `import { Omise } from 'omise-wasm';

const PDF = new TextEncoder().encode('%PDF-1.4\\n1 0 obj << >> endobj\\ntrailer << >>\\n%%EOF\\n');

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === '/__ready') return new Response(null, { status: 204 });
    const omise = new Omise({ secretKey: env.OMISE_SECRET_KEY, baseUrl: env.OMISE_API_URL });
    const list = await omise.disputes.list({ limit: 5 });
    const open = await omise.disputes.listOpen({ limit: 1 });
    const doc = await omise.documents.upload(open.data[0].id, new Blob([PDF], { type: 'application/pdf' }),
      { kind: 'proof_of_receipt', filename: 'delivery.pdf' });
    let notFound;
    try {
      await omise.disputes.retrieve('dspt_test_0nosuchdispute000000');
    } catch (e) {
      notFound = { isError: e instanceof Error, name: e.name, code: e.code, status: e.status };
    }
    return Response.json({ ids: list.data.map((d) => d.id), total: list.total,
      doc: { object: doc.object, filename: doc.filename }, notFound, userAgent: navigator.userAgent });
  },
};
`;

let dir;
before(async () => {
  requireEnv();
  dir = await projectWith('consumer-workers', ['wrangler'], {
    'src/index.js': WORKER,
    'wrangler.jsonc': JSON.stringify({ name: 'omise-wasm-consumer', main: 'src/index.js', compatibility_date: '2025-09-01' }, null, 2),
    // Secrets for `wrangler dev` live in .dev.vars (wrangler does not print their values).
    '.dev.vars': `OMISE_SECRET_KEY=${KEY}\nOMISE_API_URL=${EMU}\n`,
  }, { type: 'module' });
});

test('wrangler dev (workerd) runs the Worker against the emulator', async () => {
  const port = await freePort();
  const inspector = await freePort();
  const home = join(dir, '.home');
  const wrangler = await startServer(NODE22, [join(dir, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), 'dev',
    '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--show-interactive-dev-session=false'], {
    cwd: dir,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), WRANGLER_SEND_METRICS: 'false', CI: '1' },
    ready: `http://127.0.0.1:${port}/__ready`,
    timeoutMs: 180_000,
  });
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    const text = await res.text();
    assert.equal(res.status, 200, `${text}\n${wrangler.output()}`);
    const out = JSON.parse(text);
    const expected = await emulatorGet('/disputes?limit=5');
    assert.equal(out.userAgent, 'Cloudflare-Workers', 'this ran in workerd');
    assert.deepEqual(out.ids, expected.data.map((d) => d.id));
    assert.equal(out.total, expected.total);
    assert.deepEqual(out.doc, { object: 'document', filename: 'delivery.pdf' });
    assert.deepEqual(out.notFound, { isError: true, name: 'OmiseApiError', code: 'not_found', status: 404 });
  } finally {
    await wrangler.stop();
  }
});
