/**
 * Large folders are checked on both cores. The record files are cut into chunks; the main
 * thread and one worker thread each take the next unclaimed chunk from a shared counter until
 * none is left, so neither waits on the other however fast each starts or runs. The worker
 * hands back plain FileResults per chunk; the main thread collects them synchronously
 * (Atomics, receiveMessageOnPort), so the pipeline stays a plain function. Any chunk the worker
 * claimed but did not hand back (it failed to start, threw, or was killed) is checked on the
 * main thread: speed is optional, results are not.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Clock } from '../calendar/time';
import type { Kind } from '../core/kinds';
import { diskFiles, type Files } from '../source/fs';
import type { FoundFile } from './discover';
import type { HeaderSettings } from './header-aliases';
import { checkFile, checkParsed, isBinaryType, parseRecordText, readRecordText, type FileResult, type ReadOptions } from './files';

/** `auto`: a worker for large folders on a machine with more than one core. */
export type WorkerMode = 'auto' | 'off' | 'force';

/** Below this many files a worker's start-up (about 0.1 s) costs more than it saves. */
const MIN_FILES_FOR_WORKER = 3000;
/** Files per chunk: large enough that claiming and handing back cost nothing, small enough to balance. */
export const CHUNK = 256;
/** The worker is given up on when it makes no progress for this long (it cannot hang a run). */
const PATIENCE_MS = 60_000;

// slots of the shared control array
const NEXT = 0; // the first file not yet claimed
export const BUSY = 1; // 1 while the worker holds a claimed chunk it has not handed back
export const READY = 2; // 1 once the worker has claimed its first chunk (or found none left)

/** What the main thread gives the worker (all of it cloneable). */
export interface WorkerInput {
  readonly files: FileList;
  readonly timezone: string;
  readonly encoding: string;
  readonly headers: HeaderSettings;
  readonly control: SharedArrayBuffer;
  readonly port: MessagePort;
}

/**
 * One chunk handed back: for the files at places start, start + 1, ... of the work order, either the file's text, when
 * it is a flat YAML file that passed every check here (the main thread parses it again with the
 * same fast path, and skips the schema check), or its whole result. A text costs the main
 * thread far less than rebuilding the same records from a structured clone.
 */
export interface ChunkMessage {
  readonly start: number;
  readonly results: readonly Handoff[];
}

export type Handoff = string | FileResult;

/** The worker's side: checks a file and says what the main thread needs of it. */
export function checkForHandoff(f: FoundFile, opts: ReadOptions, clock: Clock): Handoff {
  if (isBinaryType(f)) return checkFile(diskFiles, f, opts, clock);
  const read = readRecordText(diskFiles, f, opts);
  if (!read.ok) return { rel: f.rel, items: [], problems: [read.problem], recordCount: 0 };
  const parsed = parseRecordText(f, read.text, opts);
  const result = checkParsed(f, parsed, clock);
  return parsed.fast && result.problems.length === 0 ? read.text : result;
}

/** The main thread's side. */
function fromHandoff(f: FoundFile, h: Handoff, opts: ReadOptions, clock: Clock): FileResult {
  return typeof h === 'string' ? checkParsed(f, parseRecordText(f, h, opts, false, false), clock, true) : h;
}

function workerScript(): string | null {
  // compiled: dist/load/worker.js; under ts-jest the sources are .ts and cannot start a worker
  const js = path.join(__dirname, 'worker.js');
  return __filename.endsWith('.js') && fs.existsSync(js) ? js : null;
}

function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

function useWorker(files: number, mode: WorkerMode): boolean {
  if (mode === 'off' || workerScript() === null) return false;
  if (mode === 'force') return files > CHUNK;
  return cores() > 1 && files >= MIN_FILES_FOR_WORKER;
}

/** Claims the next chunk: its first place in the work order, or -1 when all are claimed. */
export function claim(control: Int32Array, total: number): number {
  const start = Atomics.add(control, NEXT, CHUNK);
  return start < total ? start : -1;
}

/**
 * The order files are claimed in: tables first — CSV files and workbooks (one may hold
 * thousands of records; left to the end it would keep one thread busy while the other
 * waits) — then the rest as discovered.
 * Both threads compute it from the same flags.
 */
export function workOrder(isCsv: (i: number) => boolean, total: number): Int32Array {
  const order = new Int32Array(total);
  let k = 0;
  for (let i = 0; i < total; i++) if (isCsv(i)) order[k++] = i;
  for (let i = 0; i < total; i++) if (!isCsv(i)) order[k++] = i;
  return order;
}

/** Files to the worker as one string and one byte per file: far cheaper to clone than objects. */
export interface FileList {
  readonly root: string;
  /** `rel` of every file, joined by newlines (a file name holds none: see packFiles) */
  readonly rels: string;
  /** per file: 1 if `regular`, 2 if CSV, 4 if a workbook, 8 if another spreadsheet */
  readonly flags: Uint8Array;
}

function packFiles(root: string, files: readonly FoundFile[]): FileList | null {
  const flags = new Uint8Array(files.length);
  const rels: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    if (f.rel.includes('\n')) return null;
    rels.push(f.rel);
    flags[i] = (f.regular ? 1 : 0) | (f.type === 'csv' ? 2 : f.type === 'xlsx' ? 4 : f.type === 'other-sheet' ? 8 : 0);
  }
  return { root, rels: rels.join('\n'), flags };
}

/** The worker's view of the file list: each file rebuilt when claimed (discover.ts builds `abs` the same way). */
export class UnpackedFiles {
  private readonly rels: string[];
  constructor(private readonly list: FileList) {
    this.rels = list.rels === '' ? [] : list.rels.split('\n');
  }

  get length(): number {
    return this.rels.length;
  }

  /** a table: a CSV file or a workbook */
  isCsv(i: number): boolean {
    return (this.list.flags[i]! & 6) !== 0;
  }

  at(i: number): FoundFile {
    const rel = this.rels[i]!;
    const flag = this.list.flags[i]!;
    return {
      rel,
      abs: this.list.root + path.sep + (path.sep === '/' ? rel : rel.split('/').join(path.sep)),
      type: flag & 2 ? 'csv' : flag & 4 ? 'xlsx' : flag & 8 ? 'other-sheet' : 'yaml',
      kind: rel.slice(0, rel.indexOf('/')) as Kind,
      regular: (flag & 1) === 1,
    };
  }
}

/**
 * Checks record files, in the order given, on this thread and (for large folders) one worker.
 * The worker is started by the constructor, so that it can load its modules while this thread
 * does other work (the policy); `run` checks the files.
 */
export class FileChecker {
  private readonly control = new Int32Array(new SharedArrayBuffer(12));
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  /** `force` (tests): this thread lets the worker claim the first chunk, so both paths surely run */
  private readonly waitForWorker: boolean;

  constructor(
    root: string,
    private readonly files: readonly FoundFile[],
    private readonly disk: Files,
    private readonly opts: ReadOptions,
    private readonly clock: Clock,
    settings: { readonly timezone: string; readonly encoding: string; readonly headers: HeaderSettings },
    mode: WorkerMode,
  ) {
    this.waitForWorker = mode === 'force';
    if (!useWorker(files.length, mode)) return;
    const list = packFiles(root, files);
    if (!list) return;
    const channel = new MessageChannel();
    try {
      const input: WorkerInput = {
        files: list,
        timezone: settings.timezone,
        encoding: settings.encoding,
        headers: settings.headers,
        control: this.control.buffer as SharedArrayBuffer,
        port: channel.port2,
      };
      this.worker = new Worker(workerScript()!, { workerData: input, transferList: [channel.port2] });
      this.worker.unref();
      // a worker that fails is simply not waited for: its chunks are checked here
      this.worker.on('error', () => undefined);
      this.port = channel.port1;
    } catch {
      this.worker = null;
      channel.port1.close();
    }
  }

  /** `onFile(done)`: files claimed so far, now and then, for a progress line. */
  run(onFile?: (done: number) => void): FileResult[] {
    const { files, opts, clock, control, port } = this;
    const total = files.length;
    const results: (FileResult | undefined)[] = new Array<FileResult | undefined>(total);
    const order = workOrder((i) => files[i]!.type === 'csv' || files[i]!.type === 'xlsx', total);
    const put = (at: number, h: Handoff): void => {
      const i = order[at]!;
      results[i] = fromHandoff(files[i]!, h, opts, clock);
    };
    if (this.worker && this.waitForWorker) Atomics.wait(control, READY, 0, PATIENCE_MS);
    for (let start = claim(control, total); start !== -1; start = claim(control, total)) {
      const end = Math.min(total, start + CHUNK);
      for (let at = start; at < end; at++) {
        const i = order[at]!;
        results[i] = checkFile(this.disk, files[i]!, opts, clock);
      }
      if (onFile) onFile(Math.min(total, Atomics.load(control, NEXT)));
      // take in what the worker handed back before claiming more: what it costs here is part of
      // the balance, and the worker gets the chunks this thread does not claim
      if (port) take(port, put);
    }
    if (this.worker && port) {
      collect(port, control, put);
      void this.worker.terminate();
      port.close();
    }
    // chunks the worker claimed but never handed back
    for (let i = 0; i < total; i++) if (results[i] === undefined) results[i] = checkFile(this.disk, files[i]!, opts, clock);
    return results as FileResult[];
  }
}

/** Takes whatever the worker has handed back so far; true if anything. */
function take(port: MessagePort, put: (at: number, h: Handoff) => void): boolean {
  let got = false;
  for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
    const msg = m.message as ChunkMessage;
    msg.results.forEach((h, k) => put(msg.start + k, h));
    got = true;
  }
  return got;
}

/** Waits until the worker holds no claimed chunk (or stops making progress), then takes its results. */
function collect(port: MessagePort, control: Int32Array, put: (at: number, h: Handoff) => void): void {
  let waited = 0;
  while (Atomics.load(control, BUSY) !== 0 && waited < PATIENCE_MS) {
    if (take(port, put)) waited = 0;
    if (Atomics.wait(control, BUSY, 1, 1000) === 'timed-out') waited += 1000;
  }
  take(port, put);
}
