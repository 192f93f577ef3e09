import { Clock } from '../../src/calendar/time';
import { WorkCalendar } from '../../src/calendar/workdays';
import { dueList, parseWithin, windowEnd } from '../../src/reports/due';
import { folderWith, open, SAMPLE } from './helpers';

test.each([
  ['72h', { amount: 72, unit: 'h' }],
  ['3d', { amount: 3, unit: 'd' }],
  ['5wd', { amount: 5, unit: 'wd' }],
  [' 5 WD ', { amount: 5, unit: 'wd' }],
  ['0h', { amount: 0, unit: 'h' }],
])('parseWithin(%p)', (text, want) => {
  expect(parseWithin(text)).toEqual(want);
});

test.each(['', '72', 'h', '-3d', '1.5h', '3w', '3 weeks', '999999999wd'])('parseWithin(%p) is null', (text) => {
  expect(parseWithin(text)).toBeNull();
});

describe('windowEnd', () => {
  const clock = new Clock('Asia/Shanghai');
  const cal = new WorkCalendar();
  const at = (s: string) => clock.asEvent(clock.parse(s)!);
  test('hours and days are elapsed time', () => {
    expect(clock.format(windowEnd(at('2026-09-30T18:00'), { amount: 72, unit: 'h' }, clock, cal))).toBe('2026-10-03T18:00:00+08:00');
    expect(clock.format(windowEnd(at('2026-09-30T18:00'), { amount: 3, unit: 'd' }, clock, cal))).toBe('2026-10-03T18:00:00+08:00');
  });
  test('working days skip National Day and count the make-up Saturday 10-10', () => {
    // after Wed 09-30: 10-08 (1), 10-09 (2), Sat 10-10 (3), 10-12 (4), 10-13 (5)
    expect(clock.format(windowEnd(at('2026-09-30T18:00'), { amount: 5, unit: 'wd' }, clock, cal))).toBe('2026-10-13T23:59:59+08:00');
  });
});

describe('dueList on a folder with open consultations', () => {
  const dir = folderWith({
    'svc-sla.yaml': 'policy: gd-transmission\ncontract_start: 2026-01-01\n',
    'submissions/plan.yaml': 'id: P\ntype: inspection-plan\nperiod: 2026\nsubmitted_at: 2026-03-01\ntrunks: []\n',
    'consultations/c.yaml': [
      '# received Wed 09-30 15:00: due at the end of the 1st working day after, Thu 10-08',
      '- id: Q-1',
      '  received_at: 2026-09-30 15:00',
      '# received Mon 09-28: due Tue 09-29 end of day; not answered → overdue',
      '- id: Q-2',
      '  received_at: 2026-09-28 10:00',
      '# answered: nothing due',
      '- id: Q-3',
      '  received_at: 2026-09-29 10:00',
      '  responded_at: 2026-09-29 11:00',
      '',
    ].join('\n'),
  });
  const s = open(dir, '2026-09-30T18:00');
  const { clock, calendar } = s.ws;

  test('5wd: the overdue one first, then the open one, with working days left', () => {
    const within = parseWithin('5wd')!;
    const list = dueList(s.evaluations, s.asOf, within, windowEnd(s.asOf, within, clock, calendar), clock, calendar);
    expect(list.items.map((i) => [i.evaluation.clause, i.evaluation.record, i.overdue, i.leftWorkdays, clock.format(i.due)])).toEqual([
      ['consult.response', 'Q-2', true, -1, '2026-09-29T23:59:59+08:00'],
      ['consult.response', 'Q-1', false, 1, '2026-10-08T23:59:59+08:00'],
    ]);
    // 09-29 23:59:59.999 is 18 h 0 min 0.001 s before the as-of time
    expect(Math.round(list.items[0]!.left / 60000)).toBe(-18 * 60);
  });

  test('72h does not reach 10-08, but the overdue one stays', () => {
    const within = parseWithin('72h')!;
    const list = dueList(s.evaluations, s.asOf, within, windowEnd(s.asOf, within, clock, calendar), clock, calendar);
    expect(list.items.map((i) => i.evaluation.record)).toEqual(['Q-2']);
  });
});

test('the sample as of 2026-11-25, 40 days: the unsigned sheet overdue, then the year-end obligations', () => {
  const s = open(SAMPLE, '2026-11-25');
  const { clock, calendar } = s.ws;
  const within = parseWithin('40d')!;
  const list = dueList(s.evaluations, s.asOf, within, windowEnd(s.asOf, within, clock, calendar), clock, calendar);
  expect(list.items.map((i) => `${i.evaluation.clause} ${i.evaluation.subject}`)).toEqual([
    'fault.l1.doc.report GD-2026-0178',
    'inspection.outcome XJ-2026-013',
    'inspection.outcome XJ-2026-014',
    'inspection.coverage 广州-梅州 干线 2026-H2',
    'inspection.coverage 广州-汕头 干线 2026-H2',
    'exchange.volume 2026-01-01 – 2026-12-31',
  ]);
  // hours, not working days: these limits are not in working days
  expect(list.items.every((i) => i.leftWorkdays === null)).toBe(true);
  const list2 = dueList(s.evaluations, s.asOf, within, windowEnd(s.asOf, parseWithin('72h')!, clock, calendar), clock, calendar);
  // overdue items stay on the list whatever the window
  expect(list2.items).toHaveLength(3);
});

describe('time left as text', () => {
  const { timeLeftText } = require('../../src/render/due') as typeof import('../../src/render/due');
  const item = (left: number, leftWorkdays: number | null) => ({ evaluation: {} as never, due: 0, left, leftWorkdays, overdue: left < 0 });
  test.each([
    [item(5 * 3600000 + 20 * 60000, null), 'zh-CN', '5小时20分钟'],
    [item(-(2 * 86400000 + 3 * 3600000), null), 'en', '\u22122 d 3 h'],
    [item(-60000, 0), 'en', '0 wd'], // due earlier today: no working day left
    [item(86400000, 1), 'zh-CN', '1 个工作日'],
    [item(-86400000, -1), 'zh-CN', '\u22121 个工作日'],
  ] as const)('%j %s → %s', (it, lang, want) => {
    expect(timeLeftText(it, lang)).toBe(want);
  });
});
