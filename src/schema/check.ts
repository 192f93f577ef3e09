/**
 * load → schema → model → logic: opens a records folder and returns its checked records with
 * every problem found on the way. Every report runs this first and refuses to compute from
 * invalid records.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Clock } from '../calendar/time';
import { WorkCalendar, type CalendarFile } from '../calendar/workdays';
import { DEFAULT_CONFIG, type Config, type Rec } from '../core/model';
import { type Problem, type SourcePos } from '../core/types';
import { loadPolicy } from '../policy/load';
import type { Policy } from '../policy/types';
import { isKnownEncoding } from '../records/decode';
import type { FoundFile } from '../records/discover';
import { discoverFolder, readConfigOnly, readOptions, readRecordFile, type RawDoc, type ReadOptions } from '../records/load';
import type { Locator } from '../records/yaml';
import { cellTypeOf, schemaProblems, schemasStamp, validatorFor } from './ajv';
import { FileCache } from './cache';
import { FileChecker, type WorkerMode } from './parallel';
import type { FileResult } from './records';
import { packageRoot } from '../util/paths';
import { checkLogic, type Located } from './logic';

export interface Workspace {
  readonly root: string;
  readonly config: Config;
  readonly policy: Policy | null;
  readonly clock: Clock;
  readonly calendar: WorkCalendar;
  readonly records: readonly Rec[];
  /** errors and warnings, sorted by file, line and column */
  readonly problems: readonly Problem[];
  readonly fileCount: number;
  /** records read, valid or not */
  readonly recordCount: number;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

function docProblem(doc: RawDoc, path: string[], rule: string, message: string): Problem {
  const pos = doc.locate(path);
  return { severity: 'error', file: pos.file, line: pos.line, column: pos.column, kind: null, record: null, rule, message };
}

function readConfig(doc: RawDoc | null, problems: Problem[]): Config {
  if (!doc) return DEFAULT_CONFIG;
  const v = validatorFor('config');
  if (!v(doc.data)) {
    problems.push(...schemaProblems('config', v.errors ?? [], doc.data, doc.locate, { kind: null, record: null }).map((p) => ({ ...p, rule: p.rule === 'unknown-field' ? p.rule : 'config' })));
  }
  const d = doc.data as Partial<Record<string, unknown>>;
  const str = (k: string, dflt: string): string => (typeof d[k] === 'string' ? (d[k] as string) : dflt);
  let timezone = str('timezone', DEFAULT_CONFIG.timezone);
  if (!Clock.isValidZone(timezone)) {
    problems.push(docProblem(doc, ['timezone'], 'config', `timezone '${timezone}' is not a time zone name (e.g. Asia/Shanghai)`));
    timezone = DEFAULT_CONFIG.timezone;
  }
  const csv = (typeof d.csv === 'object' && d.csv !== null ? d.csv : {}) as Record<string, unknown>;
  let encoding = typeof csv.encoding === 'string' ? csv.encoding : 'auto';
  if (encoding !== 'auto' && !isKnownEncoding(encoding)) {
    problems.push(docProblem(doc, ['csv', 'encoding'], 'config', `csv.encoding '${encoding}' is not an encoding this tool knows (auto, utf-8, gb18030, ...)`));
    encoding = 'auto';
  }
  const headers = typeof csv.headers === 'object' && csv.headers !== null ? (csv.headers as Record<string, string>) : {};
  const locale = d.locale === 'en' || d.locale === 'zh-CN' ? d.locale : DEFAULT_CONFIG.locale;
  return {
    contract: str('contract', ''),
    policy: str('policy', DEFAULT_CONFIG.policy),
    timezone,
    contract_start: typeof d.contract_start === 'string' ? d.contract_start : null,
    locale,
    csv: { encoding, headers },
  };
}

function readCalendars(docs: readonly RawDoc[], problems: Problem[]): CalendarFile[] {
  const v = validatorFor('calendar');
  const out: CalendarFile[] = [];
  for (const doc of docs) {
    if (!v(doc.data)) {
      problems.push(...schemaProblems('calendar', v.errors ?? [], doc.data, doc.locate, { kind: null, record: null }).map((p) => ({ ...p, rule: p.rule === 'unknown-field' ? p.rule : 'calendar' })));
      continue;
    }
    const d = doc.data as { year: number; holidays?: string[]; workdays?: string[] };
    let ok = true;
    for (const list of ['holidays', 'workdays'] as const) {
      (d[list] ?? []).forEach((date, i) => {
        if (!date.startsWith(`${d.year}-`)) {
          ok = false;
          problems.push(docProblem(doc, [list, String(i)], 'calendar', `${date} is not in ${d.year}, the year of this calendar file`));
        }
      });
    }
    const both = (d.holidays ?? []).filter((x) => (d.workdays ?? []).includes(x));
    for (const date of both) {
      ok = false;
      problems.push(docProblem(doc, ['workdays'], 'calendar', `${date} is listed both as a holiday and as a working day`));
    }
    if (ok) out.push({ year: d.year, holidays: d.holidays ?? [], workdays: d.workdays ?? [] });
  }
  return out;
}

/** Files for one year that contradict each other are an error, never a crash. */
function makeCalendar(files: CalendarFile[], docs: readonly RawDoc[], problems: Problem[]): WorkCalendar {
  try {
    return new WorkCalendar(files);
  } catch (err) {
    const first = docs[0];
    problems.push({
      severity: 'error',
      file: first?.file ?? 'calendars/',
      line: 1,
      column: 1,
      kind: null,
      record: null,
      rule: 'calendar',
      message: `the calendar files contradict each other: ${(err as Error).message}`,
    });
    return new WorkCalendar();
  }
}

function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** `progress(done, total)`: record files checked so far. */
export type Progress = (done: number, total: number) => void;

export interface OpenOptions {
  /** called now and then while record files are checked (for a progress line on a terminal) */
  readonly progress?: Progress;
  /** keep checked files in a cache in this folder (see cache.ts); none when undefined */
  readonly cacheDir?: string;
  /** check large folders on a second core too (`auto`), never, or whenever more than one chunk (tests) */
  readonly workers?: WorkerMode;
}

export function openFolder(root: string, options: OpenOptions = {}): Workspace {
  const problems: Problem[] = [];
  const cfg = readConfigOnly(root);
  problems.push(...cfg.problems);
  const config = readConfig(cfg.config, problems);
  const clock = new Clock(config.timezone);

  // record files first: a worker for a large folder loads its modules while the policy loads here
  const found = discoverFolder(root); 
  problems.push(...found.problems);
  const calendar = makeCalendar(readCalendars(found.calendars, problems), found.calendars, problems);
  const opts = readOptions({ encoding: config.csv.encoding, headers: config.csv.headers, cellType: cellTypeOf });
  const checking = startRecordFiles(root, found.recordFiles, opts, clock, config, options);

  const pol = loadPolicy(config.policy, root);
  for (const p of pol.problems) {
    // a policy that cannot be found is a mistake in svc-sla.yaml: point there
    const aboutConfig = (p.rule === 'policy-not-found' || p.rule === 'policy-read') && p.line === 1 && p.column === 1 && p.file.replace(/^\.\//, '') === config.policy.replace(/^\.\//, '');
    problems.push(aboutConfig && cfg.config ? docProblem(cfg.config, ['policy'], p.rule, p.message) : p);
  }

  const results = checking();
  const byRel = new Map(found.recordFiles.map((f) => [f.rel, f]));
  const relocate = relocator(byRel, opts);
  const all: Located[] = [];
  const valid: Located[] = [];
  let recordCount = 0;
  for (const r of results) {
    for (const p of r.problems) problems.push(p);
    recordCount += r.recordCount;
    for (const item of r.items) {
      // positions of fields are found again, from the file, only for the few records a later
      // check reports on: holding a locator per record costs more than reading a file twice
      const located: Located = { rec: item.rec, locate: relocate(item.rec.source.file, item.index, item.rec.source) };
      all.push(located);
      if (item.ok) valid.push(located);
    }
  }
  const fileCount = found.recordFiles.length;
  problems.push(...checkLogic(valid, all, { policy: pol.policy, clock }));
  problems.sort(compareProblems); 
  return {
    root,
    config,
    policy: pol.policy,
    clock,
    calendar,
    records: valid.map((l) => l.rec),
    problems,
    fileCount,
    recordCount,
  };
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
  for (const dir of ['records', 'schema', 'calendar']) {
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
function startRecordFiles(root: string, files: readonly FoundFile[], opts: ReadOptions, clock: Clock, config: Config, options: OpenOptions): () => FileResult[] {
  const total = files.length;
  const progress = options.progress;
  const mode = options.workers ?? 'auto';
  const cache = options.cacheDir !== undefined && files.length >= MIN_FILES_FOR_CACHE ? new FileCache(options.cacheDir, root, cacheKey(config)) : null;
  if (!cache) {
    const checker = new FileChecker(root, files, opts, clock, config, mode);
    return () => checker.run(progress && ((d) => progress(d, total)));
  }
  const byRel = new Map<string, FileResult>();
  const stats = new Map<string, fs.Stats>();
  const misses: FoundFile[] = [];
  for (const f of files) {
    const st = fs.statSync(f.abs, { throwIfNoEntry: false });
    const hit = st ? cache.get(f.rel, st, clock) : undefined;
    if (hit) byRel.set(f.rel, hit);
    else {
      misses.push(f);
      if (st) stats.set(f.rel, st);
    }
  }
  const checker = new FileChecker(root, misses, opts, clock, config, mode);
  return () => {
    for (const r of checker.run(progress && ((d) => progress(total - misses.length + d, total)))) {
      byRel.set(r.rel, r);
      const st = stats.get(r.rel);
      // a file that could not be read is not cached: its problem may be passing (a lock, a permission)
      if (st && !r.problems.some((p) => p.rule === 'unreadable')) cache.put(r.rel, st, r);
    }
    cache.save();
    return files.map((f) => byRel.get(f.rel)!);
  };
}

/**
 * Field positions of a record: its file is read again, with the full parser, only when a later
 * check actually reports on one of its fields (once per file).
 */
function relocator(files: ReadonlyMap<string, FoundFile>, opts: ReadOptions): (file: string, index: number, fallback: SourcePos) => Locator {
  const cache = new Map<string, readonly Locator[]>();
  return (file, index, fallback) => (path, at) => {
    let locs = cache.get(file);
    if (!locs) {
      const f = files.get(file);
      locs = f ? readRecordFile(f, opts, true).records.map((r) => r.locate) : [];
      cache.set(file, locs);
    }
    const loc = locs[index];
    return loc ? loc(path, at) : fallback;
  };
}
