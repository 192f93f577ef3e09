/**
 * Open items and the quarter a finding counts in (CONTRACT.md Conventions):
 *   - an obligation not yet fulfilled is `open` (not a finding) until its due moment lies
 *     before the report's as-of time; then it is `missed` (a finding);
 *   - a finding counts in the quarter of its due moment, not of the as-of time or of the
 *     moment it was finally done.
 */
import type { Plain } from './helpers';
import { endOfDay, iso, late, run, shown, ticket, rec } from './helpers';

/** A remote level-1 ticket accepted at `accepted`, not restored: due accepted + 3 h. */
const unrestored = (accepted: string): Plain[] => [ticket('T', { level: 1, handling: 'remote', accepted_at: accepted })];

describe('a level-1 ticket accepted 2026-09-30 21:00 and not restored (due 10-01 00:00)', () => {
  const records = unrestored('2026-09-30 21:00');
  const due = iso('2026-10-01 00:00');

  test('as of 09-30 23:00, before its due moment: open, not a finding', () => {
    expect(run(records, { asOf: '2026-09-30 23:00' }).view('fault.l1.restore.remote', 'T')).toEqual({
      status: 'open',
      finding: false,
      points: -5,
      category: 'fault.l1',
      quarter: '2026-Q4',
      due,
      actual: null,
    });
  });

  test('as of exactly the due moment: still open (due must lie before the as-of time)', () => {
    expect(run(records, { asOf: '2026-10-01 00:00' }).view('fault.l1.restore.remote', 'T')).toMatchObject({ status: 'open', finding: false });
  });

  test('as of one minute after: missed, −5, counted in 2026-Q4', () => {
    expect(run(records, { asOf: '2026-10-01 00:01' }).view('fault.l1.restore.remote', 'T')).toEqual({
      status: 'missed',
      finding: true,
      points: -5,
      category: 'fault.l1',
      quarter: '2026-Q4',
      due,
      actual: null,
    });
  });

  test('as of a much later quarter: still counted in the quarter of the due moment (2026-Q4)', () => {
    expect(run(records, { asOf: '2027-02-10 09:00' }).view('fault.l1.restore.remote', 'T')).toMatchObject({ status: 'missed', quarter: '2026-Q4' });
  });
});

describe('the quarter boundary falls between 09-30 23:59:59.999 and 10-01 00:00', () => {
  test.each([
    // accepted 20:59:59.999 + 3 h = 09-30 23:59:59.999
    ['due 2026-09-30 23:59:59.999 counts in 2026-Q3', '2026-09-30T20:59:59.999+08:00', endOfDay('2026-09-30'), '2026-Q3'],
    // accepted 21:00 + 3 h = 10-01 00:00
    ['due 2026-10-01 00:00 counts in 2026-Q4', '2026-09-30 21:00', iso('2026-10-01 00:00'), '2026-Q4'],
  ] as const)('missed level-1 ticket: %s', (_name, accepted, due, quarter) => {
    expect(run(unrestored(accepted), { asOf: '2026-10-20 00:00' }).view('fault.l1.restore.remote', 'T')).toEqual({
      status: 'missed',
      finding: true,
      points: -5,
      category: 'fault.l1',
      quarter,
      due,
      actual: null,
    });
  });

  test.each([
    // received Tue 09-29 + 1 wd = Wed 09-30, end of day → Q3, although answered in Q4
    ['received Tue 09-29: due 09-30 end of day, in 2026-Q3', '2026-09-29 10:00', '2026-09-30', '2026-Q3'],
    // received Wed 09-30 + 1 wd = Thu 10-08 (National Day off) → Q4
    ['received Wed 09-30: due 10-08 end of day, in 2026-Q4', '2026-09-30 10:00', '2026-10-08', '2026-Q4'],
  ] as const)('a late consultation answer, %s', (_name, received, dueDay, quarter) => {
    const o = run([rec('consultations', 'C', { received_at: received, responded_at: '2026-10-09 09:00' })]);
    expect(o.view('consult.response', 'C')).toEqual(late(endOfDay(dueDay), shown('2026-10-09 09:00'), -1, 'consult', quarter));
  });

  test('a level-2 ticket due 09-30 09:00 but resolved in October counts in 2026-Q3', () => {
    const o = run([ticket('T', { level: 2, accepted_at: '2026-09-23 09:00', resolved_at: '2026-10-05 10:00' })]);
    expect(o.view('fault.l2.resolve', 'T')).toEqual(late(iso('2026-09-30 09:00'), iso('2026-10-05 10:00'), -5, 'fault.l2', '2026-Q3'));
  });
});

describe('open items of other shapes', () => {
  test('a level-2 ticket not yet resolved: open within 7 d, missed after', () => {
    const records = [ticket('T', { level: 2, accepted_at: '2026-11-20 09:00' })];
    expect(run(records, { asOf: '2026-11-27 09:00' }).view('fault.l2.resolve', 'T')).toMatchObject({ status: 'open', finding: false, due: iso('2026-11-27 09:00') });
    expect(run(records, { asOf: '2026-11-27 09:01' }).view('fault.l2.resolve', 'T')).toMatchObject({ status: 'missed', finding: true, points: -5, quarter: '2026-Q4' });
  });

  test('a consultation not yet answered: open through the end of its due day, missed from the next', () => {
    // received Fri 10-09 + 1 wd = Sat 10-10 (make-up working day)
    const records = [rec('consultations', 'C', { received_at: '2026-10-09 11:00' })];
    expect(run(records, { asOf: '2026-10-10 23:59' }).view('consult.response', 'C')).toMatchObject({ status: 'open', finding: false, due: endOfDay('2026-10-10') });
    expect(run(records, { asOf: '2026-10-11 00:00' }).view('consult.response', 'C')).toMatchObject({ status: 'missed', finding: true, points: -1, quarter: '2026-Q4' });
  });
});

describe('a notice owed before a date and never given (shape `before`)', () => {
  // the vendor moved an inspection planned for Mon 2026-10-12 without any notice: it was owed by
  // the end of Mon 09-21 (10 working days before, National Day and the make-up days counted)
  const records: Plain[] = [rec('inspections', 'I', { trunk: '广州-深圳', planned_date: '2026-10-12', changed_by: 'vendor', new_date: '2026-10-20' })];

  test('before the notice was due: open', () => {
    expect(run(records, { asOf: '2026-09-21 12:00' }).view('inspection.change-notice', 'I')).toMatchObject({ status: 'open', finding: false });
  });

  test('after it: missed, −1, in the quarter of the due moment', () => {
    expect(run(records, { asOf: '2026-09-22 00:00' }).view('inspection.change-notice', 'I')).toEqual({
      status: 'missed',
      finding: true,
      points: -1,
      category: 'inspection',
      quarter: '2026-Q3',
      due: endOfDay('2026-09-21'),
      actual: null,
    });
  });
});
