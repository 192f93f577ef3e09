/**
 * Difficult faults (疑难故障): judged by the agreed deadline instead of the level's limit; a
 * level-1 ticket fixed only temporarily also becomes a difficult fault for its permanent
 * solution; an NMS crash (level 2) has 1 d, not 7 d.
 */
import { endOfDay, iso, late, onTime, run, ticket } from './helpers';

describe('a difficult level-2 ticket is judged by agreed_deadline, not by 7 d', () => {
  // accepted 07-01 09:00: 7 d would end 07-08 09:00; the agreed deadline is 07-15 18:00
  const difficult = (resolved: string) =>
    ticket('T', { level: 2, difficult: true, agreed_deadline: '2026-07-15 18:00', accepted_at: '2026-07-01 09:00', resolved_at: resolved });

  test('resolved on day 8 (07-09 10:00), before the agreed deadline: no fault.l2.resolve at all, on time', () => {
    const o = run([difficult('2026-07-09 10:00')]);
    expect(o.of('fault.l2.resolve')).toEqual([]);
    expect(o.view('fault.difficult.resolve', 'T')).toEqual(onTime(iso('2026-07-15 18:00'), iso('2026-07-09 10:00'), -5, 'fault.difficult', '2026-Q3'));
  });

  test('resolved one minute after the agreed deadline: −5 in fault.difficult (not fault.l2)', () => {
    const o = run([difficult('2026-07-15 18:01')]);
    expect(o.view('fault.difficult.resolve', 'T')).toEqual(late(iso('2026-07-15 18:00'), iso('2026-07-15 18:01'), -5, 'fault.difficult', '2026-Q3'));
    expect(o.findings().filter((e) => e.record === 'T').map((e) => [e.clause, e.category, e.points])).toEqual([['fault.difficult.resolve', 'fault.difficult', -5]]);
  });

  test('the same ticket without `difficult` would be late under fault.l2.resolve', () => {
    const o = run([ticket('T', { level: 2, accepted_at: '2026-07-01 09:00', resolved_at: '2026-07-09 10:00' })]);
    expect(o.view('fault.l2.resolve', 'T')).toEqual(late(iso('2026-07-08 09:00'), iso('2026-07-09 10:00'), -5, 'fault.l2', '2026-Q3'));
    expect(o.of('fault.difficult.resolve')).toEqual([]);
  });

  test.each([
    ['level 3', 3, 'fault.l34.resolve'],
    ['level 4', 4, 'fault.l34.resolve'],
  ] as const)('a difficult %s ticket resolved after 10 d but by its deadline: no %s', (_name, level, clause) => {
    const o = run([ticket('T', { level, difficult: true, agreed_deadline: '2026-07-31', accepted_at: '2026-07-01 09:00', resolved_at: '2026-07-20 09:00' })]);
    expect(o.of(clause)).toEqual([]);
    expect(o.view('fault.difficult.resolve', 'T')).toMatchObject({ status: 'met', category: 'fault.difficult' });
  });

  test('a difficult NMS crash is judged by its deadline, not by 1 d', () => {
    const o = run([ticket('T', { level: 2, category: 'nms', nms_down: true, difficult: true, agreed_deadline: '2026-07-05', accepted_at: '2026-07-01 09:00', resolved_at: '2026-07-04 09:00' })]);
    expect(o.of('fault.l2.nms-down.resolve')).toEqual([]);
    expect(o.of('fault.l2.resolve')).toEqual([]);
    expect(o.view('fault.difficult.resolve', 'T')).toMatchObject({ status: 'met' });
  });
});

describe('a date-only agreed_deadline means the end of that day', () => {
  const t = (resolved: string) => ticket('T', { level: 3, difficult: true, agreed_deadline: '2026-07-20', accepted_at: '2026-07-01 09:00', resolved_at: resolved });

  test('resolved 07-20 23:59: on time', () => {
    expect(run([t('2026-07-20 23:59')]).view('fault.difficult.resolve', 'T')).toEqual(onTime(endOfDay('2026-07-20'), iso('2026-07-20 23:59'), -5, 'fault.difficult', '2026-Q3'));
  });

  test('resolved 07-21 00:00: late', () => {
    expect(run([t('2026-07-21 00:00')]).view('fault.difficult.resolve', 'T')).toEqual(late(endOfDay('2026-07-20'), iso('2026-07-21 00:00'), -5, 'fault.difficult', '2026-Q3'));
  });

  test('not resolved: open through 07-20, missed from 07-21 00:00', () => {
    const open = ticket('T', { level: 3, difficult: true, agreed_deadline: '2026-07-20', accepted_at: '2026-07-01 09:00' });
    expect(run([open], { asOf: '2026-07-20 23:59' }).view('fault.difficult.resolve', 'T')).toMatchObject({ status: 'open', finding: false });
    expect(run([open], { asOf: '2026-07-21 00:00' }).view('fault.difficult.resolve', 'T')).toMatchObject({ status: 'missed', finding: true, points: -5 });
  });
});

describe('a level-1 ticket fixed only temporarily also gets fault.difficult.resolve', () => {
  // remote, restored (temporarily) within 3 h; the permanent fix is due by the agreed deadline
  const temp = (resolved?: string) =>
    ticket('T', {
      level: 1,
      handling: 'remote',
      temporary_fix: true,
      agreed_deadline: '2026-07-31 18:00',
      accepted_at: '2026-07-01 09:00',
      restored_at: '2026-07-01 11:00',
      ...(resolved ? { resolved_at: resolved } : {}),
    });

  test('its restoration is still judged by the level-1 limit', () => {
    expect(run([temp('2026-07-20 10:00')]).view('fault.l1.restore.remote', 'T')).toMatchObject({ status: 'met', due: iso('2026-07-01 12:00') });
  });

  test('permanent fix by the deadline: on time', () => {
    expect(run([temp('2026-07-31 18:00')]).view('fault.difficult.resolve', 'T')).toEqual(onTime(iso('2026-07-31 18:00'), iso('2026-07-31 18:00'), -5, 'fault.difficult', '2026-Q3'));
  });

  test('permanent fix one minute late: −5 in fault.difficult', () => {
    expect(run([temp('2026-07-31 18:01')]).view('fault.difficult.resolve', 'T')).toEqual(late(iso('2026-07-31 18:00'), iso('2026-07-31 18:01'), -5, 'fault.difficult', '2026-Q3'));
  });

  test('a level-1 ticket restored for good has no difficult clause', () => {
    const o = run([ticket('T', { level: 1, handling: 'remote', accepted_at: '2026-07-01 09:00', restored_at: '2026-07-01 11:00' })]);
    expect(o.of('fault.difficult.resolve')).toEqual([]);
  });
});

describe('an NMS crash (level 2, nms_down) has 1 d, not 7 d', () => {
  const nms = (resolved: string) => ticket('T', { level: 2, category: 'nms', nms_down: true, accepted_at: '2026-07-01 09:00', resolved_at: resolved });

  test('resolved after 1 d + 1 min: late under fault.l2.nms-down.resolve, and fault.l2.resolve does not apply', () => {
    const o = run([nms('2026-07-02 09:01')]);
    expect(o.view('fault.l2.nms-down.resolve', 'T')).toEqual(late(iso('2026-07-02 09:00'), iso('2026-07-02 09:01'), -5, 'fault.l2', '2026-Q3'));
    expect(o.of('fault.l2.resolve')).toEqual([]);
  });

  test('nms_down: false is an ordinary level-2 ticket (7 d)', () => {
    const o = run([ticket('T', { level: 2, category: 'nms', nms_down: false, accepted_at: '2026-07-01 09:00', resolved_at: '2026-07-02 09:01' })]);
    expect(o.view('fault.l2.resolve', 'T')).toMatchObject({ status: 'met', due: iso('2026-07-08 09:00') });
    expect(o.of('fault.l2.nms-down.resolve')).toEqual([]);
  });
});

describe('temporary_fix on a level 2–4 ticket: difficult handling replaces the level limit (one reading, as policy data)', () => {
  // accepted 07-01 09:00: 10 d would end 07-11 09:00; the agreed deadline is 07-31 (end of day)
  const temp = (level: number, resolved: string) =>
    ticket('T', { level, temporary_fix: true, agreed_deadline: '2026-07-31', accepted_at: '2026-07-01 09:00', resolved_at: resolved });

  test.each([2, 3, 4])('level %d resolved after the level limit but on the agreed day: on time, judged once', (level) => {
    const o = run([temp(level, '2026-07-31 23:59')]);
    expect(o.clausesOf('T')).toEqual(['fault.difficult.resolve']);
    expect(o.view('fault.difficult.resolve', 'T')).toEqual(onTime(endOfDay('2026-07-31'), iso('2026-07-31 23:59'), -5, 'fault.difficult', '2026-Q3'));
  });

  test('one minute after the agreed day: −5 once, in fault.difficult', () => {
    const o = run([temp(3, '2026-08-01 00:00')]);
    expect(o.findings().filter((e) => e.record === 'T').map((e) => [e.clause, e.category, e.points])).toEqual([['fault.difficult.resolve', 'fault.difficult', -5]]);
  });
});
