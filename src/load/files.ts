/**
 * One file of a records folder, from bytes to checked records: read (bounded, decoded
 * strictly) → parse (YAML, CSV or a workbook's sheets, with source positions) → each record's
 * values made canonical and checked against its kind's schema → records with their times parsed. Problems are collected, never thrown, and a bad
 * file never stops the others from being read. The result is plain data: the worker thread
 * hands it back and the cache keeps it.
 */
import type { Clock } from '../calendar/time';
import { cellTypeOf, type Kind } from '../core/kinds';
import type { HeaderMeaning } from '../source/csv';
import type { Refusal } from '../source/values';
import { fileProblem, problemAt, type Problem, type SourcePos } from '../core/problems';
import type { Rec } from '../core/records';
import { checkRecord } from '../schema/record';
import { parseCsv } from '../source/csv';
import { parseFlatYaml } from '../source/fast-yaml';
import type { Files } from '../source/fs';
import { MAX_SETTINGS_BYTES, MAX_YAML_BYTES, readText, type TextResult } from '../source/read';
import { parseYaml, type Locator, type ParsedRecord, type SyntaxProblem } from '../source/yaml';
import type { FoundFile } from './discover';
import { headerResolver, type HeaderSettings } from './header-aliases';
import { readWorkbookFile } from './workbook';
import { improveYamlProblem } from './yaml-hints';

export interface RawRecord {
  readonly kind: Kind;
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly pos: SourcePos;
  readonly locate: Locator;
  /** values the reader could not take (a workbook's cell): reported at the field */
  readonly refused?: readonly Refusal[];
}

/** A settings file (svc-sla.yaml, a calendar file): one mapping with its positions. */
export interface RawDoc {
  readonly file: string;
  readonly data: Record<string, unknown>;
  readonly pos: SourcePos;
  readonly locate: Locator;
}

export interface ReadOptions {
  /** `auto` or an encoding name (svc-sla.yaml csv.encoding), for CSV files */
  readonly encoding: string;
  /** how the header cells of a table (CSV file, sheet) of a kind are read: built-in aliases and svc-sla.yaml's */
  readonly headersOf: (kind: Kind) => (name: string) => HeaderMeaning;
}

export function readOptions(encoding: string | undefined, headers: HeaderSettings | undefined): ReadOptions {
  const byKind = new Map<Kind, (name: string) => HeaderMeaning>();
  const headersOf = (kind: Kind): ((name: string) => HeaderMeaning) => {
    let r = byKind.get(kind);
    if (!r) byKind.set(kind, (r = headerResolver(kind, headers ?? {})));
    return r;
  };
  return { encoding: encoding ?? 'auto', headersOf };
}

function fromSyntax(file: string, kind: Kind | null, p: SyntaxProblem): Problem {
  return problemAt({ file, line: p.line, column: p.column }, p.rule, p.message, { severity: p.severity, kind });
}

/** Reads one YAML file that holds a single mapping (config, calendar). */
export function readSettingsYaml(files: Files, file: { rel: string; abs: string }, problems: Problem[]): RawDoc | null {
  const read = readText(files, file.abs, file.rel, { maxBytes: MAX_SETTINGS_BYTES, tooLarge: 'settings and calendar files over {cap} are not read' });
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
    problems.push(fileProblem(file.rel, 'not-a-record', 'this file must hold exactly one mapping of settings'));
    return null;
  }
  const r = records[0]!;
  return { file: file.rel, data: r.data, pos: r.pos, locate: r.locate };
}

/** The decoded text of a record file, or the problem that kept it from being read (YAML and CSV). */
export function readRecordText(files: Files, f: FoundFile, opts: ReadOptions): TextResult {
  if (f.type === 'csv') return readText(files, f.abs, f.rel, { kind: f.kind, encoding: opts.encoding, regular: f.regular });
  return readText(files, f.abs, f.rel, {
    kind: f.kind,
    encoding: 'utf-8',
    regular: f.regular,
    maxBytes: MAX_YAML_BYTES,
    tooLarge: 'YAML record files over {cap} are not read (split it by month or quarter, or keep long lists as CSV)',
  });
}

/** Spreadsheets other than .xlsx: what to do instead. */
function otherSheetProblem(f: FoundFile): Problem {
  const ext = f.rel.slice(f.rel.lastIndexOf('.')).toLowerCase();
  const what =
    ext === '.xls'
      ? 'an Excel 97-2003 workbook (.xls), which svc-sla does not read: open it in Excel and save it as .xlsx (文件 → 另存为 → Excel 工作簿)'
      : ext === '.ods'
        ? 'an OpenDocument spreadsheet (.ods), which svc-sla does not read: save it as .xlsx (Excel 2007-365)'
        : ext === '.xlsb'
          ? 'an Excel binary workbook (.xlsb), which svc-sla does not read: save it as .xlsx'
          : `a spreadsheet in a format svc-sla does not read (${ext}): save it as .xlsx or as CSV`;
  return fileProblem(f.rel, 'workbook', `this is ${what}`, { kind: f.kind });
}

/** Reads and parses a record file that is not text: a workbook, or a spreadsheet refused. */
function parseBinaryFile(files: Files, f: FoundFile, opts: ReadOptions): ParsedFile {
  if (f.type === 'other-sheet') return { records: [], problems: [otherSheetProblem(f)], fast: false };
  const wb = readWorkbookFile(files, f, opts.headersOf);
  const records = wb.records.map((r): RawRecord => ({ kind: r.kind, file: f.rel, data: r.data, pos: r.pos, locate: r.locate, refused: r.refused }));
  return { records, problems: wb.problems, fast: false };
}

/** Is this a file read as bytes (a workbook), not as text? */
export function isBinaryType(f: FoundFile): boolean {
  return f.type === 'xlsx' || f.type === 'other-sheet';
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
  const kind = f.kind;
  if (f.type === 'csv') {
    const parsed = parseCsv(text, f.rel, { header: opts.headersOf(kind), cellType: (field) => cellTypeOf(kind, field) });
    for (const p of parsed.problems) problems.push(fromSyntax(f.rel, kind, p));
    for (const r of parsed.records) records.push({ kind, file: f.rel, data: r.data, pos: r.pos, locate: r.locate });
    if (parsed.records.length === 0 && parsed.problems.length === 0) {
      problems.push(fileProblem(f.rel, 'empty-file', 'the CSV file has a header row but no records', { kind }));
    }
    return { records, problems, fast: false };
  }
  const flat = full ? null : parseFlatYaml(text, f.rel, positions);
  const parsed = flat ?? parseYaml(text, f.rel);
  for (const p of parsed.problems) problems.push(fromSyntax(f.rel, kind, improveYamlProblem(p, text)));
  for (const item of parsed.items) {
    if ('data' in item) records.push({ kind, file: f.rel, data: item.data, pos: item.pos, locate: item.locate });
    else {
      const hinted = improveYamlProblem({ line: item.notRecord.line, column: item.notRecord.column, rule: 'not-a-record', severity: 'error', message: `expected a record (a mapping of fields), found ${item.what}` }, text);
      problems.push(problemAt(item.notRecord, 'not-a-record', hinted.message, { kind }));
    }
  }
  if (parsed.items.length === 0 && parsed.problems.length === 0) {
    problems.push(fileProblem(f.rel, 'empty-file', 'the file holds no records (only comments or empty documents)', { kind }));
  }
  return { records, problems, fast: flat !== null };
}

export interface CheckedItem {
  readonly rec: Rec;
  /** no schema errors: the record takes part in the logic checks and the reports */
  readonly ok: boolean;
  /** the record's place among its file's records, to find its fields again later */
  readonly index: number;
}

/** What one record file gave: its checked records and its problems (plain, cloneable, cacheable). */
export interface FileResult {
  readonly rel: string;
  readonly items: CheckedItem[];
  readonly problems: Problem[];
  /** records read, valid or not */
  readonly recordCount: number;
}

/**
 * The checked result of a parsed file; field positions serve its schema problems and are then
 * let go. `trusted`: the same text already passed the schema check without a problem.
 */
export function checkParsed(f: FoundFile, read: ParsedFile, clock: Clock, trusted = false): FileResult {
  const items: CheckedItem[] = [];
  const problems: Problem[] = [...read.problems];
  read.records.forEach((raw, index) => {
    const checked = checkRecord(raw.kind, raw.data, raw.pos, raw.locate, clock, problems, trusted, raw.refused);
    if (checked) items.push({ ...checked, index });
  });
  return { rel: f.rel, items, problems, recordCount: read.records.length };
}

/** Reads, parses and checks one record file. */
export function checkFile(files: Files, f: FoundFile, opts: ReadOptions, clock: Clock): FileResult {
  if (isBinaryType(f)) return checkParsed(f, parseBinaryFile(files, f, opts), clock);
  const read = readRecordText(files, f, opts);
  if (!read.ok) return { rel: f.rel, items: [], problems: [read.problem], recordCount: 0 };
  return checkParsed(f, parseRecordText(f, read.text, opts), clock);
}

/** Reads and parses one record file again with the full parser, for the positions of its fields. */
export function locatorsOf(files: Files, f: FoundFile, opts: ReadOptions): readonly Locator[] {
  if (isBinaryType(f)) return parseBinaryFile(files, f, opts).records.map((r) => r.locate);
  const read = readRecordText(files, f, opts);
  return read.ok ? parseRecordText(f, read.text, opts, true).records.map((r) => r.locate) : [];
}
