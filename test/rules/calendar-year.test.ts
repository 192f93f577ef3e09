/**
 * A working-day limit in a year the calendar does not know is an error, never a weekday guess
 * (CONTRACT.md Conventions). The built-in PRC calendar covers 2004–2026; a calendars file (or
 * a WorkCalendar built with one) adds 2027.
 *
 *   March 2027
 *   Mo Tu We Th Fr Sa Su
 *    1  2  3  4  5  6  7
 *    8  9 10 11 12 13 14
 */
import { WorkCalendar, type CalendarFile } from '../../src/calendar/workdays';
import { endOfDay, late, onTime, rec, run, shown } from './helpers';

// A made-up 2027 file: Mon 03-08 off, Sat 03-13 a make-up working day.
const CAL_2027: CalendarFile = { year: 2027, holidays: ['2027-03-08'], workdays: ['2027-03-13'] };

describe('a consultation received Fri 2027-03-05', () => {
  const records = (responded?: string) => [rec('consultations', 'C', { received_at: '2027-03-05 10:00', ...(responded ? { responded_at: responded } : {}) })];

  test('with the built-in calendar: a calendar-year problem naming 2027 and the record, no evaluation', () => {
    const o = run(records('2027-03-08 10:00'), { asOf: '2027-03-31 00:00' });
    expect(o.of('consult.response')).toEqual([]);
    const problems = o.problems.filter((p) => p.rule === 'calendar-year');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', kind: 'consultations', record: 'C', file: 'consultations/records.yaml' });
    expect(problems[0]!.message).toContain('2027');
    expect(problems[0]!.message).toContain('consult.response');
  });

  test('with a CalendarFile for 2027 (new WorkCalendar): Fri 03-05 + 1 wd skips the holiday Mon 03-08 → Tue 03-09', () => {
    const calendar = new WorkCalendar([CAL_2027]);
    const at = run(records('2027-03-09T23:59:59.999+08:00'), { asOf: '2027-03-31 00:00', calendar });
    expect(at.problems).toEqual([]);
    expect(at.view('consult.response', 'C')).toEqual(onTime(endOfDay('2027-03-09'), endOfDay('2027-03-09'), -1, 'consult', '2027-Q1'));
    const after = run(records('2027-03-10 00:00'), { asOf: '2027-03-31 00:00', calendar });
    expect(after.view('consult.response', 'C')).toEqual(late(endOfDay('2027-03-09'), shown('2027-03-10 00:00'), -1, 'consult', '2027-Q1'));
  });

  test('with calendars/2027.yaml in the records folder: the same verdict', () => {
    const o = run(records('2027-03-10 00:00'), { asOf: '2027-03-31 00:00', calendars: [CAL_2027] });
    expect(o.problems).toEqual([]);
    expect(o.view('consult.response', 'C')).toMatchObject({ status: 'late', due: endOfDay('2027-03-09') });
  });

  test('the make-up day of the file counts: received Fri 03-12 → Sat 03-13', () => {
    const o = run([rec('consultations', 'C', { received_at: '2027-03-12 10:00' })], { asOf: '2027-03-31 00:00', calendars: [CAL_2027] });
    expect(o.view('consult.response', 'C')).toMatchObject({ status: 'missed', due: endOfDay('2027-03-13') });
  });
});

test('a 2026 deadline that runs into 2027 also needs the 2027 calendar; records of known years still evaluate', () => {
  const records = [
    // Thu 2026-12-31 + 1 wd lies in 2027
    rec('consultations', 'C1', { received_at: '2026-12-31 10:00', responded_at: '2027-01-04 10:00' }),
    // Wed 2026-12-30 + 1 wd = Thu 12-31
    rec('consultations', 'C2', { received_at: '2026-12-30 10:00', responded_at: '2026-12-31 10:00' }),
  ];
  const o = run(records, { asOf: '2027-01-10 00:00' });
  expect(o.problems.map((p) => [p.rule, p.record])).toEqual([['calendar-year', 'C1']]);
  expect(o.problems[0]!.message).toContain('2027');
  expect(o.of('consult.response').map((e) => [e.record, e.status])).toEqual([['C2', 'met']]);
});

test('a day-based clause needs no calendar: a level-2 ticket in 2027 evaluates without a problem', () => {
  const o = run([{ kind: 'tickets', id: 'T', category: 'service', level: 2, accepted_at: '2027-03-01 09:00', resolved_at: '2027-03-08 09:01' }], { asOf: '2027-03-31 00:00' });
  expect(o.problems).toEqual([]);
  expect(o.view('fault.l2.resolve', 'T')).toMatchObject({ status: 'late', points: -5, quarter: '2027-Q1' });
});
