import { l1, messagesOf, problemsOf } from './helpers';

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

describe('time-order at the instants the rules use', () => {
  const accepted = 'id: T-1\nlevel: 1\ncategory: service\nhandling: remote\naccepted_at: 2026-07-03 01:05\n';

  test('a bare date that ends a clock on its start day is refused, with the fix', () => {
    const files = { 'tickets/a.yaml': `${accepted}restored_at: 2026-07-03\n` };
    expect(problemsOf(files)).toEqual(['tickets/a.yaml:6:14 time-order']);
    expect(messagesOf(files)).toEqual([
      'restored_at (2026-07-03) is a date without a time: it is read as the start of that day, before accepted_at (2026-07-03 01:05), so the clock from accepted_at would run backwards; add the time (restored_at: 2026-07-03 HH:MM)',
    ]);
  });

  test('the same bare date on the next day, and a time on the same day, are fine', () => {
    expect(problemsOf({ 'tickets/a.yaml': `${accepted}restored_at: 2026-07-04\n` })).toEqual([]);
    expect(problemsOf({ 'tickets/a.yaml': `${accepted}restored_at: 2026-07-03 01:05\n` })).toEqual([]);
  });

  test('a clock of the policy that no chain orders: a level-1 analysis submitted before the restore', () => {
    const files = { 'tickets/a.yaml': `${accepted}restored_at: 2026-07-03 04:00\nanalysis_requested_at: 2026-07-03 02:00\nanalysis_submitted_at: 2026-07-03 03:00\n` };
    expect(problemsOf(files)).toEqual(['tickets/a.yaml:8:24 time-order']);
    expect(messagesOf(files)[0]).toBe('analysis_submitted_at (2026-07-03 03:00) is before restored_at (2026-07-03 04:00): the clock from restored_at would run backwards');
  });
});
