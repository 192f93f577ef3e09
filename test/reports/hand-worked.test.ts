/**
 * A quarter whose every number was worked out by hand: test/fixtures/reports/hand-worked/.
 * The policy there is gd-transmission with two more maximums (consult 3, other 2), so that the
 * table shows a capped row, a capped row with a bonus, an uncapped row and an untouched row.
 * All times Asia/Shanghai; as of 2026-11-25 (end of day), so every Q3 due moment has passed.
 */
import * as path from 'node:path';
import { quarterlyTable } from '../../src/reports/quarterly';
import { QUARTERLY_FORMATS } from '../../src/render/quarterly';
import { plain } from '../../src/render/style';
import { open, ROOT } from './helpers';

const FOLDER = path.join(ROOT, 'test', 'fixtures', 'reports', 'hand-worked', 'records');

describe('hand-worked 2026-Q3', () => {
  const s = open(FOLDER, '2026-11-25');
  const t = quarterlyTable(s.evaluations, s.policy, '2026-Q3');
  const row = (id: string) => t.rows.find((r) => r.id === id)!;
  const items = (category: string) => t.findings.filter((f) => f.category === category).map((f) => `${f.clause} ${f.record} ${f.points}`);

  test('fault.l1: T-101, remote, accepted 08-10 10:00 + 3 h = 13:00, restored 13:30 → −5', () => {
    // its sheet: restored 13:30 + 48 h = 08-12 13:30, handed in 08-11 10:00, signed → on time
    expect(items('fault.l1')).toEqual(['fault.l1.restore.remote T-101 -5']);
    expect(row('fault.l1')).toMatchObject({ max: null, deductions: 5, bonus: 0, score: null, count: 1 });
  });

  test("fault.l2: July's monthly report, due 08-15 23:59:59.999, handed in 08-16 10:00 → −1", () => {
    // months with level 2–4 tickets (by accepted_at): 07 (T-301), 08 (T-302, T-201), 09 (T-303, T-304)
    // 07 → S-07 late (Q3); 08 → S-08 09-15 23:00 ≤ 09-15 end, on time; 09 → S-09 late but due 10-15 (Q4)
    expect(items('fault.l2')).toEqual(['fault.doc.monthly S-07 -1']);
    expect(row('fault.l2')).toMatchObject({ max: null, deductions: 1, score: null, count: 1 });
  });

  test('fault.l34 (max 10): 5 + 5 + 2 = 12 deducted, score max(0, 10 − 12) + 0 = 0', () => {
    // T-301: 07-01 09:00 + 10 d = 07-11 09:00, resolved 07-12 09:00 → −5
    // T-302: 08-03 10:00 + 10 d = 08-13 10:00, resolved exactly then → on time (boundary)
    // T-303: 09-01 08:00 + 10 d = 09-11 08:00, resolved 09-20 08:00 → −5
    // T-304: 09-25 12:00 + 10 d = 10-05 12:00, not resolved → a finding of Q4, not here
    // A-1: complaint about T-303 on 09-21 → T-303's row → −2
    expect(items('fault.l34')).toEqual(['fault.l34.resolve T-301 -5', 'fault.l34.resolve T-303 -5', 'fault.complaint A-1 -2']);
    expect(row('fault.l34')).toMatchObject({ max: 10, deductions: 12, bonus: 0, score: 0, count: 3 });
  });

  test('fault.difficult (max 5): T-201 resolved 08-30 18:00 ≤ agreed 08-31 end → nothing, score 5', () => {
    expect(items('fault.difficult')).toEqual([]);
    expect(row('fault.difficult')).toMatchObject({ max: 5, deductions: 0, bonus: 0, score: 5, count: 0 });
  });

  test("hardware: L-1 returned by the operator 08-12 10:00 > received 07-25 11:00 + 15 d = 08-09 11:00 → 0 points, counted", () => {
    // the delivery itself: agreed 07-25 12:00, delivered 11:00 → on time
    expect(items('hardware')).toEqual(['hardware.return L-1 0']);
    expect(row('hardware')).toMatchObject({ max: null, deductions: 0, bonus: 0, score: null, count: 1 });
  });

  test('consult (max 3): C-2 received Wed 07-08, 1 wd → Thu 07-09 end, answered Fri 07-10 → −1; score 3 − 1 = 2', () => {
    // C-1: received Fri 07-03 17:00; the 1st working day after is Mon 07-06; answered 07-06 09:00 → on time
    expect(items('consult')).toEqual(['consult.response C-2 -1']);
    expect(row('consult')).toMatchObject({ max: 3, deductions: 1, bonus: 0, score: 2, count: 1 });
  });

  test('other (max 2): complaints 2 + 2 × 2 = 6, letters 1 + 2 × 1 = 3; score max(0, 2 − 6) + 3 = 3', () => {
    expect(items('other')).toEqual(['other.complaint A-2 -2', 'other.complaint A-3 -4', 'other.commendation A-4 1', 'other.commendation A-5 2']);
    expect(row('other')).toMatchObject({ max: 2, deductions: 6, bonus: 3, score: 3, count: 4 });
  });

  test('every other row is empty; the total line: 5 + 1 + 12 + 1 + 6 = 25 deducted, 3 bonus, 11 findings', () => {
    const touched = new Set(['fault.l1', 'fault.l2', 'fault.l34', 'hardware', 'consult', 'other']);
    for (const r of t.rows) if (!touched.has(r.id)) expect(r).toMatchObject({ deductions: 0, bonus: 0, count: 0 });
    expect(t.total).toEqual({ deductions: 25, bonus: 3, count: 11, credit: null, capped: false });
  });

  test('the JSON has the RECORDS.md shape with these numbers', () => {
    const header = { contract: 'Hand-worked quarter', period: '2026-Q3', asOf: s.ws.clock.format(s.asOf), policyId: s.policy.id, provenance: null, warnings: 0, gaps: [] };
    const j = JSON.parse(QUARTERLY_FORMATS.json(t, { header, policy: s.policy, clock: s.ws.clock, lang: 'en', colour: false, paint: plain }));
    expect(Object.keys(j).slice(0, 4)).toEqual(['quarter', 'as_of', 'categories', 'total']);
    expect(j.quarter).toBe('2026-Q3');
    expect(j.as_of).toBe('2026-11-25T23:59:59+08:00');
    expect(j.total).toEqual({ deductions: 25, bonus: 3, count: 11 });
    const pick = (id: string) => {
      const c = j.categories.find((x: { id: string }) => x.id === id);
      return { id: c.id, max: c.max, deductions: c.deductions, bonus: c.bonus, score: c.score, count: c.count };
    };
    expect(pick('fault.l34')).toEqual({ id: 'fault.l34', max: 10, deductions: 12, bonus: 0, score: 0, count: 3 });
    expect(pick('other')).toEqual({ id: 'other', max: 2, deductions: 6, bonus: 3, score: 3, count: 4 });
    expect(pick('docs')).toEqual({ id: 'docs', max: null, deductions: 0, bonus: 0, score: null, count: 0 });
    expect(j.findings).toHaveLength(11);
  });
});
