import { CalendarFile, UnknownCalendarYearError, WorkCalendar, builtInYears, calendarFileProblems } from '../../src/calendar';

/*
 * The real 2026 calendar around Mid-Autumn and National Day (国务院办公厅 2026 notice):
 *
 *   September 2026            October 2026
 *   Mo Tu We Th Fr Sa Su      Mo Tu We Th Fr Sa Su
 *       1  2  3  4  5  6                1  2  3  4     01–07 National Day (off)
 *    7  8  9 10 11 12 13       5  6  7  8  9 10 11     10 Sat: make-up working day
 *   14 15 16 17 18 19 20      12 13 14 15 16 17 18
 *   21 22 23 24 25 26 27      19 20 21 22 23 24 25
 *   28 29 30                  26 27 28 29 30 31
 *   20 Sun: make-up working day; 25–27: Mid-Autumn (off)
 */

const cal = new WorkCalendar();

function expectUnknownYear(fn: () => unknown, year: number): UnknownCalendarYearError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UnknownCalendarYearError);
    const err = e as UnknownCalendarYearError;
    expect(err.year).toBe(year);
    expect(err.message).toContain(String(year));
    return err;
  }
  throw new Error(`expected UnknownCalendarYearError for ${year}`);
}

describe('built-in PRC calendar', () => {
  test('known years come from the package data', () => {
    const years = cal.knownYears();
    expect(years).toEqual(builtInYears());
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    expect(years).not.toContain(2027);
    // contiguous
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => years[0] + i));
  });

  test('dayInfo kinds and names', () => {
    expect(cal.dayInfo('2026-10-10')).toEqual({
      date: '2026-10-10', weekday: 6,
      workday: true,
      kind: 'makeup',
      name: { zh: '国庆节', en: 'National Day' },
    });
    expect(cal.dayInfo('2026-09-20')).toMatchObject({ workday: true, kind: 'makeup' });
    expect(cal.dayInfo('2026-09-25')).toEqual({
      date: '2026-09-25', weekday: 5,
      workday: false,
      kind: 'holiday',
      name: { zh: '中秋', en: 'Mid-autumn Festival' },
    });
    expect(cal.dayInfo('2026-10-03')).toMatchObject({ workday: false, kind: 'holiday' }); // a Saturday inside the holiday
    expect(cal.dayInfo('2026-09-19')).toEqual({ date: '2026-09-19', weekday: 6, workday: false, kind: 'weekend' });
    expect(cal.dayInfo('2026-09-21')).toEqual({ date: '2026-09-21', weekday: 1, workday: true, kind: 'workday' });
    expect(cal.dayInfo('2026-02-17')).toMatchObject({ kind: 'holiday', name: { zh: '春节' } });
  });

  test('isWorkday', () => {
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.isWorkday('2026-10-11')).toBe(false);
    expect(cal.isWorkday('2026-10-07')).toBe(false);
    expect(cal.isWorkday('2026-10-08')).toBe(true);
    expect(cal.isWorkday('2026-01-04')).toBe(true); // Sunday make-up day for New Year
    expect(() => cal.isWorkday('2026-02-30')).toThrow(RangeError);
  });
});

describe('addWorkdays: the N-th working day strictly after', () => {
  test.each([
    ['2026-09-30', 1, '2026-10-08'], // over National Day
    ['2026-10-09', 1, '2026-10-10'], // onto the Saturday make-up day
    ['2026-10-10', 1, '2026-10-12'], // Sunday 11th is off
    ['2026-10-08', 2, '2026-10-10'],
    ['2026-09-24', 1, '2026-09-28'], // over Mid-Autumn
    ['2026-09-24', 5, '2026-10-09'], // 28, 29, 30, 10-08, 10-09
    ['2026-09-24', 6, '2026-10-10'],
    ['2026-09-18', 1, '2026-09-20'], // Sat 19 off, Sun 20 make-up
    ['2026-09-19', 1, '2026-09-20'],
    ['2026-09-18', 7, '2026-09-29'], // 20, 21, 22, 23, 24, 28, 29
    ['2026-09-25', 1, '2026-09-28'], // from a holiday
    ['2026-10-01', 1, '2026-10-08'],
    ['2026-09-30', 0, '2026-09-30'],
    ['2025-12-31', 1, '2026-01-04'], // 01-01..03 off, Sun 01-04 make-up
  ])('addWorkdays(%s, %i) = %s', (date, n, expected) => {
    expect(cal.addWorkdays(date, n)).toBe(expected);
  });

  test('7 wd after an inspection ending before National Day', () => {
    // 2026-09-29 → 30, 10-08, 09, 10, 12, 13, 14
    expect(cal.addWorkdays('2026-09-29', 7)).toBe('2026-10-14');
  });

  test('rejects non-integer counts', () => {
    expect(() => cal.addWorkdays('2026-09-30', 1.5)).toThrow(RangeError);
  });
});

describe('subtractWorkdays: the N-th working day strictly before', () => {
  test.each([
    ['2026-10-08', 1, '2026-09-30'],
    ['2026-10-12', 1, '2026-10-10'], // the Saturday make-up day counts
    ['2026-10-12', 3, '2026-10-08'], // 10, 09, 08
    ['2026-10-12', 4, '2026-09-30'],
    ['2026-10-16', 10, '2026-09-28'], // 15 14 13 12 10 09 08 | 30 29 28
    ['2026-09-28', 1, '2026-09-24'], // over Mid-Autumn
    ['2026-09-21', 1, '2026-09-20'], // the Sunday make-up day counts
    ['2026-09-21', 2, '2026-09-18'],
    ['2026-10-05', 1, '2026-09-30'], // from inside the holiday
    ['2026-01-05', 2, '2025-12-31'], // 01-04 (make-up), then back into 2025
    ['2026-10-12', 0, '2026-10-12'],
  ])('subtractWorkdays(%s, %i) = %s', (date, n, expected) => {
    expect(cal.subtractWorkdays(date, n)).toBe(expected);
  });

  test('add and subtract invert each other from working days', () => {
    for (const d of ['2026-09-18', '2026-09-20', '2026-09-30', '2026-10-08', '2026-10-10']) {
      for (let n = 1; n <= 12; n++) expect(cal.subtractWorkdays(cal.addWorkdays(d, n), n)).toBe(d);
    }
  });

  test('negative counts go the other way', () => {
    expect(cal.addWorkdays('2026-10-08', -1)).toBe('2026-09-30');
    expect(cal.subtractWorkdays('2026-09-30', -1)).toBe('2026-10-08');
  });
});

describe('workdaysBetween: working days in (a, b]', () => {
  test.each([
    ['2026-09-30', '2026-10-08', 1],
    ['2026-09-24', '2026-10-10', 6], // 28 29 30 08 09 10
    ['2026-10-10', '2026-09-24', -6],
    ['2026-10-08', '2026-10-08', 0],
    ['2026-10-01', '2026-10-07', 0],
    ['2025-12-31', '2026-01-05', 2], // 04 (make-up) and 05
  ])('workdaysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(cal.workdaysBetween(a, b)).toBe(expected);
  });

  test('agrees with addWorkdays and with the year counts', () => {
    expect(cal.workdaysBetween('2026-09-18', cal.addWorkdays('2026-09-18', 7))).toBe(7);
    expect(cal.workdaysBetween('2025-12-31', '2026-12-31')).toBe(cal.describeYear(2026).counts.workdays);
    expect(cal.workdaysBetween('2023-12-31', '2026-12-31')).toBe(
      cal.describeYear(2024).counts.workdays + cal.describeYear(2025).counts.workdays + cal.describeYear(2026).counts.workdays,
    );
  });
});

describe('unknown years', () => {
  test('a day in 2027 is an error naming 2027, never a weekday guess', () => {
    const err = expectUnknownYear(() => cal.addWorkdays('2026-12-31', 1), 2027);
    expect(err.message).toBe(
      'no working-day calendar for 2027: the built-in PRC calendar covers 2004–2026; add calendars/2027.yaml ' +
        `with the year's holidays and make-up working days (see svc-sla calendar --help)`,
    );
    expect(err.name).toBe('UnknownCalendarYearError');
    expectUnknownYear(() => cal.isWorkday('2027-03-01'), 2027);
    expectUnknownYear(() => cal.dayInfo('2027-03-01'), 2027);
    expectUnknownYear(() => cal.describeMonth(2027, 1), 2027);
    expectUnknownYear(() => cal.workdaysBetween('2026-12-01', '2027-01-10'), 2027);
    expectUnknownYear(() => cal.subtractWorkdays('2004-01-01', 1), 2003);
    expectUnknownYear(() => cal.isWorkday('2003-06-02'), 2003);
  });

  test('an override file makes 2027 known', () => {
    const y2027: CalendarFile = { year: 2027, holidays: ['2027-01-01'], workdays: [] };
    const withOverride = new WorkCalendar([y2027]);
    expect(withOverride.knownYears()).toContain(2027);
    // 2027-01-01 is a Friday holiday, then a weekend
    expect(withOverride.addWorkdays('2026-12-31', 1)).toBe('2027-01-04');
    expect(withOverride.dayInfo('2027-01-01')).toEqual({ date: '2027-01-01', weekday: 5, workday: false, kind: 'holiday' });
    expect(withOverride.dayInfo('2027-01-02')).toMatchObject({ kind: 'weekend' });
    expect(withOverride.describeYear(2027)).toMatchObject({ builtIn: false, overridden: true });
    // the shared default calendar is untouched
    expectUnknownYear(() => cal.addWorkdays('2026-12-31', 1), 2027);
  });

  test('an override make-up Saturday in a new year', () => {
    const c = new WorkCalendar([{ year: 2027, holidays: [], workdays: ['2027-01-09'] }]);
    expect(c.dayInfo('2027-01-09')).toEqual({ date: '2027-01-09', weekday: 6, workday: true, kind: 'makeup' });
    expect(c.addWorkdays('2027-01-08', 1)).toBe('2027-01-09');
  });
});

describe('overrides of a built-in year', () => {
  test('turning a working day into a holiday changes the result', () => {
    const c = new WorkCalendar([{ year: 2026, holidays: ['2026-10-08'], workdays: [] }]);
    expect(c.addWorkdays('2026-09-30', 1)).toBe('2026-10-09');
    expect(c.subtractWorkdays('2026-10-09', 1)).toBe('2026-09-30');
    expect(c.dayInfo('2026-10-08')).toEqual({ date: '2026-10-08', weekday: 4, workday: false, kind: 'holiday' });
    // untouched days keep the package's data
    expect(c.dayInfo('2026-10-10')).toMatchObject({ kind: 'makeup', name: { en: 'National Day' } });
    expect(c.describeYear(2026)).toMatchObject({ builtIn: true, overridden: true });
    // the default calendar still has the official data
    expect(cal.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
  });

  test('cancelling a make-up day and restoring a holiday', () => {
    const c = new WorkCalendar([{ year: 2026, holidays: ['2026-10-10'], workdays: ['2026-10-07'] }]);
    expect(c.dayInfo('2026-10-10')).toMatchObject({ workday: false, kind: 'holiday' });
    expect(c.dayInfo('2026-10-07')).toEqual({ date: '2026-10-07', weekday: 3, workday: true, kind: 'workday' });
    expect(c.addWorkdays('2026-09-30', 1)).toBe('2026-10-07');
    expect(c.addWorkdays('2026-10-09', 1)).toBe('2026-10-12');
  });

  test('several files for one year are merged', () => {
    const c = new WorkCalendar([
      { year: 2026, holidays: ['2026-10-08'], workdays: [] },
      { year: 2026, holidays: ['2026-10-09'], workdays: [] },
    ]);
    expect(c.addWorkdays('2026-09-30', 1)).toBe('2026-10-10');
  });

  test('contradictory or broken files are rejected', () => {
    expect(() => new WorkCalendar([{ year: 2026, holidays: ['2026-10-08'], workdays: ['2026-10-08'] }])).toThrow(RangeError);
    expect(
      () =>
        new WorkCalendar([
          { year: 2026, holidays: ['2026-10-08'], workdays: [] },
          { year: 2026, holidays: [], workdays: ['2026-10-08'] },
        ]),
    ).toThrow(/disagree/);
    expect(calendarFileProblems({ year: 2027, holidays: ['2026-10-08', '2027-02-30'], workdays: [] })).toEqual([
      'holidays: 2026-10-08 is not in 2027',
      'holidays: "2027-02-30" is not a valid date (YYYY-MM-DD)',
    ]);
    expect(calendarFileProblems({ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-01-09'] })).toEqual([]);
  });
});

describe('describeMonth / describeYear', () => {
  test('October 2026', () => {
    const m = cal.describeMonth(2026, 10);
    expect(m.days).toHaveLength(31);
    expect(m.days[9]).toMatchObject({ date: '2026-10-10', kind: 'makeup' });
    // weekends: 3 4 (holiday) 10 (make-up) 11 17 18 24 25 31
    expect(m.counts).toEqual({ days: 31, workdays: 18, weekends: 6, holidays: 7, makeup: 1 });
  });

  test('September 2026', () => {
    expect(cal.describeMonth(2026, 9).counts).toEqual({ days: 30, workdays: 22, weekends: 5, holidays: 3, makeup: 1 });
  });

  test('the year 2026', () => {
    const y = cal.describeYear(2026);
    expect(y.months).toHaveLength(12);
    expect(y.builtIn).toBe(true);
    expect(y.overridden).toBe(false);
    expect(y.counts.days).toBe(365);
    expect(y.counts.days).toBe(y.counts.workdays + y.counts.weekends + y.counts.holidays);
    expect(y.specialDays.map((d) => d.date)).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10', '2026-10-01']));
    expect(y.specialDays.every((d) => d.kind === 'holiday' || d.kind === 'makeup')).toBe(true);
    expect(y.counts.makeup).toBe(6);
  });

  test('bad month', () => {
    expect(() => cal.describeMonth(2026, 13)).toThrow(RangeError);
  });
});
