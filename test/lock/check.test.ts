import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as engine from '../../src/rules/engine';
import { checkLocks } from '../../src/lock/check';
import { renderLock } from '../../src/lock/file';
import { buildLock, lockFileOf } from '../../src/lock/model';
import { quarterlyTable } from '../../src/reports/quarterly';
import { CHECKS, runChecks } from '../../src/checks';
import { openFolder } from '../../src/load/folder';
import type { Problem } from '../../src/core/problems';
import { open, SAMPLE } from '../reports/helpers';
import { TEST_NOW_MS } from '../now';

const TICKET = 'tickets/2026/07/GD-2026-0142.yaml';

/** A copy of the sample with a lock of `quarter` as of 2026-11-25. */
function lockedCopy(...quarters: string[]): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'svc-sla-lockcheck-'));
  fs.cpSync(SAMPLE, root, { recursive: true });
  const s = open(root, '2026-11-25');
  for (const quarter of quarters) {
    const table = quarterlyTable(s.evaluations, s.policy, quarter);
    const lock = buildLock({ quarter, asOf: s.asOf, lockedAt: s.asOf, clock: s.ws.clock, policyId: s.policy.id, provenance: null, table, evaluations: s.evaluations, records: s.ws.records });
    fs.mkdirSync(path.join(root, 'locks'), { recursive: true });
    fs.writeFileSync(path.join(root, lockFileOf(quarter)), renderLock(lock, lockFileOf(quarter)));
  }
  return root;
}

function edit(root: string, rel: string, from: string | RegExp, to: string): void {
  const file = path.join(root, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${from} not in ${rel}`);
  fs.writeFileSync(file, after);
}

/** The locks of a folder, checked after every other check (as src/checks runs them). */
function locksOf(root: string): ReturnType<typeof checkLocks> {
  const ws = openFolder(root, { now: TEST_NOW_MS });
  return checkLocks(ws, runChecks(ws, CHECKS.filter((c) => c.tier !== 'locks')));
}

/** Is the problem about this file (its own, or one it names)? */
const concerns = (p: Problem, file: string): boolean => p.file === file || (p.about ?? []).includes(file);

const keys = (c: ReturnType<typeof checkLocks>) => c.problems.map((p) => `${p.file}:${p.line} ${p.rule}`);

afterEach(() => jest.restoreAllMocks());

describe('checkLocks', () => {
  test('no locks/ folder (or an empty one): nothing to do, the engine is not run', () => {
    const spy = jest.spyOn(engine, 'evaluate');
    const c = locksOf(SAMPLE);
    expect(c.locks).toEqual([]);
    expect(c.problems).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
    const root = lockedCopy();
    spy.mockClear();
    fs.mkdirSync(path.join(root, 'locks'));
    fs.writeFileSync(path.join(root, 'locks', 'README.md'), 'signed quarters\n');
    expect(locksOf(root).locks).toEqual([]);
    expect(spy).not.toHaveBeenCalled();
  });

  test('intact locks: no problems; the engine runs once per as-of time, not per lock', () => {
    const root = lockedCopy('2026-Q3', '2026-Q2');
    const spy = jest.spyOn(engine, 'evaluate');
    const c = locksOf(root);
    expect(c.problems).toEqual([]);
    expect(c.locks.map((l) => [l.file, l.issues.length, l.tableNotChecked])).toEqual([
      ['locks/2026-Q2.yaml', 0, null],
      ['locks/2026-Q3.yaml', 0, null],
    ]);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  test('a changed locked record: at the record, and about its file', () => {
    const root = lockedCopy('2026-Q3');
    edit(root, TICKET, /^summary: .*$/m, 'summary: rewritten');
    const c = locksOf(root);
    expect(keys(c)).toEqual([`${TICKET}:2 locked-record-changed`]);
    const p = c.problems[0]!;
    expect(p).toMatchObject({ kind: 'tickets', record: 'GD-2026-0142', column: 1 });
    expect(p.message).toBe(
      'GD-2026-0142 is locked by locks/2026-Q3.yaml (2026-Q3, signed) and has changed: revert it, or remove the lock deliberately (git rm locks/2026-Q3.yaml, saying why in the commit message)',
    );
    expect(concerns(p, TICKET)).toBe(true);
    expect(concerns(p, 'assessments/2026-Q3.yaml')).toBe(false);
  });

  test('locked records moved to another file (of the same kind) are no change', () => {
    const root = lockedCopy('2026-Q3');
    fs.mkdirSync(path.join(root, 'assessments/by-year'));
    fs.renameSync(path.join(root, 'assessments/2026-Q3.yaml'), path.join(root, 'assessments/by-year/2026.yaml'));
    expect(locksOf(root).problems).toEqual([]);
  });

  test('a missing record: at the lock line listing it, about the file it was in; the table change names it', () => {
    const root = lockedCopy('2026-Q3');
    fs.rmSync(path.join(root, 'tickets/2026/07/GD-2026-0148.yaml'));
    const c = locksOf(root);
    expect(c.problems.map((p) => p.rule).sort()).toEqual(['locked-record-missing', 'locked-table-changed']);
    const missing = c.problems.find((p) => p.rule === 'locked-record-missing')!;
    const lines = fs.readFileSync(path.join(root, 'locks/2026-Q3.yaml'), 'utf8').split('\n');
    expect(missing.line).toBe(lines.findIndex((l) => l.includes('id: GD-2026-0148,')) + 1);
    expect(missing.record).toBe('GD-2026-0148');
    expect(concerns(missing, 'tickets/2026/07/GD-2026-0148.yaml')).toBe(true);
    const table = c.problems.find((p) => p.rule === 'locked-table-changed')!;
    expect(table.message).toContain('locked and gone: GD-2026-0148');
  });

  test('a new record in the quarter: the table change names it and is about its file', () => {
    const root = lockedCopy('2026-Q3');
    fs.writeFileSync(path.join(root, 'assessments/late.yaml'), 'id: KH-2026-09\ndate: 2026-08-01\nclause: consult.interface\n');
    const c = locksOf(root);
    expect(c.problems.map((p) => p.rule)).toEqual(['locked-table-changed']);
    const p = c.problems[0]!;
    expect(p.message).toContain('consult deductions 2 → ');
    expect(p.message).toContain('KH-2026-09 (assessments/late.yaml:1)');
    expect(concerns(p, 'assessments/late.yaml')).toBe(true);
    expect(concerns(p, TICKET)).toBe(false);
    expect(c.locks[0]!.newcomers).toEqual(['KH-2026-09 (assessments/late.yaml:1)']);
  });

  test('invalid records: the table is not recomputed, and an invalid locked record is left to its own error', () => {
    const root = lockedCopy('2026-Q3');
    edit(root, TICKET, 'level: 1', 'level: 9');
    fs.writeFileSync(path.join(root, 'assessments/late.yaml'), 'id: KH-2026-09\ndate: 2026-08-01\nclause: consult.interface\n');
    const spy = jest.spyOn(engine, 'evaluate');
    const c = locksOf(root);
    expect(c.problems).toEqual([]);
    expect(c.locks[0]!.tableNotChecked).toBe('the records are invalid (svc-sla validate)');
    expect(spy).not.toHaveBeenCalled();
  });

  test('a malformed lock is reported and skipped; the others are still checked', () => {
    const root = lockedCopy('2026-Q2', '2026-Q3');
    edit(root, 'locks/2026-Q2.yaml', 'svc_sla_lock: 1', 'svc_sla_lock: one');
    edit(root, TICKET, /^summary: .*$/m, 'summary: rewritten');
    const c = locksOf(root);
    expect(keys(c)).toEqual(['locks/2026-Q2.yaml:9 lock-file', `${TICKET}:2 locked-record-changed`]);
  });
});
