// Deliberate mistakes: each line marked `@expect TSnnnn` must be reported by tsc with that
// code (`TSaaaa|TSbbbb`: the code differs between TypeScript versions), and nothing else
// may be reported. The test keeps each mark on its own line.
import { Omise, OmiseApiError, OmiseTimeoutError } from 'omise-wasm';
import type { Document } from 'omise-wasm'; // @expect TS2724

export async function mistakes(): Promise<void> {
  const omise = new Omise({ secretkey: 'skey_test_x' }); // @expect TS2561|TS2345
  const d = await omise.disputes.retrieve('dspt_test_x');
  console.log(d.stauts); // @expect TS2551
  if (d.status === 'closed') console.log('never'); // @expect TS2367
  const funded: number = d.funding_amount; // @expect TS2322
  const answer: string = d.message; // @expect TS2322
  const closedAt: string = d.closed_at; // @expect TS2322
  console.log(funded, answer, closedAt);
  await omise.disputes.list({ order: 'newest' }); // @expect TS2322
  await omise.disputes.update('dspt_test_x', { metadata: { a: 1 } }); // @expect TS2741|TS2345
  await omise.disputes.update('dspt_test_x'); // @expect TS2554
  await omise.disputes.accept('dspt_test_x', { message: 'x' }, {}); // @expect TS2554
  await omise.disputes.retrieve(42); // @expect TS2345
  await omise.transactions.list({ limit: '20' }); // @expect TS2322
  await omise.documents.upload('dspt_test_x', new Uint8Array(4), { kind: 'receipt' }); // @expect TS2322
  await omise.documents.upload('dspt_test_x', 'not a file'); // @expect TS2345
  for await (const x of omise.disputes.iterate({ status: 'won' })) console.log(x); // @expect TS2322
  const list = await omise.transactions.list();
  const n: string = list.total; // @expect TS2322
  console.log(n);
  const gone = await omise.documents.destroy('dspt_test_x', 'docu_test_x');
  if (gone.deleted === false) console.log('never'); // @expect TS2367
  const doc = await omise.documents.retrieve('dspt_test_x', 'docu_test_x');
  const uri: string = doc.download_uri; // @expect TS2322
  console.log(uri);
  omise.disputes.lst(); // @expect TS2551
}

export function narrowing(e: unknown): void {
  if (e instanceof OmiseTimeoutError) console.log(e.status); // @expect TS2339
  if (e instanceof OmiseApiError) console.log(e.timeoutMs); // @expect TS2339
  console.log(e.code); // @expect TS18046
}

export type Unused = Document;
