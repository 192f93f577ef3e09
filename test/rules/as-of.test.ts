/**
 * Nothing after --as-of exists yet: a time after the as-of moment has not happened, so the
 * item is still open (a finding only once its due moment is before as-of), and an assessment
 * dated later does not count. Agreed and planned dates may lie ahead.
 */
import { assessment, iso, run, ticket } from './helpers';

describe('a record as it stood at the as-of time', () => {
  // level 3 accepted 09-20 10:00: 10 d → due 09-30 10:00
  const t = ticket('T', { level: 3, accepted_at: '2026-09-20 10:00', resolved_at: '2026-10-06 09:00' });

  test('resolved after the as-of time: still open before its due moment, overdue (missed) after it', () => {
    expect(run([t], { asOf: '2026-09-30 09:59' }).view('fault.l34.resolve', 'T')).toMatchObject({ status: 'open', actual: null, finding: false });
    expect(run([t], { asOf: '2026-10-04 12:00' }).view('fault.l34.resolve', 'T')).toMatchObject({ status: 'missed', actual: null, due: iso('2026-09-30 10:00') });
    expect(run([t], { asOf: '2026-10-06 09:00' }).view('fault.l34.resolve', 'T')).toMatchObject({ status: 'late', actual: iso('2026-10-06 09:00') });
  });

  test('an assessment dated after the as-of time does not count yet', () => {
    const a = assessment('K', 'other.commendation', '2026-10-05');
    expect(run([a], { asOf: '2026-10-04 23:59' }).of('other.commendation')).toEqual([]);
    expect(run([a], { asOf: '2026-10-05 00:00' }).of('other.commendation')).toHaveLength(1);
  });

  test('a clock that starts after the as-of time has not started', () => {
    const later = ticket('L', { level: 3, accepted_at: '2026-10-10 10:00' });
    expect(run([later], { asOf: '2026-10-04 12:00' }).of('fault.l34.resolve')).toEqual([]);
  });

  test('an agreed date ahead of the as-of time is kept: the difficult ticket is open, due then', () => {
    const d = ticket('D', { level: 2, difficult: true, agreed_deadline: '2026-10-20', accepted_at: '2026-09-20 10:00' });
    expect(run([d], { asOf: '2026-10-04 12:00' }).view('fault.difficult.resolve', 'D')).toMatchObject({ status: 'open' });
  });
});
