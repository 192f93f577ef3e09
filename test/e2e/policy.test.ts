import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, SAMPLES, tempFolder } from './run';

describe('policy show', () => {
  test('prints every clause, the categories with their maximum and the region table', () => {
    const r = runCli(['policy', 'show', 'gd-transmission', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fault.l1.restore.onsite');
    expect(r.stdout).toMatch(/│ fault\.l34 +│ Level-3 and 4 faults +│ +10 │/);
    expect(r.stdout).toMatch(/│ prd +│ Pearl River Delta +│ .*佛山.* │ +1 h │ +3 h │ +2 h │ +6 h │/);
  });

  test('markdown and json formats; the records folder policy by default', () => {
    const md = runCli(['policy', 'show', '--format', 'md'], { cwd: path.join(SAMPLES, 'after-sales') });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# .*\(after-sales\)/);
    expect(md.stdout).toContain('| aftersales.hotline.repair |');
    const json = JSON.parse(runCli(['policy', 'show', 'after-sales', '--format', 'json']).stdout);
    expect(json.id).toBe('after-sales');
  });

  test('an unknown policy name is an error naming the built-ins', () => {
    const r = runCli(['policy', 'show', 'gd-transmision']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gd-transmission');
  });
});

describe('policy check and custom policies', () => {
  function custom(body: string): { dir: string; file: string } {
    const dir = tempFolder(path.join(SAMPLES, 'gd-transmission'));
    fs.mkdirSync(path.join(dir, 'policies'));
    const file = path.join(dir, 'policies', 'gd-2027.yaml');
    fs.writeFileSync(file, body);
    return { dir, file };
  }

  test('a valid custom policy passes, and a records folder can use it from policies/', () => {
    const { dir, file } = custom('id: gd-2027\nname: {zh-CN: 广东 2027, en: GD 2027}\nextends: gd-transmission\nclauses:\n  - id: fault.l2.resolve\n    limit: 9d\n');
    expect(runCli(['policy', 'check', file]).code).toBe(0);
    fs.writeFileSync(path.join(dir, 'svc-sla.yaml'), 'contract: x\npolicy: policies/gd-2027.yaml\ncontract_start: 2026-01-01\n');
    const v = runCli(['validate', dir]);
    expect(v.stdout).toContain('valid');
    expect(v.code).toBe(0);
    // GD-2026-0148 (level 2, resolved after 8 days) is late under 7 d, on time under 9 d
    const b = runCli(['breaches', dir, '--quarter', '2026-Q3', '--as-of', '2026-11-25', '--format', 'json']);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.stdout).findings.map((f: { clause: string }) => f.clause)).not.toContain('fault.l2.resolve');
  });

  test('a fractional working-day limit is refused at its line', () => {
    const { file } = custom('id: gd-2027\nname: {zh-CN: 广东 2027, en: GD 2027}\nextends: gd-transmission\nclauses:\n  - id: consult.response\n    limit: 1.5wd\n');
    const r = runCli(['policy', 'check', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const errors = JSON.parse(r.stdout).errors as { line: number; rule: string }[];
    expect(errors.map((e) => `${e.line} ${e.rule}`)).toEqual(['6 policy-schema']);
  });
});
