/**
 * CSV → plain records with the line (and column) of each row and cell. Headers are field names
 * or aliases (the built-in Chinese ones of the file's kind and the config's `csv.headers`);
 * cells stay text, which the one value normaliser (source/values.ts) then reads as the types
 * the record schema expects, so `1`, `是`, `a;b` mean what a coordinator meant. The delimiter
 * is told from the header row: `,`, or `;` (Excel in European locales) or a tab (copied from a
 * sheet, or Excel's "Text (Tab delimited)").
 */
import { parse } from 'csv-parse/sync';
import type { CellType } from '../core/kinds';
import type { SourcePos } from '../core/problems';
import type { FieldPath, Locator, ParsedRecord, SyntaxProblem } from './yaml';

export type { CellType };

/**
 * What a header cell means: a field, a column ignored without a word (序号), or an unknown
 * column — `refused` when it is a near miss of a field or an alias (受理时刻 for 受理时间), whose
 * values would otherwise be lost without a word.
 */
export type HeaderMeaning = { readonly field: string } | { readonly ignore: true } | { readonly unknown: string; readonly refused?: boolean };

export interface CsvOptions {
  /** the meaning of a header text (trimmed) */
  readonly header: (name: string) => HeaderMeaning;
  readonly cellType: (field: string) => CellType;
}

/** Header resolution from a plain alias table, every name a field (tests, simple callers). */
export function aliasHeaders(aliases: Readonly<Record<string, string>>): (name: string) => HeaderMeaning {
  return (name) => ({ field: Object.prototype.hasOwnProperty.call(aliases, name) ? aliases[name]! : name });
}

export interface ParsedCsv {
  readonly records: readonly ParsedRecord[];
  readonly problems: readonly SyntaxProblem[];
}

interface Row {
  record: string[];
  raw: string;
}

/**
 * The line each row starts on, counted through csv-parse's `raw` of each row: everything it
 * consumed for the row, blank lines before it included. Line ends may be LF, CRLF or a bare CR
 * (old Mac Excel); with CRLF files csv-parse leaves the LF ending a row out of `raw`, so a CR
 * counts as a line end on its own and an LF right after it does not. (csv-parse's own `info`
 * objects cost a fifth of the parse and count a quoted CRLF twice.)
 */
function rowLines(): (row: Row) => number {
  let consumed = 0; // line ends in the raws before the current row
  return (row) => {
    const raw = row.raw;
    let i = 0;
    // blank lines before the row
    for (; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 13) consumed++;
      else if (c === 10) {
        if (i === 0 || raw.charCodeAt(i - 1) !== 13) consumed++;
      } else break;
    }
    const line = consumed + 1;
    for (; i < raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (c === 13 || (c === 10 && raw.charCodeAt(i - 1) !== 13)) consumed++;
    }
    return line;
  };
}

export function parseCsv(text: string, file: string, opts: CsvOptions): ParsedCsv {
  const problems: SyntaxProblem[] = [];
  let rows: Row[];
  const lineOf = rowLines();
  const delimiter = delimiterOf(text);
  try {
    rows = parse(text, { raw: true, skip_empty_lines: true, relax_column_count: true, delimiter }) as unknown as Row[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    problems.push({ line: e.lines ?? 1, column: 1, rule: 'csv-syntax', severity: 'error', message: firstSentence(e.message ?? String(err)) });
    return { records: [], problems };
  }
  if (rows.length === 0) return { records: [], problems };

  const header = rows[0]!;
  const headerLine = lineOf(header);
  const headerCols = cellColumns(recordPart(header.raw), delimiter);
  const fields: (string | null)[] = [];
  const seen = new Map<string, number>();
  header.record.forEach((h, i) => {
    const name = h.replace(/^\uFEFF/, '').trim();
    const col = headerCols[i] ?? { line: 0, column: 1 };
    if (name === '') {
      fields.push(null);
      return;
    }
    const meaning = opts.header(name);
    if ('ignore' in meaning) {
      fields.push(IGNORED);
      return;
    }
    if ('unknown' in meaning) {
      // said once, at the header: the column's cells are left out of every row
      problems.push({ line: headerLine + col.line, column: col.column, rule: 'unknown-field', severity: meaning.refused === true ? 'error' : 'warning', message: meaning.unknown });
      fields.push(IGNORED);
      return;
    }
    const field = meaning.field;
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
  if (problems.some((p) => p.severity === 'error')) return { records: [], problems };
  const types = fields.map((f) => (f === null || f === IGNORED ? 'string' : opts.cellType(f)));

  const records: ParsedRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const line = lineOf(row);
    const cells = row.record;
    const data: Record<string, unknown> = {};
    let blank = true;
    let bad = false;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i]!.trim();
      if (value === '') continue;
      blank = false;
      const field = fields[i];
      if (field === IGNORED) continue;
      if (field === undefined || field === null || types[i] === 'object-list') {
        bad = true;
        continue;
      }
      data[field] = value;
    }
    if (blank) continue; // a row of empty cells, as Excel leaves below a table
    const rowPos: SourcePos = { file, line, column: 1 };
    // cell columns are worked out only when a field of this row is reported on
    let cols: { line: number; column: number }[] | null = null;
    const cellPos = (i: number): SourcePos => {
      cols ??= cellColumns(recordPart(row.raw), delimiter);
      const c = cols[i];
      return c ? { file, line: line + c.line, column: c.column } : rowPos;
    };
    if (bad) {
      cells.forEach((cell, i) => {
        const value = cell.trim();
        if (value === '') return;
        const field = fields[i];
        const p = cellPos(i);
        if (field === undefined || field === null) {
          problems.push({ line: p.line, column: p.column, rule: 'csv-columns', severity: 'error', message: `value '${clip(value)}' in column ${i + 1}, which has no header` });
        } else if (types[i] === 'object-list') {
          problems.push({ line: p.line, column: p.column, rule: 'csv-list', severity: 'error', message: `'${field}' is a list of objects: write it in a YAML file, CSV cannot hold it` });
        }
      });
    }
    const locate: Locator = (path: FieldPath) => {
      const i = path.length > 0 && path[0] !== IGNORED ? fields.indexOf(String(path[0])) : -1;
      return i === -1 || (cells[i] ?? '').trim() === '' ? rowPos : cellPos(i);
    };
    records.push({ data, pos: rowPos, locate });
  }
  return { records, problems };
}

/** The row without the empty lines before it and its line terminator. */
function recordPart(raw: string): string {
  return raw.replace(/^[\r\n]+/, '').replace(/(?:\r\n|\r|\n)$/, '');
}

/** Start of each cell as (line offset within the row, 1-based column), honouring quotes. */
function cellColumns(part: string, delimiter: string): { line: number; column: number }[] {
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
    } else if (ch === '\n' || (ch === '\r' && part[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    } else if (ch === delimiter && !inQuotes) {
      cellStart = i + 1;
      out.push({ line, column: cellStart - lineStart + 1 });
    }
  }
  return out;
}

/** A column left out without a word, or after its header was reported once. */
const IGNORED = '\0ignored';

/**
 * The delimiter of a CSV text: the one of `,` `;` tab that occurs most often, outside quotes,
 * in its first line (the header row); a comma when none does.
 */
export function delimiterOf(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (counts[','] + counts[';'] + counts['\t'] > 0) break; // blank lines before the header
    } else if (!inQuotes && ch in counts) counts[ch]!++;
  }
  let best = ',';
  for (const d of [';', '\t']) if (counts[d]! > counts[best]!) best = d;
  return best;
}

function firstSentence(s: string): string {
  return s.split('\n')[0]!.trim();
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
