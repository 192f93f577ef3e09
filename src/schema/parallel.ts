/**
 * Large folders are checked on both cores: a worker takes the second half of the record files
 * while the main thread checks the first. The main thread waits for it synchronously (Atomics),
 * so the pipeline stays a plain function. Any failure of the worker falls back to checking its
 * half on the main thread: speed is optional, results are not.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { Clock } from '../calendar/time';
import type { Config } from '../core/model';
import type { FoundFile } from '../records/discover';
import type { ReadOptions } from '../records/load';
import type { Locator } from '../records/yaml';
import { checkChunk, type ChunkResult } from './records';

/** Below this many files a worker's start-up costs more than it saves. */
const MIN_FILES_FOR_WORKER = 2000;
/** How long to wait for the worker before checking its half here instead. */
const WORKER_PATIENCE_MS = 10 * 60 * 1000;

function workerScript(): string | null {
  // compiled: dist/schema/worker.js; under ts-jest the sources are .ts and cannot start a worker
  const js = path.join(__dirname, 'worker.js');
  return __filename.endsWith('.js') && fs.existsSync(js) ? js : null;
}

/** `auto`: a worker for large folders on a machine with more than one core. */
export type WorkerMode = 'auto' | 'off' | 'force';

function useWorker(files: number, mode: WorkerMode): boolean {
  if (mode === 'off') return false;
  if (workerScript() === null) return false;
  if (mode === 'force') return files >= 2;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores > 1 && files >= MIN_FILES_FOR_WORKER;
}

export interface ParallelResult {
  readonly chunks: readonly ChunkResult[];
  /** locators of the first chunk's items (the worker's records are located again on demand) */
  readonly locators: readonly Locator[];
}

/** `progress(done, total)`: files checked so far (estimated while a worker takes half). */
export type Progress = (done: number, total: number) => void;

export function checkAll(files: readonly FoundFile[], opts: ReadOptions, clock: Clock, config: Config, progress?: Progress, mode: WorkerMode = 'auto'): ParallelResult {
  const locators: Locator[] = [];
  const total = files.length;
  if (!useWorker(files.length, mode)) return { chunks: [checkChunk(files, opts, clock, locators, progress && ((d) => progress(d, total)))], locators };
  const half = Math.ceil(files.length / 2);
  const mine = files.slice(0, half);
  const theirs = files.slice(half);
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | null = null;
  try {
    worker = new Worker(workerScript()!, {
      workerData: { files: theirs, timezone: config.timezone, encoding: config.csv.encoding, headers: config.csv.headers, port: port2, signal },
      transferList: [port2],
    });
  } catch {
    return { chunks: [checkChunk(files, opts, clock, locators)], locators };
  }
  // the worker runs at about the main thread's pace: count its half as done alongside
  const first = checkChunk(mine, opts, clock, locators, progress && ((d) => progress(Math.min(total, d * 2), total)));
  const waited = Atomics.wait(flag, 0, 0, WORKER_PATIENCE_MS);
  const msg = waited === 'timed-out' ? undefined : receiveMessageOnPort(port1)?.message as { ok: boolean; result?: ChunkResult } | undefined;
  void worker.terminate();
  port1.close();
  const second = msg?.ok && msg.result ? msg.result : checkChunk(theirs, opts, clock, undefined, progress && ((d) => progress(half + d, total)));
  return { chunks: [first, second], locators };
}
