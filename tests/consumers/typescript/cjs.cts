// A CommonJS TypeScript module (module: nodenext) requiring the package.
import omiseWasm = require('omise-wasm');

export async function viaRequire(): Promise<number | null | undefined> {
  const omise = new omiseWasm.Omise({ secretKey: 'skey_test_emulator', baseUrl: 'http://127.0.0.1:1' });
  const list: omiseWasm.List<omiseWasm.Dispute> = await omise.disputes.list({ limit: 1 });
  return list.total;
}
