/**
 * CSV → plain records with the line (and column) of each row and cell. Headers are field names
 * or aliases (the built-in Chinese ones and the config's `csv.headers`); cells are turned into
 * the types the record schema expects, so `1`, `是`, `a;b` mean what a coordinator meant.
 */
import { parse } from 'csv-parse/sync';
import type { SourcePos } from '../core/types';
import type { FieldPath, Locator, ParsedRecord, SyntaxProblem } from './yaml';

/** How a CSV cell is read for a field; everything else stays a string. */
export type CellType = 'integer' | 'number' | 'boolean' | 'string-list' | 'object-list' | 'string';

export interface CsvOptions {
  readonly aliases: Readonly<Record<string, string>>;
  readonly cellType: (field: string) => CellType;
}

export interface ParsedCsv {
  readonly records: readonly ParsedRecord[];
  readonly problems: readonly SyntaxProblem[];
}

const TRUE_WORDS = new Set(['true', 'yes', '1', '是', 'y']);
const FALSE_WORDS = new Set(['false', 'no', '0', '否', 'n']);

interface Row {
  record: string[];
  raw: string;
  info: { lines: number };
}

export function parseCsv(text: string, file: string, opts: CsvOptions): ParsedCsv {
  const problems: SyntaxProblem[] = [];
  let rows: Row[];
  try {
    rows = parse(text, { info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as unknown as Row[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    problems.push({ line: e.lines ?? 1, column: 1, rule: 'csv-syntax', severity: 'error', message: firstSentence(e.message ?? String(err)) });
    return { records: [], problems };
  }
  if (rows.length === 0) return { records: [], problems };

  const header = rows[0]!;
  const headerLine = startLine(header);
  const headerCols = cellColumns(recordPart(header.raw));
  const fields: (string | null)[] = [];
  const seen = new Map<string, number>();
  header.record.forEach((h, i) => {
    const name = h.replace(/^\uFEFF/, '').trim();
    const col = headerCols[i] ?? { line: 0, column: 1 };
    if (name === '') {
      fields.push(null);
      return;
    }
    const field = opts.aliases[name] ?? name;
    const first = seen.get(field);
    if (first !== undefined) {
      problems.push({
        line: headerLine + col.line,
        column: col.column,
        rule: 'csv-header',
        severity: 'error',
        message: `column '${name}' and column ${first + 1} ('${header.record[first]!.trim()}') both give '${field}'`,
      });
      fields.push(null);
      return;
    }
    seen.set(field, i);
    fields.push(field);
  });
  if (problems.length > 0) return { records: [], problems };

  const records: ParsedRecord[] = [];
  for (const row of rows.slice(1)) {
    const line = startLine(row);
    const cols = cellColumns(recordPart(row.raw));
    const cellPos = (i: number): SourcePos => {
      const c = cols[i];
      return c ? { file, line: line + c.line, column: c.column } : { file, line, column: 1 };
    };
    const data: Record<string, unknown> = {};
    const fieldIndex = new Map<string, number>();
    let blank = true;
    row.record.forEach((cell, i) => {
      const value = cell.trim();
      if (value === '') return;
      blank = false;
      const field = fields[i];
      if (field === undefined || field === null) {
        const p = cellPos(i);
        problems.push({
          line: p.line,
          column: p.column,
          rule: 'csv-columns',
          severity: 'error',
          message: `value '${clip(value)}' in column ${i + 1}, which has no header`,
        });
        return;
      }
      fieldIndex.set(field, i);
      const type = opts.cellType(field);
      if (type === 'object-list') {
        const p = cellPos(i);
        problems.push({ line: p.line, column: p.column, rule: 'csv-list', severity: 'error', message: `'${field}' is a list of objects: write it in a YAML file, CSV cannot hold it` });
        return;
      }
      data[field] = coerce(value, type);
    });
    if (blank) continue; // a row of empty cells, as Excel leaves below a table
    const rowPos: SourcePos = { file, line, column: 1 };
    const locate: Locator = (path: FieldPath) => {
      const i = path.length > 0 ? fieldIndex.get(String(path[0])) : undefined;
      return i === undefined ? rowPos : cellPos(i);
    };
    records.push({ data, pos: rowPos, locate });
  }
  return { records, problems };
}

function coerce(value: string, type: CellType): unknown {
  switch (type) {
    case 'integer':
      return /^[+-]?\d+$/.test(value) ? Number(value) : value;
    case 'number': {
      const n = Number(value);
      return value !== '' && Number.isFinite(n) ? n : value;
    }
    case 'boolean': {
      const w = value.toLowerCase();
      if (TRUE_WORDS.has(w)) return true;
      if (FALSE_WORDS.has(w)) return false;
      return value;
    }
    case 'string-list':
      return value
        .split(/[;；]/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    default:
      return value;
  }
}

/** The row without the empty lines before it and its line terminator. */
function recordPart(raw: string): string {
  return raw.replace(/^(?:\r?\n)+/, '').replace(/\r?\n$/, '');
}

/** csv-parse tells where a record ends; it starts as many lines earlier as it spans. */
function startLine(row: Row): number {
  const part = recordPart(row.raw);
  let newlines = 0;
  for (let i = 0; i < part.length; i++) if (part.charCodeAt(i) === 10) newlines++;
  return row.info.lines - newlines;
}

/** Start of each cell as (line offset within the row, 1-based column), honouring quotes. */
function cellColumns(part: string): { line: number; column: number }[] {
  const out: { line: number; column: number }[] = [];
  let line = 0;
  let lineStart = 0;
  let inQuotes = false;
  let cellStart = 0;
  out.push({ line: 0, column: 1 });
  for (let i = 0; i < part.length; i++) {
    const ch = part[i];
    if (ch === '"') {
      if (inQuotes && part[i + 1] === '"') i++;
      else inQuotes = !inQuotes;
    } else if (ch === '\n') {
      line++;
      lineStart = i + 1;
    } else if (ch === ',' && !inQuotes) {
      cellStart = i + 1;
      out.push({ line, column: cellStart - lineStart + 1 });
    }
  }
  return out;
}

function firstSentence(s: string): string {
  return s.split('\n')[0]!.trim();
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
