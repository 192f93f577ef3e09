import { monthlySummary } from '../../src/reports/summary';
import { open, SAMPLE } from './helpers';

function summary(month: string, asOf: string) {
  const s = open(SAMPLE, asOf);
  return monthlySummary({ records: s.ws.records, evaluations: s.evaluations, policy: s.policy, clock: s.ws.clock, asOf: s.asOf, month, contractStart: s.ws.config.contract_start });
}

describe('samples/gd-transmission, September 2026, as of 2026-11-25', () => {
  const m = summary('2026-09', '2026-11-25');

  test('tickets accepted in September by level, category and region', () => {
    // 0183 (1, 湛江), 0199 (1, 梅州), 0184 (3, 茂名), 0188 (2, 珠海), 0192 (3, 河源); 0181 was accepted in August
    expect(m.tickets.accepted).toBe(5);
    expect(m.tickets.byLevel.map((r) => r.count)).toEqual([2, 1, 2, 0]);
    expect(m.tickets.byCategory).toEqual([
      { category: 'service', count: 5 },
      { category: 'nms', count: 0 },
      { category: 'temperature', count: 0 },
      { category: 'other', count: 0 },
    ]);
    expect(Object.fromEntries(m.tickets.byRegion.map((r) => [r.region, r.count]))).toEqual({ core: 0, prd: 1, other: 1, 'east-west': 3, unknown: 0 });
  });

  test('level-1 restore times: 8 h 50 min and 10 h 40 min', () => {
    const min = (ms: number | null | undefined) => (ms == null ? null : ms / 60000);
    expect(m.levelOne.tickets).toBe(2);
    expect(min(m.levelOne.restore.mean)).toBe((530 + 640) / 2);
    expect(m.levelOne.worst).toEqual({ record: 'GD-2026-0199', ms: 640 * 60000 });
    expect(min(m.levelOne.stages.depart.mean)).toBe(45); // 45 and 45
    expect(min(m.levelOne.stages.travel.mean)).toBe((385 + 405) / 2); // 6 h 25 and 6 h 45
    expect(min(m.levelOne.stages.repair.mean)).toBe((100 + 190) / 2); // 1 h 40 and 3 h 10
  });

  test('on-time rate: consult.response 2 of 3 (ZX-037 late), monthly report 0 of 1', () => {
    const rate = (id: string) => m.onTime.find((r) => r.clause === id);
    expect(rate('consult.response')).toMatchObject({ met: 2, late: 1, missed: 0, rate: 2 / 3 });
    expect(rate('fault.doc.monthly')).toMatchObject({ met: 0, late: 1, rate: 0 });
    expect(rate('fault.l34.resolve')).toMatchObject({ met: 2, late: 0, rate: 1 }); // 0184 on the boundary, 0192
    // nothing is judged for a clause with no due moment in the month
    expect(rate('fault.l2.nms-down.resolve')).toBeUndefined();
  });

  test('findings placed in September: 5, 9 deducted, 1 bonus', () => {
    expect(m.findings).toMatchObject({ count: 5, deductions: 9, bonus: 1 });
    expect(m.findings.byClause.map((c) => c.clause)).toEqual(['fault.difficult.resolve', 'fault.doc.monthly', 'hardware.cutover-loan', 'consult.response', 'other.commendation']);
  });

  test('open at month end: only GD-2026-0199 (accepted 09-30 20:00, restored 10-01)', () => {
    expect(m.openAtEnd.map((t) => t.record)).toEqual(['GD-2026-0199']);
    expect(m.tickets.provisional.map((t) => t.record)).toEqual(['GD-2026-0192']);
  });

  test('inspections, other work, quotas, last month', () => {
    expect(m.inspections.byStatus).toEqual([
      { status: 'planned', count: 0 },
      { status: 'done', count: 3 },
      { status: 'missed', count: 0 },
      { status: 'cancelled', count: 0 },
    ]);
    expect(m.inspections.docsLate).toEqual([]);
    expect(Object.fromEntries(m.byKind.map((k) => [k.kind, k.count]))).toMatchObject({ upgrades: 1, loans: 1, consultations: 4, 'doc-requests': 2, exchanges: 1, meetings: 1 });
    expect(m.quotas).toEqual([expect.objectContaining({ clause: 'exchange.volume', from: '2026-01-01', to: '2026-12-31', used: 6, usedInMonth: 2, quota: 10 })]);
    expect(m.seats.map((q) => q.amount)).toEqual([10, 3, 1, 4]);
    expect(m.lastMonthReports).toEqual([expect.objectContaining({ clause: 'fault.doc.monthly', month: '2026-08', status: 'late', record: 'BS-2026-04' })]);
  });
});

test('August: a missed inspection, a late inspection document', () => {
  const m = summary('2026-08', '2026-11-25');
  expect(m.inspections.byStatus.find((r) => r.status === 'missed')?.count).toBe(1);
  expect(m.inspections.missedByVendor).toBe(1);
  expect(m.inspections.docsLate.map((d) => `${d.record} ${d.status}`)).toEqual(['XJ-2026-008 late']);
  expect(m.lastMonthReports[0]).toMatchObject({ month: '2026-07', status: 'met', record: 'BS-2026-03' });
});

test('an as-of inside the month: "month end" becomes the as-of time', () => {
  const m = summary('2026-09', '2026-09-10');
  // open at 09-10 end: 0181 (resolved 09-15), 0183 (temporary fix, resolved 09-17), 0184 (09-14), 0188 (09-11)
  expect(m.openAtEnd.map((t) => t.record)).toEqual(['GD-2026-0181', 'GD-2026-0183', 'GD-2026-0184', 'GD-2026-0188']);
  expect(m.quotas[0]).toMatchObject({ used: 4, usedInMonth: 0 }); // JL-03 is held 09-17
});

test('a month without a monthly report due says so', () => {
  const m = summary('2026-11', '2026-11-25'); // October had no level 2–4 tickets
  expect(m.lastMonthReports[0]).toMatchObject({ month: '2026-10', status: 'none', due: null, record: null });
  expect(m.tickets.accepted).toBe(0);
  expect(m.levelOne).toMatchObject({ tickets: 0, restore: { count: 0, mean: null }, worst: null });
});
