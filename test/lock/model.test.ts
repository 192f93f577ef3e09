import { Clock } from '../../src/calendar/time';
import { buildLock, contributors, describeChanges, diffTable, formatInstant, isUnchanged, lockFileOf, quarterIsOver } from '../../src/lock/model';
import { recordHash } from '../../src/lock/hash';
import { quarterlyTable } from '../../src/reports/quarterly';
import { open, SAMPLE } from '../reports/helpers';

const clock = new Clock('Asia/Shanghai');

describe('time helpers', () => {
  test('formatInstant keeps milliseconds so that as_of reads back as the same instant', () => {
    const end = clock.endOfDay('2026-11-25');
    expect(formatInstant(clock, end)).toBe('2026-11-25T23:59:59.999+08:00');
    expect(clock.parse(formatInstant(clock, end))!.ms).toBe(end);
    const whole = clock.parse('2026-11-25T10:00:00+08:00')!.ms;
    expect(formatInstant(clock, whole)).toBe('2026-11-25T10:00:00+08:00');
  });

  test('a quarter is over from its last millisecond on', () => {
    const q3 = clock.parseQuarter('2026-Q3')!;
    expect(quarterIsOver(clock, '2026-Q3', q3.end - 2)).toBe(false);
    expect(quarterIsOver(clock, '2026-Q3', clock.endOfDay('2026-09-30'))).toBe(true);
    expect(quarterIsOver(clock, '2026-Q3', q3.end + 1)).toBe(true);
    expect(quarterIsOver(clock, '2026-Q3', clock.endOfDay('2026-09-15'))).toBe(false);
  });

  test('lock file name', () => {
    expect(lockFileOf('2026-Q3')).toBe('locks/2026-Q3.yaml');
  });
});

describe('buildLock on samples/gd-transmission 2026-Q3 as of 2026-11-25', () => {
  const s = open(SAMPLE, '2026-11-25');
  const table = quarterlyTable(s.evaluations, s.policy, '2026-Q3');
  const lock = buildLock({
    quarter: '2026-Q3',
    asOf: s.asOf,
    lockedAt: clock.parse('2026-11-26T10:00:00+08:00')!.ms,
    clock: s.ws.clock,
    policyId: s.policy.id,
    provenance: null,
    table,
    evaluations: s.evaluations,
    records: s.ws.records,
  });

  test('the header fields and the totals of EXPECTED.md', () => {
    expect(lock).toMatchObject({ svc_sla_lock: 1, quarter: '2026-Q3', as_of: '2026-11-25T23:59:59.999+08:00', policy: 'gd-transmission', locked_at: '2026-11-26T10:00:00+08:00', provenance: null });
    expect(lock.total).toEqual({ deductions: 37, bonus: 1, count: 17 });
    expect(lock.categories.map((c) => c.id)).toEqual(s.policy.categories.map((c) => c.id));
    expect(isUnchanged(diffTable(lock, table))).toBe(true);
  });

  test('records: every record behind a 2026-Q3 evaluation, whatever its status, sorted by id, with file and hash', () => {
    const behind = new Set(s.evaluations.filter((e) => e.quarter === '2026-Q3' && e.record !== null).map((e) => e.record));
    expect(new Set(lock.records.map((r) => r.id))).toEqual(behind);
    const ids = lock.records.map((r) => r.id);
    expect(ids).toEqual([...ids].sort());
    const statuses = new Set(s.evaluations.filter((e) => e.quarter === '2026-Q3' && e.record !== null).map((e) => e.status));
    expect(statuses).toEqual(new Set(['met', 'late', 'missed', 'noted']));
    for (const r of lock.records) {
      const rec = s.ws.records.find((x) => x.id === r.id)!;
      expect(r).toEqual({ id: rec.id, kind: rec.kind, file: rec.source.file, sha256: recordHash(rec) });
    }
  });

  test('contributors of another quarter differ', () => {
    const q2 = contributors(s.evaluations, s.ws.records, '2026-Q2').map((r) => r.id);
    expect(q2).toContain('GD-2026-0128');
    expect(lock.records.map((r) => r.id)).not.toContain('GD-2026-0128');
  });

  test('diffTable names the categories and fields that moved, and the total', () => {
    const changed = {
      ...table,
      rows: table.rows.map((r) => (r.id === 'other' ? { ...r, bonus: 2, count: 2 } : r.id === 'fault.l34' ? { ...r, deductions: 2, score: 8, count: 1 } : r)),
      total: { deductions: 39, bonus: 2, count: 19, credit: null, capped: false },
    };
    const d = diffTable(lock, changed);
    expect(d.categories.map((c) => [c.id, describeChanges(c.changes)])).toEqual([
      ['fault.l34', 'deductions 0 → 2, score 10 → 8, findings 0 → 1'],
      ['other', 'bonus 1 → 2, findings 1 → 2'],
    ]);
    expect(describeChanges(d.total)).toBe('deductions 37 → 39, bonus 1 → 2, findings 17 → 19');
    expect(d.categories[1]!.index).toBe(lock.categories.findIndex((c) => c.id === 'other'));
  });

  test('a category the lock does not list counts only if it holds something', () => {
    const extra = { id: 'new', title: { 'zh-CN': 'new', en: 'new' }, clauses: [], max: 5, deductions: 0, bonus: 0, score: 5, count: 0, credit: null };
    expect(isUnchanged(diffTable(lock, { ...table, rows: [...table.rows, extra] }))).toBe(true);
    const d = diffTable(lock, { ...table, rows: [...table.rows, { ...extra, deductions: 1, count: 1 }] });
    expect(d.categories).toEqual([{ id: 'new', index: null, changes: [{ field: 'deductions', was: 0, now: 1 }, { field: 'count', was: 0, now: 1 }] }]);
  });
});
