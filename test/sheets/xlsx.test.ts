import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { readWorkbook, type Cell, type CellValue, type Sheet, type Workbook, type XlsxError } from '../../src/sheets/xlsx';
import { canonicalWall } from '../../src/sheets/values';
import { buildZip, deflatedZeros, workbookEntries } from './zip-builder';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'excel');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES, name));

function ok(bytes: Uint8Array, opts?: Parameters<typeof readWorkbook>[1]): Workbook {
  const r = readWorkbook(bytes, opts);
  if ('error' in r) throw new Error(`unexpected error: ${r.error.message}`);
  return r;
}

function err(bytes: Uint8Array, opts?: Parameters<typeof readWorkbook>[1]): XlsxError {
  const r = readWorkbook(bytes, opts);
  if (!('error' in r)) throw new Error('expected an error');
  return r.error;
}

/** A cell's value as the text a coordinator sees, for comparing with the fixtures' README. */
function shown(v: CellValue): string {
  switch (v.type) {
    case 'string':
      return v.text;
    case 'number':
      return v.text;
    case 'boolean':
      return String(v.value);
    case 'date':
      return canonicalWall(v.wall, v.dateOnly);
    case 'time':
      return `${String(v.wall.h).padStart(2, '0')}:${String(v.wall.mi).padStart(2, '0')}`;
    case 'formula-no-value':
      return `=${v.formula}`;
    case 'error':
      return v.code;
  }
}

/** The sheet as a grid of shown texts ('' for absent cells), up to its last cell. */
function grid(sheet: Sheet): string[][] {
  const width = Math.max(...sheet.rows.map((r) => r.cells[r.cells.length - 1]!.col));
  const last = sheet.rows[sheet.rows.length - 1]!.row;
  const out = Array.from({ length: last }, () => Array.from({ length: width }, () => ''));
  for (const r of sheet.rows) for (const c of r.cells) out[r.row - 1]![c.col - 1] = shown(c.value);
  return out;
}

const cellAt = (sheet: Sheet, ref: string): Cell | undefined => sheet.rows.flatMap((r) => r.cells).find((c) => c.ref === ref);

describe('workbooks saved by LibreOffice (shared/fixtures/excel)', () => {
  test('tickets-2026-Q3.xlsx reads as its README table, date cells as wall times', () => {
    const wb = ok(fixture('tickets-2026-Q3.xlsx'));
    expect(wb.date1904).toBe(false);
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([['tickets-2026-Q3', false]]);
    expect(grid(wb.sheets[0]!)).toEqual([
      ['故障单号', '故障级别', '故障类别', '地市', '处理方式', '受理时间', '出发时间', '到达时间', '恢复时间', '解决时间', '处理情况表提交时间', '客户签字', '故障描述'],
      ['GD-X-001', '一级', '业务问题', '东莞', '现场', '2026-09-02 21:10', '2026-09-02 21:40', '2026-09-02 23:20', '2026-09-03 01:30', '2026-09-03 02:00', '2026-09-04 15:00', '是', '东莞南城局光缆中断'],
      ['GD-X-002', '三级', '网管问题', '韶关', '远程', '2026-09-07 10:00', '', '', '', '2026-09-15 16:00', '', '', '部分网元无法登录'],
      ['GD-X-003', '一级', '业务问题', '湛江', '远程', '2026-09-20 08:00', '', '', '2026-09-20 10:30', '2026-09-20 11:00', '2026-09-22 09:00', '否', '远程倒换恢复'],
    ]);
    const f2 = cellAt(wb.sheets[0]!, 'F2')!;
    expect(f2).toEqual({ ref: 'F2', row: 2, col: 6, value: { type: 'date', wall: { y: 2026, m: 9, d: 2, h: 21, mi: 10, s: 0, ms: 0 }, dateOnly: false, timeShown: true } });
  });

  test('consultations-2026.xlsx: the date-only cell is a date, the others date-times', () => {
    const wb = ok(fixture('consultations-2026.xlsx'));
    expect(grid(wb.sheets[0]!)).toEqual([
      ['编号', '咨询内容', '咨询时间', '响应时间', '约定答复时间', '最终答复时间'],
      ['ZX-X-01', 'OTN 保护倒换配置', '2026-09-30 16:00', '2026-10-08 10:00', '', ''],
      ['ZX-X-02', '网管升级兼容性', '2026-10-09 09:00', '2026-10-10 09:30', '2026-10-20', '2026-10-19 17:00'],
    ]);
    expect(cellAt(wb.sheets[0]!, 'E3')!.value).toMatchObject({ type: 'date', dateOnly: true });
  });
});

describe('shapes.xlsx (made with LibreOffice, see test/fixtures/excel/README.md)', () => {
  const wb = ok(fixture('shapes.xlsx'));
  const sheet = wb.sheets[0]!;
  const v = (ref: string): CellValue | undefined => cellAt(sheet, ref)?.value;

  test('sheet names in tab order, the hidden one marked', () => {
    expect(wb.sheets.map((s) => [s.name, s.hidden, s.state])).toEqual([
      ['台账', false, 'visible'],
      ['隐藏', true, 'hidden'],
      ['Second', false, 'visible'],
    ]);
    expect(grid(wb.sheets[1]!)).toEqual([['隐藏的表']]);
    expect(wb.sheets[2]!.rows).toEqual([{ row: 2, cells: [{ ref: 'B2', row: 2, col: 2, value: { type: 'string', text: 'only B2' } }] }]);
  });

  test('numbers with their displayed text', () => {
    expect(v('B2')).toEqual({ type: 'number', value: 3, text: '3', format: 'General' });
    expect(v('C2')).toMatchObject({ type: 'number', value: 2.345, text: '2.35' });
    expect(v('D2')).toMatchObject({ type: 'number', value: 0.25, text: '25%' });
    expect(v('K2')).toMatchObject({ type: 'number', value: 1234567.891, text: '1,234,567.89' });
    expect(v('C3')).toMatchObject({ type: 'number', value: 12345678901234, text: '12345678901234' });
  });

  test('cached formula values, with the formula beside them', () => {
    expect(cellAt(sheet, 'I2')).toMatchObject({ value: { type: 'number', value: 6 }, formula: 'B2*2' });
    expect(cellAt(sheet, 'B3')).toMatchObject({ value: { type: 'number', text: '0.3' }, formula: '0.1+0.2' });
    expect(cellAt(sheet, 'I3')).toMatchObject({ value: { type: 'string', text: 'GD-0142-x' } });
    expect(v('E2')).toEqual({ type: 'boolean', value: true });
    expect(v('E3')).toEqual({ type: 'boolean', value: false });
  });

  test('error cells', () => {
    expect(v('J2')).toEqual({ type: 'error', code: '#DIV/0!' });
    expect(v('J3')).toEqual({ type: 'error', code: '#N/A' });
  });

  test('dates: date-only, date-time, seconds, Chinese format, a time of day, a date format hiding a time', () => {
    expect(v('F2')).toEqual({ type: 'date', wall: { y: 2026, m: 10, d: 20, h: 0, mi: 0, s: 0, ms: 0 }, dateOnly: true, timeShown: false });
    expect(v('G2')).toEqual({ type: 'date', wall: { y: 2026, m: 9, d: 2, h: 21, mi: 10, s: 0, ms: 0 }, dateOnly: false, timeShown: true });
    expect(v('G3')).toEqual({ type: 'date', wall: { y: 2026, m: 9, d: 30, h: 16, mi: 0, s: 30, ms: 0 }, dateOnly: false, timeShown: true });
    expect(v('F3')).toEqual({ type: 'date', wall: { y: 2026, m: 7, d: 3, h: 0, mi: 0, s: 0, ms: 0 }, dateOnly: true, timeShown: false });
    expect(v('H2')).toEqual({ type: 'time', wall: { h: 9, mi: 5, s: 0, ms: 0 } });
    expect(v('F6')).toEqual({ type: 'date', wall: { y: 2026, m: 10, d: 20, h: 12, mi: 0, s: 0, ms: 0 }, dateOnly: false, timeShown: false });
  });

  test('text kept as written (spaces, full-width)', () => {
    expect(v('A3')).toEqual({ type: 'string', text: '  前后有空格  ' });
    expect(v('D5')).toEqual({ type: 'string', text: '２０２６／７／３ ０９：０５' });
  });

  test('a merged range: the value in its top-left cell only, the range listed', () => {
    expect(v('A5')).toEqual({ type: 'string', text: '合并单元格' });
    expect(v('B5')).toBeUndefined();
    expect(v('C5')).toBeUndefined();
    expect(sheet.merges).toEqual([{ ref: 'A5:C5', top: 5, left: 1, bottom: 5, right: 3 }]);
  });

  test('no trailing empty rows or columns (a formatted empty cell at M20 is no cell); empty row 4 absent', () => {
    expect(sheet.rows.map((r) => r.row)).toEqual([1, 2, 3, 5, 6]);
    expect(Math.max(...sheet.rows.flatMap((r) => r.cells.map((c) => c.col)))).toBe(11);
  });

  test('the 1904 date system gives the same wall times', () => {
    const mac = ok(fixture('date1904.xlsx'));
    expect(mac.date1904).toBe(true);
    expect(grid(mac.sheets[0]!)).toEqual([['受理时间'], ['2026-09-02 21:10'], ['2026-10-20']]);
  });

  test('the bench workbook: 5,000 rows of 13 columns, times as date cells', () => {
    const b = ok(fixture('bench-5000.xlsx'));
    expect(b.sheets[0]!.rows).toHaveLength(5001);
    expect(shown(cellAt(b.sheets[0]!, 'F2')!.value)).toBe('2026-08-28 04:50');
  });
});

describe('independent of the process time zone', () => {
  // The reader is transpiled afresh and run in child processes under two zones: the wall times
  // must be byte-for-byte the same. (It uses no Date object; this proves it stays so.)
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-tz-'));
  const src = path.join(__dirname, '..', '..', 'src', 'sheets');
  for (const f of fs.readdirSync(src).filter((n) => n.endsWith('.ts'))) {
    const js = ts.transpileModule(fs.readFileSync(path.join(src, f), 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
    fs.writeFileSync(path.join(out, f.replace(/\.ts$/, '.js')), js.outputText);
  }
  const script = `
    const { readWorkbook } = require(${JSON.stringify(path.join(out, 'xlsx.js'))});
    const fs = require('fs');
    const files = ${JSON.stringify(['tickets-2026-Q3.xlsx', 'consultations-2026.xlsx', 'shapes.xlsx', 'date1904.xlsx'].map((f) => path.join(FIXTURES, f)))};
    const dates = [];
    for (const f of files) for (const s of readWorkbook(fs.readFileSync(f)).sheets) for (const r of s.rows) for (const c of r.cells)
      if (c.value.type === 'date' || c.value.type === 'time') dates.push(c.ref + '=' + JSON.stringify(c.value));
    process.stdout.write(JSON.stringify({ tz: new Date(2026, 8, 2).getTimezoneOffset(), dates }));`;
  const run = (tz: string): { tz: number; dates: string[] } => {
    const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { tz: number; dates: string[] };
  };

  test('TZ=UTC and TZ=America/New_York read the same wall times', () => {
    const utc = run('UTC');
    const ny = run('America/New_York');
    const sh = run('Asia/Shanghai');
    // the zones really differ in the child processes
    expect([utc.tz, ny.tz, sh.tz]).toEqual([0, 240, -480]);
    expect(ny.dates).toEqual(utc.dates);
    expect(sh.dates).toEqual(utc.dates);
    expect(utc.dates).toContain('F2={"type":"date","wall":{"y":2026,"m":9,"d":2,"h":21,"mi":10,"s":0,"ms":0},"dateOnly":false,"timeShown":true}');
  });
});

describe('bad input is an error, never an exception or a hang', () => {
  test('an empty file', () => {
    expect(err(new Uint8Array()).code).toBe('empty');
  });

  test('a CSV file (not a zip)', () => {
    const e = err(fixture('bench-5000.csv'));
    expect(e).toEqual({ code: 'not-xlsx', message: 'not an .xlsx workbook (the file is not a zip archive)' });
  });

  test('messages in zh-CN', () => {
    expect(err(Buffer.from('id,level\n'), { lang: 'zh-CN' }).message).toBe('不是 .xlsx 工作簿（文件不是 zip 格式）');
  });

  test.each([10, 100, 1000, 3000, 5000, 7000])('a workbook truncated to %i bytes', (n) => {
    const e = err(fixture('shapes.xlsx').subarray(0, n));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/^the workbook is damaged/);
  });

  test('every truncation of a small workbook gives an error, never a throw', () => {
    const bytes = fixture('tickets-2026-Q3.xlsx');
    for (let n = 1; n < bytes.length; n += 7) expect('error' in readWorkbook(bytes.subarray(0, n))).toBe(true);
  });

  test('flipped bytes give an error or a workbook, never a throw', () => {
    const bytes = fixture('tickets-2026-Q3.xlsx');
    for (let i = 0; i < bytes.length; i += 3) {
      const b = Buffer.from(bytes);
      b[i] = b[i]! ^ 0x5a;
      const r = readWorkbook(b);
      expect('error' in r || 'sheets' in r).toBe(true);
    }
  });

  test('a zip that is no workbook', () => {
    expect(err(buildZip([{ name: 'hello.txt', data: 'hi' }])).code).toBe('not-xlsx');
    expect(err(buildZip([{ name: 'hello.txt', data: 'hi' }])).message).toMatch(/a zip archive, but not an \.xlsx/);
  });

  test('an OpenDocument spreadsheet and an .xlsb are named as such', () => {
    expect(err(buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', stored: true }])).code).toBe('ods');
    expect(err(buildZip([{ name: 'xl/workbook.bin', data: 'x' }])).code).toBe('xlsb');
  });

  test('an encrypted workbook: an OLE2 compound file with an EncryptionInfo stream', () => {
    const cfb = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 1152);
    const e = err(cfb);
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/encrypted/);
    expect(err(cfb, { lang: 'zh-CN' }).message).toMatch(/已加密/);
  });

  test('a bare OLE2 header (an old .xls): "encrypted or not an .xlsx"', () => {
    const cfb = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    const e = err(cfb);
    expect(e.code).toBe('ole2');
    expect(e.message).toMatch(/encrypted workbook or not an \.xlsx/);
  });

  test('a zip entry with the encryption flag', () => {
    const entries = workbookEntries({ s: '<sheetData/>' }).map((e) => (e.name === 'xl/workbook.xml' ? { ...e, flags: 1 } : e));
    expect(err(buildZip(entries)).code).toBe('encrypted');
  });

  test('a zip bomb (1 GiB of zeros in one entry) is refused fast, before inflating', () => {
    const raw = deflatedZeros(1024);
    expect(raw.length).toBeLessThan(2 * 1024 * 1024);
    const entries = workbookEntries({ s: '<sheetData/>' }).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, raw, size: 1024 * 1024 * 1024, crc: 0 } : e));
    const bomb = buildZip(entries);
    const e = err(bomb);
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('the workbook unpacks to more than 256 MB and is not read: split it by month or quarter');
  });

  test('a bomb whose directory understates its size stops at the declared size', () => {
    const raw = deflatedZeros(1024);
    const entries = workbookEntries({ s: '<sheetData/>' }).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, raw, size: 1000, crc: 0 } : e));
    const e = err(buildZip(entries));
    expect(e.code).toBe('corrupt');
    expect(e.message).toMatch(/larger than the zip directory says/);
  });

  test('the budget is shared by all parts: a limit below the bench workbook refuses it, one above reads it', () => {
    const bytes = fixture('bench-5000.xlsx');
    expect(err(bytes, { maxUncompressedBytes: 2_000_000 }).code).toBe('too-large');
    expect('sheets' in readWorkbook(bytes, { maxUncompressedBytes: 4_000_000 })).toBe(true);
  });

  test('too many cells', () => {
    const e = err(fixture('bench-5000.xlsx'), { maxCells: 10_000 });
    expect(e).toEqual({ code: 'too-many-cells', message: 'the workbook has more than 10000 non-empty cells and is not read: split it by month or quarter' });
  });

  test('too many zip entries', () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: '' }));
    expect(err(buildZip(entries), { maxEntries: 10 }).code).toBe('too-many-entries');
  });

  test('damaged XML: unclosed tags, a DOCTYPE (no entity expansion), an unknown entity', () => {
    for (const body of ['<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>', '<sheetData><row></sheetData>']) {
      expect(err(buildZip(workbookEntries({ s: body }))).code).toBe('corrupt');
    }
    const doctype = workbookEntries({ s: '<sheetData/>' }).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { ...e, data: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>' } : e,
    );
    expect(err(buildZip(doctype)).message).toMatch(/DOCTYPE/);
    expect(err(buildZip(workbookEntries({ s: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row></sheetData>' }))).message).toMatch(/undefined entity/);
  });

  test('a shared string index out of range', () => {
    const e = err(buildZip(workbookEntries({ s: '<sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData>' }, { sharedStrings: ['<t>a</t>'] })));
    expect(e.message).toMatch(/shared string 5/);
  });
});

describe('shapes no spreadsheet program here writes (hand-made parts)', () => {
  const read = (body: string, extra?: Parameters<typeof workbookEntries>[1]): Sheet => ok(buildZip(workbookEntries({ s: body }, extra))).sheets[0]!;

  test('a formula without a cached value', () => {
    const s = read('<sheetData><row r="1"><c r="A1"><f>SUM(B1:B3)</f></c><c r="B1" t="str"><f>A2&amp;"x"</f></c></row></sheetData>');
    expect(s.rows[0]!.cells.map((c) => c.value)).toEqual([
      { type: 'formula-no-value', formula: 'SUM(B1:B3)' },
      { type: 'formula-no-value', formula: 'A2&"x"' },
    ]);
  });

  test('a formula whose cached result is "" is an empty cell', () => {
    expect(read('<sheetData><row r="1"><c r="A1" t="str"><f>IF(1,"","x")</f><v></v></c></row></sheetData>').rows).toEqual([]);
  });

  test('rich text runs joined, phonetic guides left out, _xHHHH_ escapes and entities decoded', () => {
    const s = read('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a&amp;b_x000D_c</t></is></c></row></sheetData>', {
      sharedStrings: ['<r><rPr><b/></rPr><t>东莞</t></r><r><t xml:space="preserve"> 南城</t></r><rPh sb="0" eb="2"><t>dongguan</t></rPh>'],
    });
    expect(s.rows[0]!.cells.map((c) => c.value)).toEqual([
      { type: 'string', text: '东莞 南城' },
      { type: 'string', text: 'a&b\rc' },
    ]);
  });

  test('cells and rows without references are numbered in order; prefixed element names', () => {
    const s = read('<x:sheetData xmlns:x="urn:x"><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData>');
    expect(s.rows.map((r) => r.cells.map((c) => `${c.ref}:${shown(c.value)}`))).toEqual([['A1:a', 'B1:2'], ['A2:3']]);
  });

  test('built-in date formats by id (14, 22, zh-CN 31) and styles named from an absolute target', () => {
    const styles = '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="31"/><xf numFmtId="46"/></cellXfs>';
    const s = read(
      '<sheetData><row r="1"><c r="A1" s="1"><v>46267</v></c><c r="B1" s="2"><v>46267.5</v></c><c r="C1" s="3"><v>46267</v></c><c r="D1" s="4"><v>1.5</v></c><c r="E1" s="0"><v>46267</v></c></row></sheetData>',
      { styles },
    );
    expect(s.rows[0]!.cells.map((c) => shown(c.value))).toEqual(['2026-09-02', '2026-09-02 12:00', '2026-09-02', '1.5', '46267']);
    // [h]:mm:ss is a duration: a number, not a moment
    expect(s.rows[0]!.cells[3]!.value.type).toBe('number');
  });

  test('t="d" cells (ISO text) read as the wall time written', () => {
    const s = read('<sheetData><row r="1"><c r="A1" t="d"><v>2026-09-02T21:10:00</v></c><c r="B1" t="d"><v>2026-10-20</v></c></row></sheetData>');
    expect(s.rows[0]!.cells.map((c) => shown(c.value))).toEqual(['2026-09-02 21:10', '2026-10-20']);
  });

  test('cells out of order are sorted; a cell given twice is damage', () => {
    const s = read('<sheetData><row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row></sheetData>');
    expect(s.rows[0]!.cells.map((c) => c.ref)).toEqual(['A1', 'C1']);
    expect(err(buildZip(workbookEntries({ s: '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row></sheetData>' }))).message).toMatch(/A1 appears twice/);
  });

  test('a cell reference beyond XFD1048576 is damage', () => {
    expect(err(buildZip(workbookEntries({ s: '<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>' }))).code).toBe('corrupt');
  });
});
