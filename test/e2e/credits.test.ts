/**
 * Service credits (policy `credits`): the quarter's points turned into money, per category and
 * in total, at most the cap — numbers that live in the policy file, as every contract number.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readWorkbook } from '../../src/sheets/xlsx';
import { ROOT, runCli, tempFolder } from './run';

const CASE = path.join(ROOT, 'test', 'cases', 'credits-turn-points-into-money', 'records');

function report(dir: string): { code: number | null; json: { categories: { id: string; credit?: number }[]; total: { credit?: number; capped?: boolean }; credits?: unknown }; stdout: string; stderr: string } {
  const r = runCli(['report', '--quarter', '2026-Q3', dir, '--as-of', '2026-10-31', '--format', 'json']);
  return { code: r.code, json: r.code === 0 ? JSON.parse(r.stdout) : null, stdout: r.stdout, stderr: r.stderr };
}

function withPolicy(edit: (text: string) => string): string {
  const dir = tempFolder(CASE);
  const file = path.join(dir, 'policies', 'gd-credits.yaml');
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return dir;
}

test('500 CNY a point, capped at 2,500: the late ticket is 2,500, the late answer 500, the quarter 2,500 (capped)', () => {
  const r = report(tempFolder(CASE));
  expect(r.code).toBe(0);
  const byId = Object.fromEntries(r.json.categories.map((c) => [c.id, c.credit]));
  expect([byId['fault.l34'], byId['consult'], byId['fault.l1']]).toEqual([2500, 500, 0]);
  expect(r.json.total).toMatchObject({ credit: 2500, capped: true });
  expect(r.json.credits).toEqual({ currency: 'CNY', per_point: 500, cap: 2500, bonus_offsets: false });
});

test('the money is policy data: another rate and no cap give another credit', () => {
  const r = report(withPolicy((t) => t.replace('per_point: 500', 'per_point: 800').replace(/^ {2}cap: .*\n/m, '')));
  expect(r.json.total).toMatchObject({ credit: 6 * 800, capped: false });
});

test('without credits in the policy no money is shown, and the JSON has no credit keys', () => {
  const r = report(withPolicy((t) => t.replace(/^credits:\n( {2}.*\n)+/m, '')));
  expect(r.code).toBe(0);
  expect(r.json.credits).toBeUndefined();
  expect(r.json.total.credit).toBeUndefined();
  expect(runCli(['report', '--quarter', '2026-Q3', withPolicy((t) => t.replace(/^credits:\n( {2}.*\n)+/m, '')), '--as-of', '2026-10-31']).stdout).not.toMatch(/Credit|CNY/);
});

test('a credit rule that makes no sense is refused at its line in the policy file', () => {
  const r = report(withPolicy((t) => t.replace('per_point: 500', 'per_point: -500')));
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('policies/gd-credits.yaml\n  7:14  error    credits.per_point must be > 0 (got -500)  policy-schema');
});

test('the workbook carries the credit column, numbers as numbers', () => {
  const dir = tempFolder(CASE);
  const file = path.join(tempFolder(), 'q3.xlsx');
  expect(runCli(['report', '--quarter', '2026-Q3', dir, '--as-of', '2026-10-31', '--format', 'xlsx', '-o', file]).code).toBe(0);
  const wb = readWorkbook(fs.readFileSync(file));
  if ('error' in wb) throw new Error(wb.error.message);
  const rows = wb.sheets[0]!.rows;
  const cell = (r: (typeof rows)[number] | undefined, col: number): string | number | undefined => {
    const v = r?.cells.find((c) => c.col === col)?.value;
    return v === undefined ? undefined : v.type === 'number' ? v.value : v.type === 'string' ? v.text : undefined;
  };
  expect(cell(rows.find((r) => cell(r, 1) === 'Category'), 9)).toBe('Credit (CNY)');
  expect(cell(rows.find((r) => cell(r, 1) === 'Total'), 9)).toBe(2500);
});
