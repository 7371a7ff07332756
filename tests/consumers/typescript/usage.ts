// Every call of API.md, written the way a user writes it: no `!`, no `??` to please the
// compiler, no cast. Must compile under strict + exactOptionalPropertyTypes with every
// TypeScript version and module setting of typescript.test.mjs. Type-level checks
// (Equal) prove the declarations are exact, not `any`.
import init, {
  Omise,
  OmiseError,
  OmiseValidationError,
  OmiseApiError,
  OmiseNetworkError,
  OmiseTimeoutError,
} from 'omise-wasm';
import type {
  Dispute, DisputeDocument, DeletedDocument, DisputeStatus, Transaction, List, OmiseOptions,
  ListParams, DisputeIterateParams, UploadOptions, UploadProgress, DocumentKind, RequestOptions,
} from 'omise-wasm';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectType<T extends true>(): void {}

// An environment variable is `string | undefined`; the options take it as it is.
declare const env: { OMISE_SECRET_KEY?: string | undefined };

export async function dashboard(): Promise<void> {
  await init();
  const omise = new Omise({ secretKey: env.OMISE_SECRET_KEY });
  const options: OmiseOptions = {
    secretKey: 'skey_test_emulator',
    baseUrl: '/omise',
    apiVersion: '2019-05-29',
    timeoutMs: 10_000,
    maxRetries: 3,
    headers: { 'X-Proxy-Auth': 'token' },
    userAgent: 'my-shop/1.0',
    dangerouslyAllowSecretKeyInBrowser: false,
  };
  void new Omise(options);
  void new Omise();

  const controller = new AbortController();
  const req: RequestOptions = { signal: controller.signal, timeoutMs: 5_000, maxRetries: 0 };
  const params: ListParams = {
    offset: 0, limit: 100, from: '2024-01-01T00:00:00Z', to: new Date(), order: 'reverse_chronological',
  };

  // Disputes: the fields a dashboard shows need nothing but a read.
  const all = await omise.disputes.list();
  expectType<Equal<typeof all, List<Dispute>>>();
  const pages = Math.ceil(all.total / all.limit);
  const open = await omise.disputes.listOpen({ limit: 10 }, req);
  const pending = await omise.disputes.listPending(params);
  const closed = await omise.disputes.listClosed(undefined, { signal: controller.signal });
  console.log(pages, all.offset, all.from, all.to, open.data.length, pending.total, closed.object);

  let owed = 0;
  for (const d of open.data) {
    owed += d.amount;
    const row = `${d.id} ${d.amount} ${d.currency.toUpperCase()} ${d.status} ${d.created_at.slice(0, 10)}`;
    console.log(row, d.charge, d.livemode, d.location, d.reason_code, d.message?.length);
  }
  console.log(owed);

  const dispute = await omise.disputes.retrieve('dspt_test_5ktkyd0y7rez5rqc80m', req);
  expectType<Equal<typeof dispute, Dispute>>();
  const status: DisputeStatus = dispute.status;
  expectType<Equal<DisputeStatus, 'open' | 'pending' | 'won' | 'lost'>>();
  if (status === 'open' && dispute.message === null) console.log('waiting for an answer');
  if (dispute.reason_code === 'goods_or_services_not_provided') console.log(dispute.reason_message);
  const code: string | undefined = dispute.reason_code; // open set: any string
  const docs: List<DisputeDocument> | undefined = dispute.documents;
  for (const doc of docs?.data ?? []) console.log(doc.filename, doc.kind, doc.download_uri);
  const orderId = dispute.metadata?.['order_id'];
  console.log(code, orderId, dispute.closed_at, dispute.funding_amount, dispute.transactions?.length);

  const updated = await omise.disputes.update(dispute.id, { message: 'Proof of delivery attached.' });
  const updated2 = await omise.disputes.update(dispute.id,
    { message: 'See the receipt.', metadata: { ticket: 42, agent: 'somchai' } }, req);
  expectType<Equal<typeof updated, Dispute>>();
  console.log(updated.message, updated2.metadata, updated2.status);
  const conceded = await omise.disputes.accept(dispute.id, req);
  expectType<Equal<typeof conceded, Dispute>>();
  console.log(conceded.status, (await omise.disputes.accept(dispute.id)).closed_at);

  const iterateParams: DisputeIterateParams = { status: 'open', limit: 100, order: 'chronological' };
  for await (const d of omise.disputes.iterate(iterateParams, req)) {
    expectType<Equal<typeof d, Dispute>>();
    console.log(d.id, d.amount);
  }
  for await (const d of omise.disputes.iterate()) console.log(d.created_at);

  // Documents
  const progress: UploadProgress[] = [];
  const kind: DocumentKind = 'proof_of_receipt';
  const uploadOptions: UploadOptions = {
    kind,
    filename: 'receipt.pdf',
    onProgress: (e) => { progress.push({ loaded: e.loaded, total: e.total }); },
    signal: controller.signal,
    timeoutMs: 120_000,
  };
  const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);
  const doc = await omise.documents.upload(dispute.id, pdf, uploadOptions);
  expectType<Equal<typeof doc, DisputeDocument>>();
  const blob = new Blob([pdf], { type: 'application/pdf' });
  await omise.documents.upload(dispute.id, blob);
  const file = new File([pdf], 'receipt.pdf', { type: 'application/pdf' });
  await omise.documents.upload(dispute.id, file, { kind: 'cardholder_details', onProgress: ({ loaded, total }) => console.log(loaded / total) });

  const docList = await omise.documents.list(dispute.id, { limit: 5 }, req);
  expectType<Equal<typeof docList, List<DisputeDocument>>>();
  const again = await omise.documents.retrieve(dispute.id, doc.id, req);
  console.log(again.filename.endsWith('.pdf'), again.kind, again.download_uri, docList.total);
  const gone = await omise.documents.destroy(dispute.id, doc.id);
  expectType<Equal<typeof gone, DeletedDocument>>();
  const deleted: true = gone.deleted;
  console.log(deleted, gone.id);

  // The DOM's Document is still the DOM's.
  const title: string = document.title;
  console.log(title);

  // Transactions
  const txs = await omise.transactions.list({ limit: 20, order: 'chronological' }, req);
  expectType<Equal<typeof txs, List<Transaction>>>();
  const [latest] = txs.data;
  if (latest) {
    const tx = await omise.transactions.retrieve(latest.id);
    const sign = tx.direction === 'credit' ? 1 : -1;
    console.log(sign * tx.amount, tx.currency, tx.created_at, tx.key, tx.origin);
  }
  for await (const t of omise.transactions.iterate({ limit: 100 })) {
    expectType<Equal<typeof t, Transaction>>();
    console.log(t.id);
  }
}

// Errors: `instanceof` narrows, with no cast.
export async function describeFailure(omise: Omise): Promise<string> {
  try {
    await omise.disputes.retrieve('dspt_test_missing');
    return 'ok';
  } catch (e) {
    if (e instanceof OmiseValidationError) return `${e.code} ${e.param}`;
    if (e instanceof OmiseApiError) {
      const location: string | null = e.location;
      return `${e.status} ${e.code} ${location} ${e.message}`;
    }
    if (e instanceof OmiseNetworkError) {
      const status: number | undefined = e.status;
      const cause: unknown = e.cause;
      return `${e.code} ${status} ${String(cause)}`;
    }
    if (e instanceof OmiseTimeoutError) return `timed out after ${e.timeoutMs} ms`;
    if (e instanceof OmiseError) return JSON.stringify(e);
    if (e instanceof Error && e.name === 'AbortError') return 'aborted';
    throw e;
  }
}
