import { l1, problemsOf } from './helpers';

describe('time-order', () => {
  test('a time before the one its meaning follows: at the later field', () => {
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1', 'departed_at: 2026-07-03 09:59\n') })).toEqual(['tickets/a.yaml:8:14 time-order']);
  });

  test('the same instant, and one minute later, are in order', () => {
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1', 'departed_at: 2026-07-03 10:00\narrived_at: 2026-07-03 10:01\n') })).toEqual([]);
  });

  test('absent fields in a chain are skipped: the next present one is compared', () => {
    // reported → accepted → (departed, arrived absent) → restored
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1', 'reported_at: 2026-07-03 10:30\n') })).toEqual(['tickets/a.yaml:6:14 time-order']);
  });

  test('every kind has its chains: an inspection ended before it started', () => {
    const insp = 'id: XJ-1\ntrunk: 广州-深圳\nplanned_date: 2026-07-10\nstatus: done\nstarted_at: 2026-07-10 09:00\nended_at: 2026-07-09 17:00\n';
    expect(problemsOf({ 'inspections/i.yaml': insp })).toEqual(['inspections/i.yaml:6:11 time-order']);
  });
});
