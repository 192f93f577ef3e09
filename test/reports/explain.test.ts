/**
 * explain reads the engine's evaluations back, so it agrees with breaches by construction:
 * checked here on every record of the sample, at two as-of times (one with open items), and on
 * what explain says of working days (each day counted or skipped, the make-up Saturday).
 */
import { selectFindings } from '../../src/reports/findings';
import { clockVerdicts, explainRecord, type Explanation } from '../../src/reports/explain';
import { calendarDays } from '../../src/cli/explain';
import { evaluate } from '../../src/rules/engine';
import { folderWith, open, SAMPLE } from './helpers';

function explainAll(folder: string, asOfText: string): { x: Explanation[]; findings: ReturnType<typeof selectFindings> } {
  const o = open(folder, asOfText);
  const days = calendarDays(o.ws);
  const x = o.ws.located
    .filter((l) => l.ok)
    .map((l) =>
      explainRecord({
        rec: l.rec,
        locate: (f) => l.locate([f]),
        policy: o.policy,
        clock: o.ws.clock,
        calendar: o.ws.calendar,
        calendarDays: days,
        evaluations: o.evaluations,
        gaps: [],
        asOf: o.asOf,
      }),
    );
  return { x, findings: selectFindings(o.evaluations, null) };
}

describe('explain agrees with breaches', () => {
  test.each(['2026-11-25', '2026-09-10'])('every record of samples/gd-transmission, as of %s', (asOf) => {
    const { x, findings } = explainAll(SAMPLE, asOf);
    expect(x.length).toBeGreaterThan(40);
    for (const e of x) {
      const fromBreaches = findings
        .filter((f) => f.record === e.rec.id)
        .map((f) => ({ clause: f.clause, status: f.status, points: f.points, due: f.due }));
      // explain goes in the policy's clause order, breaches by due moment
      const order = (a: { clause: string; due: number | null }, b: { clause: string; due: number | null }) => (a.clause < b.clause ? -1 : a.clause > b.clause ? 1 : (a.due ?? 0) - (b.due ?? 0));
      expect({ record: e.rec.id, verdicts: clockVerdicts(e).sort(order) }).toEqual({ record: e.rec.id, verdicts: fromBreaches.sort(order) });
    }
    // and every finding of a record is explained on that record
    const explained = x.reduce((n, e) => n + clockVerdicts(e).length, 0);
    expect(explained).toBe(findings.filter((f) => f.record !== null).length);
  });

  test('a clause that applies always has the engine evaluation; one that does not says why', () => {
    const { x } = explainAll(SAMPLE, '2026-11-25');
    for (const e of x) {
      for (const c of e.clocks) {
        if (c.applies) expect(c.evaluation).not.toBeNull();
        else expect(c.reason).not.toBeNull();
      }
    }
  });
});

describe('working days, day by day', () => {
  const folder = folderWith({
    'svc-sla.yaml': 'policy: gd-transmission\ncontract_start: 2026-01-01\nlocale: en\n',
    'consultations/ZX-1.yaml': 'id: ZX-1\nreceived_at: 2026-09-30 16:00\nresponded_at: 2026-10-12 10:00\n',
    'doc-requests/ZL-1.yaml': 'id: ZL-1\nrequested_at: 2026-09-30 16:00\nprovided_at: 2026-10-13 09:00\n',
  });

  test('1 wd from the afternoon before National Day: seven holidays skipped, due Thu 10-08; the overrun counts the make-up Saturday', () => {
    const { x } = explainAll(folder, '2026-10-31');
    const c = x.find((e) => e.rec.id === 'ZX-1')!.clocks.find((k) => k.clause.id === 'consult.response')!;
    const due = c.steps.filter((s) => s.phase === 'due');
    expect(due.map((s) => `${s.date} ${s.day} ${s.counted ? s.count : '-'}`)).toEqual([
      '2026-10-01 holiday -',
      '2026-10-02 holiday -',
      '2026-10-03 holiday -',
      '2026-10-04 holiday -',
      '2026-10-05 holiday -',
      '2026-10-06 holiday -',
      '2026-10-07 holiday -',
      '2026-10-08 workday 1',
    ]);
    expect(due.slice(0, 7).every((s) => s.holiday?.zh === '国庆节')).toBe(true);
    expect(c.steps.filter((s) => s.phase === 'overrun').map((s) => `${s.date} ${s.day} ${s.counted ? s.count : '-'}`)).toEqual([
      '2026-10-09 workday 1',
      '2026-10-10 makeup 2',
      '2026-10-11 weekend -',
      '2026-10-12 workday 3',
    ]);
    expect(c.evaluation!.overrun!.workdays).toBe(3);
  });

  test('5 wd: the count reaches the make-up Saturday and counts it', () => {
    const { x } = explainAll(folder, '2026-10-31');
    const c = x.find((e) => e.rec.id === 'ZL-1')!.clocks.find((k) => k.clause.id === 'docs.response')!;
    const counted = c.steps.filter((s) => s.phase === 'due' && s.counted);
    expect(counted.map((s) => s.date)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12', '2026-10-13']);
    // the last day counted is the engine's due day
    expect(c.evaluation!.due).toBe(open(folder, '2026-10-31').ws.clock.endOfDay('2026-10-13'));
  });

  test('an open item: the days left from the as-of date', () => {
    const { x } = explainAll(folder, '2026-10-09 09:00');
    const c = x.find((e) => e.rec.id === 'ZL-1')!.clocks.find((k) => k.clause.id === 'docs.response')!;
    expect(c.evaluation!.status).toBe('open');
    expect(c.left!.workdays).toBe(3);
    // the days left are the last days of the count, listed once
    expect(c.steps.filter((s) => s.phase === 'left')).toEqual([]);
    expect(c.steps.filter((s) => s.phase === 'due' && s.date > '2026-10-09' && s.counted).length).toBe(3);
  });

  test('a day a calendar file sets is named with the file and line', () => {
    const corrected = folderWith({
      'svc-sla.yaml': 'policy: gd-transmission\ncontract_start: 2026-01-01\nlocale: en\n',
      // a (hypothetical) correction: Friday 10-09 made a holiday
      'calendars/2026.yaml': 'year: 2026\nholidays:\n  - 2026-10-09\nworkdays: []\n',
      'doc-requests/ZL-1.yaml': 'id: ZL-1\nrequested_at: 2026-09-30 16:00\n',
    });
    const { x } = explainAll(corrected, '2026-10-05');
    const c = x.find((e) => e.rec.id === 'ZL-1')!.clocks.find((k) => k.clause.id === 'docs.response')!;
    const day = c.steps.find((s) => s.date === '2026-10-09')!;
    expect(day).toMatchObject({ day: 'holiday', counted: false, file: { file: 'calendars/2026.yaml', line: 3 } });
    // and the engine's due day moved with it: 10-08, 10-10, 10-12, 10-13, 10-14
    expect(c.steps.filter((s) => s.counted).map((s) => s.date).pop()).toBe('2026-10-14');
    expect(c.steps.filter((s) => s.file !== null).map((s) => s.date)).toEqual(['2026-10-09']);
  });

  test('a start dated after --as-of has not happened: the clock has not started yet, and says why', () => {
    const later = folderWith({
      'svc-sla.yaml': 'policy: gd-transmission\ncontract_start: 2026-01-01\nlocale: en\n',
      'consultations/ZX-9.yaml': 'id: ZX-9\nreceived_at: 2026-10-09 10:00\n',
    });
    const { x } = explainAll(later, '2026-10-08');
    const c = x.find((e) => e.rec.id === 'ZX-9')!.clocks.find((k) => k.clause.id === 'consult.response')!;
    expect(c.applies).toBe(false);
    expect(c.reason).toMatchObject({ type: 'after-as-of', field: { field: 'received_at', value: '2026-10-09 10:00' } });
  });

  test('the engine is not asked twice: explain uses the evaluations it is given', () => {
    const o = open(folder, '2026-10-31');
    const r = evaluate({ records: o.ws.records, policy: o.policy, clock: o.ws.clock, calendar: o.ws.calendar, asOf: o.asOf, contractStart: null });
    const l = o.ws.located.find((k) => k.rec.id === 'ZX-1')!;
    const x = explainRecord({ rec: l.rec, locate: (f) => l.locate([f]), policy: o.policy, clock: o.ws.clock, calendar: o.ws.calendar, calendarDays: new Map(), evaluations: r.evaluations, gaps: [], asOf: o.asOf });
    const c = x.clocks.find((k) => k.clause.id === 'consult.response')!;
    expect(r.evaluations).toContain(c.evaluation);
  });
});
