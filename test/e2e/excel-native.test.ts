/**
 * Issue #13's "done": a folder holding a GB18030 Excel CSV export with Chinese headers and
 * values, workbooks with real date cells and YAML typed with 是/一级/2026/7/3 (test/cases/
 * excel-ledger-validates-clean) validates clean and gives the same findings and the same
 * quarterly table as the canonical records it means (test/cases/excel-ledger-canonical-twin),
 * whatever the machine's time zone, on one core or two, cached or not.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, runCli, tempFolder } from './run';

const CASES = path.join(ROOT, 'test', 'cases');
const AS_OF = '2026-10-31';

function json(records: string, args: string[], env: Record<string, string> = {}): Record<string, unknown> {
  const r = runCli([...args, records, '--as-of', AS_OF, '--format', 'json'], { env: { TZ: 'UTC', SVC_SLA_CACHE: 'off', ...env } });
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

/** Findings without where their evidence is: that is what differs between the two folders. */
function findings(j: Record<string, unknown>): unknown[] {
  return (j.findings as Record<string, unknown>[]).map(({ file: _f, line: _l, ...rest }) => rest);
}

let ledger: string;
let twin: string;
beforeAll(() => {
  ledger = tempFolder(path.join(CASES, 'excel-ledger-validates-clean', 'records'));
  twin = tempFolder(path.join(CASES, 'excel-ledger-canonical-twin', 'records'));
});
afterAll(() => {
  for (const d of [ledger, twin]) fs.rmSync(d, { recursive: true, force: true });
});

test('the ledger validates clean: no error, no warning', () => {
  const r = runCli(['validate', ledger, '--format', 'json'], { env: { TZ: 'America/New_York', SVC_SLA_CACHE: 'off' } });
  expect(JSON.parse(r.stdout)).toMatchObject({ valid: true, records: 9, errors: [], warnings: [] });
});

test('the same findings and the same quarterly table as the canonical records, under TZ=America/New_York too', () => {
  const want = findings(json(twin, ['breaches', '--quarter', '2026-Q3']));
  expect(want.length).toBeGreaterThan(5);
  expect(findings(json(ledger, ['breaches', '--quarter', '2026-Q3']))).toEqual(want);
  expect(findings(json(ledger, ['breaches', '--quarter', '2026-Q3'], { TZ: 'America/New_York' }))).toEqual(want);
  const table = (j: Record<string, unknown>) => ({ categories: j.categories, total: j.total });
  expect(table(json(ledger, ['report', '--quarter', '2026-Q3']))).toEqual(table(json(twin, ['report', '--quarter', '2026-Q3'])));
});

test('on two cores and from the cache, workbooks read the same', () => {
  // enough files for the worker to take chunks: copies of one YAML ticket
  const big = tempFolder(ledger);
  const yaml = fs.readFileSync(path.join(big, 'tickets', 'GD-Y-001.yaml'), 'utf8');
  fs.mkdirSync(path.join(big, 'tickets', 'many'));
  for (let i = 0; i < 600; i++) fs.writeFileSync(path.join(big, 'tickets', 'many', `${i}.yaml`), yaml.replace('GD-Y-001', `GD-M-${i}`));
  const cache = tempFolder();
  try {
    const off = json(big, ['breaches', '--quarter', '2026-Q3'], { SVC_SLA_WORKERS: 'off' });
    expect(json(big, ['breaches', '--quarter', '2026-Q3'], { SVC_SLA_WORKERS: 'force' })).toEqual(off);
    json(big, ['breaches', '--quarter', '2026-Q3'], { SVC_SLA_CACHE: cache });
    expect(json(big, ['breaches', '--quarter', '2026-Q3'], { SVC_SLA_CACHE: cache })).toEqual(off);
    // the workbook's records kept their sheet in the cache: a problem still names it
    const v = runCli(['validate', big, '--format', 'json'], { env: { SVC_SLA_CACHE: cache, SVC_SLA_WORKERS: 'force' } });
    expect(JSON.parse(v.stdout)).toMatchObject({ valid: true, errors: [] });
  } finally {
    fs.rmSync(big, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  }
});
