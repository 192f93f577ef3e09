/**
 * The PRC working-day calendar: weekends and statutory holidays are off, announced make-up
 * working days (调休, e.g. Sat 2026-10-10) are on (CONTRACT.md, "Conventions").
 *
 * The built-in years come from the `chinese-days` package data; a records folder's
 * `calendars/*.yaml` files add years or correct days. A day in a year neither covers is an
 * error (UnknownCalendarYearError), never a weekday guess: a wrong guess around Spring
 * Festival would silently move deadlines by a week.
 *
 * All dates are zone-free `YYYY-MM-DD` texts; turning instants into dates is Clock's job.
 */

import { civilOf, dateTextOf, dayNumber, dayNumberOfText, daysInMonth, daysInYear, requireDayNumber, weekdayOf } from './civil';

/** Content of one `calendars/*.yaml` file (parsed and schema-checked by the records loader). */
export interface CalendarFile {
  year: number;
  holidays: string[];
  workdays: string[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface HolidayName {
  readonly zh: string;
  readonly en: string;
}

export interface DayInfo {
  readonly date: string;
  /** True for ordinary working days and make-up days. */
  readonly workday: boolean;
  readonly kind: DayKind;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** The festival a holiday or make-up day belongs to, when the package data names it. */
  readonly name?: HolidayName;
}

export interface DayCounts {
  readonly days: number;
  /** All working days, make-up days included. */
  readonly workdays: number;
  /** Saturdays and Sundays that are plain days off (not holidays, not make-up days). */
  readonly weekends: number;
  /** Statutory holiday days, including those falling on a weekend. */
  readonly holidays: number;
  /** Make-up working days (调休上班). */
  readonly makeup: number;
}

export interface MonthDescription {
  readonly year: number;
  readonly month: number;
  readonly days: readonly DayInfo[];
  readonly counts: DayCounts;
}

export interface YearDescription {
  readonly year: number;
  /** The year is in the built-in PRC calendar. */
  readonly builtIn: boolean;
  /** A calendar file adds or corrects this year. */
  readonly overridden: boolean;
  readonly counts: DayCounts;
  readonly months: readonly MonthDescription[];
  /** Holidays and make-up days in date order: what a year view lists. */
  readonly specialDays: readonly DayInfo[];
}

// ---------------------------------------------------------------------------------------------
// Errors

export class UnknownCalendarYearError extends Error {
  override readonly name = 'UnknownCalendarYearError';
  readonly year: number;
  /** The date that was asked about, when there was one. */
  readonly date: string | undefined;

  constructor(year: number, date?: string) {
    super(
      `no working-day calendar for ${year}: the built-in PRC calendar covers ${yearsText(builtInYears())}; ` +
        `add calendars/${year}.yaml with the year's holidays and make-up working days (see svc-sla calendar --help)`,
    );
    this.year = year;
    this.date = date;
  }
}

/** Collapses sorted years into `2004–2026, 2030` (en dash, as printed to users). */
function yearsText(years: readonly number[]): string {
  if (years.length === 0) return 'no years';
  const parts: string[] = [];
  let from = years[0];
  let to = from;
  for (const y of years.slice(1).concat(NaN)) {
    if (y === to + 1) {
      to = y;
      continue;
    }
    parts.push(from === to ? String(from) : `${from}–${to}`);
    from = to = y;
  }
  return parts.join(', ');
}

/**
 * Problems in one calendar file that a schema cannot see: dates that are impossible, outside
 * the file's year, or both a holiday and a working day. Empty when the file is usable.
 */
export function calendarFileProblems(file: CalendarFile): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(file.year) || file.year < 1000 || file.year > 9999) {
    return [`year must be a four-digit year, got ${JSON.stringify(file.year)}`];
  }
  const check = (list: readonly string[], field: string): void => {
    for (const d of list) {
      if (Number.isNaN(dayNumberOfText(d))) problems.push(`${field}: ${JSON.stringify(d)} is not a valid date (YYYY-MM-DD)`);
      else if (!d.startsWith(`${file.year}-`)) problems.push(`${field}: ${d} is not in ${file.year}`);
    }
  };
  check(file.holidays, 'holidays');
  check(file.workdays, 'workdays');
  const off = new Set(file.holidays);
  for (const d of file.workdays) if (off.has(d)) problems.push(`${d} is listed both in holidays and in workdays`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Year tables

const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKEUP = 3;
const KIND_NAMES: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup'];

/** One year, indexed by day of year (0 = 1 January). Immutable once built. */
interface YearTable {
  readonly year: number;
  readonly first: number; // day number of 1 January
  readonly kinds: Uint8Array;
  readonly names: readonly (HolidayName | undefined)[];
  /** cumWork[i] = working days among the year's first i days; cumWork[length] = the year's total. */
  readonly cumWork: Uint16Array;
  readonly builtIn: boolean;
  readonly overridden: boolean;
}

interface MutableYear {
  kinds: Uint8Array;
  names: (HolidayName | undefined)[];
}

function isWorking(kind: number): boolean {
  return kind === WORKDAY || kind === MAKEUP;
}

function weekdaysOnly(year: number): MutableYear {
  const first = dayNumber(year, 1, 1);
  const n = daysInYear(year);
  const kinds = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const wd = weekdayOf(first + i);
    kinds[i] = wd === 0 || wd === 6 ? WEEKEND : WORKDAY;
  }
  return { kinds, names: new Array<HolidayName | undefined>(n).fill(undefined) };
}

function finish(year: number, y: MutableYear, builtIn: boolean, overridden: boolean): YearTable {
  const cumWork = new Uint16Array(y.kinds.length + 1);
  for (let i = 0; i < y.kinds.length; i++) cumWork[i + 1] = cumWork[i] + (isWorking(y.kinds[i]) ? 1 : 0);
  return { year, first: dayNumber(year, 1, 1), kinds: y.kinds, names: y.names, cumWork, builtIn, overridden };
}

/** Marks a day on; a weekend day turned on is a make-up day, a weekday is simply a workday. */
function turnOn(y: MutableYear, first: number, day: number, name: HolidayName | undefined): void {
  const wd = weekdayOf(day);
  const weekend = wd === 0 || wd === 6;
  y.kinds[day - first] = weekend ? MAKEUP : WORKDAY;
  y.names[day - first] = weekend ? name : undefined;
}

function turnOff(y: MutableYear, first: number, day: number, name: HolidayName | undefined): void {
  y.kinds[day - first] = HOLIDAY;
  y.names[day - first] = name;
}

// --- built-in data (chinese-days) ---

/** `chinese-days/dist/chinese-days.json`: 'YYYY-MM-DD' → "English,中文,n" per list. */
interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
  readonly inLieuDays: Readonly<Record<string, string>>;
}

let builtInTables: ReadonlyMap<number, YearTable> | undefined;

function loadBuiltIn(): ReadonlyMap<number, YearTable> {
  if (builtInTables !== undefined) return builtInTables;
  // The JSON file is the package's own data export; its JS API recomputes per call and has no
  // notion of "unknown year", so the raw data is what we want.
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;

  const nameCache = new Map<string, HolidayName>();
  const nameOf = (value: string): HolidayName | undefined => {
    let name = nameCache.get(value);
    if (name === undefined) {
      const [en, zh] = value.split(',');
      if (!en || !zh) return undefined;
      name = Object.freeze({ zh, en });
      nameCache.set(value, name);
    }
    return name;
  };

  const years = new Map<number, MutableYear>();
  const yearOf = (date: string): { y: MutableYear; first: number; day: number } => {
    const day = requireDayNumber(date);
    const year = civilOf(day).y;
    let y = years.get(year);
    if (y === undefined) {
      y = weekdaysOnly(year);
      years.set(year, y);
    }
    return { y, first: dayNumber(year, 1, 1), day };
  };
  // inLieuDays are holidays that were swapped for a make-up day; they are already in
  // `holidays`, so they only count towards which years the data covers.
  for (const date of Object.keys(data.inLieuDays)) yearOf(date);
  for (const [date, value] of Object.entries(data.holidays)) {
    const { y, first, day } = yearOf(date);
    turnOff(y, first, day, nameOf(value));
  }
  for (const [date, value] of Object.entries(data.workdays)) {
    const { y, first, day } = yearOf(date);
    turnOn(y, first, day, nameOf(value));
  }

  const tables = new Map<number, YearTable>();
  for (const year of [...years.keys()].sort((a, b) => a - b)) tables.set(year, finish(year, years.get(year)!, true, false));
  builtInTables = tables;
  return tables;
}

/** Years covered by the built-in PRC calendar (derived from the package data). */
export function builtInYears(): number[] {
  return [...loadBuiltIn().keys()];
}

// ---------------------------------------------------------------------------------------------

export class WorkCalendar {
  private loaded: ReadonlyMap<number, YearTable> | undefined;

  /** The year tables; without calendar files, the package data is loaded when first needed (validate never needs it). */
  private get tables(): ReadonlyMap<number, YearTable> {
    return (this.loaded ??= loadBuiltIn());
  }

  /**
   * @param overrides calendar files; several files for one year are merged. Throws RangeError
   *   when a file is unusable (see calendarFileProblems) or files contradict each other.
   */
  constructor(overrides: readonly CalendarFile[] = []) {
    if (overrides.length === 0) return;
    const builtIn = loadBuiltIn();

    const byYear = new Map<number, { off: Set<string>; on: Set<string> }>();
    for (const file of overrides) {
      const problems = calendarFileProblems(file);
      if (problems.length > 0) throw new RangeError(`calendar file for ${file.year}: ${problems.join('; ')}`);
      let merged = byYear.get(file.year);
      if (merged === undefined) {
        merged = { off: new Set(), on: new Set() };
        byYear.set(file.year, merged);
      }
      for (const d of file.holidays) merged.off.add(d);
      for (const d of file.workdays) merged.on.add(d);
    }

    const tables = new Map(builtIn);
    for (const [year, { off, on }] of byYear) {
      for (const d of on) {
        if (off.has(d)) throw new RangeError(`calendar files for ${year} disagree: ${d} is both a holiday and a working day`);
      }
      const base = builtIn.get(year);
      const y: MutableYear = base
        ? { kinds: base.kinds.slice(), names: base.names.slice() }
        : weekdaysOnly(year);
      const first = dayNumber(year, 1, 1);
      // Keep the package's festival name only where the override agrees with the package's
      // kind of day; a day the override moved has no reliable name.
      for (const d of off) {
        const day = requireDayNumber(d);
        turnOff(y, first, day, base && base.kinds[day - first] === HOLIDAY ? base.names[day - first] : undefined);
      }
      for (const d of on) {
        const day = requireDayNumber(d);
        turnOn(y, first, day, base && base.kinds[day - first] === MAKEUP ? base.names[day - first] : undefined);
      }
      tables.set(year, finish(year, y, base !== undefined, true));
    }
    this.loaded = new Map([...tables.entries()].sort((a, b) => a[0] - b[0]));
  }

  /** Years this calendar can answer for, ascending. */
  knownYears(): number[] {
    return [...this.tables.keys()];
  }

  private table(year: number, date?: string): YearTable {
    const t = this.tables.get(year);
    if (t === undefined) throw new UnknownCalendarYearError(year, date);
    return t;
  }

  private tableOfDay(day: number, date?: string): YearTable {
    return this.table(civilOf(day).y, date);
  }

  isWorkday(date: string): boolean {
    const day = requireDayNumber(date);
    const t = this.tableOfDay(day, date);
    return isWorking(t.kinds[day - t.first]);
  }

  dayInfo(date: string): DayInfo {
    const day = requireDayNumber(date);
    return this.infoOf(this.tableOfDay(day, date), day);
  }

  private infoOf(t: YearTable, day: number): DayInfo {
    const kind = t.kinds[day - t.first];
    const name = t.names[day - t.first];
    const info = { date: dateTextOf(day), workday: isWorking(kind), kind: KIND_NAMES[kind], weekday: weekdayOf(day) === 0 ? 7 : weekdayOf(day) };
    return name === undefined ? info : { ...info, name };
  }

  /**
   * The n-th working day strictly after `date` ("N wd after an event"). n = 0 returns `date`;
   * a negative n counts backwards like subtractWorkdays.
   */
  addWorkdays(date: string, n: number): string {
    checkCount(n);
    if (n < 0) return this.subtractWorkdays(date, -n);
    const start = requireDayNumber(date);
    let t = this.tableOfDay(start, date);
    if (n === 0) return date;
    let day = start;
    for (let left = n; ; ) {
      day++;
      if (day - t.first >= t.kinds.length) t = this.table(t.year + 1);
      if (isWorking(t.kinds[day - t.first]) && --left === 0) return dateTextOf(day);
    }
  }

  /**
   * The n-th working day strictly before `date`: the latest day something "≥ N wd before D"
   * may happen (count back from D, D itself not counted). n = 0 returns `date`.
   */
  subtractWorkdays(date: string, n: number): string {
    checkCount(n);
    if (n < 0) return this.addWorkdays(date, -n);
    const start = requireDayNumber(date);
    let t = this.tableOfDay(start, date);
    if (n === 0) return date;
    let day = start;
    for (let left = n; ; ) {
      day--;
      if (day < t.first) t = this.table(t.year - 1);
      if (isWorking(t.kinds[day - t.first]) && --left === 0) return dateTextOf(day);
    }
  }

  /**
   * Working days in (a, b]: e.g. how many working days are left from today until a deadline
   * day. Negative when b is before a; 0 when equal.
   */
  workdaysBetween(a: string, b: string): number {
    const da = requireDayNumber(a);
    const db = requireDayNumber(b);
    if (db < da) return -this.workdaysBetween(b, a);
    const ta = this.tableOfDay(da, a);
    const tb = this.tableOfDay(db, b);
    // cumWork[i + 1] counts working days from 1 January through day i.
    const throughA = ta.cumWork[da - ta.first + 1];
    const throughB = tb.cumWork[db - tb.first + 1];
    if (ta.year === tb.year) return throughB - throughA;
    let total = ta.cumWork[ta.kinds.length] - throughA + throughB;
    for (let y = ta.year + 1; y < tb.year; y++) {
      const t = this.table(y);
      total += t.cumWork[t.kinds.length];
    }
    return total;
  }

  /** Every day of a month (1–12) with its kind, and the month's counts. */
  describeMonth(year: number, month: number): MonthDescription {
    if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`month must be 1–12, got ${month}`);
    const t = this.table(year);
    const first = dayNumber(year, month, 1);
    const days: DayInfo[] = [];
    for (let i = 0; i < daysInMonth(year, month); i++) days.push(this.infoOf(t, first + i));
    return { year, month, days, counts: countDays(days) };
  }

  /** The whole year: its months, counts, and the list of holidays and make-up days. */
  describeYear(year: number): YearDescription {
    const t = this.table(year);
    const months: MonthDescription[] = [];
    for (let m = 1; m <= 12; m++) months.push(this.describeMonth(year, m));
    const all = months.flatMap((m) => m.days);
    return {
      year,
      builtIn: t.builtIn,
      overridden: t.overridden,
      counts: countDays(all),
      months,
      specialDays: all.filter((d) => d.kind === 'holiday' || d.kind === 'makeup'),
    };
  }
}

function checkCount(n: number): void {
  if (!Number.isInteger(n)) throw new RangeError(`working-day count must be an integer, got ${n}`);
}

function countDays(days: readonly DayInfo[]): DayCounts {
  let workdays = 0;
  let weekends = 0;
  let holidays = 0;
  let makeup = 0;
  for (const d of days) {
    if (d.workday) workdays++;
    if (d.kind === 'weekend') weekends++;
    else if (d.kind === 'holiday') holidays++;
    else if (d.kind === 'makeup') makeup++;
  }
  return { days: days.length, workdays, weekends, holidays, makeup };
}
