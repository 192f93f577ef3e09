/**
 * Recurring obligations: the monthly field-service report, the annual inspection plan, every
 * trunk inspected each half-year, and the yearly quota of technical-exchange days.
 */
import type { Plain } from './helpers';
import { endOfDay, iso, late, onTime, rec, run, ticket } from './helpers';

const monthlyReport = (id: string, period: string, submitted: string): Plain => rec('submissions', id, { type: 'monthly-report', period, submitted_at: submitted });
const plan = (id: string, period: number, submitted: string, trunks: string[] = []): Plain => rec('submissions', id, { type: 'inspection-plan', period, trunks, submitted_at: submitted });

describe('fault.doc.monthly: a month with level-2–4 tickets needs its report by the 15th of the next month', () => {
  const august = ticket('T8', { level: 2, accepted_at: '2026-08-10 09:00', resolved_at: '2026-08-12 09:00' });

  test.each([
    ['on the 15th at 23:59: on time', '2026-09-15 23:59', 'met'],
    ['on the 16th at 00:00: late', '2026-09-16 00:00', 'late'],
  ] as const)('the August report submitted %s', (_name, submitted, status) => {
    const o = run([august, monthlyReport('S', '2026-08', submitted)]);
    const expected = status === 'met' ? onTime : late;
    expect(o.view('fault.doc.monthly', '2026-08')).toEqual(expected(endOfDay('2026-09-15'), iso(submitted), -1, 'fault.l2', '2026-Q3'));
    expect(o.one('fault.doc.monthly', '2026-08').record).toBe('S');
  });

  test('no report: open through the 15th, missed from the 16th (−1 in fault.l2, 2026-Q3)', () => {
    expect(run([august], { asOf: '2026-09-15 23:59' }).view('fault.doc.monthly', '2026-08')).toMatchObject({ status: 'open', finding: false });
    expect(run([august], { asOf: '2026-09-16 00:00' }).view('fault.doc.monthly', '2026-08')).toEqual({
      status: 'missed',
      finding: true,
      points: -1,
      category: 'fault.l2',
      quarter: '2026-Q3',
      due: endOfDay('2026-09-15'),
      actual: null,
    });
  });

  test('a month with only level-1 tickets needs no report', () => {
    const o = run([
      ticket('A', { level: 1, handling: 'remote', accepted_at: '2026-07-03 10:00', restored_at: '2026-07-03 11:00' }),
      ticket('B', { level: 1, handling: 'onsite', city: '广州', accepted_at: '2026-07-20 10:00', restored_at: '2026-07-20 12:00' }),
    ]);
    expect(o.of('fault.doc.monthly')).toEqual([]);
  });

  test.each([
    ['level 3', { level: 3 }],
    ['level 4', { level: 4 }],
    ['a difficult level 2', { level: 2, difficult: true, agreed_deadline: '2026-09-30' }],
  ] as const)('%s ticket also needs the report', (_name, fields) => {
    const o = run([ticket('T', { accepted_at: '2026-08-10 09:00', ...fields })], { asOf: '2026-10-01 00:00' });
    expect(o.view('fault.doc.monthly', '2026-08')).toMatchObject({ status: 'missed', points: -1, category: 'fault.l2' });
  });

  test('the month is the month of acceptance: 08-31 23:30 is August, 09-01 00:00 is September', () => {
    const o = run([ticket('A', { level: 3, accepted_at: '2026-08-31 23:30' }), ticket('B', { level: 3, accepted_at: '2026-09-01 00:00' })], { asOf: '2026-12-31 12:00' });
    expect(o.of('fault.doc.monthly').map((e) => [e.subject, o.clock.format(e.due!)])).toEqual([
      ['2026-08', endOfDay('2026-09-15')],
      ['2026-09', endOfDay('2026-10-15')],
    ]);
  });

  test("a report for another month does not count; December's report is due 2027-01-15 (2027-Q1)", () => {
    const o = run([ticket('T', { level: 2, accepted_at: '2026-12-05 09:00' }), monthlyReport('S11', '2026-11', '2027-01-10 10:00')], { asOf: '2027-01-16 00:00' });
    expect(o.view('fault.doc.monthly', '2026-12')).toEqual({
      status: 'missed',
      finding: true,
      points: -1,
      category: 'fault.l2',
      quarter: '2027-Q1',
      due: endOfDay('2027-01-15'),
      actual: null,
    });
  });
});

describe('inspection.plan: the annual plan by 31 March (shown only: 0 points)', () => {
  test.each([
    ['on 03-31 at 23:59: on time', '2026-03-31 23:59', 'met'],
    ['on 04-01 at 00:00: late', '2026-04-01 00:00', 'late'],
  ] as const)('submitted %s', (_name, submitted, status) => {
    const o = run([plan('P', 2026, submitted)]);
    const expected = status === 'met' ? onTime : late;
    expect(o.view('inspection.plan', '2026')).toEqual(expected(endOfDay('2026-03-31'), iso(submitted), 0, 'inspection', '2026-Q1'));
  });

  test('no plan: open until 03-31 ends, then a 0-point finding; a 2025 plan does not count for 2026', () => {
    const records = [plan('P25', 2025, '2025-03-01 10:00')];
    expect(run(records, { asOf: '2026-03-31 23:59' }).view('inspection.plan', '2026')).toMatchObject({ status: 'open', finding: false });
    expect(run(records, { asOf: '2026-04-01 00:00' }).view('inspection.plan', '2026')).toEqual({
      status: 'missed',
      finding: true,
      points: 0,
      category: 'inspection',
      quarter: '2026-Q1',
      due: endOfDay('2026-03-31'),
      actual: null,
    });
  });

  test('each contract year has its own plan: as of 2027-02 the 2027 plan is still open', () => {
    const o = run([plan('P26', 2026, '2026-02-01 10:00')], { asOf: '2027-02-01 00:00' });
    expect(o.of('inspection.plan').map((e) => [e.subject, e.status])).toEqual([
      ['2026', 'met'],
      ['2027', 'open'],
    ]);
  });
  test.each([
    // the contract starts after 03-31: no 2026 plan can be owed under it (as for half-years before the start)
    ['2026-07-01', [['2027', 'open']]],
    // the contract starts before 03-31: the 2026 plan is owed
    ['2026-03-15', [['2026', 'missed'], ['2027', 'open']]],
  ] as const)('a contract starting %s: plans owed as of 2027-02-01', (start, expected) => {
    const o = run([], { contractStart: start, asOf: '2027-02-01 00:00' });
    expect(o.of('inspection.plan').map((e) => [e.subject, e.status])).toEqual(expected);
  });
});

describe('inspection.coverage: every trunk inspected in each half-year (shown only: 0 points)', () => {
  const done = (id: string, trunk: string, ended: string): Plain =>
    rec('inspections', id, { trunk, planned_date: ended.slice(0, 10), status: 'done', started_at: `${ended.slice(0, 10)} 00:00`, ended_at: ended, docs_submitted_at: '2026-12-31 10:00' });
  const records: Plain[] = [
    // the 2026 plan names two trunks
    plan('P', 2026, '2026-02-01 10:00', ['广州-深圳', '广州-湛江']),
    done('I1', '广州-深圳', '2026-03-10 17:00'),
    done('I2', '广州-深圳', '2026-08-01 17:00'),
    // a trunk not in the plan, known from its inspection record; ended in the last minute of H1
    done('I3', '汕头-梅州', '2026-06-30 23:59'),
    // planned but not done: no evidence for 广州-湛江
    rec('inspections', 'I4', { trunk: '广州-湛江', planned_date: '2026-12-20', status: 'planned' }),
  ];

  test('as of 2027-01-05: each trunk of the plan and of the inspection records, per half', () => {
    const o = run(records, { asOf: '2027-01-05 00:00' });
    const of2026 = o.of('inspection.coverage').filter((e) => e.subject.endsWith('2026-H1') || e.subject.endsWith('2026-H2'));
    expect(of2026.map((e) => [e.subject, e.status, e.record])).toEqual(
      expect.arrayContaining([
        ['广州-深圳 2026-H1', 'met', 'I1'],
        ['广州-深圳 2026-H2', 'met', 'I2'],
        ['广州-湛江 2026-H1', 'missed', null],
        ['广州-湛江 2026-H2', 'missed', null],
        ['汕头-梅州 2026-H1', 'met', 'I3'],
        ['汕头-梅州 2026-H2', 'missed', null],
      ]),
    );
    expect(of2026).toHaveLength(6);
    const missedH1 = { status: 'missed', finding: true, points: 0, category: 'inspection', quarter: '2026-Q2', due: endOfDay('2026-06-30'), actual: null };
    expect(o.view('inspection.coverage', '广州-湛江 2026-H1')).toEqual(missedH1);
    expect(o.view('inspection.coverage', '广州-湛江 2026-H2')).toEqual({ ...missedH1, quarter: '2026-Q4', due: endOfDay('2026-12-31') });
  });

  test('before the half-year ends, a trunk without an inspection is open, not a finding', () => {
    const o = run(records, { asOf: '2026-12-31 23:59' });
    expect(o.view('inspection.coverage', '广州-湛江 2026-H2')).toMatchObject({ status: 'open', finding: false });
    expect(o.view('inspection.coverage', '广州-湛江 2026-H1')).toMatchObject({ status: 'missed', finding: true });
  });
});

describe('exchange.volume: 10 days per contract year from contract_start', () => {
  // contract_start 2026-04-01: the first contract year is 2026-04-01 – 2027-03-31
  const exchanges = (lastDays: number): Plain[] => [
    rec('exchanges', 'X0', { held_on: '2026-03-31', days: 4 }), // before the contract year: does not count
    rec('exchanges', 'X1', { held_on: '2026-04-01', days: 6 }),
    rec('exchanges', 'X2', { held_on: '2027-03-31', days: lastDays }),
    rec('exchanges', 'X3', { held_on: '2027-04-01', days: 5 }), // the next contract year
  ];
  const year = '2026-04-01 – 2027-03-31';

  test('9.5 days before the year ends: open, not a finding', () => {
    const o = run(exchanges(3.5), { contractStart: '2026-04-01', asOf: '2027-03-31 23:59' });
    const e = o.one('exchange.volume', year);
    expect(o.show(e)).toMatchObject({ status: 'open', finding: false, due: endOfDay('2027-03-31') });
    expect(e.detail).toEqual({ amount: 9.5, quota: 10 });
  });

  test('9.5 days at the year end: a shortfall, −1 in exchange, counted in 2027-Q1', () => {
    const o = run(exchanges(3.5), { contractStart: '2026-04-01', asOf: '2027-04-01 00:00' });
    expect(o.view('exchange.volume', year)).toEqual({
      status: 'missed',
      finding: true,
      points: -1,
      category: 'exchange',
      quarter: '2027-Q1',
      due: endOfDay('2027-03-31'),
      actual: null,
    });
  });

  test('exactly 10 days: met', () => {
    const o = run(exchanges(4), { contractStart: '2026-04-01', asOf: '2027-04-01 00:00' });
    expect(o.view('exchange.volume', year)).toMatchObject({ status: 'met', finding: false });
    expect(o.one('exchange.volume', year).detail).toEqual({ amount: 10, quota: 10 });
  });

  test('the next contract year has started and is open', () => {
    const o = run(exchanges(4), { contractStart: '2026-04-01', asOf: '2027-04-01 00:00' });
    expect(o.of('exchange.volume').map((e) => [e.subject, e.status, e.detail.amount])).toEqual([
      [year, 'met', 10],
      ['2027-04-01 – 2028-03-31', 'open', 5],
    ]);
  });
});

describe('inspection.outcome: a planned inspection past its date appears as overdue (0 points)', () => {
  const planned = (fields: Record<string, unknown> = {}) => rec('inspections', 'XJ', { trunk: '广州-深圳 干线', planned_date: '2026-07-10', status: 'planned', ...fields });

  test('on its planned day it is open; the next day it is overdue, shown only', () => {
    expect(run([planned()], { asOf: '2026-07-10 23:59' }).view('inspection.outcome', 'XJ')).toMatchObject({ status: 'open', finding: false });
    expect(run([planned()], { asOf: '2026-07-11 00:00' }).view('inspection.outcome', 'XJ')).toMatchObject({ status: 'missed', finding: true, points: 0, category: 'inspection' });
  });

  test('a changed date (new_date) is the one that counts', () => {
    expect(run([planned({ changed_by: 'operator', change_notified_at: '2026-06-01 10:00', new_date: '2026-07-20' })], { asOf: '2026-07-15 12:00' }).view('inspection.outcome', 'XJ')).toMatchObject({ status: 'open' });
  });

  test('an outcome recorded (done, missed, cancelled): no longer listed', () => {
    for (const status of ['done', 'missed', 'cancelled']) {
      const extra = status === 'done' ? { started_at: '2026-07-10 09:00', ended_at: '2026-07-10 17:00' } : status === 'missed' ? { missed_cause: 'operator' } : {};
      expect(run([planned({ status, ...extra })], { asOf: '2026-08-01 00:00' }).of('inspection.outcome')).toEqual([]);
    }
  });
});
