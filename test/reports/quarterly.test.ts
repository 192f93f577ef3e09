import { clausesOfCategory, quarterlyTable, scoreOf } from '../../src/reports/quarterly';
import type { Evaluation } from '../../src/rules/engine';
import { open, SAMPLE } from './helpers';

describe('scoreOf: max(0, max − deductions) + bonus where a maximum is set', () => {
  test.each([
    [10, 0, 0, 10],
    [10, 4, 0, 6],
    [10, 10, 0, 0],
    [10, 12, 0, 0], // capped at 0: the deductions beyond the maximum do not go negative
    [10, 12, 3, 3], // the bonus is added after the cap
    [5, 2, 1, 4],
    [null, 12, 3, null], // no maximum: no score, the deductions still count elsewhere
  ])('max %p, deductions %p, bonus %p → %p', (max, ded, bonus, want) => {
    expect(scoreOf(max, ded, bonus)).toBe(want);
  });
});

describe('samples/gd-transmission 2026-Q3 (EXPECTED.md section 3)', () => {
  const s = open(SAMPLE, '2026-11-25');
  const t = quarterlyTable(s.evaluations, s.policy, '2026-Q3');
  const row = (id: string) => t.rows.find((r) => r.id === id)!;

  test('one row per policy category, in the policy order', () => {
    expect(t.rows.map((r) => r.id)).toEqual(s.policy.categories.map((c) => c.id));
  });

  test('the numbers of EXPECTED.md', () => {
    expect(t.total).toEqual({ deductions: 37, bonus: 1, count: 17, credit: null, capped: false });
    expect(row('fault.l1')).toMatchObject({ deductions: 14, bonus: 0, max: null, score: null, count: 6 });
    expect(row('fault.l2')).toMatchObject({ deductions: 6, count: 2 });
    expect(row('fault.l34')).toMatchObject({ deductions: 0, max: 10, score: 10, count: 0 });
    expect(row('fault.difficult')).toMatchObject({ deductions: 5, max: 5, score: 0, count: 1 });
    expect(row('inspection')).toMatchObject({ deductions: 7, count: 3 });
    expect(row('hardware')).toMatchObject({ deductions: 2, count: 1 });
    expect(row('consult')).toMatchObject({ deductions: 2, count: 2 });
    expect(row('other')).toMatchObject({ deductions: 0, bonus: 1, count: 1 });
    expect(row('software')).toMatchObject({ deductions: 1, count: 1 });
  });

  test('rows add up to the total; every finding belongs to the quarter', () => {
    expect(t.rows.reduce((a, r) => a + r.deductions, 0)).toBe(t.total.deductions);
    expect(t.rows.reduce((a, r) => a + r.bonus, 0)).toBe(t.total.bonus);
    expect(t.rows.reduce((a, r) => a + r.count, 0)).toBe(t.total.count);
    expect(t.findings).toHaveLength(t.total.count);
    for (const f of t.findings) expect(f.quarter).toBe('2026-Q3');
  });

  test('Q4 holds the findings whose due moment fell after 30 September', () => {
    const q4 = quarterlyTable(s.evaluations, s.policy, '2026-Q4');
    expect(q4.findings.map((f) => `${f.clause} ${f.record}`)).toEqual([
      'fault.l1.stage.repair GD-2026-0199',
      'fault.l1.restore.onsite GD-2026-0199',
      'consult.response ZX-2026-039',
      // planned inspections past their dates with no outcome recorded: shown, 0 points
      'inspection.outcome XJ-2026-013',
      'inspection.outcome XJ-2026-014',
    ]);
    expect(q4.total).toEqual({ deductions: 6, bonus: 0, count: 5, credit: null, capped: false });
  });

  test('an as-of before a due moment keeps the still-open item out', () => {
    // the unsigned sheet of GD-2026-0178 was due 08-21 17:30
    const early = open(SAMPLE, '2026-08-21T17:00');
    const t2 = quarterlyTable(early.evaluations, early.policy, '2026-Q3');
    expect(t2.findings.some((f) => f.record === 'GD-2026-0178' && f.clause === 'fault.l1.doc.report')).toBe(false);
  });

  test('clauses of a row: its own, plus `category: ticket` clauses that can apply to its tickets', () => {
    expect(clausesOfCategory(s.policy, 'fault.l1')).toContain('fault.complaint');
    // the analysis report clause applies to levels 2–4 only, so never to a level-1 ticket
    expect(clausesOfCategory(s.policy, 'fault.l1')).not.toContain('fault.doc.analysis');
    expect(clausesOfCategory(s.policy, 'fault.l34')).toEqual(['fault.l34.resolve', 'fault.doc.analysis', 'fault.complaint']);
    expect(clausesOfCategory(s.policy, 'fault.violation')).toEqual(['fault.violation']);
  });
});

test('a finding in a category the policy does not list gets a row of its own, so rows still add up', () => {
  const s = open(SAMPLE, '2026-11-25');
  const stray: Evaluation = { ...s.evaluations.find((e) => e.clause === 'fault.l2.resolve' && e.status === 'late')!, category: 'zz.extra', points: -3 };
  const t = quarterlyTable([...s.evaluations, stray], s.policy, '2026-Q3');
  const last = t.rows[t.rows.length - 1]!;
  expect(last).toMatchObject({ id: 'zz.extra', deductions: 3, count: 1, max: null, score: null });
  expect(t.total.deductions).toBe(40);
});
