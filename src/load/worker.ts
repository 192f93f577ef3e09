/** The worker thread of parallel.ts: checks the chunks of record files it claims and hands them back. */
import { workerData } from 'node:worker_threads';
import { Clock } from '../calendar/time';
import { readOptions } from './files';
import { BUSY, CHUNK, READY, UnpackedFiles, checkForHandoff, claim, workOrder, type ChunkMessage, type Handoff, type WorkerInput } from './parallel';

const input = workerData as WorkerInput;
const control = new Int32Array(input.control);
const opts = readOptions(input.encoding, input.headers);
const clock = new Clock(input.timezone);
const files = new UnpackedFiles(input.files);
const total = files.length;
const order = workOrder((i) => files.isCsv(i), total);

try {
  for (;;) {
    Atomics.store(control, BUSY, 1);
    const start = claim(control, total);
    if (Atomics.load(control, READY) === 0) {
      Atomics.store(control, READY, 1);
      Atomics.notify(control, READY);
    }
    if (start === -1) break;
    const results: Handoff[] = [];
    const end = Math.min(total, start + CHUNK);
    for (let i = start; i < end; i++) results.push(checkForHandoff(files.at(order[i]!), opts, clock));
    input.port.postMessage({ start, results } satisfies ChunkMessage);
    Atomics.store(control, BUSY, 0);
    Atomics.notify(control, BUSY);
  }
} catch {
  // the main thread checks whatever was claimed here and not handed back
} finally {
  Atomics.store(control, READY, 1);
  Atomics.notify(control, READY);
  Atomics.store(control, BUSY, 0);
  Atomics.notify(control, BUSY);
  input.port.close();
}
