import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, runCli, SAMPLES, tempFolder } from './run';

const SAMPLE = path.join(SAMPLES, 'gd-transmission');
const AS_OF = '2026-11-25';

interface F {
  record: string | null;
  clause: string;
  points: number;
  due: string | null;
  actual: string | null;
  quarter: string;
  file: string | null;
  line: number | null;
  message: string;
}
function findings(args: string[], cwd?: string): F[] {
  const r = runCli(['breaches', ...args, '--as-of', AS_OF, '--format', 'json'], cwd ? { cwd } : {});
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).findings as F[];
}

describe('breaches on the sample (see samples/gd-transmission/EXPECTED.md)', () => {
  test('2026-Q3: the 17 findings worked out by hand, 37 points deducted and 1 bonus', () => {
    const f = findings(['--quarter', '2026-Q3', '--lang', 'en', SAMPLE]);
    expect(f).toHaveLength(17);
    expect(f.filter((x) => x.points < 0).reduce((s, x) => s - x.points, 0)).toBe(37);
    expect(f.filter((x) => x.points > 0).reduce((s, x) => s + x.points, 0)).toBe(1);
    expect(f.every((x) => x.quarter === '2026-Q3')).toBe(true);
    // the 佛山 on-site ticket restored after 6 h 30 min against the 珠三角 limit of 6 h
    expect(f.find((x) => x.clause === 'fault.l1.restore.onsite')).toEqual({
      record: 'GD-2026-0142',
      kind: 'tickets',
      clause: 'fault.l1.restore.onsite',
      category: 'fault.l1',
      points: -5,
      due: '2026-07-08T08:15:00+08:00',
      actual: '2026-07-08T08:45:00+08:00',
      quarter: '2026-Q3',
      file: 'tickets/2026/07/GD-2026-0142.yaml',
      line: 2,
      message: 'late by 30 min (limit 6 h, region Pearl River Delta)',
      limit: { duration: '6h', region: 'prd', agreed: null },
      overrun: { minutes: 30, workdays: null },
    });
  });

  test('--clause, --month and --from/--to narrow the list', () => {
    const l1 = findings(['--quarter', '2026-Q3', '--clause', 'fault.l1', '--lang', 'en', SAMPLE]);
    expect(new Set(l1.map((x) => x.clause))).toEqual(new Set(['fault.l1.stage.repair', 'fault.l1.restore.onsite', 'fault.l1.restore.remote', 'fault.l1.doc.report']));
    const sept = findings(['--month', '2026-09', SAMPLE]);
    expect(sept.length).toBeGreaterThan(0);
    expect(sept.every((x) => (x.due ?? x.actual)!.startsWith('2026-09'))).toBe(true);
    const range = findings(['--from', '2026-08-01', '--to', '2026-08-31', SAMPLE]);
    expect(range.every((x) => (x.due ?? x.actual)!.startsWith('2026-08'))).toBe(true);
  });

  test('an open item is a finding only once its due moment has passed', () => {
    // GD-2026-0178's handling sheet is unsigned: due 2026-08-21 17:30
    expect(findings(['--clause', 'fault.l1.doc.report', SAMPLE]).map((x) => x.record)).toContain('GD-2026-0178');
    const early = runCli(['breaches', SAMPLE, '--clause', 'fault.l1.doc.report', '--as-of', '2026-08-21 17:30', '--format', 'json']);
    expect(JSON.parse(early.stdout).findings.map((x: F) => x.record)).not.toContain('GD-2026-0178');
  });

  test('a provisional fault level is shown with its findings', () => {
    const dir = tempFolder(SAMPLE);
    const file = path.join(dir, 'tickets', '2026', '07', 'GD-2026-0148.yaml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^level: 2$/m, 'level: 2\nlevel_confirmed: false'));
    const f = findings(['--quarter', '2026-Q3', '--lang', 'en', dir]).find((x) => x.record === 'GD-2026-0148')!;
    expect(f.message).toContain('[level not confirmed]');
  });

  test('usage errors exit 2', () => {
    expect(runCli(['breaches', SAMPLE, '--quarter', '2026-Q5']).code).toBe(2);
    expect(runCli(['breaches', SAMPLE, '--quarter', '2026-Q3', '--month', '2026-09']).code).toBe(2);
    expect(runCli(['breaches', SAMPLE, '--as-of', 'yesterday']).code).toBe(2);
  });

  test('--clause that matches no clause of the policy is a usage error naming the nearest (it used to print nothing and exit 0)', () => {
    const r = runCli(['breaches', SAMPLE, '--clause', 'fault.l9', '--as-of', AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("svc-sla: --clause 'fault.l9' matches no clause of policy gd-transmission (did you mean 'fault.l1'?) (svc-sla policy show lists them)\n");
    expect(runCli(['breaches', SAMPLE, '--clause', 'fault.l1.restore', '--as-of', AS_OF]).code).toBe(0);
  });
});

describe('breaches refuses what it cannot compute', () => {
  test('invalid records: the validation errors on stderr, exit 1, nothing on stdout', () => {
    const r = runCli(['breaches', fixture('validate', 'logic-errors')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('tickets/b.yaml');
    expect(r.stderr).toContain('duplicate-id');
  });

  test('a working-day limit in a year the calendar does not know, until calendars/ adds it', () => {
    const dir = tempFolder();
    fs.writeFileSync(path.join(dir, 'svc-sla.yaml'), 'policy: gd-transmission\ncontract_start: 2027-01-01\n');
    fs.mkdirSync(path.join(dir, 'consultations'));
    fs.writeFileSync(path.join(dir, 'consultations', 'q.yaml'), 'id: Q-1\nreceived_at: 2027-03-05 10:00\nresponded_at: 2027-03-09 10:00\n');
    const refused = runCli(['breaches', dir, '--as-of', '2027-06-30']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no working-day calendar for 2027.*calendars\/2027\.yaml/);
    fs.mkdirSync(path.join(dir, 'calendars'));
    fs.writeFileSync(path.join(dir, 'calendars', '2027.yaml'), 'year: 2027\nholidays: [2027-01-01]\nworkdays: []\n');
    const ok = runCli(['breaches', dir, '--as-of', '2027-06-30', '--format', 'json']);
    expect(ok.code).toBe(0);
    // received Fri 03-05: 1 working day later is Mon 03-08; answered Tue 03-09 is late
    // (and no inspection plan was handed in for 2027 by 03-31)
    expect(JSON.parse(ok.stdout).findings.map((x: F) => `${x.clause} ${x.due}`)).toEqual([
      'consult.response 2027-03-08T23:59:59+08:00',
      'inspection.plan 2027-03-31T23:59:59+08:00',
    ]);
  });
});
