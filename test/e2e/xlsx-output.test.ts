/**
 * `--format xlsx` and `--no-header-block` end to end on samples/gd-transmission: the workbook read
 * back by svc-sla's reader and converted by LibreOffice (skipped, saying so, where `soffice` is
 * absent), numbers as numbers, Chinese intact, the same bytes from the same records.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbook, type Sheet, type Workbook } from '../../src/sheets/xlsx';
import { runCli, SAMPLES, tempFolder } from './run';

const AS_OF = '2026-11-25';
let sample: string;
let out: string;
beforeAll(() => {
  sample = tempFolder(path.join(SAMPLES, 'gd-transmission'));
  out = tempFolder();
});
afterAll(() => {
  fs.rmSync(sample, { recursive: true, force: true });
  fs.rmSync(out, { recursive: true, force: true });
});

function write(name: string, args: string[]): Buffer {
  const file = path.join(out, name);
  const r = runCli([...args, sample, '--as-of', AS_OF, '-o', file], { env: { TZ: 'UTC', SVC_SLA_CACHE: 'off' } });
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' });
  return fs.readFileSync(file);
}

function read(bytes: Uint8Array): Workbook {
  const wb = readWorkbook(bytes);
  if ('error' in wb) throw new Error(wb.error.message);
  return wb;
}

/** A sheet's rows as arrays of plain values (dates as `YYYY-MM-DD HH:MM`). */
function values(s: Sheet): unknown[][] {
  return s.rows.map((r) => {
    const row: unknown[] = [];
    for (const c of r.cells) {
      const v = c.value;
      row[c.col - 1] =
        v.type === 'string' ? v.text : v.type === 'number' ? v.value : v.type === 'date' ? `${v.wall.y}-${String(v.wall.m).padStart(2, '0')}-${String(v.wall.d).padStart(2, '0')} ${String(v.wall.h).padStart(2, '0')}:${String(v.wall.mi).padStart(2, '0')}` : v.type;
    }
    return row;
  });
}

interface JsonFinding {
  record: string | null;
  clause: string;
  points: number;
  due: string | null;
  actual: string | null;
}

describe('report --format xlsx', () => {
  let zh: Buffer;
  let json: { categories: { id: string; max: number | null; deductions: number; bonus: number; score: number | null; count: number }[]; findings: JsonFinding[] };
  beforeAll(() => {
    zh = write('q3.xlsx', ['report', '--quarter', '2026-Q3', '--format', 'xlsx']);
    const r = runCli(['report', '--quarter', '2026-Q3', sample, '--as-of', AS_OF, '--format', 'json'], { env: { TZ: 'UTC', SVC_SLA_CACHE: 'off' } });
    json = JSON.parse(r.stdout);
  });

  test('the same records give the same bytes', () => {
    expect(write('q3-again.xlsx', ['report', '--quarter', '2026-Q3', '--format', 'xlsx']).equals(zh)).toBe(true);
  });

  test("the table is laid out like the contract's: category, clauses by title, 满分, 扣分, 加分, 得分, as numbers", () => {
    const [table, findings] = read(zh).sheets;
    expect([table!.name, findings!.name]).toEqual(['分值及考核汇总表', '考核项明细']);
    const rows = values(table!);
    expect(rows[0]![0]).toBe('分值及考核汇总表 2026-Q3');
    expect(rows[2]).toEqual(['考核类别', '条款编号', '考核条款', '满分', '扣分', '加分', '得分', '考核项数']);
    const l34 = rows.find((r) => r[0] === '三、四级故障')!;
    const want = json.categories.find((c) => c.id === 'fault.l34')!;
    expect(l34.slice(3)).toEqual([want.max, want.deductions, want.bonus, want.score, want.count]);
    expect(l34[2]).toBe('三级、四级故障:10天内解决');
    const total = rows[rows.length - 1]!;
    expect(total[0]).toBe('合计');
    expect(total[4]).toBe(json.categories.reduce((a, c) => a + c.deductions, 0));
    expect(table!.merges.length).toBeGreaterThan(2);
  });

  test('the findings sheet: one row per finding, points as numbers, due and actual as date cells in the records zone', () => {
    const rows = values(read(zh).sheets[1]!);
    expect(rows[0]!.slice(0, 12)).toEqual(['季度', '类别编号', '考核类别', '条款编号', '考核条款', '记录', '记录类型', '应完成时间', '实际时间', '分值', '超时（分钟）', '超时（工作日）']);
    expect(rows.length - 1).toBe(json.findings.length);
    json.findings.forEach((f, i) => {
      const r = rows[i + 1]!;
      expect([r[3], r[9]]).toEqual([f.clause, f.points]);
      expect(r[7] ?? null).toBe(f.due === null ? null : f.due.slice(0, 16).replace('T', ' '));
      expect(r[8] ?? null).toBe(f.actual === null ? null : f.actual.slice(0, 16).replace('T', ' '));
    });
    const late = rows.find((r) => r[3] === 'fault.l1.restore.onsite')!;
    expect(late[10]).toBe(30);
    // a working-day clause also gives its overrun in working days
    expect(rows.find((r) => r[3] === 'inspection.doc')![11]).toBe(1);
  });

  test('--lang en', () => {
    const wb = read(write('q3-en.xlsx', ['report', '--quarter', '2026-Q3', '--format', 'xlsx', '--lang', 'en']));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Quarterly table', 'Findings']);
    expect(values(wb.sheets[0]!)[2]).toEqual(['Category', 'Clause id', 'Clause', 'Max', 'Deductions', 'Bonus', 'Score', 'Findings']);
  });
});

describe('breaches and summary --format xlsx', () => {
  test('breaches: the findings with a frozen header row, the report header on a second sheet', () => {
    const wb = read(write('b.xlsx', ['breaches', '--quarter', '2026-Q3', '--format', 'xlsx']));
    expect(wb.sheets.map((s) => s.name)).toEqual(['考核项明细', '说明']);
    expect(values(wb.sheets[1]!).find((r) => r[0] === '统计截至')).toBeDefined();
  });

  test('summary: one sheet, counts as numbers and rates as percentages', () => {
    const rows = values(read(write('s.xlsx', ['summary', '--month', '2026-09', '--format', 'xlsx'])).sheets[0]!);
    expect(rows[0]![0]).toBe('现场技术服务月度汇总 2026-09');
    const level1 = rows.find((r) => r[0] === '一级')!;
    expect(typeof level1[1]).toBe('number');
    expect(rows.some((r) => r.some((v) => typeof v === 'number' && v > 0 && v < 1))).toBe(true);
  });
});

describe('--format csv --no-header-block', () => {
  test('one table, one header row, numeric columns beside the message', () => {
    const text = write('flat.csv', ['breaches', '--quarter', '2026-Q3', '--format', 'csv', '--no-header-block']).toString('utf8');
    const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('季度,类别编号,考核类别,条款编号,考核条款,记录,记录类型,应完成时间,实际时间,分值,超时（分钟）,超时（工作日）,说明,文件,行,工作表');
    expect(lines.find((l) => l.includes('fault.l1.restore.onsite'))).toMatch(/,2026-07-08 08:15,2026-07-08 08:45,-5,30,,/);
  });

  test('only with --format csv', () => {
    const r = runCli(['report', '--quarter', '2026-Q3', sample, '--no-header-block'], { env: { SVC_SLA_CACHE: 'off' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--no-header-block applies to --format csv only');
  });
});

const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
if (soffice === undefined) {
  // never skipped silently: the log says why
  process.stdout.write('xlsx-output.test.ts: LibreOffice (soffice) is not installed; the LibreOffice conversion test is skipped\n');
}
(soffice === undefined ? describe.skip : describe)('LibreOffice opens the workbook', () => {
  test('converted to CSV by LibreOffice: numbers as numbers, dates as dates, Chinese intact', () => {
    const xlsx = path.join(out, 'lo.xlsx');
    fs.writeFileSync(xlsx, write('lo-src.xlsx', ['report', '--quarter', '2026-Q3', '--format', 'xlsx']));
    const profile = tempFolder();
    const dir = path.join(out, 'lo');
    // a profile of its own: a running LibreOffice of the user's does not take the job
    const r = spawnSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', dir, xlsx], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    fs.rmSync(profile, { recursive: true, force: true });
    expect(r.status).toBe(0);
    const table = fs.readFileSync(path.join(dir, 'lo-分值及考核汇总表.csv'), 'utf8').split('\n');
    const findings = fs.readFileSync(path.join(dir, 'lo-考核项明细.csv'), 'utf8').split('\n');
    expect(table[2]).toBe('考核类别,条款编号,考核条款,满分,扣分,加分,得分,考核项数');
    expect(table.find((l) => l.startsWith('三、四级故障,'))).toMatch(/^三、四级故障,fault\.l34\.resolve,三级、四级故障:10天内解决,10,0,0,10,0$/);
    const late = findings.find((l) => l.includes(',fault.l1.restore.onsite,'))!;
    // LibreOffice shows the date cells with its own seconds, and -5 as a number
    expect(late).toContain(',2026-07-08 08:15:00,2026-07-08 08:45:00,-5,30,,');
  });
});
