/**
 * Fuzz with meaning: a valid records folder of every kind, whose values are mutated as people
 * get them wrong (or write them in another accepted way) — years (0226, 20226, 1900, 2999,
 * 9999), numbers (1e308, .inf, .nan, 1,500, full-width, out of the caps), signs, time formats
 * (2026/7/3 9:05, 2026年7月3日 9时5分, 下午3:05, 3/7/2026, 24:00), enum words (一级, 网管,
 * 业务中断), booleans, encodings (GB18030, BOM, UTF-16), misspelt and dropped fields.
 *
 * `validate` runs on every folder, and every report command (breaches, report --quarter,
 * summary --month, due) on every folder that validates: each exits 0, 1 or 2, never with an
 * internal error or a stack trace, never printing Infinity or NaN, JSON output parses, and each
 * command is killed (and the test fails) if it has not finished within 10 s — these inputs
 * are a few kB. Seeded (src/util/rng.ts), so a failure replays: the test name names the seed.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { stringify } from 'yaml';
import { rng } from '../../src/util/rng';
import { BIN, TEST_NOW, tempFolder } from './run';

type Value = string | number | boolean | readonly string[];
type Rec = Record<string, Value>;

const BASE: Record<string, Rec[]> = {
  tickets: [
    { id: 'GD-1', level: 1, category: 'service', handling: 'onsite', city: '佛山', accepted_at: '2026-07-03 10:00', departed_at: '2026-07-03 10:20', arrived_at: '2026-07-03 12:00', restored_at: '2026-07-03 16:30', report_submitted_at: '2026-07-04 10:00', customer_signed: true },
    { id: 'GD-2', level: 2, category: 'nms', accepted_at: '2026-08-10 09:00', resolved_at: '2026-08-13 09:00' },
    { id: 'GD-3', level: 3, category: 'other', accepted_at: '2026-09-01 09:00' },
    { id: 'GD-4', level: 2, category: 'service', difficult: true, agreed_deadline: '2026-09-30', accepted_at: '2026-09-02 09:00', resolved_at: '2026-10-02 10:00' },
  ],
  inspections: [{ id: 'I-1', trunk: '广州-深圳', planned_date: '2026-08-10', type: 'routine', status: 'done', started_at: '2026-08-10 09:00', ended_at: '2026-08-10 17:00', docs_submitted_at: '2026-08-12 10:00' }],
  upgrades: [
    { id: 'U-1', scope: 'OTN', raised_by: 'operator', raised_at: '2026-07-20 10:00', confirmed_at: '2026-07-21 10:00', application_submitted_at: '2026-07-25 10:00', approved_start: '2026-08-01 00:00', approved_end: '2026-08-01 06:00', started_at: '2026-08-01 00:30', ended_at: '2026-08-01 05:00', result: 'success' },
  ],
  loans: [{ id: 'L-1', purpose: 'l1-fault', ticket: 'GD-1', requested_at: '2026-07-03 11:00', delivered_at: '2026-07-03 15:00' }],
  consultations: [{ id: 'Q-1', topic: '保护倒换', received_at: '2026-09-10 10:00', responded_at: '2026-09-10 11:00', answered_at: '2026-09-15 10:00' }],
  'doc-requests': [{ id: 'D-1', topic: '手册', requested_at: '2026-07-15 10:00', provided_at: '2026-07-20 10:00' }],
  exchanges: [{ id: 'E-1', topic: 'OTN', requested_at: '2026-08-01 10:00', responded_at: '2026-08-02 10:00', held_on: '2026-08-20', days: 2 }],
  meetings: [{ id: 'M-1', type: 'quarterly', notified_at: '2026-09-01 10:00', responded_at: '2026-09-01 15:00', held_on: '2026-09-10' }],
  submissions: [
    { id: 'S-1', type: 'monthly-report', period: '2026-08', submitted_at: '2026-09-10 10:00' },
    { id: 'S-2', type: 'inspection-plan', period: 2026, trunks: ['广州-深圳'], submitted_at: '2026-01-10 10:00' },
  ],
  assessments: [
    { id: 'A-1', date: '2026-08-20', clause: 'other.complaint', points: -2, count: 1 },
    { id: 'A-2', date: '2026-09-22', clause: 'other.commendation' },
    { id: 'A-3', date: '2026-07-10', clause: 'fault.complaint', ref: 'GD-1' },
  ],
};

const TIME = /(_at|_date|_start|_end|_deadline|_due|held_on|^date)$/;
const NUMBER_FIELDS = ['points', 'count', 'days', 'level', 'period'];
const ENUM_WORDS: Record<string, readonly Value[]> = {
  level: ['一级', '1级', 'L1', '四级', '五级', '"1"', 0, 5, 1.5],
  category: ['业务问题', '网管', '高温', '其它', '业务中断', 'SERVICE', 'Service', 'svc'],
  handling: ['现场', '远程', '上站', 'ONSITE', 'on-site'],
  status: ['已完成', '未完成', '计划中', '已取消', 'DONE'],
  type: ['例行', '专项', '季度例会', '月报', '巡检计划', 'weekly'],
  purpose: ['一级故障', '割接', 'spare'],
  result: ['成功', '失败', '进行中', 'ok'],
  raised_by: ['厂家', '运营商', '局方', '电信', 'customer'],
  clause: ['other.complaint', 'other.commendaton', 'fault.l1.restore.onsite', 'consult.hotline-notice', 'fault.violation', 'fault.complaint', ''],
};
const BOOLEANS: readonly Value[] = [true, false, '是', '否', '√', '×', 'yes', 'x', '对', 1, 0, 'TRUE'];
const NUMBERS: readonly Value[] = [0, -0, 1, 2.5, -1, 50, -50, 100, -100, 101, -101, 366, 367, 1000, 1001, 1e308, -1e308, Infinity, -Infinity, NaN, '1,500', '３', '1e3', '007', 'NaN'];
const YEARS = ['0226', '20226', '1899', '1900', '2999', '3000', '9999', '2027', '2025', '0000', '226'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

const FULL = (s: string) => s.replace(/[0-9:/-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** The same instant (or a near miss) in another way people write it. */
function reformat(r: () => number, v: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(v);
  if (!m) return v;
  const [, y, mo, d, h = '09', mi = '05'] = m;
  const n = (s: string) => String(Number(s));
  return pick(r, [
    `${y}/${n(mo!)}/${n(d!)} ${n(h)}:${mi}`,
    `${y}-${n(mo!)}-${n(d!)} ${n(h)}:${mi}`,
    `${y}.${n(mo!)}.${n(d!)} ${n(h)}:${mi}`,
    `${y}年${n(mo!)}月${n(d!)}日 ${n(h)}:${mi}`,
    `${y}年${n(mo!)}月${n(d!)}日${n(h)}时${n(mi)}分`,
    FULL(`${y}/${n(mo!)}/${n(d!)} ${h}:${mi}`),
    `${y}-${mo}-${d}T${h}:${mi}:00+08:00`,
    `${y}-${mo}-${d}T${h}:${mi}:00Z`,
    `${y}-${mo}-${d} ${h}:${mi}:07.123`,
    `${y}-${mo}-${d}`,
    `${y}/${n(mo!)}/${n(d!)} 下午${Number(h) % 12 || 12}:${mi}`,
    `${n(d!)}/${n(mo!)}/${y}`,
    `${y}${mo}${d}`,
    `${y}-${mo}-${d} 24:00`,
    `${y}-${mo}-${d} 25:61`,
    `${y}-02-30`,
    `${y}-${mo}-${d} ${h}:${mi}+0800`,
  ]);
}

/**
 * A change that keeps the record valid, or nearly (another accepted way to write a value, a
 * whole record moved to another year, numbers within their caps and with their clause's sign):
 * these are the folders the report commands then compute from.
 */
function mutateKeepingMeaning(r: () => number, kind: string, rec: Rec, times: readonly string[]): void {
  const op = r();
  if (op < 0.3 && times.length > 0) {
    const f = pick(r, times);
    const v = reformat(r, String(rec[f]));
    if (!/24:00|25:61|-02-30|\/2026$|^\d{8}$|下午|Z$|\+0800$/.test(v)) rec[f] = v;
  } else if (op < 0.5 && times.length > 0) {
    const year = pick(r, ['1900', '2999', '2025', '2027', '2026']);
    for (const f of times) rec[f] = String(rec[f]).replace(/^\d{4}/, year);
    if (kind === 'submissions' && typeof rec.period === 'string') rec.period = rec.period.replace(/^\d{4}/, year);
    if (kind === 'submissions' && typeof rec.period === 'number') rec.period = Number(year);
  } else if (op < 0.7) {
    const words: Record<string, readonly Value[]> = { level: ['一级', '1级', 'L1', '二级', '四级', '"3"'], category: ['业务问题', '网管', '高温', '其它', 'Service'], handling: ['现场', '远程', '上站'], result: ['成功', '失败', '进行中'], raised_by: ['厂家', '运营商', '局方'], status: ['已完成'], purpose: ['一级故障'] };
    const f = Object.keys(rec).find((x) => x in words && !(x === 'level' && kind !== 'tickets'));
    if (f) rec[f] = pick(r, words[f]!.map((w) => (w === '"3"' ? '3' : w)));
  } else if (op < 0.85 && kind === 'assessments') {
    const sign = rec.clause === 'other.commendation' ? 1 : -1;
    rec.points = sign * pick(r, [0, 0.5, 1, 3, 99.5, 100]);
    rec.count = pick(r, [1, 2, 999, 1000]);
  } else if (op < 0.85 && kind === 'exchanges') {
    rec.days = pick(r, [0, 0.5, 10, 365, 366]);
  } else if (kind === 'tickets') {
    rec.customer_signed = pick(r, [true, false, '是', '否', '√', '×', 'yes', 'no', 1, 0]);
  }
}

/** One change to one value (or field) of one record. */
function mutate(r: () => number, folder: Record<string, Rec[]>): void {
  const kind = pick(r, Object.keys(folder));
  const recs = folder[kind]!;
  const rec = pick(r, recs);
  const fields = Object.keys(rec);
  const times = fields.filter((f) => TIME.test(f));
  if (r() < 0.55) return mutateKeepingMeaning(r, kind, rec, times);
  const op = r();
  if (op < 0.2 && times.length > 0) {
    const f = pick(r, times);
    rec[f] = String(rec[f]).replace(/^\d{4}/, pick(r, YEARS));
  } else if (op < 0.4 && times.length > 0) {
    const f = pick(r, times);
    rec[f] = reformat(r, String(rec[f]));
  } else if (op < 0.5) {
    const f = pick(r, [...fields.filter((x) => NUMBER_FIELDS.includes(x)), 'points', 'count']);
    if (kind === 'assessments' || f in rec) rec[f] = pick(r, NUMBERS);
  } else if (op < 0.57) {
    const f = fields.find((x) => typeof rec[x] === 'number');
    if (f) rec[f] = -(rec[f] as number);
    else if (kind === 'assessments') rec.points = pick(r, [2, -2, 50, -50]);
  } else if (op < 0.72) {
    const f = fields.find((x) => x in ENUM_WORDS);
    if (f) rec[f] = pick(r, ENUM_WORDS[f]!);
  } else if (op < 0.78) {
    rec[pick(r, ['customer_signed', 'nms_down', 'difficult', 'vendor_caused', 'mismatch', 'poorly_prepared'])] = pick(r, BOOLEANS);
  } else if (op < 0.84 && times.length > 1) {
    const [a, b] = [pick(r, times), pick(r, times)];
    [rec[a], rec[b]] = [rec[b]!, rec[a]!];
  } else if (op < 0.9) {
    const f = pick(r, fields);
    const v = rec[f]!;
    delete rec[f];
    if (r() < 0.5) rec[f.replace(/e/, '').replace(/_at$/, '_time')] = v;
  } else if (op < 0.95) {
    recs.push({ ...rec });
  } else {
    rec.id = pick(r, [`${String(rec.id)}\u200b`, ' ', '0142', 142, `${String(rec.id)}-${'x'.repeat(200)}`]);
  }
}

function csvCell(v: Value): string {
  const s = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes the folder: each kind as a YAML list or (flat kinds) a CSV file in one of the encodings people send. */
function writeFolder(r: () => number, dir: string, folder: Record<string, Rec[]>): void {
  fs.writeFileSync(path.join(dir, 'svc-sla.yaml'), `policy: gd-transmission\ncontract_start: 2026-01-01\nlocale: ${pick(r, ['zh-CN', 'en'])}\n`);
  for (const [kind, recs] of Object.entries(folder)) {
    fs.mkdirSync(path.join(dir, kind));
    const flat = recs.every((x) => Object.values(x).every((v) => !Array.isArray(v)));
    if (flat && r() < 0.4) {
      const header = [...new Set(recs.flatMap((x) => Object.keys(x)))];
      const text = [header.join(','), ...recs.map((x) => header.map((h) => (x[h] === undefined ? '' : csvCell(x[h]!))).join(','))].join('\r\n') + '\r\n';
      const enc = r() < 0.05 ? 'utf16le' : pick(r, ['utf8', 'bom', 'gb18030']);
      const bytes = enc === 'bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : enc === 'utf8' ? Buffer.from(text) : iconv.encode(text, enc);
      fs.writeFileSync(path.join(dir, kind, `${kind}.csv`), bytes);
    } else {
      const text = stringify(recs, { lineWidth: 0 });
      fs.writeFileSync(path.join(dir, kind, `${kind}.yaml`), r() < 0.2 ? `\uFEFF${text}` : text);
    }
  }
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built CLI, killed after 10 s (code null): no input of a few kB may take longer. */
function runCli(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, SVC_SLA_NOW: TEST_NOW, SVC_SLA_CACHE: 'off', TZ: 'UTC', LANG: 'C', NO_COLOR: '1' }, timeout: 10_000, killSignal: 'SIGKILL' });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

function commandsFor(r: () => number, dir: string): string[][] {
  const format = () => pick(r, ['text', 'text', 'json', 'csv', 'md']);
  const lang = () => (r() < 0.3 ? ['--lang', pick(r, ['en', 'zh-CN'])] : []);
  return [
    ['breaches', dir, '--quarter', pick(r, ['2026-Q3', '2026-Q3', '2026-Q4', '1900-Q1', '2999-Q4']), '--format', format(), ...lang()],
    ['report', dir, '--quarter', pick(r, ['2026-Q3', '2026-Q3', '2026-Q4', '2999-Q4']), '--format', format(), ...lang()],
    ['summary', dir, '--month', pick(r, ['2026-09', '2026-07', '2026-10', '1900-01', '2999-12']), '--format', pick(r, ['text', 'md', 'json', 'csv']), ...lang()],
    ['due', dir, '--as-of', pick(r, ['2026-09-28', '2026-10-31', '2027-03-01']), '--format', pick(r, ['text', 'json']), ...lang()],
  ];
}

function expectSane(args: readonly string[], run: Run): void {
  const what = `svc-sla ${args.join(' ')}\n${run.stderr.slice(0, 2000)}`;
  expect({ what, finished: run.code !== null }).toEqual({ what, finished: true });
  expect({ what, code: [0, 1, 2].includes(run.code!) }).toEqual({ what, code: true });
  expect({ what, trace: /internal error|\n\s+at /.test(run.stderr) }).toEqual({ what, trace: false });
  // no generated text holds these words: printed, they are a sum gone wrong
  expect({ what, nonFinite: /Infinity|NaN/.test(run.stdout) }).toEqual({ what, nonFinite: false });
  if (args.includes('json') && run.code === 0) expect(() => JSON.parse(run.stdout)).not.toThrow();
}

const SEEDS = [11, 12, 13, 14, 15, 16];
const FOLDERS_PER_SEED = 3;
let validFolders = 0;

describe('fuzz with meaning: mutated values, every report command on what validates', () => {
  test('the unmutated folder is valid and every report computes from it', async () => {
    const dir = tempFolder();
    writeFolder(rng(1), dir, structuredClone(BASE));
    const v = await runCli(['validate', dir, '--format', 'json']);
    expect(JSON.parse(v.stdout).errors).toEqual([]);
    for (const args of commandsFor(rng(1), dir)) {
      const run = await runCli(args);
      expectSane(args, run);
      expect({ args, code: run.code }).toEqual({ args, code: 0 });
    }
  }, 60_000);

  test.each(SEEDS)('seed %i', async (seed) => {
    const r = rng(seed);
    for (let k = 0; k < FOLDERS_PER_SEED; k++) {
      const folder = structuredClone(BASE);
      const n = 1 + Math.floor(r() * 3);
      for (let i = 0; i < n; i++) mutate(r, folder);
      const dir = tempFolder();
      writeFolder(r, dir, folder);
      const args = ['validate', dir, '--format', pick(r, ['json', 'text', 'github'])];
      const v = await runCli(args);
      expectSane(args, v);
      if (v.code !== 0) continue;
      validFolders++;
      for (const cmd of commandsFor(r, dir)) expectSane(cmd, await runCli(cmd));
    }
  }, 6 * 10_000 * FOLDERS_PER_SEED);

  test('the report commands ran on a fair share of the folders (the mutations are not all refusals)', () => {
    expect(validFolders).toBeGreaterThanOrEqual(SEEDS.length);
  });
});
