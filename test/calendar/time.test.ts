import {
  Clock,
  DEFAULT_ZONE,
  isDateText,
  isMonthText,
  isQuarterText,
  normalMonth,
  normalQuarter,
  isTimestampText,
  monthsOfQuarter,
  shiftMonth,
} from '../../src/calendar';

const utc = (s: string): number => Date.parse(s); // test oracle only: ISO text with explicit offset
const sh = new Clock('Asia/Shanghai');

describe('Clock.parse', () => {
  test('a date is date-only and means the start of that day in the zone', () => {
    expect(sh.parse('2026-07-03')).toEqual({ ms: utc('2026-07-02T16:00:00Z'), dateOnly: true });
  });

  test.each([
    ['2026-07-03T01:00', '2026-07-02T17:00:00.000Z'],
    ['2026-07-03 01:00', '2026-07-02T17:00:00.000Z'],
    ['2026-07-03T01:00:30', '2026-07-02T17:00:30.000Z'],
    ['2026-07-03 01:00:30.5', '2026-07-02T17:00:30.500Z'],
    ['2026-07-03T01:00:30.123', '2026-07-02T17:00:30.123Z'],
    ['2026-07-03T01:00:30.123999', '2026-07-02T17:00:30.123Z'], // truncated, not rounded
    ['2026-07-03T01:00Z', '2026-07-03T01:00:00.000Z'],
    ['2026-07-03T01:00:00+08:00', '2026-07-02T17:00:00.000Z'],
    ['2026-07-03T01:00:00+0800', '2026-07-02T17:00:00.000Z'],
    ['2026-07-03T01:00+08', '2026-07-02T17:00:00.000Z'],
    ['2026-07-03 01:00-05:30', '2026-07-03T06:30:00.000Z'],
    ['2026-07-03T00:00:00.000+00:00', '2026-07-03T00:00:00.000Z'],
  ])('%s', (text, iso) => {
    const w = sh.parse(text);
    expect(w).not.toBeNull();
    expect(new Date(w!.ms).toISOString()).toBe(iso);
    expect(w!.dateOnly).toBe(false);
  });

  test.each([
    '2026-02-30',
    '2026-02-29', // 2026 is not a leap year
    '2026-07-32',
    '2026-13-01',
    '2026-00-10',
    '2026-07-00',
    '2026-07-03 25:00',
    '2026-07-03 24:00',
    '2026-07-03 12:60',
    '2026-07-03T12:00:60',
    '2026-07-03T12:00+24:00',
    '2026-07-03T12:00+08:60',
  ])('impossible value %s → null', (text) => {
    expect(sh.parse(text)).toBeNull();
    expect(isTimestampText(text)).toBe(false);
  });

  test.each([
    '',
    '2026-7-3',
    '2026/07/03',
    '20260703',
    '2026-07-03T1:00',
    '2026-07-03T01',
    '2026-07-03Z',
    '2026-07-03+08:00',
    '2026-07-03T01:00+8',
    '2026-07-03T01:00:00.',
    '2026-07-03T01:00.5', // a fraction needs seconds
    '2026-07-03t01:00',
    ' 2026-07-03',
    '2026-07-03\n',
    '2026-07-03T01:00 +08:00',
  ])('bad syntax %j → null', (text) => {
    expect(sh.parse(text)).toBeNull();
  });

  test('29 February exists in leap years', () => {
    expect(sh.parse('2028-02-29')?.dateOnly).toBe(true);
    expect(sh.parse('2000-02-29')).not.toBeNull();
    expect(sh.parse('1900-02-29')).toBeNull();
  });

  // its speed is measured by npm run bench (src/bench/), never here
  test('parses 50,000 values of every month, day and hour', () => {
    const texts: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      const d = 1 + (i % 28);
      const h = i % 24;
      texts.push(`2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`);
    }
    const parsed = texts.map((t) => sh.parse(t));
    expect(parsed.every((w) => w !== null && !w.dateOnly)).toBe(true);
    // in order within each month: the same day and hour read the same instant as Date does
    expect(parsed[12_345]!.ms).toBe(Date.parse(`${texts[12_345]!.replace(' ', 'T')}:00+08:00`));
  });
});

describe('zone-free checks (ajv formats)', () => {
  test('isTimestampText accepts every form parse accepts, dates included', () => {
    for (const s of ['2026-07-03', '2026-07-03 01:00', '2026-07-03T01:00:00.123+0800', '2026-07-03T01:00Z']) {
      expect(isTimestampText(s)).toBe(true);
    }
  });
  test('isDateText accepts only possible dates', () => {
    expect(isDateText('2026-07-03')).toBe(true);
    expect(isDateText('2026-07-03 01:00')).toBe(false);
    expect(isDateText('2026-02-30')).toBe(false);
    expect(isDateText('2026-7-3')).toBe(false);
  });
  test('period texts', () => {
    expect(isMonthText('2026-09')).toBe(true);
    expect(isMonthText('2026-13')).toBe(false);
    expect(isQuarterText('2026-Q4')).toBe(true);
    expect(isQuarterText('2026-Q5')).toBe(false);
  });
});

describe('zones and offsets', () => {
  test('the default zone is Asia/Shanghai', () => {
    expect(DEFAULT_ZONE).toBe('Asia/Shanghai');
    expect(new Clock().zone).toBe('Asia/Shanghai');
  });

  test('invalid zones are rejected', () => {
    expect(Clock.isValidZone('Asia/Shanghai')).toBe(true);
    expect(Clock.isValidZone('UTC')).toBe(true);
    expect(Clock.isValidZone('Mars/Olympus')).toBe(false);
    expect(Clock.isValidZone('')).toBe(false);
    expect(() => new Clock('Mars/Olympus')).toThrow(RangeError);
  });

  test('format uses the real offset of the instant', () => {
    expect(sh.format(utc('2026-07-02T17:00:00Z'))).toBe('2026-07-03T01:00:00+08:00');
    expect(sh.format(utc('2026-07-02T17:00:00.999Z'))).toBe('2026-07-03T01:00:00+08:00');
    const ny = new Clock('America/New_York');
    expect(ny.format(utc('2026-07-03T12:00:00Z'))).toBe('2026-07-03T08:00:00-04:00');
    expect(ny.format(utc('2026-01-03T12:00:00Z'))).toBe('2026-01-03T07:00:00-05:00');
    expect(new Clock('Asia/Kolkata').format(utc('2026-07-03T00:00:00Z'))).toBe('2026-07-03T05:30:00+05:30');
    expect(new Clock('Asia/Kathmandu').format(utc('2026-07-03T00:00:00Z'))).toBe('2026-07-03T05:45:00+05:45');
    expect(new Clock('UTC').format(utc('2026-07-03T00:00:00Z'))).toBe('2026-07-03T00:00:00+00:00');
  });

  test('format round-trips through parse', () => {
    const ny = new Clock('America/New_York');
    for (const ms of [utc('2026-03-08T06:59:59Z'), utc('2026-03-08T07:00:00Z'), utc('2026-11-01T05:30:00Z'), utc('2026-11-01T06:30:00Z')]) {
      expect(ny.parse(ny.format(ms))!.ms).toBe(ms);
    }
    // Shanghai used local mean time (+08:05:43) before 1901; the shown offset is rounded to
    // whole minutes and the wall time moves with it, so the text still names the instant.
    const old = utc('1900-06-01T00:00:00Z');
    expect(sh.parse(sh.format(old))!.ms).toBe(old);
  });

  test('formatShort', () => {
    expect(sh.formatShort(utc('2026-07-02T17:00:59Z'))).toBe('2026-07-03 01:00');
  });

  test('Shanghai summer time 1986–1991 is honoured', () => {
    expect(sh.format(utc('1988-07-01T00:00:00Z'))).toBe('1988-07-01T09:00:00+09:00');
  });

  describe('DST (America/New_York, 2026)', () => {
    const ny = new Clock('America/New_York');
    test('a wall time skipped by spring-forward moves forward by the gap', () => {
      expect(ny.parse('2026-03-08 02:30')!.ms).toBe(utc('2026-03-08T07:30:00Z')); // 03:30 EDT
      expect(ny.parse('2026-03-08 01:59')!.ms).toBe(utc('2026-03-08T06:59:00Z'));
      expect(ny.parse('2026-03-08 03:00')!.ms).toBe(utc('2026-03-08T07:00:00Z'));
    });
    test('a wall time repeated by fall-back is its earlier occurrence', () => {
      expect(ny.parse('2026-11-01 01:30')!.ms).toBe(utc('2026-11-01T05:30:00Z'));
      expect(ny.parse('2026-11-01 01:30-05:00')!.ms).toBe(utc('2026-11-01T06:30:00Z'));
    });
    test('days of 23 and 25 hours', () => {
      expect(ny.endOfDay('2026-03-08') + 1 - ny.startOfDay('2026-03-08')).toBe(23 * 3_600_000);
      expect(ny.endOfDay('2026-11-01') + 1 - ny.startOfDay('2026-11-01')).toBe(25 * 3_600_000);
      expect(ny.format(ny.endOfDay('2026-03-08'))).toBe('2026-03-08T23:59:59-04:00');
    });
    test('localDate at local midnight either side of a transition', () => {
      expect(ny.localDate(utc('2026-03-09T03:59:59Z'))).toBe('2026-03-08');
      expect(ny.localDate(utc('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
    });
  });
});

describe('days', () => {
  test('startOfDay / endOfDay', () => {
    expect(sh.startOfDay('2026-07-03')).toBe(utc('2026-07-02T16:00:00Z'));
    expect(sh.endOfDay('2026-07-03')).toBe(utc('2026-07-03T15:59:59.999Z'));
    expect(sh.format(sh.endOfDay('2026-07-03'))).toBe('2026-07-03T23:59:59+08:00');
    expect(() => sh.endOfDay('2026-02-30')).toThrow(RangeError);
  });

  test('localDate follows the zone, not UTC', () => {
    expect(sh.localDate(utc('2026-07-02T15:59:59.999Z'))).toBe('2026-07-02');
    expect(sh.localDate(utc('2026-07-02T16:00:00Z'))).toBe('2026-07-03');
    expect(new Clock('UTC').localDate(utc('2026-07-02T16:00:00Z'))).toBe('2026-07-02');
  });

  test('asDeadline / asEvent', () => {
    const date = sh.parse('2026-07-03')!;
    expect(sh.asDeadline(date)).toBe(utc('2026-07-03T15:59:59.999Z'));
    expect(sh.asEvent(date)).toBe(utc('2026-07-02T16:00:00Z'));
    const ts = sh.parse('2026-07-03 10:00')!;
    expect(sh.asDeadline(ts)).toBe(ts.ms);
    expect(sh.asEvent(ts)).toBe(ts.ms);
  });

  test('elapsed arithmetic', () => {
    const start = sh.parse('2026-07-03 22:30')!.ms;
    expect(sh.format(sh.addHours(start, 3))).toBe('2026-07-04T01:30:00+08:00');
    expect(sh.format(sh.addHours(start, 0.5))).toBe('2026-07-03T23:00:00+08:00');
    expect(sh.format(sh.addDays(start, 7))).toBe('2026-07-10T22:30:00+08:00');
    expect(sh.addDaysToDate('2026-02-28', 1)).toBe('2026-03-01');
    expect(sh.addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(sh.addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(sh.addDaysToDate('2026-01-01', -1)).toBe('2025-12-31');
  });

  test('N d is 24 h per day across a DST change', () => {
    const ny = new Clock('America/New_York');
    const start = ny.parse('2026-03-07 12:00')!.ms;
    expect(ny.format(ny.addDays(start, 1))).toBe('2026-03-08T13:00:00-04:00');
  });

  test('dueAfterDays follows the contract convention', () => {
    expect(sh.format(sh.dueAfterDays(sh.parse('2026-07-03 10:00')!, 5))).toBe('2026-07-08T10:00:00+08:00');
    expect(sh.dueAfterDays(sh.parse('2026-07-03')!, 5)).toBe(sh.endOfDay('2026-07-08'));
    expect(sh.dueAfterDays(sh.parse('2026-12-30')!, 2)).toBe(sh.endOfDay('2027-01-01'));
  });
});

describe('periods', () => {
  test('quarterOf at the Q3/Q4 boundary in Shanghai', () => {
    expect(sh.quarterOf(sh.parse('2026-09-30T23:59:59+08:00')!.ms)).toBe('2026-Q3');
    expect(sh.quarterOf(sh.parse('2026-09-30T23:59:59.999+08:00')!.ms)).toBe('2026-Q3');
    expect(sh.quarterOf(sh.parse('2026-10-01T00:00+08:00')!.ms)).toBe('2026-Q4');
    expect(sh.quarterOf(sh.parse('2026-10-01')!.ms)).toBe('2026-Q4');
  });

  test('an instant given in UTC that is already the next day in Shanghai', () => {
    const w = sh.parse('2026-09-30T16:30:00Z')!;
    expect(sh.localDate(w.ms)).toBe('2026-10-01');
    expect(sh.quarterOf(w.ms)).toBe('2026-Q4');
    expect(sh.monthOf(w.ms)).toBe('2026-10');
    expect(sh.halfYearOf(w.ms)).toBe('2026-H2');
    expect(new Clock('UTC').quarterOf(w.ms)).toBe('2026-Q3');
    // and the year boundary
    const ny = sh.parse('2026-12-31T16:00:00Z')!.ms;
    expect(sh.quarterOf(ny)).toBe('2027-Q1');
    expect(sh.yearOf(ny)).toBe(2027);
    expect(sh.halfYearOf(ny)).toBe('2027-H1');
  });

  test('monthOf / halfYearOf', () => {
    expect(sh.monthOf(sh.parse('2026-09-15 12:00')!.ms)).toBe('2026-09');
    expect(sh.halfYearOf(sh.parse('2026-06-30 23:59')!.ms)).toBe('2026-H1');
    expect(sh.halfYearOf(sh.parse('2026-07-01 00:00')!.ms)).toBe('2026-H2');
  });

  test('parseQuarter: zone-local boundaries, end exclusive', () => {
    expect(sh.parseQuarter('2026-Q3')).toEqual({ start: sh.startOfDay('2026-07-01'), end: sh.startOfDay('2026-10-01') });
    expect(sh.parseQuarter('2026-Q4')).toEqual({ start: sh.startOfDay('2026-10-01'), end: sh.startOfDay('2027-01-01') });
    expect(sh.parseQuarter('2026-Q1')!.start).toBe(utc('2025-12-31T16:00:00Z'));
    const q3 = sh.parseQuarter('2026-Q3')!;
    const last = sh.parse('2026-09-30T23:59:59.999+08:00')!.ms;
    expect(last).toBeLessThan(q3.end);
    expect(last + 1).toBe(q3.end);
  });

  test.each(['2026-Q5', '2026-Q0', '2026-q3', '2026Q3', '26-Q3', '2026-Q3 ', ''])('parseQuarter(%j) → null', (s) => {
    expect(sh.parseQuarter(s)).toBeNull();
  });

  test('parseMonth', () => {
    expect(sh.parseMonth('2026-09')).toEqual({ start: sh.startOfDay('2026-09-01'), end: sh.startOfDay('2026-10-01') });
    expect(sh.parseMonth('2026-12')!.end).toBe(sh.startOfDay('2027-01-01'));
    expect(sh.parseMonth('2026-02')!.end).toBe(sh.startOfDay('2026-03-01'));
    for (const bad of ['2026-13', '2026-00', '2026-9', '2026-09-01', 'September']) expect(sh.parseMonth(bad)).toBeNull();
  });

  test('parseHalfYear / parseYear', () => {
    expect(sh.parseHalfYear('2026-H1')).toEqual({ start: sh.startOfDay('2026-01-01'), end: sh.startOfDay('2026-07-01') });
    expect(sh.parseHalfYear('2026-H2')).toEqual({ start: sh.startOfDay('2026-07-01'), end: sh.startOfDay('2027-01-01') });
    expect(sh.parseHalfYear('2026-H3')).toBeNull();
    expect(sh.parseYear('2026')).toEqual({ start: sh.startOfDay('2026-01-01'), end: sh.startOfDay('2027-01-01') });
    expect(sh.parseYear('26')).toBeNull();
  });

  test('month helpers', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-09', 0)).toBe('2026-09');
    expect(shiftMonth('2026-09', 15)).toBe('2027-12');
    expect(() => shiftMonth('2026-13', 1)).toThrow(RangeError);
    expect(monthsOfQuarter('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });
});

describe('periods as people type them', () => {
  test.each([
    ['2026-Q3', '2026-Q3'],
    ['2026q3', '2026-Q3'],
    ['2026Q3', '2026-Q3'],
    ['2026 q3', '2026-Q3'],
    ['２０２６－Ｑ３', '2026-Q3'],
    ['2026年第3季度', '2026-Q3'],
    ['2026年第三季度', '2026-Q3'],
    ['2026-Q5', null],
    ['Q3 2026', null],
    ['26Q3', null],
  ])('quarter %s → %s', (text, want) => {
    expect(normalQuarter(text)).toBe(want);
  });
  test.each([
    ['2026-09', '2026-09'],
    ['2026-9', '2026-09'],
    ['2026/9', '2026-09'],
    ['2026.09', '2026-09'],
    ['2026年9月', '2026-09'],
    ['２０２６年９月', '2026-09'],
    ['2026-13', null],
    ['2026-0', null],
    ['9/2026', null],
    ['2026-09-01', null],
  ])('month %s → %s', (text, want) => {
    expect(normalMonth(text)).toBe(want);
  });
});
