/**
 * The only stage that reads the records folder: discovers files, decodes them, parses YAML and
 * CSV into plain records with source positions. Problems are collected, never thrown, and a bad
 * file never stops the others from being read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KINDS, type Kind, type Problem, type SourcePos } from '../core/types';
import { decode } from './decode';
import { CONFIG_FILE, discover, type FoundFile } from './discover';
import { parseCsv, type CellType } from './csv';
import { parseFlatYaml } from './fast-yaml';
import { parseYaml, type Locator, type ParsedRecord, type SyntaxProblem } from './yaml';
import { BUILTIN_HEADER_ALIASES } from './header-aliases';

/** A record file larger than this is refused: records are small; such a file is a mistake. */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface RawRecord {
  readonly kind: Kind;
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly pos: SourcePos;
  readonly locate: Locator;
}

export interface RawDoc {
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly pos: SourcePos;
  readonly locate: Locator;
}

export interface LoadOptions {
  /** `auto` or an encoding name (svc-sla.yaml csv.encoding) */
  readonly encoding?: string;
  /** extra header aliases (svc-sla.yaml csv.headers) */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cellType: (kind: Kind, field: string) => CellType;
}

function problemAt(file: string, rule: string, message: string, kind: Kind | null = null, line = 1, column = 1): Problem {
  return { severity: 'error', file, line, column, kind, record: null, rule, message };
}

function fromSyntax(file: string, kind: Kind | null, p: SyntaxProblem): Problem {
  return { severity: p.severity, file, line: p.line, column: p.column, kind, record: null, rule: p.rule, message: p.message };
}

export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };

/** Reused across files: most record files are far smaller; a larger one gets its own buffer. */
let scratch = Buffer.allocUnsafe(64 * 1024);

function tooLarge(size: number, rel: string, kind: Kind | null): ReadResult {
  const mb = (size / 1024 / 1024).toFixed(1);
  return {
    ok: false,
    problem: problemAt(rel, 'file-too-large', `the file is ${mb} MB; record files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read (split it by month or quarter)`, kind),
  };
}

/**
 * Reads a whole file. `regular`: the directory listing already showed a regular file, so the
 * stat is skipped and the file is read until a short read (open + read + close: on 50,000
 * files every system call counts). Links and the like are checked with fstat first.
 */
function readText(abs: string, rel: string, kind: Kind | null, encoding: string, regular = false): ReadResult {
  let fd: number | null = null;
  let got = 0;
  let buf = scratch;
  try {
    fd = fs.openSync(abs, 'r');
    if (!regular) {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return { ok: false, problem: problemAt(rel, 'unreadable', 'not a regular file', kind) };
      if (st.size > MAX_FILE_BYTES) return tooLarge(st.size, rel, kind);
      if (st.size + 1 > buf.length) buf = Buffer.allocUnsafe(st.size + 1);
    }
    for (;;) {
      if (got === buf.length) {
        if (buf.length > MAX_FILE_BYTES) return tooLarge(fs.fstatSync(fd).size, rel, kind);
        const bigger = Buffer.allocUnsafe(buf.length * 4);
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      got += n;
      // a regular file gives all it has to one read: a short read is its end (saves a system call per file)
      if (n === 0 || (regular && got < buf.length)) break;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'the file disappeared while reading (a dangling link?)' : String(code ?? err);
    return { ok: false, problem: problemAt(rel, 'unreadable', `cannot read this file: ${why}`, kind) };
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  if (got > MAX_FILE_BYTES) return tooLarge(got, rel, kind);
  if (buf !== scratch && buf.length <= 1024 * 1024) scratch = buf; // keep a grown buffer of modest size
  // decoded straight from the buffer: the bytes are not kept
  const dec = decode(buf.subarray(0, got), encoding);
  if (!dec.ok) return { ok: false, problem: problemAt(rel, dec.rule, dec.message, kind) };
  if (dec.text.trim() === '') return { ok: false, problem: problemAt(rel, 'empty-file', 'the file is empty: add records or delete it', kind) };
  return { ok: true, text: dec.text };
}

/** Reads one YAML file that holds a single mapping (config, calendar). */
function readSingleYaml(file: FoundFile | { rel: string; abs: string }, problems: Problem[]): RawDoc | null {
  const read = readText(file.abs, file.rel, null, 'auto');
  if (!read.ok) {
    problems.push(read.problem);
    return null;
  }
  // settings are usually flat (`key: value` lines): the fast path reads those exactly
  const parsed = parseFlatYaml(read.text, file.rel) ?? parseYaml(read.text, file.rel);
  for (const p of parsed.problems) problems.push(fromSyntax(file.rel, null, p));
  const records = parsed.items.filter((i): i is ParsedRecord => 'data' in i);
  if (parsed.problems.some((p) => p.severity === 'error')) return null;
  if (records.length !== 1 || parsed.items.length !== 1) {
    problems.push(problemAt(file.rel, 'not-a-record', 'this file must hold exactly one mapping of settings'));
    return null;
  }
  const r = records[0]!;
  return { file: file.rel, data: r.data, pos: r.pos, locate: r.locate };
}

export function readConfigOnly(root: string): { config: RawDoc | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const config = readSingleYaml({ rel: CONFIG_FILE, abs: path.join(root, CONFIG_FILE) }, problems);
  return { config, problems };
}

/** Record files of one run, split off from calendars (read on the main thread). */
export interface Found {
  readonly recordFiles: readonly FoundFile[];
  readonly calendars: readonly RawDoc[];
  readonly problems: readonly Problem[];
}

export function discoverFolder(root: string): Found {
  const problems: Problem[] = [];
  const found = discover(root);
  problems.push(...found.problems);
  const calendars: RawDoc[] = [];
  const recordFiles: FoundFile[] = [];
  for (const f of found.files) {
    if (f.kind === 'calendar') {
      const doc = readSingleYaml(f, problems);
      if (doc) calendars.push(doc);
    } else {
      recordFiles.push(f);
    }
  }
  return { recordFiles, calendars, problems };
}

export interface ReadOptions {
  readonly encoding: string;
  /** the built-in header aliases and svc-sla.yaml's, merged */
  readonly aliases: Readonly<Record<string, string>>;
  readonly cellType: (kind: Kind, field: string) => CellType;
}

export function readOptions(opts: LoadOptions): ReadOptions {
  return { encoding: opts.encoding ?? 'auto', aliases: { ...BUILTIN_HEADER_ALIASES, ...(opts.headers ?? {}) }, cellType: opts.cellType };
}

/** The decoded text of a record file, or the problem that kept it from being read. */
export function readRecordText(f: FoundFile, opts: ReadOptions): ReadResult {
  return readText(f.abs, f.rel, f.kind as Kind, f.type === 'csv' ? opts.encoding : 'auto', f.regular);
}

export interface ParsedFile {
  readonly records: RawRecord[];
  readonly problems: Problem[];
  /** read by the flat-YAML fast path: parsing the same text again takes it again */
  readonly fast: boolean;
}

/**
 * Parses the text of one record file: its records (each with its position in the file's order)
 * and its problems. `full`: skip the fast YAML path (used to locate fields after the fact).
 * `positions`: false for a text already checked clean, whose fields nobody will ask for.
 */
export function parseRecordText(f: FoundFile, text: string, opts: ReadOptions, full = false, positions = true): ParsedFile {
  const problems: Problem[] = [];
  const records: RawRecord[] = [];
  const kind = f.kind as Kind;
  if (f.type === 'csv') {
    const parsed = parseCsv(text, f.rel, { aliases: opts.aliases, cellType: (field) => opts.cellType(kind, field) });
    for (const p of parsed.problems) problems.push(fromSyntax(f.rel, kind, p));
    for (const r of parsed.records) records.push({ kind, file: f.rel, data: r.data, pos: r.pos, locate: r.locate });
    if (parsed.records.length === 0 && parsed.problems.length === 0) {
      problems.push(problemAt(f.rel, 'empty-file', 'the CSV file has a header row but no records', kind));
    }
    return { records, problems, fast: false };
  }
  const flat = full ? null : parseFlatYaml(text, f.rel, positions);
  const parsed = flat ?? parseYaml(text, f.rel);
  for (const p of parsed.problems) problems.push(fromSyntax(f.rel, kind, p));
  for (const item of parsed.items) {
    if ('data' in item) records.push({ kind, file: f.rel, data: item.data, pos: item.pos, locate: item.locate });
    else
      problems.push(
        problemAt(f.rel, 'not-a-record', `expected a record (a mapping of fields), found ${item.what}`, kind, item.notRecord.line, item.notRecord.column),
      );
  }
  if (parsed.items.length === 0 && parsed.problems.length === 0) {
    problems.push(problemAt(f.rel, 'empty-file', 'the file holds no records (only comments or empty documents)', kind));
  }
  return { records, problems, fast: flat !== null };
}

/** Reads and parses one record file (see parseRecordText). */
export function readRecordFile(f: FoundFile, opts: ReadOptions, full = false): ParsedFile {
  const read = readRecordText(f, opts);
  if (!read.ok) return { records: [], problems: [read.problem], fast: false };
  return parseRecordText(f, read.text, opts, full);
}
