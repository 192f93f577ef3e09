/**
 * Working-day clauses across the 2026 Mid-Autumn and National Day holidays and the make-up
 * working days Sun 2026-09-20 and Sat 2026-10-10 (CONTRACT.md Conventions):
 *   - `N wd` after an event: end (23:59:59.999) of the N-th working day strictly after the
 *     event's date;
 *   - `≥ N wd before D`: on or before the end of the N-th working day counted back from D
 *     (D itself not counted).
 *
 *   September 2026                 October 2026
 *   Mo Tu We Th Fr Sa Su           Mo Tu We Th Fr Sa Su
 *       1  2  3  4  5  6                     1  2  3  4     01–07 National Day: off
 *    7  8  9 10 11 12 13            5  6  7  8  9 10 11     Sat 10: make-up working day
 *   14 15 16 17 18 19 20           12 13 14 15 16 17 18
 *   21 22 23 24 25 26 27           19 20 21 22 23 24 25
 *   28 29 30                       26 27 28 29 30 31
 *   Sun 20: make-up working day; 25–27 Mid-Autumn: off
 *
 * Each case is worked out by hand in its comment; the engine must agree to the millisecond:
 * the last millisecond of the due day is on time, the first millisecond of the next day late.
 */
import { WorkCalendar } from '../../src/calendar/workdays';
import type { Plain } from './helpers';
import { endOfDay, iso, lastMs, late, onTime, rec, run, shown } from './helpers';

interface WdCase {
  readonly clause: string;
  readonly about: string;
  readonly records: (to: string) => Plain[];
  readonly record: string;
  /** the due day, worked out by hand */
  readonly dueDay: string;
  readonly points: number;
  readonly category: string;
}

const consult = (received: string) => (to: string): Plain[] => [rec('consultations', 'C', { received_at: received, responded_at: to })];
const docRequest = (requested: string) => (to: string): Plain[] => [rec('doc-requests', 'D', { requested_at: requested, provided_at: to })];
const vendorChange = (planned: string) => (to: string): Plain[] => [
  rec('inspections', 'I', { trunk: '广州-湛江', planned_date: planned, changed_by: 'vendor', new_date: '2026-11-02', change_notified_at: to }),
];

const CASES: readonly WdCase[] = [
  // ── consult.response: 1 wd ──
  // received Thu 09-24; Fri 25, Sat 26, Sun 27 are Mid-Autumn (off) → Mon 09-28 (1)
  { clause: 'consult.response', about: 'received Thu 09-24, before Mid-Autumn → Mon 09-28', records: consult('2026-09-24 10:00'), record: 'C', dueDay: '2026-09-28', points: -1, category: 'consult' },
  // received Fri 09-18; Sat 19 off; Sun 20 is a make-up working day (1) → Sun 09-20
  { clause: 'consult.response', about: 'received Fri 09-18 → the make-up Sunday 09-20', records: consult('2026-09-18 16:30'), record: 'C', dueDay: '2026-09-20', points: -1, category: 'consult' },
  // received Wed 09-30; Oct 1–7 National Day off → Thu 10-08 (1)
  { clause: 'consult.response', about: 'received Wed 09-30, before National Day → Thu 10-08', records: consult('2026-09-30 17:00'), record: 'C', dueDay: '2026-10-08', points: -1, category: 'consult' },
  // received on the holiday Thu 10-01: the next working day strictly after is Thu 10-08 (1)
  { clause: 'consult.response', about: 'received on the holiday 10-01 → Thu 10-08', records: consult('2026-10-01 09:00'), record: 'C', dueDay: '2026-10-08', points: -1, category: 'consult' },
  // received Fri 10-09; Sat 10 is a make-up working day (1) → Sat 10-10
  { clause: 'consult.response', about: 'received Fri 10-09 → the make-up Saturday 10-10', records: consult('2026-10-09 11:00'), record: 'C', dueDay: '2026-10-10', points: -1, category: 'consult' },
  // received on the make-up Sat 10-10; Sun 11 off → Mon 10-12 (1)
  { clause: 'consult.response', about: 'received on the make-up Saturday 10-10 → Mon 10-12', records: consult('2026-10-10 09:00'), record: 'C', dueDay: '2026-10-12', points: -1, category: 'consult' },

  // ── docs.response: 5 wd ──
  // requested Wed 09-23: Thu 24 (1), [25–27 off], Mon 28 (2), Tue 29 (3), Wed 30 (4), [10-01..07 off], Thu 10-08 (5)
  { clause: 'docs.response', about: 'requested Wed 09-23, across both holidays → Thu 10-08', records: docRequest('2026-09-23 10:00'), record: 'D', dueDay: '2026-10-08', points: -1, category: 'docs' },
  // requested Tue 09-15: Wed 16 (1), Thu 17 (2), Fri 18 (3), [Sat 19 off], Sun 20 make-up (4), Mon 21 (5)
  { clause: 'docs.response', about: 'requested Tue 09-15, counting the make-up Sunday → Mon 09-21', records: docRequest('2026-09-15 10:00'), record: 'D', dueDay: '2026-09-21', points: -1, category: 'docs' },

  // ── inspection.doc: 7 wd ──
  // ended Mon 09-28: Tue 29 (1), Wed 30 (2), [10-01..07 off], Thu 8 (3), Fri 9 (4), Sat 10 make-up (5), [Sun 11 off], Mon 12 (6), Tue 13 (7)
  {
    clause: 'inspection.doc',
    about: 'ended Mon 09-28, across National Day and the make-up Saturday → Tue 10-13',
    records: (to) => [rec('inspections', 'I', { trunk: '广州-湛江', planned_date: '2026-09-28', status: 'done', started_at: '2026-09-28 09:00', ended_at: '2026-09-28 17:00', docs_submitted_at: to })],
    record: 'I',
    dueDay: '2026-10-13',
    points: -1,
    category: 'inspection',
  },

  // ── software.response: 2 wd ──
  // raised Thu 10-08: Fri 9 (1), Sat 10 make-up (2)
  {
    clause: 'software.response',
    about: 'raised Thu 10-08 → the make-up Saturday 10-10',
    records: (to) => [rec('upgrades', 'U', { raised_by: 'operator', raised_at: '2026-10-08 09:00', confirmed_at: to })],
    record: 'U',
    dueDay: '2026-10-10',
    points: -1,
    category: 'software',
  },
  // raised Thu 09-24: [25–27 off], Mon 28 (1), Tue 29 (2)
  {
    clause: 'software.response',
    about: 'raised Thu 09-24, before Mid-Autumn → Tue 09-29',
    records: (to) => [rec('upgrades', 'U', { raised_by: 'operator', raised_at: '2026-09-24 09:00', confirmed_at: to })],
    record: 'U',
    dueDay: '2026-09-29',
    points: -1,
    category: 'software',
  },

  // ── software.application: 5 wd, shown only ──
  // confirmed Fri 09-18: [Sat 19 off], Sun 20 make-up (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5)
  {
    clause: 'software.application',
    about: 'confirmed Fri 09-18, counting the make-up Sunday → Thu 09-24 (0 points)',
    records: (to) => [rec('upgrades', 'U', { raised_by: 'vendor', raised_at: '2026-09-17 09:00', confirmed_at: '2026-09-18 15:00', application_submitted_at: to })],
    record: 'U',
    dueDay: '2026-09-24',
    points: 0,
    category: 'software',
  },

  // ── exchange.response: 5 wd ──
  // requested Tue 09-29: Wed 30 (1), [10-01..07 off], Thu 8 (2), Fri 9 (3), Sat 10 make-up (4), [Sun 11 off], Mon 12 (5)
  {
    clause: 'exchange.response',
    about: 'requested Tue 09-29 → Mon 10-12',
    records: (to) => [rec('exchanges', 'X', { requested_at: '2026-09-29 10:00', responded_at: to })],
    record: 'X',
    dueDay: '2026-10-12',
    points: -1,
    category: 'exchange',
  },

  // ── meeting.response: 5 wd ──
  // notified on the holiday Fri 09-25: Mon 28 (1), Tue 29 (2), Wed 30 (3), [10-01..07 off], Thu 8 (4), Fri 9 (5)
  {
    clause: 'meeting.response',
    about: 'notified on the Mid-Autumn holiday 09-25 → Fri 10-09',
    records: (to) => [rec('meetings', 'M', { type: 'quarterly', notified_at: '2026-09-25 10:00', responded_at: to })],
    record: 'M',
    dueDay: '2026-10-09',
    points: -1,
    category: 'meeting',
  },

  // ── inspection.change-notice: ≥ 10 wd before the planned date ──
  // planned Mon 10-12, back: Sat 10 make-up (1), Fri 9 (2), Thu 8 (3), [10-07..01 off], Wed 9-30 (4), Tue 29 (5), Mon 28 (6),
  // [27..25 off], Thu 24 (7), Wed 23 (8), Tue 22 (9), Mon 21 (10)
  { clause: 'inspection.change-notice', about: 'planned Mon 10-12 → notice by Mon 09-21', records: vendorChange('2026-10-12'), record: 'I', dueDay: '2026-09-21', points: -1, category: 'inspection' },
  // planned Fri 10-09, back: Thu 8 (1), Wed 9-30 (2), Tue 29 (3), Mon 28 (4), Thu 24 (5), Wed 23 (6), Tue 22 (7), Mon 21 (8),
  // Sun 20 make-up (9), [Sat 19 off], Fri 18 (10)
  { clause: 'inspection.change-notice', about: 'planned Fri 10-09, counting the make-up Sunday → notice by Fri 09-18', records: vendorChange('2026-10-09'), record: 'I', dueDay: '2026-09-18', points: -1, category: 'inspection' },

  // ── operator notices (shown, 0 points) ──
  // planned Tue 10-13, back: Mon 12 (1), Sat 10 (2), Fri 9 (3), Thu 8 (4), Wed 30 (5), Tue 29 (6), Mon 28 (7), Thu 24 (8), Wed 23 (9), Tue 22 (10)
  {
    clause: 'inspection.operator.change-notice',
    about: "operator's change, planned Tue 10-13 → notice by Tue 09-22",
    records: (to) => [rec('inspections', 'I', { trunk: '广州-湛江', planned_date: '2026-10-13', changed_by: 'operator', new_date: '2026-11-02', change_notified_at: to })],
    record: 'I',
    dueDay: '2026-09-22',
    points: 0,
    category: 'inspection',
  },
  // planned Mon 10-12, back: Sat 10 (1), Fri 9 (2), Thu 8 (3), Wed 9-30 (4), Tue 29 (5)
  {
    clause: 'inspection.operator.special-notice',
    about: 'special inspection planned Mon 10-12 → announced by Tue 09-29',
    records: (to) => [rec('inspections', 'I', { trunk: '广州-湛江', type: 'special', planned_date: '2026-10-12', notified_at: to })],
    record: 'I',
    dueDay: '2026-09-29',
    points: 0,
    category: 'inspection',
  },
  // planned Mon 09-28, back: [27..25 off], Thu 24 (1), Wed 23 (2), Tue 22 (3), Mon 21 (4), Sun 20 make-up (5)
  {
    clause: 'inspection.operator.special-notice',
    about: 'special inspection planned Mon 09-28 → announced by the make-up Sunday 09-20',
    records: (to) => [rec('inspections', 'I', { trunk: '广州-湛江', type: 'special', planned_date: '2026-09-28', notified_at: to })],
    record: 'I',
    dueDay: '2026-09-20',
    points: 0,
    category: 'inspection',
  },
];

/** The day after a `YYYY-MM-DD` date (for the cases here: no month/year wrap beyond these). */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function quarterOfDay(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

describe.each(CASES.map((c) => [`${c.clause}: ${c.about}`, c] as const))('%s', (_name, c) => {
  const due = endOfDay(c.dueDay);
  const quarter = quarterOfDay(c.dueDay);
  test(`done at ${c.dueDay} 23:59:59.999 → on time`, () => {
    const o = run(c.records(lastMs(c.dueDay)));
    expect(o.view(c.clause, c.record)).toEqual(onTime(due, due, c.points, c.category, quarter));
  });
  test(`done at ${nextDay(c.dueDay)} 00:00 → late (${c.points} points, ${quarter})`, () => {
    const at = `${nextDay(c.dueDay)} 00:00`;
    const o = run(c.records(at));
    expect(o.view(c.clause, c.record)).toEqual(late(due, shown(at), c.points, c.category, quarter));
  });
});

describe('the make-up working days count: without them the due day moves', () => {
  // A calendar that (wrongly) treats the make-up days as days off, to show the engine uses the
  // calendar it is given rather than "Monday to Friday".
  const noMakeup = new WorkCalendar([{ year: 2026, holidays: ['2026-09-20', '2026-10-10'], workdays: [] }]);

  test.each([
    // Fri 10-09 + 1 wd: Sat 10 (make-up) — without it: [Sat 10, Sun 11 off] Mon 12
    ['consult received Fri 10-09', 'consult.response', '2026-10-10', '2026-10-12', 'C', consult('2026-10-09 11:00')],
    // Tue 09-15 + 5 wd: Wed 16, Thu 17, Fri 18, Sun 20, Mon 21 — without Sun 20: ..., Fri 18, Mon 21, Tue 22
    ['documents requested Tue 09-15', 'docs.response', '2026-09-21', '2026-09-22', 'D', docRequest('2026-09-15 10:00')],
    // ≥ 10 wd before Fri 10-09 ends on Fri 09-18 (Sun 20 is the 9th); without Sun 20 the 10th is Thu 09-17
    ['vendor change for Fri 10-09', 'inspection.change-notice', '2026-09-18', '2026-09-17', 'I', vendorChange('2026-10-09')],
  ] as const)('%s (%s): due %s with the official calendar, %s without the make-up days', (_name, clause, official, without, id, records) => {
    const notice = `${official} 12:00`;
    expect(run(records(notice)).view(clause, id).due).toBe(endOfDay(official));
    expect(run(records(notice), { calendar: noMakeup }).view(clause, id).due).toBe(endOfDay(without));
  });
});

test('a working-day due moment is the end of the day: 23:59:59.999 and not one millisecond more', () => {
  // received Thu 09-24 10:00 → Mon 09-28, end of day
  const o = run(consult('2026-09-24 10:00')('2026-09-28T23:59:59.999+08:00'));
  const e = o.one('consult.response', 'C');
  expect(e.status).toBe('met');
  expect(e.due).toBe(Date.UTC(2026, 8, 28, 15, 59, 59, 999)); // 23:59:59.999 at +08:00
  expect(o.clock.format(e.due!)).toBe(iso('2026-09-28 23:59:59'));
});
