/**
 * .xlsx bytes → sheets of typed cells, for the records loader (an .xlsx holds one table per
 * sheet, like a CSV file). Self-contained: zip.ts unpacks, xml.ts scans, number-format.ts and
 * date-serial.ts tell dates from numbers; nothing here reads files.
 *
 * What a reader of a coordinator's ledger needs, and what this gives:
 * - the value Excel last calculated for a formula cell (the cached value), or, when the file
 *   has none (written by a program that does not calculate), the formula itself;
 * - date cells as wall-clock fields with no time zone: the records folder's zone is applied
 *   later, so a workbook reads the same whatever TZ the process has;
 * - merged ranges: the value stands in the top-left cell only, the other cells of the range are
 *   absent (as Excel stores them); the ranges are listed so the loader can say so;
 * - hidden and very hidden sheets are read and marked, so the loader can decide;
 * - any bad input — not a zip, truncated, encrypted, a zip bomb, damaged XML — gives
 *   `{ error }`, never an exception and never an unbounded amount of work.
 */
import { serialToWall, type WallTime } from './date-serial';
import { builtinFormatCode, classifyFormat, displayNumber, type FormatInfo } from './number-format';
import { TOKEN_CLOSE, TOKEN_END, TOKEN_OPEN, XmlError, XmlScanner } from './xml';
import { openZip, readEntry, type ZipArchive, type ZipFailure } from './zip';

export type Lang = 'zh-CN' | 'en';

/** Every sentence this module says to a user, in both languages (to move into the catalogue). */
export const XLSX_MESSAGES = {
  empty: { 'zh-CN': () => '文件为空', en: () => 'the file is empty' },
  encrypted: {
    'zh-CN': () => '工作簿已加密（设置了打开密码），无法读取：请另存一份不带密码的 .xlsx',
    en: () => 'the workbook is encrypted (it has a password to open): save a copy without a password as .xlsx',
  },
  ole2: {
    'zh-CN': () => '这是加密的工作簿，或不是 .xlsx（而是 Excel 97-2003 的 .xls 等 OLE2 文件）：请另存为不带密码的 .xlsx',
    en: () => 'this is an encrypted workbook or not an .xlsx (an OLE2 file, such as an Excel 97-2003 .xls): save it as .xlsx without a password',
  },
  notZip: {
    'zh-CN': () => '不是 .xlsx 工作簿（文件不是 zip 格式）',
    en: () => 'not an .xlsx workbook (the file is not a zip archive)',
  },
  notWorkbook: {
    'zh-CN': () => '这是 zip 文件，但不是 .xlsx 工作簿（没有 xl/workbook.xml）',
    en: () => 'a zip archive, but not an .xlsx workbook (it has no workbook part)',
  },
  ods: {
    'zh-CN': () => '这是 OpenDocument 表格（.ods）：请在表格程序中另存为 .xlsx',
    en: () => 'this is an OpenDocument spreadsheet (.ods): save it as .xlsx',
  },
  xlsb: {
    'zh-CN': () => '这是 Excel 二进制工作簿（.xlsb），不支持：请另存为 .xlsx',
    en: () => 'this is an Excel binary workbook (.xlsb), which is not read: save it as .xlsx',
  },
  corrupt: {
    'zh-CN': (detail: string) => `工作簿已损坏，无法读取（${detail}）：请在 Excel 中打开并重新保存`,
    en: (detail: string) => `the workbook is damaged and cannot be read (${detail}): open it in Excel and save it again`,
  },
  tooLarge: {
    'zh-CN': (mb: number) => `工作簿解压后超过 ${mb} MB，不予读取：请按月或按季度拆分`,
    en: (mb: number) => `the workbook unpacks to more than ${mb} MB and is not read: split it by month or quarter`,
  },
  tooManyCells: {
    'zh-CN': (limit: number) => `工作簿的非空单元格超过 ${limit} 个，不予读取：请按月或按季度拆分`,
    en: (limit: number) => `the workbook has more than ${limit} non-empty cells and is not read: split it by month or quarter`,
  },
  tooManyEntries: {
    'zh-CN': (count: number, limit: number) => `工作簿包含 ${count} 个内部文件（上限 ${limit}），不像真实的 .xlsx`,
    en: (count: number, limit: number) => `the workbook holds ${count} parts (at most ${limit}); this is no ordinary .xlsx`,
  },
} as const;

export type XlsxErrorCode = 'empty' | 'encrypted' | 'ole2' | 'not-xlsx' | 'ods' | 'xlsb' | 'corrupt' | 'too-large' | 'too-many-cells' | 'too-many-entries';

export interface XlsxError {
  readonly code: XlsxErrorCode;
  readonly message: string;
}

/** A typed cell value. Empty cells (and formulas whose cached result is "") are not cells. */
export type CellValue =
  | { readonly type: 'string'; readonly text: string }
  /** `text`: as Excel shows it for General, 0, 0.00, #,##0, #,##0.00, 0%, 0.00%, @; for any
   *  other format the General text (number-format.ts); `format`: the format code */
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly format: string }
  | { readonly type: 'boolean'; readonly value: boolean }
  /** a date cell: `dateOnly` when the format shows no time and the time of day is 00:00;
   *  `timeShown` when the format shows a time of day (a date format can hide one) */
  | { readonly type: 'date'; readonly wall: WallTime; readonly dateOnly: boolean; readonly timeShown: boolean }
  /** a time-of-day cell (format h:mm and a serial below 1): a separate 时间 column */
  | { readonly type: 'time'; readonly wall: Pick<WallTime, 'h' | 'mi' | 's' | 'ms'> }
  | { readonly type: 'formula-no-value'; readonly formula: string }
  /** #N/A, #DIV/0!, #VALUE!, #REF!, #NAME?, #NUM!, #NULL! … as the file stores it */
  | { readonly type: 'error'; readonly code: string };

export interface Cell {
  /** A1-style reference, e.g. `F2` */
  readonly ref: string;
  /** 1-based */
  readonly row: number;
  /** 1-based: A = 1 */
  readonly col: number;
  readonly value: CellValue;
  /** the formula behind a cached value (without '='; empty for a shared formula's followers) */
  readonly formula?: string;
}

export interface SheetRow {
  /** 1-based row number, as Excel shows it */
  readonly row: number;
  /** the row's non-empty cells, in column order */
  readonly cells: readonly Cell[];
}

export interface MergedRange {
  /** e.g. `A2:A4`; the value is in the top-left cell only */
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface Sheet {
  readonly name: string;
  /** hidden or very hidden (only a macro can show a very hidden sheet) */
  readonly hidden: boolean;
  readonly state: 'visible' | 'hidden' | 'veryHidden';
  /** rows that hold at least one non-empty cell, in order; empty rows (trailing ones included)
   *  are left out, and so are empty cells, so no trailing empty row or column remains */
  readonly rows: readonly SheetRow[];
  readonly merges: readonly MergedRange[];
}

export interface Workbook {
  /** worksheets in tab order; chart and dialog sheets, which hold no cells, are left out */
  readonly sheets: readonly Sheet[];
  /** the 1904 date system (old Mac workbooks); already applied to every date cell */
  readonly date1904: boolean;
}

export interface ReadWorkbookOptions {
  /** the most all parts read may unpack to together (default 256 MiB: a 10 MB workbook saved by
   *  LibreOffice unpacks to ~120 MB) */
  readonly maxUncompressedBytes?: number;
  /** the most non-empty cells in all sheets (default 3,000,000) */
  readonly maxCells?: number;
  /** the most entries in the zip (default 10,000; a workbook has a few dozen) */
  readonly maxEntries?: number;
  /** language of error messages (default en) */
  readonly lang?: Lang;
}

export const XLSX_DEFAULT_LIMITS = { maxUncompressedBytes: 256 * 1024 * 1024, maxCells: 3_000_000, maxEntries: 10_000 } as const;

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

class XlsxFault {
  constructor(
    readonly code: XlsxErrorCode,
    readonly detail = '',
  ) {}
}

/**
 * Reads a workbook. Never throws for bad input: every way a file can be wrong is an `error`
 * with a sentence for the user in `opts.lang`.
 */
export function readWorkbook(bytes: Uint8Array, opts: ReadWorkbookOptions = {}): Workbook | { readonly error: XlsxError } {
  const lang = opts.lang ?? 'en';
  const limits = {
    maxUncompressedBytes: opts.maxUncompressedBytes ?? XLSX_DEFAULT_LIMITS.maxUncompressedBytes,
    maxCells: opts.maxCells ?? XLSX_DEFAULT_LIMITS.maxCells,
    maxEntries: opts.maxEntries ?? XLSX_DEFAULT_LIMITS.maxEntries,
  };
  try {
    return read(bytes, limits);
  } catch (e) {
    const fault =
      e instanceof XlsxFault
        ? e
        : e instanceof XmlError
          ? new XlsxFault('corrupt', e.message)
          : // anything else is a bug of ours, but the file is what set it off: say so, never crash the run
            new XlsxFault('corrupt', `unexpected ${e instanceof Error ? e.name : 'error'}: ${e instanceof Error ? e.message : String(e)}`);
    return { error: { code: fault.code, message: messageOf(fault, lang, limits) } };
  }
}

function messageOf(f: XlsxFault, lang: Lang, limits: { maxUncompressedBytes: number; maxCells: number; maxEntries: number }): string {
  const m = XLSX_MESSAGES;
  switch (f.code) {
    case 'empty':
      return m.empty[lang]();
    case 'encrypted':
      return m.encrypted[lang]();
    case 'ole2':
      return m.ole2[lang]();
    case 'not-xlsx':
      return f.detail === 'zip' ? m.notWorkbook[lang]() : m.notZip[lang]();
    case 'ods':
      return m.ods[lang]();
    case 'xlsb':
      return m.xlsb[lang]();
    case 'corrupt':
      return m.corrupt[lang](f.detail);
    case 'too-large':
      return m.tooLarge[lang](Math.round(limits.maxUncompressedBytes / 1024 / 1024));
    case 'too-many-cells':
      return m.tooManyCells[lang](limits.maxCells);
    case 'too-many-entries':
      return m.tooManyEntries[lang](Number(f.detail), limits.maxEntries);
  }
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** the stream an encrypted OOXML file keeps in its OLE2 container, in UTF-16LE */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function read(bytes: Uint8Array, limits: { maxUncompressedBytes: number; maxCells: number; maxEntries: number }): Workbook {
  if (bytes.length === 0) throw new XlsxFault('empty');
  if (CFB_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Excel saves a password-protected .xlsx as an OLE2 compound file holding the encrypted package
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO);
    throw new XlsxFault(encrypted ? 'encrypted' : 'ole2');
  }
  const opened = openZip(bytes, { maxUncompressedBytes: limits.maxUncompressedBytes, maxEntries: limits.maxEntries });
  if ('failure' in opened) throw zipFault(opened.failure);
  const zip = opened.zip;

  if (zip.entries.has('mimetype') && /opendocument/.test(new TextDecoder().decode(entryBytes(zip, 'mimetype') ?? new Uint8Array()))) throw new XlsxFault('ods');
  const workbookPath = officeDocumentPath(zip);
  if (workbookPath === null) {
    if ([...zip.entries.keys()].some((n) => n.endsWith('.bin') && n.startsWith('xl/workbook'))) throw new XlsxFault('xlsb');
    throw new XlsxFault('not-xlsx', 'zip');
  }
  if (workbookPath.endsWith('.bin')) throw new XlsxFault('xlsb');

  const wb = parseWorkbookPart(partText(zip, workbookPath));
  const rels = parseRelationships(zip, workbookPath);
  const byType = (suffix: string): string | null => {
    for (const r of rels.values()) if (r.type.endsWith(suffix)) return r.target;
    return null;
  };
  const stylesPath = byType('/styles');
  const formats = stylesPath !== null && zip.entries.has(stylesPath) ? parseStyles(partText(zip, stylesPath)) : [];
  const sstPath = byType('/sharedStrings');
  const shared = sstPath !== null && zip.entries.has(sstPath) ? parseSharedStrings(partText(zip, sstPath)) : [];

  const ctx: SheetContext = { shared, formats, date1904: wb.date1904, cellsLeft: limits.maxCells };
  const sheets: Sheet[] = [];
  for (const s of wb.sheets) {
    const rel = rels.get(s.rid);
    if (rel === undefined) throw new XlsxFault('corrupt', `sheet '${s.name}' has no part`);
    if (!rel.type.endsWith('/worksheet')) continue; // chartsheet, dialogsheet, macrosheet
    const { rows, merges } = parseSheet(partText(zip, rel.target), ctx);
    sheets.push({ name: s.name, hidden: s.state !== 'visible', state: s.state, rows, merges });
  }
  return { sheets, date1904: wb.date1904 };
}

function zipFault(f: ZipFailure): XlsxFault {
  switch (f.code) {
    case 'not-zip':
      return new XlsxFault('not-xlsx');
    case 'corrupt':
      return new XlsxFault('corrupt', f.detail);
    case 'encrypted-entry':
      return new XlsxFault('encrypted');
    case 'unsupported-method':
      return new XlsxFault('corrupt', `the entry '${f.entry}' uses compression method ${f.method}`);
    case 'too-many-entries':
      return new XlsxFault('too-many-entries', String(f.count));
    case 'too-large':
      return new XlsxFault('too-large');
  }
}

function entryBytes(zip: ZipArchive, name: string): Uint8Array | null {
  const e = zip.entries.get(name);
  if (e === undefined) return null;
  const r = readEntry(zip, e);
  if ('failure' in r) throw zipFault(r.failure);
  return r.data;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/** A part's text: UTF-8 (with or without BOM), or UTF-16 with its BOM; bad bytes are damage. */
function partText(zip: ZipArchive, name: string): string {
  const b = entryBytes(zip, name);
  if (b === null) throw new XlsxFault('corrupt', `the part '${name}' is missing`);
  try {
    if (b[0] === 0xff && b[1] === 0xfe) return utf16le.decode(b.subarray(2));
    if (b[0] === 0xfe && b[1] === 0xff) return utf16be.decode(b.subarray(2));
    return utf8.decode(b);
  } catch {
    throw new XlsxFault('corrupt', `the part '${name}' is not valid UTF-8`);
  }
}

/** `a/b/../c.xml` → `a/c.xml`; a leading '/' is the package root. */
function resolvePart(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i === -1 ? '' : part.slice(0, i + 1);
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** The relationships of a part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`), by id. */
function parseRelationships(zip: ZipArchive, part: string): Map<string, Relationship> {
  const dir = dirOf(part);
  const relsPath = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const out = new Map<string, Relationship>();
  if (!zip.entries.has(relsPath)) return out;
  const x = new XmlScanner(partText(zip, relsPath));
  for (let t = x.next(); t !== TOKEN_END; t = x.next()) {
    if (t !== TOKEN_OPEN || x.name !== 'Relationship') continue;
    const id = x.attr('Id');
    const type = x.attr('Type');
    const target = x.attr('Target');
    if (id === undefined || type === undefined || target === undefined || x.attr('TargetMode') === 'External') continue;
    out.set(id, { type, target: resolvePart(dir, target) });
  }
  return out;
}

/** The workbook part named by the package's `_rels/.rels` (usually xl/workbook.xml). */
function officeDocumentPath(zip: ZipArchive): string | null {
  for (const r of parseRelationships(zip, '').values()) {
    // transitional and strict OOXML name the type differently; both end so
    if (r.type.endsWith('/officeDocument') && zip.entries.has(r.target)) return r.target;
  }
  return zip.entries.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

interface WorkbookPart {
  readonly sheets: { name: string; rid: string; state: Sheet['state'] }[];
  readonly date1904: boolean;
}

function parseWorkbookPart(text: string): WorkbookPart {
  const x = new XmlScanner(text);
  const sheets: WorkbookPart['sheets'] = [];
  let date1904 = false;
  for (let t = x.next(); t !== TOKEN_END; t = x.next()) {
    if (t !== TOKEN_OPEN) continue;
    if (x.name === 'workbookPr') {
      const v = x.attr('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (x.name === 'sheet') {
      const name = x.attr('name');
      const rid = x.attr('id'); // r:id
      if (name === undefined || rid === undefined) throw new XlsxFault('corrupt', 'a sheet without a name or part');
      const st = x.attr('state');
      sheets.push({ name, rid, state: st === 'hidden' ? 'hidden' : st === 'veryHidden' ? 'veryHidden' : 'visible' });
    }
  }
  return { sheets, date1904 };
}

/** The number format of each cell style (`s` of a cell indexes cellXfs). */
function parseStyles(text: string): FormatInfo[] {
  const x = new XmlScanner(text);
  const custom = new Map<number, string>();
  const xfs: FormatInfo[] = [];
  let inCellXfs = false;
  for (let t = x.next(); t !== TOKEN_END; t = x.next()) {
    if (t === TOKEN_OPEN) {
      if (x.name === 'numFmt') {
        const id = Number(x.attr('numFmtId'));
        const code = x.attr('formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (x.name === 'cellXfs') {
        inCellXfs = !x.selfClosing;
      } else if (x.name === 'xf' && inCellXfs) {
        const id = Number(x.attr('numFmtId') ?? '0');
        // custom formats may also redefine ids below 164; they win over the built-in meaning
        xfs.push(classifyFormat(custom.get(id) ?? builtinFormatCode(Number.isInteger(id) ? id : 0)));
      }
    } else if (t === TOKEN_CLOSE && x.name === 'cellXfs') {
      inCellXfs = false;
    }
  }
  return xfs;
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
function unescapeXstring(s: string): string {
  if (s.indexOf('_x') === -1) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Shared strings, rich text runs joined; phonetic guides (<rPh>, furigana) left out. */
function parseSharedStrings(text: string): string[] {
  const x = new XmlScanner(text);
  const out: string[] = [];
  for (let t = x.next(); t !== TOKEN_END; t = x.next()) {
    if (t === TOKEN_OPEN && x.name === 'si') out.push(unescapeXstring(x.textContent('rPh')));
  }
  return out;
}

interface SheetContext {
  readonly shared: readonly string[];
  readonly formats: readonly FormatInfo[];
  readonly date1904: boolean;
  cellsLeft: number;
}

const GENERAL = classifyFormat('General');

/** `AB12` → [row 12, col 28], or null if it is no cell reference within the sheet's bounds. */
function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    const up = c >= 0x61 && c <= 0x7a ? c - 32 : c;
    if (up < 0x41 || up > 0x5a) break;
    col = col * 26 + (up - 0x40);
    if (col > MAX_COL) return null;
  }
  if (i === 0 || i === ref.length || i > 3) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
    if (row > MAX_ROW) return null;
  }
  return row === 0 ? null : [row, col];
}

/** 28 → `AB` */
export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(0x41 + ((n - 1) % 26)) + s;
  return s;
}

function parseSheet(text: string, ctx: SheetContext): { rows: SheetRow[]; merges: MergedRange[] } {
  const x = new XmlScanner(text);
  const rows: SheetRow[] = [];
  const merges: MergedRange[] = [];
  let inSheetData = false;
  let rowNum = 0;
  let colNum = 0;
  let cells: Cell[] = [];
  let ordered = true;
  let rowsOrdered = true;
  const endRow = (): void => {
    if (cells.length === 0) return;
    if (!ordered) cells = sortUnique(cells);
    if (rows.length > 0 && rows[rows.length - 1]!.row >= rowNum) rowsOrdered = false;
    rows.push({ row: rowNum, cells });
    cells = [];
  };
  for (let t = x.next(); t !== TOKEN_END; t = x.next()) {
    if (t === TOKEN_CLOSE) {
      if (x.name === 'sheetData') inSheetData = false;
      else if (x.name === 'row' && inSheetData) endRow();
      continue;
    }
    if (t !== TOKEN_OPEN) continue;
    const name = x.name;
    if (name === 'sheetData') {
      inSheetData = !x.selfClosing;
    } else if (inSheetData && name === 'row') {
      const r = x.attr('r');
      const n = r === undefined ? rowNum + 1 : Number(r);
      if (!Number.isInteger(n) || n < 1 || n > MAX_ROW) throw new XlsxFault('corrupt', `a row numbered '${r ?? ''}'`);
      rowNum = n;
      colNum = 0;
      ordered = true;
      if (x.selfClosing) continue;
    } else if (inSheetData && name === 'c') {
      const ref = x.attr('r');
      let row = rowNum;
      let col = colNum + 1;
      if (ref !== undefined) {
        const rc = parseRef(ref);
        if (rc === null) throw new XlsxFault('corrupt', `a cell with the reference '${ref}'`);
        [row, col] = rc;
        if (row !== rowNum) {
          // a cell outside its <row>: only possible in a damaged or hand-made file; file it under its own row
          endRow();
          if (rows.length > 0 && rows[rows.length - 1]!.row >= row) rowsOrdered = false;
          rowNum = row;
        }
      }
      if (col <= colNum) ordered = false;
      colNum = col;
      const s = x.attr('s');
      const type = x.attr('t') ?? 'n';
      const fmt = s === undefined ? GENERAL : ctx.formats[Number(s)] ?? GENERAL;
      const cell = readCell(x, ctx, type, fmt, row, col, ref);
      if (cell !== null) {
        if (--ctx.cellsLeft < 0) throw new XlsxFault('too-many-cells');
        cells.push(cell);
      }
    } else if (name === 'mergeCell') {
      const m = parseRange(x.attr('ref') ?? '');
      if (m !== null) merges.push(m);
    }
  }
  endRow();
  if (!rowsOrdered) return { rows: mergeRows(rows), merges };
  return { rows, merges };
}

function sortUnique(cells: Cell[]): Cell[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.col === sorted[i - 1]!.col) throw new XlsxFault('corrupt', `the cell ${sorted[i]!.ref} appears twice`);
  return sorted;
}

/** Rows given out of order (or split): merged by number, in order. */
function mergeRows(rows: SheetRow[]): SheetRow[] {
  const by = new Map<number, Cell[]>();
  for (const r of rows) {
    const cur = by.get(r.row);
    if (cur) for (const c of r.cells) cur.push(c); // a loop, not push(...cells): a row may have any number
    else by.set(r.row, [...r.cells]);
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([row, cells]) => ({ row, cells: sortUnique(cells) }));
}

function parseRange(ref: string): MergedRange | null {
  const [a, b] = ref.split(':');
  if (a === undefined || b === undefined) return null;
  const p = parseRef(a);
  const q = parseRef(b);
  if (p === null || q === null) return null;
  const top = Math.min(p[0], q[0]);
  const bottom = Math.max(p[0], q[0]);
  const left = Math.min(p[1], q[1]);
  const right = Math.max(p[1], q[1]);
  if (top === bottom && left === right) return null;
  return { ref, top, left, bottom, right };
}

/** Reads the children of a <c> just opened; null for an empty cell. */
function readCell(x: XmlScanner, ctx: SheetContext, type: string, fmt: FormatInfo, row: number, col: number, givenRef: string | undefined): Cell | null {
  let v: string | undefined;
  let f: string | undefined;
  let inline: string | undefined;
  if (!x.selfClosing) {
    const depth = x.depth;
    for (;;) {
      const t = x.next();
      if (t === TOKEN_CLOSE && x.depth < depth) break;
      if (t === TOKEN_END) break;
      if (t !== TOKEN_OPEN) continue;
      if (x.name === 'v') v = x.textContent();
      else if (x.name === 'f') f = x.textContent();
      else if (x.name === 'is') inline = x.textContent('rPh');
      else x.skipElement();
    }
  }
  const value = cellValue(ctx, type, fmt, v, f, inline);
  if (value === null) return null;
  const ref = givenRef !== undefined && /^[A-Z]+\d+$/.test(givenRef) ? givenRef : `${columnName(col)}${row}`;
  return f === undefined || value.type === 'formula-no-value' ? { ref, row, col, value } : { ref, row, col, value, formula: f };
}

function cellValue(ctx: SheetContext, type: string, fmt: FormatInfo, v: string | undefined, f: string | undefined, inline: string | undefined): CellValue | null {
  if (type === 'inlineStr') {
    const text = unescapeXstring(inline ?? v ?? '');
    return text === '' ? (f !== undefined && inline === undefined ? { type: 'formula-no-value', formula: f } : null) : { type: 'string', text };
  }
  if (v === undefined) return f !== undefined ? { type: 'formula-no-value', formula: f } : null;
  switch (type) {
    case 's': {
      const i = Number(v);
      const text = Number.isInteger(i) ? ctx.shared[i] : undefined;
      if (text === undefined) throw new XlsxFault('corrupt', `a cell refers to shared string ${v}, but there are ${ctx.shared.length}`);
      return text === '' ? null : { type: 'string', text };
    }
    case 'str': {
      // a formula's text result; "" (as from =IF(A1="","",…)) is an empty cell
      const text = unescapeXstring(v);
      return text === '' ? null : { type: 'string', text };
    }
    case 'b':
      if (v === '1' || v === 'true') return { type: 'boolean', value: true };
      if (v === '0' || v === 'false') return { type: 'boolean', value: false };
      throw new XlsxFault('corrupt', `a boolean cell holds '${v}'`);
    case 'e':
      return { type: 'error', code: v };
    case 'd':
      return isoDateCell(v);
    case 'n':
      return numberCell(v, fmt, ctx.date1904);
    default:
      throw new XlsxFault('corrupt', `a cell of unknown type '${type}'`);
  }
}

function numberCell(v: string, fmt: FormatInfo, date1904: boolean): CellValue | null {
  if (v.trim() === '') return null;
  const value = Number(v);
  if (!Number.isFinite(value)) throw new XlsxFault('corrupt', `a number cell holds '${v.slice(0, 20)}'`);
  const k = fmt.kind;
  if (k === 'date' || k === 'datetime' || k === 'time') {
    const wall = serialToWall(value, date1904);
    if (wall !== null) {
      const midnight = wall.h === 0 && wall.mi === 0 && wall.s === 0 && wall.ms === 0;
      if (k === 'time' && value < 1) return { type: 'time', wall: { h: wall.h, mi: wall.mi, s: wall.s, ms: wall.ms } };
      return { type: 'date', wall, dateOnly: k === 'date' && midnight, timeShown: k !== 'date' };
    }
    // a serial no calendar shows (negative, past 9999): left a number
  }
  return { type: 'number', value, text: displayNumber(value, fmt), format: fmt.code };
}

const ISO_CELL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?(?:Z)?$/;

/** `t="d"` cells (rare: ISO 8601 text instead of a serial) are read as the wall time written. */
function isoDateCell(v: string): CellValue {
  const m = ISO_CELL.exec(v);
  if (m === null) throw new XlsxFault('corrupt', `a date cell holds '${v.slice(0, 30)}'`);
  const wall: WallTime = {
    y: +m[1]!,
    m: +m[2]!,
    d: +m[3]!,
    h: m[4] === undefined ? 0 : +m[4],
    mi: m[5] === undefined ? 0 : +m[5],
    s: m[6] === undefined ? 0 : +m[6],
    ms: m[7] === undefined ? 0 : +m[7].padEnd(3, '0'),
  };
  return { type: 'date', wall, dateOnly: m[4] === undefined, timeShown: m[4] !== undefined };
}
