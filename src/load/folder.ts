/**
 * Reading a records folder, top to bottom (as beancount's loader reads a ledger):
 *
 *   svc-sla.yaml → the files of the folder → calendar files → record files (each read,
 *   parsed and checked against its schema; from the cache, on two cores for large folders)
 *   → the policy the settings name
 *
 * and handing back every record with its source and every problem found on the way. What
 * needs the records together (unique ids, references, locks) is checked next, by src/checks.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Clock } from '../calendar/time';
import type { WorkCalendar } from '../calendar/workdays';
import type { Problem, SourcePos } from '../core/problems';
import { problemAt } from '../core/problems';
import type { Config, Rec } from '../core/records';
import { loadPolicy } from '../policy/load';
import type { Shapes } from '../rules/shapes';
import type { Policy } from '../core/policy';
import { schemasStamp } from '../schema/ajv';
import { diskFiles, type Files } from '../source/fs';
import { MAX_FILE_BYTES } from '../source/read';
import type { Locator } from '../source/yaml';
import { packageRoot } from '../util/paths';
import { FileCache, contentHash } from './cache';
import { readCalendars, readConfig } from './config';
import { discover, type FoundFile } from './discover';
import { locatorsOf, readOptions, type FileResult, type RawDoc, type ReadOptions } from './files';
import { FileChecker, type WorkerMode } from './parallel';
import { pushAll } from '../util/arrays';

/** A record with the means to point at its fields. */
export interface Located {
  readonly rec: Rec;
  readonly locate: Locator;
  /** no schema errors: the record takes part in the cross-record checks and the reports */
  readonly ok: boolean;
}

export interface Folder {
  readonly root: string;
  readonly files: Files;
  readonly config: Config;
  readonly policy: Policy | null;
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  /** every record that has an id, in discovery order, valid or not */
  readonly located: readonly Located[];
  /** the records that passed their schema: what the rules compute from */
  readonly records: readonly Rec[];
  /** what reading found: unreadable files, syntax, schema and settings problems */
  readonly problems: readonly Problem[];
  readonly fileCount: number;
  /** records read, valid or not */
  readonly recordCount: number;
  /** today (or `validate --as-of`): an event after it has not happened, and the calendar must know what lies ahead */
  readonly now: number;
}

/** `progress(done, total)`: record files checked so far. */
export type Progress = (done: number, total: number) => void;

export interface OpenOptions {
  /** the files to read (default: the disk); tests hand in files held in memory */
  readonly files?: Files;
  /** called now and then while record files are checked (for a progress line on a terminal) */
  readonly progress?: Progress;
  /** keep checked files in a cache in this folder (see cache.ts); none when undefined */
  readonly cacheDir?: string;
  /** check large folders on a second core too (`auto`), never, or whenever more than one chunk (tests) */
  readonly workers?: WorkerMode;
  /** the clause shapes the folder's policy may use (default: the built-in ones) */
  readonly shapes?: Shapes;
  /**
   * today (default: Date.now()): an event after it has not happened, and the calendar's notice of
   * a missing next year counts from it. A function gets the folder's clock (for `validate --as-of`
   * text, read in the contract's time zone).
   */
  readonly now?: number | ((clock: Clock) => number);
}

export function openFolder(root: string, options: OpenOptions = {}): Folder {
  const files = options.files ?? diskFiles;
  const problems: Problem[] = [];
  const { doc, config } = readConfig(files, root, problems);
  const clock = new Clock(config.timezone);
  const found = discover(files, root);
  pushAll(problems, found.problems);
  const calendar = readCalendars(files, found.calendars, problems);

  // record files first: a worker for a large folder loads its modules while the policy loads here
  const opts = readOptions(config.csv.encoding, config.csv.headers);
  const checking = startRecordFiles(files, root, found.records, opts, clock, config, options);
  const policy = readPolicy(files, root, config, doc, problems, options.shapes);
  const results = checking();

  const relocate = relocator(files, found.records, opts);
  const located: Located[] = [];
  let recordCount = 0;
  for (const r of results) {
    for (const p of r.problems) problems.push(p);
    recordCount += r.recordCount;
    for (const item of r.items) {
      // positions of fields are found again, from the file, only for the few records a later
      // check reports on: holding a locator per record costs more than reading a file twice
      located.push({ rec: item.rec, ok: item.ok, locate: relocate(item.rec.source.file, item.index, item.rec.source) });
    }
  }
  return {
    root,
    files,
    config,
    policy,
    clock,
    calendar,
    located,
    records: located.filter((l) => l.ok).map((l) => l.rec),
    problems,
    fileCount: found.records.length,
    recordCount,
    now: typeof options.now === 'function' ? options.now(clock) : options.now ?? Date.now(),
  };
}

function readPolicy(files: Files, root: string, config: Config, doc: RawDoc | null, problems: Problem[], shapes: Shapes | undefined): Policy | null {
  const pol = loadPolicy(config.policy, root, { files, shapes });
  for (const p of pol.problems) {
    // a policy that cannot be found is a mistake in svc-sla.yaml: point there
    const aboutConfig =
      (p.rule === 'policy-not-found' || p.rule === 'policy-read') && p.line === 1 && p.column === 1 && path.resolve(root, p.file) === path.resolve(root, config.policy);
    problems.push(aboutConfig && doc ? problemAt(doc.locate(['policy']), p.rule, p.message) : p);
  }
  return pol.policy;
}

/** Folders smaller than this are checked faster than a cache is read and written. */
const MIN_FILES_FOR_CACHE = 500;

/**
 * Everything besides a file itself that shapes its checked result: svc-sla's version, the code
 * that reads and checks files (so a rebuilt svc-sla never trusts results of the old code), the
 * schemas, and the settings a record is read with.
 */
function cacheKey(config: Config): string {
  const version = (JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  const code: string[] = [];
  for (const dir of ['core', 'source', 'load', 'schema', 'calendar', 'sheets']) {
    const abs = path.join(__dirname, '..', dir);
    for (const f of fs.readdirSync(abs).sort()) {
      const st = fs.statSync(path.join(abs, f));
      code.push(`${dir}/${f}:${st.size}:${st.mtimeMs}`);
    }
  }
  return createHash('sha1').update(JSON.stringify([version, code, config.timezone, config.csv, schemasStamp()])).digest('hex');
}

/**
 * Starts checking every record file (a worker, if any, starts loading now); the function it
 * returns finishes the work and gives the results in discovery order. Unchanged files come from
 * the cache.
 */
function startRecordFiles(
  files: Files,
  root: string,
  found: readonly FoundFile[],
  opts: ReadOptions,
  clock: Clock,
  config: Config,
  options: OpenOptions,
): () => FileResult[] {
  const total = found.length;
  const progress = options.progress;
  // the worker and the cache work on the disk only
  const mode = files.onDisk ? options.workers ?? 'auto' : 'off';
  const settings = { timezone: config.timezone, encoding: config.csv.encoding, headers: config.csv.headers };
  const useCache = files.onDisk && options.cacheDir !== undefined && found.length >= MIN_FILES_FOR_CACHE;
  if (!useCache) {
    const checker = new FileChecker(root, found, files, opts, clock, settings, mode);
    return () => checker.run(progress && ((d) => progress(d, total)));
  }
  const cache = new FileCache(options.cacheDir!, root, cacheKey(config));
  const byRel = new Map<string, FileResult>();
  const hashes = new Map<string, string>();
  const misses: FoundFile[] = [];
  for (const f of found) {
    // the bytes, read as the checker reads them (bounded, non-blocking, a link's target fstat-ed).
    // (A file changed between this read and the checker's is stored under this hash with the
    // newer result, so the next run checks it again, unless it is changed back meanwhile.)
    const read = files.read(f.abs, { regular: f.regular, maxBytes: MAX_FILE_BYTES });
    const hash = read.ok ? contentHash(read.bytes) : undefined;
    const hit = hash === undefined ? undefined : cache.get(f.rel, hash, clock);
    if (hit) byRel.set(f.rel, hit);
    else {
      misses.push(f);
      if (hash !== undefined) hashes.set(f.rel, hash);
    }
  }
  const checker = new FileChecker(root, misses, files, opts, clock, settings, mode);
  return () => {
    for (const r of checker.run(progress && ((d) => progress(total - misses.length + d, total)))) {
      byRel.set(r.rel, r);
      const hash = hashes.get(r.rel);
      // a file that could not be read is not cached: its problem may be passing (a lock, a permission)
      if (hash !== undefined && !r.problems.some((p) => p.rule === 'unreadable')) cache.put(r.rel, hash, r);
    }
    cache.save();
    return found.map((f) => byRel.get(f.rel)!);
  };
}

/**
 * Field positions of a record: its file is read again, with the full parser, only when a later
 * check actually reports on one of its fields (once per file).
 */
function relocator(files: Files, found: readonly FoundFile[], opts: ReadOptions): (file: string, index: number, fallback: SourcePos) => Locator {
  const byRel = new Map(found.map((f) => [f.rel, f]));
  const cache = new Map<string, readonly Locator[]>();
  return (file, index, fallback) => (path, at) => {
    let locs = cache.get(file);
    if (!locs) {
      const f = byRel.get(file);
      locs = f ? locatorsOf(files, f, opts) : [];
      cache.set(file, locs);
    }
    const loc = locs[index];
    return loc ? loc(path, at) : fallback;
  };
}
