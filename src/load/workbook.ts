/**
 * A workbook (.xlsx, .xlsm) of a records folder → raw records, as a CSV file gives them: each
 * sheet with a header row is a table, its header cells field names or aliases of the sheet's
 * kind, one record per row. The cells are typed (src/sheets/xlsx.ts), so what a CSV file
 * cannot say a workbook can: a date cell is a wall time (read in the folder's time zone
 * later, never in the process's), a number is a number. What a cell cannot mean for its field
 * — a number where a time goes, a formula without a saved result, #N/A — is refused at the
 * cell, with what to do; the value normaliser (source/values.ts) then reads the rest.
 *
 * Positions: `line` is the row, `column` the column, `sheet` the sheet; problems name the
 * sheet and cell (`[Sheet1] F12`).
 *
 * - The sheet's kind: the kind folder the workbook is in, unless the sheet's name names a kind
 *   (`tickets`, `故障单`, `巡检`, … see SHEET_KINDS), which wins.
 * - The header row: the first row, among a sheet's first 10 rows with cells, in which at least
 *   two cells (or every cell) name a field of the kind; rows above it (a title) are left out.
 *   A visible sheet without one that looks like a table (a row of three cells or more) is not
 *   read, with a warning; a sheet of notes, or an empty one, says nothing.
 * - Hidden sheets are not read (lists for drop-downs live there); one that holds a table gets
 *   a warning, so records are never dropped without a word.
 * - A cell merged down over several rows stands in each of them, as the sheet shows it; across
 *   columns, in the leftmost.
 * - Rows without a value in any column that names a field (a pre-numbered 序号 row) are empty.
 */
import { fieldsOf, isKind, KINDS, type FieldInfo, type Kind } from '../core/kinds';
import { fileProblem, problemAt, type Problem, type SourcePos } from '../core/problems';
import type { Files } from '../source/fs';
import type { HeaderMeaning } from '../source/csv';
import { MAX_FILE_BYTES } from '../source/read';
import type { Refusal } from '../source/values';
import type { FieldPath, Locator } from '../source/yaml';
import { serialToWall } from '../sheets/date-serial';
import { classifyFormat } from '../sheets/number-format';
import { canonicalWall } from '../sheets/values';
import { readWorkbook, type Cell, type CellValue, type Sheet } from '../sheets/xlsx';
import type { FoundFile } from './discover';

/** A record read from a sheet (RawRecord of files.ts, with the kind of its sheet). */
export interface SheetRecord {
  readonly kind: Kind;
  readonly data: Record<string, unknown>;
  readonly pos: SourcePos;
  readonly locate: Locator;
  /** cells that could not be read for their field: reported instead of the schema's problem */
  readonly refused: readonly Refusal[];
}

export interface ParsedWorkbook {
  readonly records: SheetRecord[];
  readonly problems: Problem[];
}

/** The header rules of a kind (load/header-aliases.ts `headerResolver`). */
export type HeadersOf = (kind: Kind) => (name: string) => HeaderMeaning;

/** Sheet names that name a kind: the folder names and the words the reports use, and a few more. */
const SHEET_KINDS: Readonly<Record<string, Kind>> = {
  故障单: 'tickets',
  故障: 'tickets',
  故障台账: 'tickets',
  巡检: 'inspections',
  巡检台账: 'inspections',
  巡检记录: 'inspections',
  软件升级: 'upgrades',
  升级: 'upgrades',
  备件借用: 'loans',
  备件: 'loans',
  技术咨询: 'consultations',
  咨询: 'consultations',
  资料需求: 'doc-requests',
  技术交流: 'exchanges',
  服务例会: 'meetings',
  例会: 'meetings',
  报送文档: 'submissions',
  文档报送: 'submissions',
  人工考核: 'assessments',
  考核: 'assessments',
};

export const SHEET_KIND_NAMES: readonly string[] = [...KINDS, ...Object.keys(SHEET_KINDS)];

/** The kind a sheet's name names, or null (Sheet1, 2026-Q3 …: the folder's kind). */
export function kindOfSheet(name: string): Kind | null {
  const n = name.trim();
  const lower = n.toLowerCase();
  if (isKind(lower)) return lower;
  return Object.prototype.hasOwnProperty.call(SHEET_KINDS, n) ? SHEET_KINDS[n]! : null;
}

/** How many leading rows with cells may come before the header row (a title, a note). */
const HEADER_SEARCH_ROWS = 10;

function why(code: string): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'the file disappeared while reading (a dangling link?)';
  return code;
}

/** The bytes of a workbook file, or the problem that kept it from being read. */
export function readWorkbookBytes(files: Files, f: FoundFile): { bytes: Uint8Array } | { problem: Problem } {
  const read = files.read(f.abs, { regular: f.regular, maxBytes: MAX_FILE_BYTES });
  if (read.ok) return { bytes: read.bytes };
  const fail = (rule: 'file-too-large' | 'unreadable', message: string) => ({ problem: fileProblem(f.rel, rule, message, { kind: f.kind }) });
  if (read.reason === 'too-large') {
    return fail('file-too-large', `the workbook is ${(read.size / 1024 / 1024).toFixed(1)} MB; record files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read (split it by month or quarter)`);
  }
  if (read.reason === 'not-regular') return fail('unreadable', 'not a regular file');
  return fail('unreadable', `cannot read this file: ${why(read.code)}`);
}

/** The text a header cell shows. */
function headerText(v: CellValue): string | null {
  switch (v.type) {
    case 'string':
      return v.text.trim();
    case 'number':
      return v.text;
    case 'boolean':
      return v.value ? 'TRUE' : 'FALSE';
    case 'date':
      return canonicalWall(v.wall, v.dateOnly);
    default:
      return null;
  }
}

type Column = { readonly field: string; readonly info: FieldInfo | undefined } | 'ignored' | 'unknown' | null;

/** Reads a workbook's bytes into records; never throws for bad input. */
export function parseWorkbook(f: FoundFile, bytes: Uint8Array, headersOf: HeadersOf): ParsedWorkbook {
  const records: SheetRecord[] = [];
  const problems: Problem[] = [];
  const wb = readWorkbook(bytes, { lang: 'en' });
  if ('error' in wb) {
    problems.push(fileProblem(f.rel, wb.error.code === 'empty' ? 'empty-file' : 'workbook', wb.error.message, { kind: f.kind }));
    return { records, problems };
  }
  let tables = 0;
  for (const sheet of wb.sheets) {
    if (sheet.rows.length === 0) continue;
    const kind = kindOfSheet(sheet.name) ?? f.kind;
    const found = readSheet(f, sheet, kind, headersOf(kind), records, problems);
    if (found) tables++;
  }
  if (tables === 0 && !problems.some((p) => p.severity === 'error' || p.rule === 'workbook-sheet')) {
    problems.push(fileProblem(f.rel, 'empty-file', 'the workbook holds no sheet with a header row and records', { kind: f.kind }));
  }
  return { records, problems };
}

/** One sheet's records into `out`; false when the sheet holds no table. */
function readSheet(
  f: FoundFile,
  sheet: Sheet,
  kind: Kind,
  header: (name: string) => HeaderMeaning,
  out: SheetRecord[],
  problems: Problem[],
): boolean {
  const at = (row: number, col: number): SourcePos => ({ file: f.rel, line: row, column: col, sheet: sheet.name });
  const fields = fieldsOf(kind);

  // the header row: the first of the leading rows in which cells name fields
  let headerIndex = -1;
  for (let i = 0; i < sheet.rows.length && i < HEADER_SEARCH_ROWS; i++) {
    const cells = sheet.rows[i]!.cells;
    let named = 0;
    for (const c of cells) {
      const t = headerText(c.value);
      if (t !== null && t !== '' && 'field' in header(t)) named++;
    }
    if (named >= 2 || (named >= 1 && named === cells.length)) {
      headerIndex = i;
      break;
    }
  }
  const first = sheet.rows[0]!.cells[0]!;
  if (headerIndex === -1) {
    // a sheet of notes (one column of text) is no table; one that looks like a table with
    // headers svc-sla does not know would lose its records without a word
    const tabular = sheet.rows.slice(0, HEADER_SEARCH_ROWS).some((r) => r.cells.length >= 3);
    if (!sheet.hidden && tabular) {
      problems.push(
        problemAt(at(first.row, first.col), 'workbook-sheet', `sheet '${sheet.name}' is not read: none of its first rows is a header row naming fields of ${kind} (id, ...)`, {
          severity: 'warning',
          kind,
        }),
      );
    }
    return false;
  }
  if (sheet.hidden) {
    problems.push(
      problemAt(at(first.row, first.col), 'workbook-sheet', `sheet '${sheet.name}' is hidden and is not read: unhide it to include its records, or delete it`, {
        severity: 'warning',
        kind,
      }),
    );
    return true;
  }

  // the columns
  const headerRow = sheet.rows[headerIndex]!;
  const columns = new Map<number, Column>();
  const seen = new Map<string, Cell>();
  let headerBad = false;
  for (const c of headerRow.cells) {
    const name = headerText(c.value);
    if (name === null || name === '') continue;
    const meaning = header(name);
    if ('ignore' in meaning) {
      columns.set(c.col, 'ignored');
    } else if ('unknown' in meaning) {
      problems.push(problemAt(at(c.row, c.col), 'unknown-field', meaning.unknown, { severity: meaning.refused === true ? 'error' : 'warning', kind }));
      columns.set(c.col, 'unknown');
    } else {
      const prior = seen.get(meaning.field);
      if (prior !== undefined) {
        problems.push(problemAt(at(c.row, c.col), 'csv-header', `column '${name}' and column ${prior.ref.replace(/\d+$/, '')} ('${headerText(prior.value)}') both give '${meaning.field}'`, { kind }));
        headerBad = true;
        continue;
      }
      seen.set(meaning.field, c);
      columns.set(c.col, { field: meaning.field, info: fields.get(meaning.field) });
    }
  }
  if (headerBad) return true;

  // cells merged down a column stand in each row of the range (the sheet shows them there)
  const filled = new Map<number, Map<number, Cell>>();
  const byRow = new Map(sheet.rows.map((r) => [r.row, r]));
  for (const m of sheet.merges) {
    if (m.bottom === m.top || m.top <= headerRow.row) continue;
    const topCell = byRow.get(m.top)?.cells.find((c) => c.col === m.left);
    if (topCell === undefined) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      let row = filled.get(r);
      if (!row) filled.set(r, (row = new Map()));
      row.set(m.left, topCell);
    }
  }
  // rows that hold only merged-down cells still need visiting
  const rowNumbers = new Set<number>();
  for (let i = headerIndex + 1; i < sheet.rows.length; i++) rowNumbers.add(sheet.rows[i]!.row);
  for (const r of filled.keys()) rowNumbers.add(r);

  for (const rowNumber of [...rowNumbers].sort((a, b) => a - b)) {
    const own = byRow.get(rowNumber)?.cells ?? [];
    const extra = filled.get(rowNumber);
    const cells: Cell[] = extra === undefined ? [...own] : [...own, ...[...extra.entries()].filter(([col]) => !own.some((c) => c.col === col)).map(([, c]) => c)];
    const data: Record<string, unknown> = {};
    const where = new Map<string, number>();
    const refused: Refusal[] = [];
    let any = false;
    for (const c of cells) {
      const col = columns.get(c.col);
      if (col === 'ignored' || col === 'unknown') continue;
      if (col === undefined || col === null) {
        const t = headerText(c.value);
        if (t === '' ) continue;
        problems.push(problemAt(at(rowNumber, c.col), 'csv-columns', `value '${clip(t ?? shownValue(c.value))}' in column ${c.ref.replace(/\d+$/, '')}, which has no header`, { kind }));
        any = true;
        continue;
      }
      const read = cellFor(col.field, col.info, c.value);
      if (read === undefined) continue;
      any = true;
      data[col.field] = read.value;
      where.set(col.field, c.col);
      if (read.refusal !== undefined) refused.push({ field: col.field, rule: read.rule ?? 'format', message: read.refusal });
      if (col.info?.cell === 'object-list') refused.push({ field: col.field, rule: 'csv-list', message: `'${col.field}' is a list of objects: write it in a YAML file, a sheet cannot hold it` });
    }
    if (!any) continue;
    const pos = at(rowNumber, 1);
    const locate: Locator = (path: FieldPath) => {
      const col = path.length > 0 ? where.get(String(path[0])) : undefined;
      return col === undefined ? pos : at(rowNumber, col);
    };
    out.push({ kind, data, pos, locate, refused });
  }
  return true;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function shownValue(v: CellValue): string {
  switch (v.type) {
    case 'formula-no-value':
      return `=${v.formula}`;
    case 'error':
      return v.code;
    case 'time':
      return `${v.wall.h}:${String(v.wall.mi).padStart(2, '0')}`;
    default:
      return headerText(v) ?? '';
  }
}

interface CellRead {
  readonly value: unknown;
  readonly refusal?: string;
  readonly rule?: Refusal['rule'];
}

const FORMAT_HINT = 'format the column as 日期 (date) or type the time as text, 2026-07-03 09:05';

/** A number format whose text for a number is exactly the number (no zero padding, no units). */
function showsPlainNumber(format: string): boolean {
  const info = classifyFormat(format);
  if (info.kind === 'general' || info.kind === 'text') return true;
  if (info.kind !== 'number') return false;
  // 0000 shows 142 as 0142: the text would not be what the cell shows
  const intPart = format.split('.')[0]!.replace(/[#,]/g, '');
  return intPart.length <= 1;
}

/**
 * What one cell gives its field: the value (a placeholder when refused) and, when the cell
 * cannot mean a value of the field, why. undefined: the cell is empty for this purpose.
 */
export function cellFor(field: string, info: FieldInfo | undefined, v: CellValue): CellRead | undefined {
  const format = info?.format ?? null;
  const cell = info?.cell ?? 'string';
  switch (v.type) {
    case 'string': {
      const t = v.text.trim();
      return t === '' ? undefined : { value: t };
    }
    case 'boolean':
      return { value: v.value };
    case 'formula-no-value':
      return {
        value: `=${v.formula}`,
        rule: 'workbook-cell',
        refusal: `${field}: the formula =${clip(v.formula)} has no saved result (the file was written by a program that does not calculate): open the workbook in Excel or LibreOffice and save it again`,
      };
    case 'error':
      return { value: v.code, rule: 'workbook-cell', refusal: `${field}: the cell shows the error ${v.code}: correct its formula, or type the value` };
    case 'time': {
      const t = `${String(v.wall.h).padStart(2, '0')}:${String(v.wall.mi).padStart(2, '0')}`;
      return format !== null
        ? { value: t, rule: 'format', refusal: `${field}: the cell holds a time of day (${t}) without a date: enter the date and time in one cell, 2026-07-03 ${t}` }
        : { value: t, rule: 'type', refusal: `${field}: the cell holds a time of day (${t}), which this field does not take: format the column as text` };
    }
    case 'date': {
      const wall = v.wall;
      const midnight = wall.h === 0 && wall.mi === 0 && wall.s === 0 && wall.ms === 0;
      const dateText = canonicalWall(wall, true);
      if (format === 'date') {
        if (midnight || !v.timeShown) return { value: dateText };
        return { value: canonicalWall(wall, false), rule: 'format', refusal: `${field}: a date is expected here, without a time (the cell shows ${canonicalWall(wall, false)}): did you mean ${dateText}?` };
      }
      if (format === 'timestamp') {
        if (v.dateOnly) return { value: dateText };
        if (!v.timeShown) {
          return {
            value: canonicalWall(wall, false),
            rule: 'format',
            refusal: `${field}: the cell shows the date ${dateText} but holds the time ${canonicalWall(wall, false)}: format the column to show the time (yyyy-mm-dd hh:mm), or enter the date alone`,
          };
        }
        return { value: canonicalWall(wall, false) };
      }
      // Excel turns 2026-09 into a date: a period is text
      const meant = field === 'period' && wall.d === 1 && midnight ? `: did you mean ${dateText.slice(0, 7)}? Type it with a leading apostrophe ('${dateText.slice(0, 7)}) or format the column as text` : ': format the column as text';
      return { value: dateText, rule: 'type', refusal: `${field}: the cell is a date (${canonicalWall(wall, v.dateOnly)}), which this field does not take${meant}` };
    }
    case 'number': {
      if (format !== null) {
        const wall = v.value >= 1 && v.value < 2958466 ? serialToWall(v.value, false) : null;
        const guess = wall !== null && wall.y >= 1990 && wall.y <= 2100 ? ` (as a date cell it would be ${canonicalWall(wall, wall.h === 0 && wall.mi === 0 && wall.s === 0 && wall.ms === 0)})` : '';
        return { value: v.text, rule: 'format', refusal: `${field}: the cell holds the number ${v.text}, not a ${format}${guess}: ${FORMAT_HINT}` };
      }
      if (cell === 'integer' || cell === 'number') return { value: v.value };
      if (cell === 'boolean') return { value: v.value === 1 ? true : v.value === 0 ? false : v.value };
      if (!showsPlainNumber(v.format)) {
        return { value: v.text, rule: 'type', refusal: `${field}: the cell shows a number in the format '${v.format}', whose text svc-sla does not reproduce: type the value as text` };
      }
      return { value: v.text };
    }
  }
}

/** Workbook records with every problem of reading the file. */
export function readWorkbookFile(files: Files, f: FoundFile, headersOf: HeadersOf): ParsedWorkbook {
  const read = readWorkbookBytes(files, f);
  if ('problem' in read) return { records: [], problems: [read.problem] };
  return parseWorkbook(f, read.bytes, headersOf);
}
