import { l1, problemsOf } from './helpers';

const base = 'level: 1\ncategory: service\naccepted_at: 2026-07-03 10:00\n';

describe('what a ticket needs for its clock to be chosen', () => {
  test('level1-handling: a level-1 ticket without handling; a level-2 one needs none', () => {
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\n${base}` })).toEqual(['tickets/a.yaml:1:1 level1-handling']);
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\n${base.replace('level: 1', 'level: 2')}` })).toEqual([]);
  });

  test('onsite-location: on site without a city or region; remote needs none', () => {
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\n${base}handling: onsite\n` })).toEqual(['tickets/a.yaml:1:1 onsite-location']);
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\n${base}handling: remote\n` })).toEqual([]);
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\n${base}handling: onsite\nregion: core\n` })).toEqual([]);
  });

  test('unknown-city: an error on site (no limit can be chosen), a warning elsewhere; 广州市 is 广州', () => {
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1').replace('city: 广州', 'city: 北平') })).toEqual(['tickets/a.yaml:5:7 unknown-city']);
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\n${base.replace('level: 1', 'level: 3')}city: 北平\n` })).toEqual(['tickets/a.yaml:5:7 warning unknown-city']);
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1').replace('city: 广州', 'city: 广州市') })).toEqual([]);
  });

  test('unknown-region: a region the policy has no row for', () => {
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\n${base}handling: onsite\nregion: prd2\n` })).toEqual(['tickets/a.yaml:6:9 unknown-region']);
  });

  test('difficult-deadline: a difficult or temporarily fixed ticket without agreed_deadline', () => {
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\nlevel: 3\ncategory: nms\ndifficult: true\naccepted_at: 2026-07-03 10:00\n` })).toEqual(['tickets/a.yaml:1:1 difficult-deadline']);
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1', 'temporary_fix: true\n') })).toEqual(['tickets/a.yaml:1:1 difficult-deadline']);
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1', 'temporary_fix: true\nagreed_deadline: 2026-07-20\n') })).toEqual([]);
  });

  test('analysis-due: an analysis requested on a level 2–4 ticket needs its agreed date; level 1 runs on 5 d', () => {
    const req = 'analysis_requested_at: 2026-07-04 09:00\n';
    expect(problemsOf({ 'tickets/a.yaml': `id: T-1\nlevel: 2\ncategory: nms\naccepted_at: 2026-07-03 10:00\n${req}` })).toEqual(['tickets/a.yaml:5:24 analysis-due']);
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1', req) })).toEqual([]);
  });
});

describe('a level-1 ticket that needed anyone on site is an on-site ticket', () => {
  const remote = 'id: T-1\nlevel: 1\ncategory: service\nhandling: remote\naccepted_at: 2026-07-03 10:00\n';

  test('handling: remote with a departure: a warning at handling, and the on-site needs apply', () => {
    expect(problemsOf({ 'tickets/a.yaml': `${remote}departed_at: 2026-07-03 10:30\n` })).toEqual(['tickets/a.yaml:1:1 onsite-location', 'tickets/a.yaml:4:11 warning level1-handling']);
    expect(problemsOf({ 'tickets/a.yaml': `${remote}city: 佛山\narrived_at: 2026-07-03 12:30\n` })).toEqual(['tickets/a.yaml:4:11 warning level1-handling']);
  });

  test('remote without on-site times: nothing, and no city needed', () => {
    expect(problemsOf({ 'tickets/a.yaml': `${remote}restored_at: 2026-07-03 12:00\n` })).toEqual([]);
  });
});

describe('condition-unrecorded: a handling sheet without customer_signed', () => {
  test('a warning at the submission time: it counts as not submitted', () => {
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1', 'report_submitted_at: 2026-07-04 10:00\n') })).toEqual(['tickets/a.yaml:8:22 warning condition-unrecorded']);
  });

  test('signed true or false, or no sheet yet: nothing', () => {
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1', 'report_submitted_at: 2026-07-04 10:00\ncustomer_signed: false\n') })).toEqual([]);
    expect(problemsOf({ 'tickets/a.yaml': l1('T-1') })).toEqual([]);
  });
});
