/** A worker thread that checks half of a large folder's record files (see parallel.ts). */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { Clock } from '../calendar/time';
import type { FoundFile } from '../records/discover';
import { readOptions } from '../records/load';
import { cellTypeOf } from './ajv';
import { checkChunk } from './records';

interface Input {
  readonly files: readonly FoundFile[];
  readonly timezone: string;
  readonly encoding: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly port: MessagePort;
  readonly signal: SharedArrayBuffer;
}

const input = workerData as Input;
const flag = new Int32Array(input.signal);
try {
  const result = checkChunk(input.files, readOptions({ encoding: input.encoding, headers: input.headers, cellType: cellTypeOf }), new Clock(input.timezone));
  input.port.postMessage({ ok: true, result });
} catch (err) {
  input.port.postMessage({ ok: false, error: String((err as Error).stack ?? err) });
} finally {
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  parentPort?.close();
}
