/**
 * Every clause of the built-in policies at its boundary: exactly at the limit is on time (not a
 * finding); one minute later (one day, for day-granular limits) is a finding that carries the
 * clause's points and category, its due and actual moments, and the quarter of the due moment.
 * Flag and list clauses: present vs absent. Manual clauses: assessments.
 *
 * Dates are in July 2026 unless a case says otherwise: no PRC holiday falls in July, so a
 * working-day limit here simply skips the weekend.
 *
 *   July 2026
 *   Mo Tu We Th Fr Sa Su
 *          1  2  3  4  5
 *    6  7  8  9 10 11 12
 *   13 14 15 16 17 18 19
 *   20 21 22 23 24 25 26
 */
import type { Plain } from './helpers';
import { assessment, builtinPolicy, endOfDay, iso, lastMs, late, onTime, rec, run, shown, ticket } from './helpers';

interface Boundary {
  readonly clause: string;
  /** what the case shows, for the test name */
  readonly about: string;
  /** the record(s), with `to` written in the field that fulfils the obligation */
  readonly records: (to: string) => Plain[];
  /** the record the evaluation belongs to */
  readonly record: string;
  readonly atLimit: string;
  readonly later: string;
  /** formatted due moment */
  readonly due: string;
  readonly points: number;
  readonly category: string;
  readonly quarter: string;
  readonly policy?: string;
}

const remoteL1 = (fields: Record<string, unknown>): Plain =>
  ticket('T', { level: 1, handling: 'remote', accepted_at: '2026-07-03 10:00', ...fields });
const foshanL1 = (fields: Record<string, unknown>): Plain =>
  ticket('T', { level: 1, handling: 'onsite', city: '佛山', accepted_at: '2026-07-03 10:00', ...fields });

/** Clauses judged from one record's timestamps: elapsed, deadline, before and window shapes. */
const GD_BOUNDARIES: readonly Boundary[] = [
  // ── level 1 ──
  {
    clause: 'fault.l1.restore.remote',
    about: 'remote level 1: accepted 10:00 + 3 h',
    records: (to) => [remoteL1({ restored_at: to })],
    record: 'T',
    atLimit: '2026-07-03 13:00',
    later: '2026-07-03 13:01',
    due: iso('2026-07-03 13:00'),
    points: -5,
    category: 'fault.l1',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l1.restore.onsite',
    about: 'on-site level 1 in 佛山 (prd): accepted 10:00 + 6 h total',
    records: (to) => [foshanL1({ restored_at: to })],
    record: 'T',
    atLimit: '2026-07-03 16:00',
    later: '2026-07-03 16:01',
    due: iso('2026-07-03 16:00'),
    points: -5,
    category: 'fault.l1',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l1.stage.depart',
    about: 'team departs within 1 h of acceptance (milestone, 0 points)',
    records: (to) => [foshanL1({ departed_at: to })],
    record: 'T',
    atLimit: '2026-07-03 11:00',
    later: '2026-07-03 11:01',
    due: iso('2026-07-03 11:00'),
    points: 0,
    category: 'fault.l1',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l1.stage.travel',
    about: 'departed 10:30 + 3 h travel in prd (milestone, 0 points)',
    records: (to) => [foshanL1({ departed_at: '2026-07-03 10:30', arrived_at: to })],
    record: 'T',
    atLimit: '2026-07-03 13:30',
    later: '2026-07-03 13:31',
    due: iso('2026-07-03 13:30'),
    points: 0,
    category: 'fault.l1',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l1.stage.repair',
    about: 'arrived 12:00 + 2 h repair (milestone, 0 points)',
    records: (to) => [foshanL1({ departed_at: '2026-07-03 10:30', arrived_at: '2026-07-03 12:00', restored_at: to })],
    record: 'T',
    atLimit: '2026-07-03 14:00',
    later: '2026-07-03 14:01',
    due: iso('2026-07-03 14:00'),
    points: 0,
    category: 'fault.l1',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l1.doc.report',
    about: 'signed handling sheet within 48 h of restoration',
    records: (to) => [remoteL1({ restored_at: '2026-07-03 12:00', report_submitted_at: to, customer_signed: true })],
    record: 'T',
    atLimit: '2026-07-05 12:00',
    later: '2026-07-05 12:01',
    due: iso('2026-07-05 12:00'),
    points: -1,
    category: 'fault.l1',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l1.doc.analysis',
    about: 'requested analysis within 5 d of restoration',
    records: (to) => [remoteL1({ restored_at: '2026-07-03 12:00', analysis_requested_at: '2026-07-03 15:00', analysis_submitted_at: to })],
    record: 'T',
    atLimit: '2026-07-08 12:00',
    later: '2026-07-08 12:01',
    due: iso('2026-07-08 12:00'),
    points: -1,
    category: 'fault.l1',
    quarter: '2026-Q3',
  },
  // ── levels 2–4 and difficult ──
  {
    clause: 'fault.l2.resolve',
    about: 'level 2: accepted 07-01 09:00 + 7 d',
    records: (to) => [ticket('T', { level: 2, accepted_at: '2026-07-01 09:00', resolved_at: to })],
    record: 'T',
    atLimit: '2026-07-08 09:00',
    later: '2026-07-08 09:01',
    due: iso('2026-07-08 09:00'),
    points: -5,
    category: 'fault.l2',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l2.nms-down.resolve',
    about: 'NMS crash: accepted 07-01 09:00 + 1 d',
    records: (to) => [ticket('T', { level: 2, category: 'nms', nms_down: true, accepted_at: '2026-07-01 09:00', resolved_at: to })],
    record: 'T',
    atLimit: '2026-07-02 09:00',
    later: '2026-07-02 09:01',
    due: iso('2026-07-02 09:00'),
    points: -5,
    category: 'fault.l2',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l34.resolve',
    about: 'level 3: accepted 07-01 09:00 + 10 d',
    records: (to) => [ticket('T', { level: 3, accepted_at: '2026-07-01 09:00', resolved_at: to })],
    record: 'T',
    atLimit: '2026-07-11 09:00',
    later: '2026-07-11 09:01',
    due: iso('2026-07-11 09:00'),
    points: -5,
    category: 'fault.l34',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.l34.resolve',
    about: 'level 4: accepted 07-01 09:00 + 10 d',
    records: (to) => [ticket('T', { level: 4, category: 'other', accepted_at: '2026-07-01 09:00', resolved_at: to })],
    record: 'T',
    atLimit: '2026-07-11 09:00',
    later: '2026-07-11 09:01',
    due: iso('2026-07-11 09:00'),
    points: -5,
    category: 'fault.l34',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.difficult.resolve',
    about: 'difficult level 2: the agreed deadline 07-20 18:00',
    records: (to) => [ticket('T', { level: 2, difficult: true, agreed_deadline: '2026-07-20 18:00', accepted_at: '2026-07-01 09:00', resolved_at: to })],
    record: 'T',
    atLimit: '2026-07-20 18:00',
    later: '2026-07-20 18:01',
    due: iso('2026-07-20 18:00'),
    points: -5,
    category: 'fault.difficult',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.doc.analysis',
    about: 'level 2 analysis by the agreed date 07-10 (end of day); category of the level-2 ticket',
    records: (to) => [
      ticket('T', { level: 2, accepted_at: '2026-07-01 09:00', analysis_requested_at: '2026-07-02 10:00', analysis_due: '2026-07-10', analysis_submitted_at: to }),
    ],
    record: 'T',
    atLimit: lastMs('2026-07-10'),
    later: '2026-07-11 00:00',
    due: endOfDay('2026-07-10'),
    points: -1,
    category: 'fault.l2',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.doc.analysis',
    about: 'level 3 analysis: category of the level-3 ticket',
    records: (to) => [
      ticket('T', { level: 3, accepted_at: '2026-07-01 09:00', analysis_requested_at: '2026-07-02 10:00', analysis_due: '2026-07-10 12:00', analysis_submitted_at: to }),
    ],
    record: 'T',
    atLimit: '2026-07-10 12:00',
    later: '2026-07-10 12:01',
    due: iso('2026-07-10 12:00'),
    points: -1,
    category: 'fault.l34',
    quarter: '2026-Q3',
  },
  {
    clause: 'fault.doc.analysis',
    about: 'difficult level 2 analysis: category of the difficult ticket',
    records: (to) => [
      ticket('T', {
        level: 2,
        difficult: true,
        agreed_deadline: '2026-08-31',
        accepted_at: '2026-07-01 09:00',
        analysis_requested_at: '2026-07-02 10:00',
        analysis_due: '2026-07-10 12:00',
        analysis_submitted_at: to,
      }),
    ],
    record: 'T',
    atLimit: '2026-07-10 12:00',
    later: '2026-07-10 12:01',
    due: iso('2026-07-10 12:00'),
    points: -1,
    category: 'fault.difficult',
    quarter: '2026-Q3',
  },
  // ── inspections ──
  {
    clause: 'inspection.doc',
    // ended Mon 07-06: Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), [Sat 11, Sun 12 off], Mon 13 (5), Tue 14 (6), Wed 15 (7)
    about: 'documents within 7 wd of the end (Mon 07-06 → Wed 07-15, end of day)',
    records: (to) => [rec('inspections', 'I', { trunk: '广州-深圳', planned_date: '2026-07-06', status: 'done', started_at: '2026-07-06 09:00', ended_at: '2026-07-06 17:00', docs_submitted_at: to })],
    record: 'I',
    atLimit: lastMs('2026-07-15'),
    later: '2026-07-16 00:00',
    due: endOfDay('2026-07-15'),
    points: -1,
    category: 'inspection',
    quarter: '2026-Q3',
  },
  {
    clause: 'inspection.change-notice',
    // planned Mon 07-20, counting back (07-20 not counted): Fri 17 (1), Thu 16 (2), Wed 15 (3), Tue 14 (4),
    // Mon 13 (5), Fri 10 (6), Thu 9 (7), Wed 8 (8), Tue 7 (9), Mon 6 (10)
    about: "vendor's plan change notified ≥ 10 wd before Mon 07-20 → by Mon 07-06, end of day",
    records: (to) => [rec('inspections', 'I', { trunk: '广州-深圳', planned_date: '2026-07-20', changed_by: 'vendor', new_date: '2026-07-27', change_notified_at: to })],
    record: 'I',
    atLimit: lastMs('2026-07-06'),
    later: '2026-07-07 00:00',
    due: endOfDay('2026-07-06'),
    points: -1,
    category: 'inspection',
    quarter: '2026-Q3',
  },
  {
    clause: 'inspection.operator.change-notice',
    about: "operator's plan change notified 10 wd ahead (operator obligation: 0 points)",
    records: (to) => [rec('inspections', 'I', { trunk: '广州-深圳', planned_date: '2026-07-20', changed_by: 'operator', new_date: '2026-07-27', change_notified_at: to })],
    record: 'I',
    atLimit: lastMs('2026-07-06'),
    later: '2026-07-07 00:00',
    due: endOfDay('2026-07-06'),
    points: 0,
    category: 'inspection',
    quarter: '2026-Q3',
  },
  {
    clause: 'inspection.operator.special-notice',
    // planned Mon 07-20, back: Fri 17 (1), Thu 16 (2), Wed 15 (3), Tue 14 (4), Mon 13 (5)
    about: 'special inspection announced ≥ 5 wd ahead: by Mon 07-13 (operator obligation: 0 points)',
    records: (to) => [rec('inspections', 'I', { trunk: '广州-深圳', type: 'special', planned_date: '2026-07-20', notified_at: to })],
    record: 'I',
    atLimit: lastMs('2026-07-13'),
    later: '2026-07-14 00:00',
    due: endOfDay('2026-07-13'),
    points: 0,
    category: 'inspection',
    quarter: '2026-Q3',
  },
  // ── hardware ──
  {
    clause: 'hardware.l1-loan',
    about: "board for a remote level-1 ticket: requested 10:30 + the ticket's 3 h",
    records: (to) => [
      remoteL1({ restored_at: '2026-07-03 12:00' }),
      rec('loans', 'L', { purpose: 'l1-fault', ticket: 'T', requested_at: '2026-07-03 10:30', delivered_at: to }),
    ],
    record: 'L',
    atLimit: '2026-07-03 13:30',
    later: '2026-07-03 13:31',
    due: iso('2026-07-03 13:30'),
    points: -5,
    category: 'hardware',
    quarter: '2026-Q3',
  },
  {
    clause: 'inspection.outcome',
    about: 'a planned inspection with its end recorded by its planned day (shown only, 0 points)',
    records: (to) => [rec('inspections', 'I', { trunk: '广州-深圳', planned_date: '2026-07-10', status: 'planned', started_at: '2026-07-10 09:00', ended_at: to })],
    record: 'I',
    atLimit: lastMs('2026-07-10'),
    later: '2026-07-11 00:00',
    due: endOfDay('2026-07-10'),
    points: 0,
    category: 'inspection',
    quarter: '2026-Q3',
  },
  {
    clause: 'hardware.cutover-loan',
    about: 'board for a cutover by the agreed time',
    records: (to) => [rec('loans', 'L', { purpose: 'cutover', requested_at: '2026-07-01 10:00', agreed_delivery: '2026-07-03 09:00', delivered_at: to })],
    record: 'L',
    atLimit: '2026-07-03 09:00',
    later: '2026-07-03 09:01',
    due: iso('2026-07-03 09:00'),
    points: -2,
    category: 'hardware',
    quarter: '2026-Q3',
  },
  {
    clause: 'hardware.return',
    about: 'operator returns a lent board within 15 d (operator obligation: 0 points)',
    records: (to) => [
      rec('loans', 'L', { purpose: 'cutover', requested_at: '2026-07-01 10:00', agreed_delivery: '2026-07-03 09:00', delivered_at: '2026-07-03 08:00', received_at: '2026-07-05 10:00', returned_at: to }),
    ],
    record: 'L',
    atLimit: '2026-07-20 10:00',
    later: '2026-07-20 10:01',
    due: iso('2026-07-20 10:00'),
    points: 0,
    category: 'hardware',
    quarter: '2026-Q3',
  },
  // ── consultation ──
  {
    clause: 'consult.response',
    about: 'answered within 1 wd: received Wed 07-01 → Thu 07-02, end of day',
    records: (to) => [rec('consultations', 'C', { received_at: '2026-07-01 10:00', responded_at: to })],
    record: 'C',
    atLimit: lastMs('2026-07-02'),
    later: '2026-07-03 00:00',
    due: endOfDay('2026-07-02'),
    points: -1,
    category: 'consult',
    quarter: '2026-Q3',
  },
  {
    clause: 'consult.answer',
    about: 'final answer by the agreed date 07-10 (end of day)',
    records: (to) => [rec('consultations', 'C', { received_at: '2026-07-01 10:00', responded_at: '2026-07-01 11:00', answer_due: '2026-07-10', answered_at: to })],
    record: 'C',
    atLimit: lastMs('2026-07-10'),
    later: '2026-07-11 00:00',
    due: endOfDay('2026-07-10'),
    points: -1,
    category: 'consult',
    quarter: '2026-Q3',
  },
  // ── software ──
  {
    clause: 'software.response',
    // raised Wed 07-01: Thu 2 (1), Fri 3 (2)
    about: "operator's upgrade need confirmed within 2 wd: Wed 07-01 → Fri 07-03",
    records: (to) => [rec('upgrades', 'U', { raised_by: 'operator', raised_at: '2026-07-01 10:00', confirmed_at: to })],
    record: 'U',
    atLimit: lastMs('2026-07-03'),
    later: '2026-07-04 00:00',
    due: endOfDay('2026-07-03'),
    points: -1,
    category: 'software',
    quarter: '2026-Q3',
  },
  {
    clause: 'software.application',
    // confirmed Wed 07-01: Thu 2 (1), Fri 3 (2), Mon 6 (3), Tue 7 (4), Wed 8 (5)
    about: 'application filed within 5 wd of confirmation: Wed 07-01 → Wed 07-08 (shown only: 0 points)',
    records: (to) => [rec('upgrades', 'U', { raised_by: 'vendor', raised_at: '2026-07-01 09:00', confirmed_at: '2026-07-01 10:00', application_submitted_at: to })],
    record: 'U',
    atLimit: lastMs('2026-07-08'),
    later: '2026-07-09 00:00',
    due: endOfDay('2026-07-08'),
    points: 0,
    category: 'software',
    quarter: '2026-Q3',
  },
  {
    clause: 'software.window',
    about: 'upgrade ends by the approved end 07-10 06:00',
    records: (to) => [rec('upgrades', 'U', { approved_start: '2026-07-10 00:00', approved_end: '2026-07-10 06:00', started_at: '2026-07-10 00:00', ended_at: to })],
    record: 'U',
    atLimit: '2026-07-10 06:00',
    later: '2026-07-10 06:01',
    due: iso('2026-07-10 06:00'),
    points: -1,
    category: 'software',
    quarter: '2026-Q3',
  },
  {
    clause: 'software.spares-sync',
    about: 'spares synced within 2 d of the upgrade when no date was agreed',
    records: (to) => [rec('upgrades', 'U', { result: 'success', started_at: '2026-07-10 00:00', ended_at: '2026-07-10 06:00', spares_synced_at: to })],
    record: 'U',
    atLimit: '2026-07-12 06:00',
    later: '2026-07-12 06:01',
    due: iso('2026-07-12 06:00'),
    points: -1,
    category: 'software',
    quarter: '2026-Q3',
  },
  {
    clause: 'software.spares-sync',
    about: 'spares synced by the agreed date 07-20 (end of day) when one was agreed',
    records: (to) => [
      rec('upgrades', 'U', { result: 'success', started_at: '2026-07-10 00:00', ended_at: '2026-07-10 06:00', spares_sync_due: '2026-07-20', spares_synced_at: to }),
    ],
    record: 'U',
    atLimit: lastMs('2026-07-20'),
    later: '2026-07-21 00:00',
    due: endOfDay('2026-07-20'),
    points: -1,
    category: 'software',
    quarter: '2026-Q3',
  },
  // ── documentation, exchange, meetings ──
  {
    clause: 'docs.response',
    about: 'documents within 5 wd: Wed 07-01 → Wed 07-08',
    records: (to) => [rec('doc-requests', 'D', { requested_at: '2026-07-01 10:00', provided_at: to })],
    record: 'D',
    atLimit: lastMs('2026-07-08'),
    later: '2026-07-09 00:00',
    due: endOfDay('2026-07-08'),
    points: -1,
    category: 'docs',
    quarter: '2026-Q3',
  },
  {
    clause: 'exchange.response',
    about: 'exchange request answered within 5 wd: Wed 07-01 → Wed 07-08',
    records: (to) => [rec('exchanges', 'X', { requested_at: '2026-07-01 10:00', responded_at: to })],
    record: 'X',
    atLimit: lastMs('2026-07-08'),
    later: '2026-07-09 00:00',
    due: endOfDay('2026-07-08'),
    points: -1,
    category: 'exchange',
    quarter: '2026-Q3',
  },
  {
    clause: 'meeting.response',
    about: 'meeting notice answered within 5 wd: Wed 07-01 → Wed 07-08',
    records: (to) => [rec('meetings', 'M', { type: 'monthly', notified_at: '2026-07-01 10:00', responded_at: to })],
    record: 'M',
    atLimit: lastMs('2026-07-08'),
    later: '2026-07-09 00:00',
    due: endOfDay('2026-07-08'),
    points: -1,
    category: 'meeting',
    quarter: '2026-Q3',
  },
  {
    clause: 'meeting.deliverables',
    about: 'what was promised delivered by the agreed time',
    records: (to) => [rec('meetings', 'M', { type: 'quarterly', notified_at: '2026-07-01 10:00', deliverables_due: '2026-07-15 18:00', deliverables_submitted_at: to })],
    record: 'M',
    atLimit: '2026-07-15 18:00',
    later: '2026-07-15 18:01',
    due: iso('2026-07-15 18:00'),
    points: -1,
    category: 'meeting',
    quarter: '2026-Q3',
  },
];

const AFTER_SALES_BOUNDARIES: readonly Boundary[] = [
  {
    clause: 'aftersales.response',
    about: 'support request answered within 24 h',
    records: (to) => [rec('consultations', 'C', { received_at: '2026-07-01 10:00', responded_at: to })],
    record: 'C',
    atLimit: '2026-07-02 10:00',
    later: '2026-07-02 10:01',
    due: iso('2026-07-02 10:00'),
    points: -1,
    category: 'response',
    quarter: '2026-Q3',
    policy: 'after-sales',
  },
  {
    clause: 'aftersales.hotline.response',
    about: 'hotline answers a report within 2 h',
    records: (to) => [ticket('T', { level: 2, reported_at: '2026-07-01 10:00', accepted_at: to })],
    record: 'T',
    atLimit: '2026-07-01 12:00',
    later: '2026-07-01 12:01',
    due: iso('2026-07-01 12:00'),
    points: -1,
    category: 'response',
    quarter: '2026-Q3',
    policy: 'after-sales',
  },
  {
    clause: 'aftersales.hotline.repair',
    about: 'repaired within 48 h of acceptance',
    records: (to) => [ticket('T', { level: 3, reported_at: '2026-07-01 09:00', accepted_at: '2026-07-01 10:00', resolved_at: to })],
    record: 'T',
    atLimit: '2026-07-03 10:00',
    later: '2026-07-03 10:01',
    due: iso('2026-07-03 10:00'),
    points: -2,
    category: 'repair',
    quarter: '2026-Q3',
    policy: 'after-sales',
  },
];

function boundaryTests(cases: readonly Boundary[]): void {
  describe.each(cases.map((c) => [`${c.clause}: ${c.about}`, c] as const))('%s', (_name, c) => {
    test(`exactly at the limit (${c.atLimit}) is on time, not a finding`, () => {
      const o = run(c.records(c.atLimit), { policy: c.policy });
      expect(o.view(c.clause, c.record)).toEqual(onTime(c.due, shown(c.atLimit), c.points, c.category, c.quarter));
    });
    test(`one step later (${c.later}) is a finding with ${c.points} points in ${c.category}`, () => {
      const o = run(c.records(c.later), { policy: c.policy });
      expect(o.view(c.clause, c.record)).toEqual(late(c.due, shown(c.later), c.points, c.category, c.quarter));
    });
  });
}

describe('gd-transmission: every timed clause at its boundary', () => boundaryTests(GD_BOUNDARIES));
describe('after-sales: every timed clause at its boundary', () => boundaryTests(AFTER_SALES_BOUNDARIES));

describe('software.window: starting before the approved start is also outside the window', () => {
  test.each([
    ['starts exactly at the approved start', '2026-07-10 00:00', 'met'],
    ['starts one minute early', '2026-07-09 23:59', 'late'],
  ] as const)('%s → %s', (_name, started, status) => {
    const o = run([rec('upgrades', 'U', { approved_start: '2026-07-10 00:00', approved_end: '2026-07-10 06:00', started_at: started, ended_at: '2026-07-10 05:00' })]);
    const v = o.view('software.window', 'U');
    expect(v.status).toBe(status);
    expect(v.finding).toBe(status === 'late');
    if (status === 'late') {
      // due is the approved start, actual the early start
      expect(v).toEqual(late(iso('2026-07-10 00:00'), iso('2026-07-09 23:59'), -1, 'software', '2026-Q3'));
    }
  });
});

// ─────────────────────────────── flag and list clauses ───────────────────────────────

interface Flag {
  readonly clause: string;
  readonly about: string;
  /** the record with the flag set, and an otherwise equal one without it */
  readonly present: Plain[];
  readonly absent: Plain[];
  readonly record: string;
  /** findings expected from `present` */
  readonly count: number;
  readonly points: number;
  readonly category: string;
  /** the finding's moment (formatted actual) */
  readonly actual: string;
  readonly quarter: string;
}

const upgrade = (fields: Record<string, unknown>): Plain =>
  rec('upgrades', 'U', { raised_by: 'vendor', raised_at: '2026-08-01 10:00', started_at: '2026-08-10 00:00', ended_at: '2026-08-10 04:00', ...fields });
const inspection = (fields: Record<string, unknown>): Plain =>
  rec('inspections', 'I', {
    trunk: '广州-深圳',
    planned_date: '2026-09-15',
    status: 'done',
    started_at: '2026-09-15 09:00',
    ended_at: '2026-09-15 17:00',
    docs_submitted_at: '2026-09-16 10:00',
    ...fields,
  });
const faultT = ticket('F1', { level: 3, accepted_at: '2026-09-15 11:00', resolved_at: '2026-09-16 11:00' });
const faultT2 = ticket('F2', { level: 2, accepted_at: '2026-09-15 12:00', resolved_at: '2026-09-16 12:00' });

const FLAGS: readonly Flag[] = [
  {
    clause: 'inspection.missed',
    about: "a planned inspection missed through the vendor's fault (the operator's fault costs nothing)",
    present: [rec('inspections', 'I', { trunk: '广州-深圳', planned_date: '2026-09-30', status: 'missed', missed_cause: 'vendor' })],
    absent: [rec('inspections', 'I', { trunk: '广州-深圳', planned_date: '2026-09-30', status: 'missed', missed_cause: 'operator' })],
    record: 'I',
    count: 1,
    points: -5,
    category: 'inspection',
    actual: shown('2026-09-30'),
    quarter: '2026-Q3',
  },
  {
    clause: 'inspection.fault-caused.major',
    about: 'a major fault caused during an inspection (−4 each)',
    present: [faultT, faultT2, inspection({ caused_faults: [{ ticket: 'F1', major: true }, { ticket: 'F2', major: false }] })],
    absent: [faultT, faultT2, inspection({ caused_faults: [{ ticket: 'F2', major: false }] })],
    record: 'I',
    count: 1,
    points: -4,
    category: 'inspection',
    actual: iso('2026-09-15 17:00'),
    quarter: '2026-Q3',
  },
  {
    clause: 'inspection.fault-caused.minor',
    about: 'other faults caused during an inspection (−2 each; an item without `major` is minor)',
    present: [faultT, faultT2, inspection({ caused_faults: [{ ticket: 'F1', major: true }, { ticket: 'F2', major: false }, { ticket: 'F1' }] })],
    absent: [faultT, faultT2, inspection({ caused_faults: [{ ticket: 'F1', major: true }] })],
    record: 'I',
    count: 2,
    points: -2,
    category: 'inspection',
    actual: iso('2026-09-15 17:00'),
    quarter: '2026-Q3',
  },
  {
    clause: 'inspection.finding-delay',
    about: 'an inspection finding handled late (−1 each)',
    present: [inspection({ findings: [{ summary: '光功率偏低', handled_late: true }, { summary: '风扇告警', handled_late: false }] })],
    absent: [inspection({ findings: [{ summary: '风扇告警', handled_late: false }] })],
    record: 'I',
    count: 1,
    points: -1,
    category: 'inspection',
    actual: iso('2026-09-15 17:00'),
    quarter: '2026-Q3',
  },
  {
    clause: 'software.uncertified',
    about: 'an uncertified version (absent = certified)',
    present: [upgrade({ version_certified: false })],
    absent: [upgrade({})],
    record: 'U',
    count: 1,
    points: -1,
    category: 'software',
    actual: iso('2026-08-10 00:00'),
    quarter: '2026-Q3',
  },
  {
    clause: 'software.operator-error',
    about: 'an operator error that hit service',
    present: [upgrade({ operator_error: true })],
    absent: [upgrade({ operator_error: false })],
    record: 'U',
    count: 1,
    points: -2,
    category: 'software',
    actual: iso('2026-08-10 00:00'),
    quarter: '2026-Q3',
  },
  {
    clause: 'software.failure-report',
    about: 'a failed upgrade without its analysis report',
    present: [upgrade({ result: 'failed' })],
    absent: [upgrade({ result: 'failed', failure_report_submitted_at: '2026-08-12 10:00' })],
    record: 'U',
    count: 1,
    points: -1,
    category: 'software',
    actual: iso('2026-08-10 04:00'),
    quarter: '2026-Q3',
  },
  {
    clause: 'docs.mismatch',
    about: 'documents that do not match the request',
    present: [rec('doc-requests', 'D', { requested_at: '2026-10-09 10:00', provided_at: '2026-10-12 10:00', mismatch: true })],
    absent: [rec('doc-requests', 'D', { requested_at: '2026-10-09 10:00', provided_at: '2026-10-12 10:00', mismatch: false })],
    record: 'D',
    count: 1,
    points: -1,
    category: 'docs',
    actual: iso('2026-10-12 10:00'),
    quarter: '2026-Q4',
  },
  {
    clause: 'exchange.preparation',
    about: 'an exchange not properly prepared',
    present: [rec('exchanges', 'X', { held_on: '2026-06-30', days: 1, poorly_prepared: true })],
    absent: [rec('exchanges', 'X', { held_on: '2026-06-30', days: 1 })],
    record: 'X',
    count: 1,
    points: -1,
    category: 'exchange',
    actual: shown('2026-06-30'),
    quarter: '2026-Q2',
  },
  {
    clause: 'meeting.materials',
    about: 'meeting materials not properly prepared',
    present: [rec('meetings', 'M', { type: 'quarterly', held_on: '2026-07-01', materials_poor: true })],
    absent: [rec('meetings', 'M', { type: 'quarterly', held_on: '2026-07-01', materials_poor: false })],
    record: 'M',
    count: 1,
    points: -1,
    category: 'meeting',
    actual: shown('2026-07-01'),
    quarter: '2026-Q3',
  },
];

describe.each(FLAGS.map((f) => [`${f.clause}: ${f.about}`, f] as const))('%s', (_name, f) => {
  test(`present → ${f.count} finding(s) of ${f.points} in ${f.category}`, () => {
    const o = run(f.present);
    const found = o.of(f.clause, f.record).map((e) => o.show(e));
    expect(found).toEqual(
      Array.from({ length: f.count }, () => ({ status: 'noted', finding: true, points: f.points, category: f.category, quarter: f.quarter, due: null, actual: f.actual })),
    );
  });
  test('absent → no finding', () => {
    expect(run(f.absent).of(f.clause)).toEqual([]);
  });
});

// ─────────────────────────────── manual clauses ───────────────────────────────

interface Manual {
  readonly clause: string;
  readonly points: number;
  readonly category: string;
  readonly policy?: string;
}

const MANUAL: readonly Manual[] = [
  { clause: 'fault.violation', points: -10, category: 'fault.violation' },
  { clause: 'inspection.complaint', points: -2, category: 'inspection' },
  { clause: 'hardware.complaint', points: -2, category: 'hardware' },
  { clause: 'consult.interface', points: -1, category: 'consult' },
  { clause: 'consult.hotline-notice', points: 0, category: 'consult' },
  { clause: 'consult.complaint', points: -2, category: 'consult' },
  { clause: 'other.complaint', points: -2, category: 'other' },
  { clause: 'other.commendation', points: 1, category: 'other' },
  { clause: 'software.version-list', points: -1, category: 'software' },
  { clause: 'docs.not-updated', points: -1, category: 'docs' },
  { clause: 'aftersales.complaint', points: -2, category: 'other', policy: 'after-sales' },
  { clause: 'aftersales.commendation', points: 1, category: 'other', policy: 'after-sales' },
];

describe.each(MANUAL.map((m) => [m.clause, m] as const))('manual clause %s', (_name, m) => {
  test(`one assessment → one finding of ${m.points} in ${m.category}, counted on its own date`, () => {
    const o = run([assessment('A', m.clause, '2026-10-01')], { policy: m.policy });
    expect(o.view(m.clause, 'A')).toEqual({ status: 'noted', finding: true, points: m.points, category: m.category, quarter: '2026-Q4', due: null, actual: shown('2026-10-01') });
  });
  test('count: 3 → 3 × the points', () => {
    const o = run([assessment('A', m.clause, '2026-09-30', { count: 3 })], { policy: m.policy });
    expect(o.view(m.clause, 'A')).toMatchObject({ points: 3 * m.points, quarter: '2026-Q3', finding: true });
  });
  test('points override × count (the override keeps the clause sign)', () => {
    const each = Math.sign(m.points) * 3;
    const o = run([assessment('A', m.clause, '2026-09-30', { count: 2, points: each })], { policy: m.policy });
    expect(o.view(m.clause, 'A')).toMatchObject({ points: 2 * each, category: m.category });
  });
  test('no assessment → no finding', () => {
    expect(run([assessment('A', MANUAL.find((x) => x.clause !== m.clause && x.policy === m.policy)!.clause, '2026-09-30')], { policy: m.policy }).of(m.clause)).toEqual([]);
  });
});

describe('fault.complaint: the category follows the referenced ticket', () => {
  test.each([
    ['a level-1 ticket', 'fault.l1', ticket('T', { level: 1, handling: 'remote', accepted_at: '2026-07-01 09:00' })],
    ['a level-2 ticket', 'fault.l2', ticket('T', { level: 2, accepted_at: '2026-07-01 09:00' })],
    ['a level-3 ticket', 'fault.l34', ticket('T', { level: 3, accepted_at: '2026-07-01 09:00' })],
    ['a level-4 ticket', 'fault.l34', ticket('T', { level: 4, accepted_at: '2026-07-01 09:00' })],
    ['a difficult level-2 ticket', 'fault.difficult', ticket('T', { level: 2, difficult: true, agreed_deadline: '2026-07-30', accepted_at: '2026-07-01 09:00' })],
    // the policy keeps a temporarily fixed level-1 ticket in fault.l1 (only its permanent fix is judged as difficult)
    ['a temporarily fixed level-1 ticket', 'fault.l1', ticket('T', { level: 1, handling: 'remote', temporary_fix: true, agreed_deadline: '2026-07-30', accepted_at: '2026-07-01 09:00' })],
  ] as const)('a complaint on %s counts in %s', (_name, category, t) => {
    const o = run([t, assessment('A', 'fault.complaint', '2026-07-05', { ref: 'T' })]);
    expect(o.view('fault.complaint', 'A')).toEqual({ status: 'noted', finding: true, points: -2, category, quarter: '2026-Q3', due: null, actual: shown('2026-07-05') });
  });

  test('count and points override: 2 complaints at −3 on a level-2 ticket → −6 in fault.l2', () => {
    const o = run([ticket('T', { level: 2, accepted_at: '2026-07-01 09:00' }), assessment('A', 'fault.complaint', '2026-07-05', { ref: 'T', count: 2, points: -3 })]);
    expect(o.view('fault.complaint', 'A')).toMatchObject({ points: -6, category: 'fault.l2', finding: true });
  });
});

// ─────────────────────────────── recurring clauses ───────────────────────────────

describe('recurring clauses at their boundary', () => {
  test('fault.doc.monthly: the August report on 09-15 23:59:59.999 is on time, on 09-16 00:00 late (−1, fault.l2)', () => {
    const t = ticket('T', { level: 2, accepted_at: '2026-08-10 09:00', resolved_at: '2026-08-11 09:00' });
    const at = run([t, rec('submissions', 'S', { type: 'monthly-report', period: '2026-08', submitted_at: lastMs('2026-09-15') })]);
    expect(at.view('fault.doc.monthly', '2026-08')).toEqual(onTime(endOfDay('2026-09-15'), endOfDay('2026-09-15'), -1, 'fault.l2', '2026-Q3'));
    const after = run([t, rec('submissions', 'S', { type: 'monthly-report', period: '2026-08', submitted_at: '2026-09-16 00:00' })]);
    expect(after.view('fault.doc.monthly', '2026-08')).toEqual(late(endOfDay('2026-09-15'), iso('2026-09-16 00:00'), -1, 'fault.l2', '2026-Q3'));
  });

  test('inspection.plan: submitted 03-31 end of day is on time, 04-01 00:00 late (shown only: 0 points)', () => {
    const at = run([rec('submissions', 'P', { type: 'inspection-plan', period: 2026, trunks: ['广州-深圳'], submitted_at: lastMs('2026-03-31') })]);
    expect(at.view('inspection.plan', '2026')).toEqual(onTime(endOfDay('2026-03-31'), endOfDay('2026-03-31'), 0, 'inspection', '2026-Q1'));
    const after = run([rec('submissions', 'P', { type: 'inspection-plan', period: 2026, trunks: ['广州-深圳'], submitted_at: '2026-04-01 00:00' })]);
    expect(after.view('inspection.plan', '2026')).toEqual(late(endOfDay('2026-03-31'), iso('2026-04-01 00:00'), 0, 'inspection', '2026-Q1'));
  });

  test('inspection.coverage: an inspection ending 06-30 end of day covers H1; one ending 07-01 00:00 does not (0-point finding)', () => {
    const insp = (ended: string): Plain => rec('inspections', 'I', { trunk: '广州-深圳', planned_date: '2026-06-30', status: 'done', started_at: '2026-06-30 09:00', ended_at: ended, docs_submitted_at: '2026-07-02 10:00' });
    const at = run([insp(lastMs('2026-06-30'))]);
    expect(at.view('inspection.coverage', '广州-深圳 2026-H1')).toEqual(onTime(endOfDay('2026-06-30'), endOfDay('2026-06-30'), 0, 'inspection', '2026-Q2'));
    const after = run([insp('2026-07-01 00:00')]);
    expect(after.view('inspection.coverage', '广州-深圳 2026-H1')).toEqual({
      status: 'missed',
      finding: true,
      points: 0,
      category: 'inspection',
      quarter: '2026-Q2',
      due: endOfDay('2026-06-30'),
      actual: null,
    });
    expect(after.view('inspection.coverage', '广州-深圳 2026-H2')).toMatchObject({ status: 'met', actual: iso('2026-07-01 00:00') });
  });

  test('exchange.volume: 10 days held by 12-31 meet the 2026 quota; a day held on 01-01 belongs to the next year (−1)', () => {
    const ex = (held: string): Plain[] => [rec('exchanges', 'X1', { held_on: '2026-05-20', days: 6 }), rec('exchanges', 'X2', { held_on: held, days: 4 })];
    const at = run(ex('2026-12-31'), { asOf: '2027-01-05 12:00' });
    expect(at.view('exchange.volume', '2026-01-01 – 2026-12-31')).toEqual(onTime(endOfDay('2026-12-31'), null, -1, 'exchange', '2026-Q4'));
    const after = run(ex('2027-01-01'), { asOf: '2027-01-05 12:00' });
    expect(after.view('exchange.volume', '2026-01-01 – 2026-12-31')).toEqual({
      status: 'missed',
      finding: true,
      points: -1,
      category: 'exchange',
      quarter: '2026-Q4',
      due: endOfDay('2026-12-31'),
      actual: null,
    });
  });
});

// ─────────────────────────────── every clause is covered ───────────────────────────────

const RECURRING = ['fault.doc.monthly', 'inspection.plan', 'inspection.coverage', 'exchange.volume'];

test.each(['gd-transmission', 'after-sales'])('every clause of %s has a boundary case in this file', (name) => {
  const covered = new Set([
    ...GD_BOUNDARIES.map((c) => c.clause),
    ...AFTER_SALES_BOUNDARIES.map((c) => c.clause),
    ...FLAGS.map((f) => f.clause),
    ...MANUAL.map((m) => m.clause),
    'fault.complaint',
    ...RECURRING,
  ]);
  const ids = builtinPolicy(name).clauses.map((c) => c.id);
  expect(ids.filter((id) => !covered.has(id))).toEqual([]);
});
