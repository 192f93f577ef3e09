import * as path from 'node:path';
import { checkFolder } from '../../src/checks';
import { memoryFiles } from '../../src/source/fs';
import { l1 } from './helpers';

const ROOT = path.join(path.sep, 'records');
/** The built-in PRC calendar (chinese-days, pinned by package-lock) knows the years up to 2026. */
const at = (iso: string): number => Date.parse(iso);

function problemsAt(now: string, files: Record<string, string> = {}): string[] {
  const ws = checkFolder(ROOT, { files: memoryFiles(ROOT, { 'svc-sla.yaml': 'policy: gd-transmission\n', ...files }), now: at(now) });
  return ws.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`);
}

describe('future-time', () => {
  const ticket = { 'tickets/a.yaml': l1('T-1') }; // restored 2026-07-03 12:00 (+08:00)

  test('an event one minute after now is a warning at its field (reports count it as not yet happened)', () => {
    expect(problemsAt('2026-07-03T11:59:00+08:00', ticket)).toEqual(['tickets/a.yaml:7:14 warning future-time']);
  });

  test('an event at now, or before it, is fine', () => {
    expect(problemsAt('2026-07-03T12:00:00+08:00', ticket)).toEqual([]);
  });

  test('a planned date ahead is a plan, not an event', () => {
    const insp = 'id: XJ-1\ntrunk: 广州-深圳\nplanned_date: 2026-12-10\nstatus: planned\n';
    expect(problemsAt('2026-10-01T12:00:00+08:00', { 'inspections/i.yaml': insp })).toEqual([]);
  });
});

describe('calendar-ahead', () => {
  test('61 days before the calendar’s last day: nothing yet', () => {
    expect(problemsAt('2026-10-31T23:59:59+08:00')).toEqual([]);
  });

  test('60 days before its last day: next year’s file is asked for, a warning', () => {
    expect(problemsAt('2026-11-01T00:00:00+08:00')).toEqual(['calendars/2027.yaml:1:1 warning calendar-ahead']);
  });

  test('after its last day it is still a warning (reports refuse only what needs the missing year)', () => {
    expect(problemsAt('2027-01-15T12:00:00+08:00')).toEqual(['calendars/2027.yaml:1:1 warning calendar-ahead']);
  });

  test('a calendars/2027.yaml extends the calendar: the notice moves to the end of 2027', () => {
    const cal = { 'calendars/2027.yaml': 'year: 2027\nholidays: [2027-01-01]\nworkdays: []\n' };
    expect(problemsAt('2026-11-01T00:00:00+08:00', cal)).toEqual([]);
    expect(problemsAt('2027-11-01T00:00:00+08:00', cal)).toEqual(['calendars/2028.yaml:1:1 warning calendar-ahead']);
  });
});
