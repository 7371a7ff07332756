// Deliberate mistakes: each line marked `@expect TSnnnn` must be reported by tsc with that
// code, and nothing else may be reported. The test keeps each mark on its own line.
import { Omise } from 'omise-wasm';
import type { OmiseError } from 'omise-wasm';

export async function mistakes(): Promise<void> {
  const omise = new Omise({ secretkey: 'skey_test_x' }); // @expect TS2561
  const d = await omise.disputes.retrieve('dspt_test_x');
  console.log(d.stauts); // @expect TS2551
  await omise.disputes.list({ order: 'newest' }); // @expect TS2322
  await omise.disputes.update('dspt_test_x', { metadata: { a: 1 } }); // @expect TS2741
  await omise.disputes.update('dspt_test_x'); // @expect TS2554
  await omise.disputes.accept('dspt_test_x', { message: 'x' }, {}); // @expect TS2554
  await omise.disputes.retrieve(42); // @expect TS2345
  await omise.transactions.list({ limit: '20' }); // @expect TS2322
  await omise.documents.upload('dspt_test_x', new Uint8Array(4), { kind: 'receipt' }); // @expect TS2322
  await omise.documents.upload('dspt_test_x', 'not a file'); // @expect TS2345
  for await (const x of omise.disputes.iterate({ status: 'won' })) console.log(x); // @expect TS2322
  const list = await omise.transactions.list();
  const n: string = list.data[0]!.amount; // @expect TS2322
  console.log(n);
  omise.disputes.lst(); // @expect TS2551
}

export function narrowing(e: unknown): void {
  const err = e as OmiseError;
  if (err.name === 'OmiseTimeoutError') console.log(err.status); // @expect TS2339
  if (err.name === 'OmiseValidationError') console.log(err.timeoutMs); // @expect TS2339
}
