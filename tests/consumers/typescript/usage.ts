// Every call of API.md, as a TypeScript user writes it; must compile under --strict.
// Type-level checks (Equal) prove the declarations are precise, not `any`.
import init, { Omise } from 'omise-wasm';
import type {
  Dispute, Document, Transaction, List, OmiseError, OmiseOptions, ListParams,
  DisputeIterateParams, UploadOptions, UploadProgress, DocumentKind, RequestOptions,
} from 'omise-wasm';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
function expectType<T extends true>(): void {}

export async function everyCall(): Promise<void> {
  await init();

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
  const omise = new Omise(options);
  const bare = new Omise();
  void bare;

  const controller = new AbortController();
  const req: RequestOptions = { signal: controller.signal, timeoutMs: 5_000, maxRetries: 0 };
  const params: ListParams = {
    offset: 0, limit: 100, from: '2024-01-01T00:00:00Z', to: new Date(), order: 'reverse_chronological',
  };

  // disputes
  const all = await omise.disputes.list();
  expectType<Equal<typeof all, List<Dispute>>>();
  const open = await omise.disputes.listOpen({ limit: 10 }, req);
  const pending = await omise.disputes.listPending(params);
  const closed = await omise.disputes.listClosed(undefined, { signal: controller.signal });
  const total: number | null | undefined = all.total;
  const first: Dispute | undefined = open.data[0];
  console.log(total, pending.data.length, closed.object === 'list', first?.status);

  const dispute = await omise.disputes.retrieve('dspt_test_5ktkyd0y7rez5rqc80m', req);
  expectType<Equal<typeof dispute, Dispute>>();
  const id: string = dispute.id;
  const status: 'open' | 'pending' | 'won' | 'lost' | null | undefined = dispute.status;
  const docs: List<Document> | null | undefined = dispute.documents;
  console.log(id, status, docs?.total, dispute.amount, dispute.currency, dispute.reason_code);

  const updated = await omise.disputes.update(dispute.id, { message: 'Proof of delivery attached.' });
  const updated2 = await omise.disputes.update(dispute.id,
    { message: 'See the receipt.', metadata: { ticket: 42, agent: 'somchai' } }, req);
  expectType<Equal<typeof updated, Dispute>>();
  console.log(updated.message, updated2.metadata);
  const conceded = await omise.disputes.accept(dispute.id, req);
  expectType<Equal<typeof conceded, Dispute>>();
  console.log(conceded.status, (await omise.disputes.accept(dispute.id)).closed_at);

  const iterateParams: DisputeIterateParams = { status: 'open', limit: 100, order: 'chronological' };
  for await (const d of omise.disputes.iterate(iterateParams, req)) {
    expectType<Equal<typeof d, Dispute>>();
    console.log(d.id, d.amount);
  }
  for await (const d of omise.disputes.iterate()) console.log(d.created_at);

  // documents
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
  expectType<Equal<typeof doc, Document>>();
  const blob = new Blob([pdf], { type: 'application/pdf' });
  await omise.documents.upload(dispute.id, blob);
  const file = new File([pdf], 'receipt.pdf', { type: 'application/pdf' });
  await omise.documents.upload(dispute.id, file, { kind: 'cardholder_details', onProgress: ({ loaded, total }) => console.log(loaded / total) });

  const docList = await omise.documents.list(dispute.id, { limit: 5 }, req);
  expectType<Equal<typeof docList, List<Document>>>();
  const again = await omise.documents.retrieve(dispute.id, doc.id, req);
  console.log(again.filename, again.kind, again.download_uri);
  const gone = await omise.documents.destroy(dispute.id, doc.id);
  const deleted: boolean | null | undefined = gone.deleted;
  console.log(deleted);

  // transactions
  const txs = await omise.transactions.list({ limit: 20, order: 'chronological' }, req);
  expectType<Equal<typeof txs, List<Transaction>>>();
  const tx = await omise.transactions.retrieve(txs.data[0]!.id);
  const direction: 'credit' | 'debit' | null | undefined = tx.direction;
  console.log(direction, tx.amount, tx.key);
  for await (const t of omise.transactions.iterate({ limit: 100 })) {
    expectType<Equal<typeof t, Transaction>>();
    console.log(t.id);
  }
}

// errors: narrowed by `name`
export async function errors(omise: Omise): Promise<string> {
  try {
    await omise.disputes.retrieve('dspt_test_missing');
    return 'ok';
  } catch (e) {
    const err = e as OmiseError;
    if (!(err instanceof Error)) return 'not an Error';
    switch (err.name) {
      case 'OmiseValidationError': {
        const code: string = err.code;
        const param: string = err.param;
        return `${code} ${param}`;
      }
      case 'OmiseApiError': {
        const status: number = err.status;
        const location: string | null = err.location;
        return `${status} ${err.code} ${location} ${err.message}`;
      }
      case 'OmiseNetworkError': {
        const code: 'network' | 'malformed_response' = err.code;
        const status: number | undefined = err.status;
        return `${code} ${status}`;
      }
      case 'OmiseTimeoutError': {
        const ms: number = err.timeoutMs;
        return `timed out after ${ms} ms`;
      }
      case 'AbortError':
        return 'aborted';
      default: {
        const never: never = err;
        return never;
      }
    }
  }
}
