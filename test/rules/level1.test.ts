/**
 * Level-1 faults: the four regions of the on-site table, the `region:` override, city names
 * written with 市, the remote 3 h limit, "a ticket that needed anyone on site uses the on-site
 * limit", the spare-board loan that runs on its ticket's restore limit, and the handling sheet
 * that only counts when the customer signed it.
 *
 * All tickets are accepted Tue 2026-08-04 10:00; "10:00 + N h" below is that day.
 */
import type { Evaluation } from '../../src/rules/engine';
import type { Outcome, Plain } from './helpers';
import { iso, late, onTime, rec, run, ticket } from './helpers';

const DAY = '2026-08-04';
/** `h:mm` on the test day, where h may be fractional-free hours after midnight */
function at(h: number, m = 0): string {
  return `${DAY} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Findings about restoring service (the total and its stages), leaving out the sheet and yearly clauses. */
const restoreFindings = (o: Outcome): Evaluation[] => o.findings().filter((e) => /^fault\.l1\.(restore|stage)\./.test(e.clause));

const onsite = (fields: Record<string, unknown>): Plain => ticket('T', { level: 1, handling: 'onsite', accepted_at: at(10), ...fields });

interface RegionRow {
  readonly region: string;
  readonly city: string;
  readonly travel: number;
  readonly total: number;
}

// CONTRACT.md region table: report→depart 1 h everywhere, arrive→restore 2 h everywhere.
const REGIONS: readonly RegionRow[] = [
  { region: 'core', city: '深圳', travel: 2, total: 5 },
  { region: 'prd', city: '佛山', travel: 3, total: 6 },
  { region: 'other', city: '韶关', travel: 5, total: 8 },
  { region: 'east-west', city: '湛江', travel: 7, total: 10 },
];

describe.each(REGIONS.map((r) => [`${r.region} (${r.city}): depart 1 h, travel ${r.travel} h, repair 2 h, total ${r.total} h`, r] as const))('%s', (_name, r) => {
  test('every stage exactly at its limit: all on time', () => {
    // departed 11:00 (1 h), arrived 11:00 + travel, restored arrived + 2 h = 10:00 + total
    const o = run([onsite({ city: r.city, departed_at: at(11), arrived_at: at(11 + r.travel), restored_at: at(10 + r.total) })]);
    expect(o.view('fault.l1.stage.depart', 'T')).toEqual(onTime(iso(at(11)), iso(at(11)), 0, 'fault.l1', '2026-Q3'));
    expect(o.view('fault.l1.stage.travel', 'T')).toEqual(onTime(iso(at(11 + r.travel)), iso(at(11 + r.travel)), 0, 'fault.l1', '2026-Q3'));
    expect(o.view('fault.l1.stage.repair', 'T')).toEqual(onTime(iso(at(10 + r.total)), iso(at(10 + r.total)), 0, 'fault.l1', '2026-Q3'));
    expect(o.view('fault.l1.restore.onsite', 'T')).toEqual(onTime(iso(at(10 + r.total)), iso(at(10 + r.total)), -5, 'fault.l1', '2026-Q3'));
    expect(restoreFindings(o)).toEqual([]);
  });

  test('leaving one minute late makes the total one minute late: only the total costs points', () => {
    // departed 11:01 (depart late), travel and repair exactly on their limits, restored 10:00 + total + 1 min
    const o = run([onsite({ city: r.city, departed_at: at(11, 1), arrived_at: at(11 + r.travel, 1), restored_at: at(10 + r.total, 1) })]);
    expect(o.view('fault.l1.stage.depart', 'T')).toEqual(late(iso(at(11)), iso(at(11, 1)), 0, 'fault.l1', '2026-Q3'));
    expect(o.view('fault.l1.stage.travel', 'T')).toMatchObject({ status: 'met' });
    expect(o.view('fault.l1.stage.repair', 'T')).toMatchObject({ status: 'met' });
    expect(o.view('fault.l1.restore.onsite', 'T')).toEqual(late(iso(at(10 + r.total)), iso(at(10 + r.total, 1)), -5, 'fault.l1', '2026-Q3'));
    expect(restoreFindings(o).map((e) => [e.clause, e.points])).toEqual([
      ['fault.l1.stage.depart', 0],
      ['fault.l1.restore.onsite', -5],
    ]);
  });

  test(`travel one minute over ${r.travel} h is a 0-point milestone finding`, () => {
    const o = run([onsite({ city: r.city, departed_at: at(10, 30), arrived_at: at(10 + r.travel, 31) })]);
    expect(o.view('fault.l1.stage.travel', 'T')).toEqual(late(iso(at(10 + r.travel, 30)), iso(at(10 + r.travel, 31)), 0, 'fault.l1', '2026-Q3'));
  });
});

describe('which region a ticket is in', () => {
  test.each([
    ['广州 (core)', { city: '广州' }, 5],
    ['广州市, written with 市 (core)', { city: '广州市' }, 5],
    ['梅州市 (east-west)', { city: '梅州市' }, 10],
    ['广州 with region: east-west (the override wins)', { city: '广州', region: 'east-west' }, 10],
    ['湛江 with region: core (the override wins)', { city: '湛江', region: 'core' }, 5],
    ['no city, region: prd', { region: 'prd' }, 6],
  ] as const)('%s → on-site total %i h', (_name, where, total) => {
    const atLimit = run([onsite({ ...where, restored_at: at(10 + total) })]);
    expect(atLimit.view('fault.l1.restore.onsite', 'T')).toEqual(onTime(iso(at(10 + total)), iso(at(10 + total)), -5, 'fault.l1', '2026-Q3'));
    const over = run([onsite({ ...where, restored_at: at(10 + total, 1) })]);
    expect(over.view('fault.l1.restore.onsite', 'T')).toEqual(late(iso(at(10 + total)), iso(at(10 + total, 1)), -5, 'fault.l1', '2026-Q3'));
  });
});

describe('remote handling: 3 h wherever the fault is', () => {
  test.each([
    ['no city', {}],
    ['in 湛江 (whose on-site total is 10 h)', { city: '湛江' }],
  ] as const)('%s: 13:00 on time, 13:01 late', (_name, where) => {
    const remote = (restored: string): Plain => ticket('T', { level: 1, handling: 'remote', accepted_at: at(10), restored_at: restored, ...where });
    expect(run([remote(at(13))]).view('fault.l1.restore.remote', 'T')).toEqual(onTime(iso(at(13)), iso(at(13)), -5, 'fault.l1', '2026-Q3'));
    const o = run([remote(at(13, 1))]);
    expect(o.view('fault.l1.restore.remote', 'T')).toEqual(late(iso(at(13)), iso(at(13, 1)), -5, 'fault.l1', '2026-Q3'));
    // remote handling has no stages and no on-site limit
    expect(o.clausesOf('T')).toEqual(['fault.l1.doc.report', 'fault.l1.restore.remote']);
  });
});

test('a ticket that needed anyone on site uses the on-site limit, even if it began remotely', () => {
  // 湛江, began remotely, then an engineer went: handling onsite. Restored after 9 h: within the
  // east-west 10 h total although far beyond the remote 3 h.
  const o = run([onsite({ city: '湛江', note: 'remote attempt first, then on site', departed_at: at(13), arrived_at: at(17), restored_at: at(19) })]);
  expect(o.of('fault.l1.restore.remote')).toEqual([]);
  expect(o.view('fault.l1.restore.onsite', 'T')).toEqual(onTime(iso(at(20)), iso(at(19)), -5, 'fault.l1', '2026-Q3'));
  // the late departure (3 h after acceptance) is shown, at 0 points
  expect(o.view('fault.l1.stage.depart', 'T')).toEqual(late(iso(at(11)), iso(at(13)), 0, 'fault.l1', '2026-Q3'));
});

describe("hardware.l1-loan runs on the linked ticket's restore limit", () => {
  // the board is requested at 10:30; its limit is the ticket's, counted from the request
  test.each([
    ['a remote ticket: 3 h', { handling: 'remote' }, 3],
    ['an on-site ticket in 湛江: east-west total 10 h', { handling: 'onsite', city: '湛江' }, 10],
    ['an on-site ticket in 广州市: core total 5 h', { handling: 'onsite', city: '广州市' }, 5],
    ['an on-site ticket in 韶关 with region: prd: 6 h', { handling: 'onsite', city: '韶关', region: 'prd' }, 6],
  ] as const)('%s', (_name, how, hours) => {
    const records = (delivered: string): Plain[] => [
      ticket('T', { level: 1, accepted_at: at(10), restored_at: at(10 + hours), ...how }),
      rec('loans', 'L', { purpose: 'l1-fault', ticket: 'T', requested_at: at(10, 30), delivered_at: delivered }),
    ];
    const due = iso(at(10 + hours, 30));
    expect(run(records(at(10 + hours, 30))).view('hardware.l1-loan', 'L')).toEqual(onTime(due, due, -5, 'hardware', '2026-Q3'));
    expect(run(records(at(10 + hours, 31))).view('hardware.l1-loan', 'L')).toEqual(late(due, iso(at(10 + hours, 31)), -5, 'hardware', '2026-Q3'));
  });

  test('a board never delivered is open before the limit and missed after it', () => {
    const records: Plain[] = [
      ticket('T', { level: 1, handling: 'remote', accepted_at: at(10), restored_at: at(12) }),
      rec('loans', 'L', { purpose: 'l1-fault', ticket: 'T', requested_at: at(10, 30) }),
    ];
    expect(run(records, { asOf: at(13, 29) }).view('hardware.l1-loan', 'L')).toMatchObject({ status: 'open', finding: false, due: iso(at(13, 30)) });
    expect(run(records, { asOf: at(13, 31) }).view('hardware.l1-loan', 'L')).toEqual({
      status: 'missed',
      finding: true,
      points: -5,
      category: 'hardware',
      quarter: '2026-Q3',
      due: iso(at(13, 30)),
      actual: null,
    });
  });
});

describe('fault.l1.doc.report: an unsigned sheet counts as not submitted', () => {
  // restored 12:00 → the sheet is due 08-06 12:00; it was handed in on 08-05, on time, but unsigned
  const sheet = (signed: boolean): Plain[] => [
    ticket('T', { level: 1, handling: 'remote', accepted_at: at(10), restored_at: at(12), report_submitted_at: '2026-08-05 10:00', customer_signed: signed }),
  ];

  test('signed: on time', () => {
    expect(run(sheet(true), { asOf: '2026-08-10 00:00' }).view('fault.l1.doc.report', 'T')).toEqual(
      onTime(iso('2026-08-06 12:00'), iso('2026-08-05 10:00'), -1, 'fault.l1', '2026-Q3'),
    );
  });

  test('unsigned, before the due moment: still open, not a finding', () => {
    expect(run(sheet(false), { asOf: '2026-08-06 11:59' }).view('fault.l1.doc.report', 'T')).toMatchObject({ status: 'open', finding: false, actual: null });
  });

  test('unsigned, once due < as-of: missed, −1 in fault.l1', () => {
    expect(run(sheet(false), { asOf: '2026-08-06 12:01' }).view('fault.l1.doc.report', 'T')).toEqual({
      status: 'missed',
      finding: true,
      points: -1,
      category: 'fault.l1',
      quarter: '2026-Q3',
      due: iso('2026-08-06 12:00'),
      actual: null,
    });
  });
});

describe('a level-1 ticket that needed anyone on site uses the on-site limit, whatever handling says', () => {
  // 佛山 (prd): on site 6 h in all; remote would be 3 h. Accepted 02:15, restored 06:40 (4 h 25 min)
  const wentOut = (fields: Record<string, unknown> = {}) =>
    ticket('T', { level: 1, handling: 'remote', city: '佛山', accepted_at: '2026-07-08 02:15', departed_at: '2026-07-08 02:50', arrived_at: '2026-07-08 05:45', restored_at: '2026-07-08 06:40', ...fields });

  test('handling: remote with a departure and an arrival: judged on site, on time (it used to be −5 as remote)', () => {
    const o = run([wentOut()]);
    expect(o.of('fault.l1.restore.remote')).toEqual([]);
    expect(o.view('fault.l1.restore.onsite', 'T')).toMatchObject({ status: 'met', due: iso('2026-07-08 08:15') });
  });

  test('restored one minute after the on-site limit: −5 once, as on site', () => {
    const o = run([wentOut({ restored_at: '2026-07-08 08:16' })]);
    expect(o.findings().filter((e) => e.clause.startsWith('fault.l1.restore')).map((e) => [e.clause, e.points])).toEqual([['fault.l1.restore.onsite', -5]]);
  });

  test("its loan runs on the on-site limit too (it used to be a second −5)", () => {
    const loan = rec('loans', 'L', { purpose: 'l1-fault', ticket: 'T', requested_at: '2026-07-08 02:30', delivered_at: '2026-07-08 06:00' });
    expect(run([wentOut(), loan]).view('hardware.l1-loan', 'L')).toMatchObject({ status: 'met', due: iso('2026-07-08 08:30') });
  });
});
