// Consumer: a Next.js app, built with `next build` (Turbopack, the default) and with
// `next build --webpack`, served by `next start`, and served by `next dev`, with no
// Next.js setting at all. It uses
// the package everywhere Next.js runs code: a Node route handler (lists disputes and
// uploads a PDF with the secret key), an edge route handler, a server component, and a
// client component that runs in headless Chromium and Firefox through the merchant's proxy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { projectWith, run, requireEnv, startServer, freePort, emulatorGet, REPO, EMU, KEY } from './helpers.mjs';
import { pageServer, resultFromBrowser, assertPageChecks, BROWSERS, PAGE_CHECKS } from './browsers.mjs';

const FILES = {
  'app/layout.js': `export default function RootLayout({ children }) {
  return <html lang="en"><body>{children}</body></html>;
}
`,
  // A server component: rendered by Node on every request.
  'app/page.js': `import { Omise } from 'omise-wasm';
import Disputes from './disputes.js';

export const dynamic = 'force-dynamic';

export default async function Page() {
  const omise = new Omise({ secretKey: process.env.OMISE_SECRET_KEY, baseUrl: process.env.OMISE_API_URL });
  const list = await omise.disputes.list({ limit: 5 });
  return (
    <main>
      <p id="server" data-ids={list.data.map((d) => d.id).join(',')}>{list.total}</p>
      <Disputes api={process.env.OMISE_API_URL} />
    </main>
  );
}
`,
  // A client component: bundled for the browser (and rendered once on the server).
  'app/disputes.js': `'use client';
import { useEffect } from 'react';
import { Omise } from 'omise-wasm';
import { checks, report } from './checks.js';

export default function Disputes({ api }) {
  useEffect(() => { report(() => checks(Omise, api)); }, [api]);
  return <p id="client">checking</p>;
}
`,
  'app/checks.js': PAGE_CHECKS,
  'app/api/disputes/route.js': `import { Omise } from 'omise-wasm';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const dynamic = 'force-dynamic';

export async function GET() {
  const omise = new Omise({ secretKey: process.env.OMISE_SECRET_KEY, baseUrl: process.env.OMISE_API_URL });
  const list = await omise.disputes.list({ limit: 5 });
  const open = await omise.disputes.listOpen({ limit: 1 });
  const pdf = await readFile(join(process.cwd(), 'delivery.pdf'));
  const doc = await omise.documents.upload(open.data[0].id, pdf, { kind: 'proof_of_receipt', filename: 'delivery.pdf' });
  return Response.json({ ids: list.data.map((d) => d.id), total: list.total, doc: { object: doc.object, filename: doc.filename } });
}
`,
  'app/api/edge/route.js': `import { Omise } from 'omise-wasm';

export const runtime = 'edge';
export const dynamic = 'force-dynamic';

export async function GET() {
  const omise = new Omise({ secretKey: process.env.OMISE_SECRET_KEY, baseUrl: process.env.OMISE_API_URL });
  const list = await omise.disputes.list({ limit: 5 });
  return Response.json({ ids: list.data.map((d) => d.id), total: list.total, edge: typeof EdgeRuntime });
}
`,
};

const NEXT = (dir) => join(dir, 'node_modules', 'next', 'dist', 'bin', 'next');
let dir;
before(async () => {
  requireEnv();
  dir = await projectWith('consumer-next', ['next', 'react', 'react-dom'], FILES);
  await run('cp', [join(REPO, 'tests', 'data', 'delivery.pdf'), join(dir, 'delivery.pdf')]);
});

const env = () => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', OMISE_SECRET_KEY: KEY, OMISE_API_URL: EMU });

for (const bundler of ['turbopack', 'webpack', 'dev']) {
  const title = bundler === 'dev' ? 'next dev (Turbopack)' : `next build (${bundler}) + next start`;
  test(`${title}: route handlers, server and client components`, async (t) => {
    if (bundler !== 'dev') {
      await run(process.execPath, [NEXT(dir), 'build', ...(bundler === 'webpack' ? ['--webpack'] : [])],
        { cwd: dir, env: env(), timeout: 900_000 });
      const wasm = [];
      const walk = async (d) => {
        for (const e of await readdir(d, { withFileTypes: true })) {
          if (e.isDirectory()) await walk(join(d, e.name));
          else if (e.name.endsWith('.wasm')) wasm.push(join(d, e.name));
        }
      };
      await walk(join(dir, '.next', 'static'));
      assert.ok(wasm.length >= 1, 'the client bundle emits the .wasm');
      t.diagnostic(`${bundler}: browser .wasm ${(await readFile(wasm[0])).length} bytes`);
    }

    const port = await freePort();
    const next = await startServer(process.execPath, [NEXT(dir), bundler === 'dev' ? 'dev' : 'start', '-H', '127.0.0.1', '-p', String(port)],
      { cwd: dir, env: env(), ready: `http://127.0.0.1:${port}/api/edge`, timeoutMs: 300_000 });
    const front = await pageServer({ upstream: `http://127.0.0.1:${port}` });
    try {
      const expected = await emulatorGet('/disputes?limit=5');
      const ids = expected.data.map((d) => d.id);

      const node = await (await fetch(`${front.origin}/api/disputes`)).json();
      assert.deepEqual(node.ids, ids, `Node route handler: ${JSON.stringify(node)} ${next.output()}`);
      assert.equal(node.total, expected.total);
      assert.deepEqual(node.doc, { object: 'document', filename: 'delivery.pdf' });

      const edge = await (await fetch(`${front.origin}/api/edge`)).json();
      assert.deepEqual(edge, { ids, total: expected.total, edge: 'string' }, `edge route handler: ${next.output()}`);

      const html = await (await fetch(`${front.origin}/`)).text();
      assert.match(html, new RegExp(`data-ids="${ids.join(',')}"`), 'the server component lists the disputes');
      assert.ok(!html.includes(KEY), 'the page holds no key');

      for (const browser of BROWSERS) {
        await t.test(`client component in ${browser}`, async () => {
          const result = await resultFromBrowser(browser, front, `${front.origin}/`);
          await assertPageChecks(result);
        });
      }
    } finally {
      await front.close();
      await next.stop();
    }
  });
}
