/**
 * A minimal .xlsx writer: sheets of text, number and date cells, in the SpreadsheetML parts
 * Excel, WPS and LibreOffice all open (content types, workbook, styles, shared strings, one
 * part per sheet), zipped with Node's own deflate. Enough for a report handed to a meeting:
 * a bold header row, frozen panes, merged cells, wrapped text, column widths that fit Chinese
 * text. No formula is ever written: text that starts with `=` stays text.
 *
 * Deterministic: the same sheets give the same bytes (every zip entry carries the same fixed
 * timestamp, 1980-01-01 00:00, and parts are written in a fixed order).
 */
import * as zlib from 'node:zlib';
import { wallToSerial, type WallTime } from './date-serial';
import { crc32 } from './zip';

/** How a cell looks. `datetime`/`date` apply to wall times; `percent` shows 0.125 as 12.5%. */
/** `note`: plain text that does not widen its column (a line across a merged range). */
export type CellStyle = 'header' | 'title' | 'note' | 'bold' | 'wrap' | 'datetime' | 'date' | 'percent' | 'number';

export type CellInput =
  | null
  | string
  | number
  | { readonly text: string; readonly style?: CellStyle }
  | { readonly number: number; readonly style?: CellStyle }
  /** a wall time (no zone: what the cell shows); `date` style shows the date alone */
  | { readonly wall: WallTime; readonly style?: 'datetime' | 'date' };

export interface SheetInput {
  /** at most 31 characters, none of []:*?/\ (cleaned, and made unique, if not) */
  readonly name: string;
  /** from row 1; a row may be shorter than others */
  readonly rows: readonly (readonly CellInput[])[];
  /** rows kept in view while scrolling (the header row, or title and header) */
  readonly freezeRows?: number;
  /** `A1:H1`, … */
  readonly merges?: readonly string[];
  /** column widths in characters; by default each fits its longest line (capped) */
  readonly widths?: readonly number[];
  /** row heights in points, 1-based row → height, for rows of several lines */
  readonly heights?: Readonly<Record<number, number>>;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// cellXfs, in order; the index is the cell's `s`
const STYLE_INDEX: Readonly<Record<CellStyle | 'plain', number>> = { plain: 0, note: 0, header: 1, title: 2, bold: 3, wrap: 4, datetime: 5, date: 6, percent: 7, number: 8 };

const STYLES_XML =
  XML_HEAD +
  `<styleSheet xmlns="${NS}">` +
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>' +
  '<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>' +
  '<font><b/><sz val="14"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
  '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="9">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Text as XML character data: markup escaped, characters XML cannot hold as OOXML's `_xHHHH_`. */
export function xmlText(s: string): string {
  let out = s.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_'); // a literal `_x0041_` must not read as an escape
  out = out.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
  // C0 controls other than tab and line ends, and U+FFFE/U+FFFF
  return out.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** `A1`-style column letters: 1 → A, 28 → AB. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(0x41 + ((n - 1) % 26)) + s;
  return s;
}

/** Display width of a text in "characters" of a column: CJK and full-width forms count two. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not empty. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; taken.has(n.toLowerCase()); i++) n = `${base.slice(0, 31 - String(i).length - 1)}-${i}`;
  taken.add(n.toLowerCase());
  return n;
}

class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;
  of(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

function cellXml(ref: string, c: CellInput, sst: SharedStrings): { xml: string; width: number } {
  if (c === null) return { xml: '', width: 0 };
  if (typeof c === 'string') return c === '' ? { xml: '', width: 0 } : stringCell(ref, c, 'plain', sst);
  if (typeof c === 'number') return numberCell(ref, c, 'plain');
  if ('text' in c) return stringCell(ref, c.text, c.style ?? 'plain', sst, c.text === '' && c.style !== undefined);
  if ('number' in c) return numberCell(ref, c.number, c.style ?? 'plain');
  const style = c.style ?? 'datetime';
  return { xml: `<c r="${ref}" s="${STYLE_INDEX[style]}"><v>${serialText(wallToSerial(c.wall))}</v></c>`, width: style === 'date' ? 10 : 16 };
}

function stringCell(ref: string, text: string, style: CellStyle | 'plain', sst: SharedStrings, keepEmpty = false): { xml: string; width: number } {
  const s = STYLE_INDEX[style] === 0 ? '' : ` s="${STYLE_INDEX[style]}"`;
  if (text === '') return { xml: keepEmpty ? `<c r="${ref}"${s}/>` : '', width: 0 };
  let width = 0;
  for (const line of text.split(/\r\n|\r|\n/)) width = Math.max(width, textWidth(line)); // not Math.max(...lines): a cell may have any number
  return { xml: `<c r="${ref}"${s} t="s"><v>${sst.of(text)}</v></c>`, width: style === 'title' || style === 'note' ? 0 : width };
}

function numberCell(ref: string, n: number, style: CellStyle | 'plain'): { xml: string; width: number } {
  if (!Number.isFinite(n)) return { xml: '', width: 0 };
  const s = style === 'plain' ? '' : ` s="${STYLE_INDEX[style]}"`;
  const shown = style === 'percent' ? `${(n * 100).toFixed(1)}%` : String(n);
  return { xml: `<c r="${ref}"${s}><v>${serialText(n)}</v></c>`, width: shown.length };
}

/** A number as the shortest text that reads back as the same double. */
function serialText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

function sheetXml(sheet: SheetInput, sst: SharedStrings, first: boolean): string {
  const widths: number[] = [];
  const rows: string[] = [];
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((c, i) => {
      const ref = `${columnLetter(i + 1)}${r + 1}`;
      const { xml, width } = cellXml(ref, c, sst);
      if (xml !== '') cells.push(xml);
      widths[i] = Math.max(widths[i] ?? 0, width);
    });
    const ht = sheet.heights?.[r + 1];
    const height = ht !== undefined ? ` ht="${ht}" customHeight="1"` : '';
    if (cells.length > 0 || height !== '') rows.push(`<row r="${r + 1}"${height}>${cells.join('')}</row>`);
  });
  const cols = (sheet.widths ?? widths.map((w) => Math.min(60, Math.max(6, (w ?? 0) + 2))))
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  const freeze = sheet.freezeRows ?? 0;
  const view =
    freeze > 0
      ? `<sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${freeze + 1}" sqref="A${freeze + 1}"/></sheetView>`
      : `<sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"/>`;
  const merges = sheet.merges && sheet.merges.length > 0 ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return (
    XML_HEAD +
    `<worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    (cols === '' ? '' : `<cols>${cols}</cols>`) +
    `<sheetData>${rows.join('')}</sheetData>${merges}` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

/** The bytes of a workbook of these sheets, in tab order (the first is the one shown on opening). */
export function writeWorkbook(sheets: readonly SheetInput[]): Uint8Array {
  if (sheets.length === 0) throw new Error('a workbook needs a sheet');
  const sst = new SharedStrings();
  const taken = new Set<string>();
  const names = sheets.map((s) => sheetName(s.name, taken));
  const sheetParts = sheets.map((s, i) => sheetXml(s, sst, i === 0));
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      XML_HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      XML_HEAD +
        `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      'docProps/app.xml',
      XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>svc-sla</Application></Properties>',
    ],
    [
      'xl/workbook.xml',
      XML_HEAD +
        `<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
        names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      XML_HEAD +
        `<Relationships xmlns="${PKG_REL}">` +
        names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${names.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES_XML],
    ...sheetParts.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
    [
      'xl/sharedStrings.xml',
      XML_HEAD +
        `<sst xmlns="${NS}" count="${sst.count}" uniqueCount="${sst.list.length}">` +
        sst.list.map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></si>`).join('') +
        '</sst>',
    ],
  ];
  return zip(parts.map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
}

// 1980-01-01 00:00 in MS-DOS date and time: the same bytes on every run
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** A zip of deflated entries (no zip64: a report is far below 4 GB). */
function zip(entries: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const body = zlib.deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
