/**
 * Workbooks in a records folder (load/workbook.ts), read from files a real spreadsheet program
 * saved (test/fixtures/excel/, /work/shared/fixtures/excel/ copied there) and, for shapes no
 * program writes, from hand-built zips.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkFolder } from '../../src/checks';
import { memoryFiles } from '../../src/source/fs';
import { buildZip, deflatedZeros, workbookEntries } from '../sheets/zip-builder';
import { TEST_NOW_MS } from '../now';

const ROOT = path.join(path.sep, 'records');
const X = path.join(__dirname, '..', 'fixtures', 'excel');
const fixture = (name: string): Buffer => fs.readFileSync(path.join(X, name));

function open(files: Record<string, string | Uint8Array>) {
  const ws = checkFolder(ROOT, { files: memoryFiles(ROOT, { 'svc-sla.yaml': 'policy: gd-transmission\n', ...files }), now: TEST_NOW_MS });
  return {
    ws,
    recs: ws.located.map((l) => ({ kind: l.rec.kind, id: l.rec.id, ok: l.ok, source: l.rec.source, data: l.rec.data })),
    problems: ws.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity === 'warning' ? 'warning ' : ''}${p.rule}: ${p.message}`),
  };
}

describe('the workbooks of shared/fixtures/excel (LibreOffice, zh-CN)', () => {
  test('tickets: Chinese headers and labels, real date cells as wall times, 是/否', () => {
    const r = open({ 'tickets/2026-Q3.xlsx': fixture('tickets-2026-Q3.xlsx') });
    expect(r.problems).toEqual([]);
    expect(r.recs.map((x) => x.data)).toEqual([
      {
        id: 'GD-X-001',
        level: 1,
        category: 'service',
        city: '东莞',
        handling: 'onsite',
        accepted_at: '2026-09-02 21:10',
        departed_at: '2026-09-02 21:40',
        arrived_at: '2026-09-02 23:20',
        restored_at: '2026-09-03 01:30',
        resolved_at: '2026-09-03 02:00',
        report_submitted_at: '2026-09-04 15:00',
        customer_signed: true,
        summary: '东莞南城局光缆中断',
      },
      { id: 'GD-X-002', level: 3, category: 'nms', city: '韶关', handling: 'remote', accepted_at: '2026-09-07 10:00', resolved_at: '2026-09-15 16:00', summary: '部分网元无法登录' },
      {
        id: 'GD-X-003',
        level: 1,
        category: 'service',
        city: '湛江',
        handling: 'remote',
        accepted_at: '2026-09-20 08:00',
        restored_at: '2026-09-20 10:30',
        resolved_at: '2026-09-20 11:00',
        report_submitted_at: '2026-09-22 09:00',
        customer_signed: false,
        summary: '远程倒换恢复',
      },
    ]);
    expect(r.recs[2]!.source).toEqual({ file: 'tickets/2026-Q3.xlsx', line: 4, column: 1, sheet: 'tickets-2026-Q3' });
    // the times are the folder's zone: 21:10 in Asia/Shanghai
    expect(r.ws.located[0]!.rec.times.accepted_at).toEqual({ ms: Date.parse('2026-09-02T21:10:00+08:00'), dateOnly: false });
  });

  test('consultations: a date-only cell is a date', () => {
    const r = open({ 'consultations/2026.xlsx': fixture('consultations-2026.xlsx') });
    expect(r.problems).toEqual([]);
    expect(r.recs[1]!.data).toEqual({ id: 'ZX-X-02', topic: '网管升级兼容性', received_at: '2026-10-09 09:00', responded_at: '2026-10-10 09:30', answer_due: '2026-10-20', answered_at: '2026-10-19 17:00' });
  });
});

describe('a coordinator\'s ledger (ledger.xlsx, LibreOffice, make-fixtures.py)', () => {
  const r = open({ 'tickets/ledger.xlsx': fixture('ledger.xlsx') });

  test('a title row above the header, 序号 left out, a city merged down, labels, text dates, a formula over a date', () => {
    expect(r.recs.slice(0, 2).map((x) => x.data)).toEqual([
      { id: 'GD-L-001', level: 1, category: 'service', city: '佛山', handling: 'onsite', accepted_at: '2026-07-08 02:15', restored_at: '2026-07-08 08:45', customer_signed: true },
      { id: 'GD-L-002', level: 2, category: 'nms', city: '佛山', handling: 'remote', accepted_at: '2026-07-09 09:05', resolved_at: '2026-07-10 10:00', customer_signed: false },
    ]);
    expect(r.recs.map((x) => x.source.line)).toEqual([3, 4, 5, 6, 2]); // row 7 holds only its 序号
  });

  test('a sheet named 巡检 holds inspections; a number id is its text', () => {
    expect(r.recs[4]).toMatchObject({ kind: 'inspections', id: 'XJ-L-1', ok: true, data: { trunk: '广州-深圳', planned_date: '2026-08-10', status: 'done' } });
    expect(r.recs[2]!.id).toBe('1001');
  });

  test('what a cell cannot mean is refused at the cell, naming sheet and cell; hidden and unknown things are said once', () => {
    expect(r.problems).toEqual([
      "tickets/ledger.xlsx:1:1 warning workbook-sheet: [旧记录] A1 sheet '旧记录' is hidden and is not read: unhide it to include its records, or delete it",
      // the 巡检 row says done without its times: the inspection check refuses it, at its row (#11.9)
      "tickets/ledger.xlsx:2:1 inspection-done: [巡检] A2 an inspection recorded 'status: done' needs 'ended_at': its documents are due 7 working days after it, and its trunk counts as inspected in that half year",
      "tickets/ledger.xlsx:2:1 inspection-done: [巡检] A2 an inspection recorded 'status: done' needs 'started_at': when it was done is part of the record",
      "tickets/ledger.xlsx:2:11 warning unknown-field: [2026-Q3] K2 unknown column '填表人': its cells are ignored (map it to a field of tickets under csv.headers in svc-sla.yaml)",
      'tickets/ledger.xlsx:5:7 format: [2026-Q3] G5 accepted_at: the cell holds the number 46212.5, not a timestamp (as a date cell it would be 2026-07-09 12:00): format the column as 日期 (date) or type the time as text, 2026-07-03 09:05',
      'tickets/ledger.xlsx:5:9 workbook-cell: [2026-Q3] I5 resolved_at: the cell shows the error #N/A: correct its formula, or type the value',
      'tickets/ledger.xlsx:6:7 format: [2026-Q3] G6 accepted_at: the cell shows the date 2026-08-01 but holds the time 2026-08-01 12:00: format the column to show the time (yyyy-mm-dd hh:mm), or enter the date alone',
    ]);
    expect(r.recs.map((x) => x.ok)).toEqual([true, true, false, false, true]);
  });
});

describe('workbooks that cannot be read: one clear error, fast', () => {
  test.each([
    ['an old .xls', 'tickets/old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), /Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx/],
    ['an .ods', 'tickets/a.ods', Buffer.from('PK'), /OpenDocument spreadsheet/],
    ['a damaged .xlsx', 'tickets/a.xlsx', Buffer.from('PK\x03\x04 not really'), /workbook/],
    ['an encrypted .xlsx', 'tickets/a.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600), Buffer.from('EncryptionInfo', 'utf16le')]), /encrypted/],
  ])('%s', (_name, file, bytes, message) => {
    const r = open({ [file]: bytes });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}:1:1 workbook: `));
    expect(r.problems[0]).toMatch(message);
  });

  test('a zip bomb is refused before it is inflated', () => {
    const entries = workbookEntries({ Sheet1: '<sheetData/>' });
    entries[entries.length - 1] = { name: 'xl/worksheets/sheet1.xml', raw: deflatedZeros(512), size: 512 * 1024 * 1024 };
    const r = open({ 'tickets/bomb.xlsx': buildZip(entries) });
    expect(r.problems).toEqual([expect.stringMatching(/^tickets\/bomb\.xlsx:1:1 workbook: /)]);
  });

  test("a formula without a saved result is refused at its cell; Excel's owner file ~$… is no workbook", () => {
    const sheet = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>summary</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>T-1</t></is></c><c r="B2"><f>A2&amp;"x"</f></c></row></sheetData>';
    const r = open({ 'consultations/a.xlsx': buildZip(workbookEntries({ Sheet1: sheet.replace('summary', 'topic') })), 'consultations/~$a.xlsx': Buffer.from([1, 2, 3]) });
    expect(r.problems).toEqual([
      "consultations/a.xlsx:2:1 required-field: [Sheet1] A2 missing required field 'received_at'",
      'consultations/a.xlsx:2:2 workbook-cell: [Sheet1] B2 topic: the formula =A2&"x" has no saved result (the file was written by a program that does not calculate): open the workbook in Excel or LibreOffice and save it again',
    ]);
  });
});
