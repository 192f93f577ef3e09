/**
 * Instants, zone-local dates and reporting periods.
 *
 * This is the only place in svc-sla that turns record text into instants or instants into
 * dates, so every rule agrees on what "end of day", "which quarter" and "+3 d" mean
 * (CONTRACT.md, "Conventions"). Everything here is pure; a Clock only caches zone offsets.
 *
 * Parsing avoids dayjs/Date objects on purpose: a run parses ~50,000 timestamps, and a regex
 * plus integer arithmetic plus a per-hour offset cache is orders of magnitude cheaper than
 * building a zoned date object per value.
 */

import {
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  civilOf,
  dateText,
  dateTextOf,
  dayNumber,
  daysInMonth,
  pad2,
  pad4,
  requireDayNumber,
} from './civil';

export const DEFAULT_ZONE = 'Asia/Shanghai';

/**
 * A parsed record value. `ms` is the UTC epoch ms of the instant; for a date-only value it is
 * the start of that day in the clock's zone. Keep `dateOnly`: a date means the day's end when
 * used as a deadline and the day's start when used as an event (RECORDS.md, "Values").
 */
export interface When {
  readonly ms: number;
  readonly dateOnly: boolean;
}

/** A half-open interval [start, end) of epoch ms. */
export interface Period {
  readonly start: number;
  readonly end: number;
}

// ---------------------------------------------------------------------------------------------
// Zone-free syntax and validity

/** Fields of a syntactically valid, possible timestamp text; offsetMs null = read in the zone. */
interface Scanned {
  readonly day: number; // day number (days since 1970-01-01) of the written date
  readonly msOfDay: number;
  readonly offsetMs: number | null;
  readonly dateOnly: boolean;
}

// date [ (T|space) hh:mm [:ss [.fraction]] [ Z | ±hh[:mm] | ±hhmm ] ]
const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

function scan(text: string): Scanned | null {
  const m = TIMESTAMP_RE.exec(text);
  if (m === null) return null;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const day = dayNumber(y, mo, d);
  if (m[4] === undefined) return { day, msOfDay: 0, offsetMs: null, dateOnly: true };

  const h = +m[4];
  const mi = +m[5];
  const s = m[6] === undefined ? 0 : +m[6];
  // 24:00 and leap seconds are legal ISO but never appear in tickets; rejecting them keeps
  // "one text, one instant" simple.
  if (h > 23 || mi > 59 || s > 59) return null;
  // Sub-millisecond digits are dropped (truncated), not rounded, so an instant never moves
  // into the next second.
  const ms = m[7] === undefined ? 0 : +(m[7] + '00').slice(0, 3);
  const msOfDay = h * MS_PER_HOUR + mi * MS_PER_MINUTE + s * MS_PER_SECOND + ms;

  let offsetMs: number | null = null;
  if (m[8] !== undefined) {
    offsetMs = 0;
  } else if (m[9] !== undefined) {
    const oh = +m[10];
    const om = m[11] === undefined ? 0 : +m[11];
    if (oh > 23 || om > 59) return null;
    offsetMs = (m[9] === '-' ? -1 : 1) * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  }
  return { day, msOfDay, offsetMs, dateOnly: false };
}

/**
 * True for every text Clock.parse accepts: a date (`2026-07-03`) or a date-time with optional
 * seconds, fraction and offset. A bare date is included because RECORDS.md allows a date
 * wherever a timestamp is expected. Zone-free, so usable as an ajv custom format.
 */
export function isTimestampText(s: string): boolean {
  return scan(s) !== null;
}

/** True for a possible calendar date written `YYYY-MM-DD` (2026-02-29 is false). */
export function isDateText(s: string): boolean {
  const sc = scan(s);
  return sc !== null && sc.dateOnly;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const HALF_RE = /^(\d{4})-H([12])$/;
const YEAR_RE = /^(\d{4})$/;

export function isMonthText(s: string): boolean {
  return MONTH_RE.test(s);
}
const QUARTER_NUMERALS: Readonly<Record<string, string>> = { 一: '1', 二: '2', 三: '3', 四: '4' };

/**
 * A quarter as people type it — `2026q3`, `2026Q3`, `2026-q3`, `2026 Q3`, `2026年第3季度`,
 * `2026年第三季度`, full-width digits — in its one written form `2026-Q3`; null when it is not one.
 */
export function normalQuarter(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-_/. ]?\s*[Qq]\s*([1-4])$/.exec(t) ?? /^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$/.exec(t);
  if (m === null) return null;
  return `${m[1]}-Q${QUARTER_NUMERALS[m[2]!] ?? m[2]}`;
}

/** A month as people type it — `2026-9`, `2026/09`, `2026.9`, `2026年9月`, full-width digits — as `2026-09`; null when it is not one. */
export function normalMonth(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(t) ?? /^(\d{4})\s*年\s*(\d{1,2})\s*月?$/.exec(t);
  if (m === null) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
}

export function isQuarterText(s: string): boolean {
  return QUARTER_RE.test(s);
}
export function isHalfYearText(s: string): boolean {
  return HALF_RE.test(s);
}
export function isYearText(s: string): boolean {
  return YEAR_RE.test(s);
}

/** The month after (n > 0) or before (n < 0) a `YYYY-MM` month. */
export function shiftMonth(month: string, n: number): string {
  const m = MONTH_RE.exec(month);
  if (m === null) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  const index = +m[1] * 12 + (+m[2] - 1) + n;
  const y = Math.floor(index / 12);
  return pad4(y) + '-' + pad2(index - y * 12 + 1);
}

/** The three `YYYY-MM` months of a `YYYY-Qn` quarter. */
export function monthsOfQuarter(quarter: string): string[] {
  const m = QUARTER_RE.exec(quarter);
  if (m === null) throw new RangeError(`not a quarter (YYYY-Qn): ${JSON.stringify(quarter)}`);
  const first = (+m[2] - 1) * 3 + 1;
  return [0, 1, 2].map((i) => m[1] + '-' + pad2(first + i));
}

/**
 * Day `day` of a `YYYY-MM` month as a date; a day the month does not have is its last day (a
 * report due "by the 31st" of a 30-day month is due on the 30th).
 */
export function dayOfMonth(month: string, day: number): string {
  const m = MONTH_RE.exec(month);
  if (m === null) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  const y = +m[1];
  const mo = +m[2];
  return dateText(y, mo, Math.min(Math.max(1, day), daysInMonth(y, mo)));
}

/** A date `month`/`day` of year `y` (the day clamped to the month, as dayOfMonth). */
export function dateInYear(y: number, month: number, day: number): string {
  return dayOfMonth(pad4(y) + '-' + pad2(month), day);
}

/**
 * The anniversary in year `y` of a `YYYY-MM-DD` date: the same month and day, where a
 * 29 February falls back to 28 February in years without one (contract years that start on
 * a leap day).
 */
export function anniversary(date: string, y: number): string {
  const n = requireDayNumber(date);
  const c = civilOf(n);
  return dateInYear(y, c.m, c.d);
}

/**
 * An upper bound on how long a limit can run, in ms: hours exactly; days plus one (a date-only
 * start runs to the end of the day); working days twice over plus two weeks for the longest
 * holiday. Used to tell which records are too old to matter for a period.
 */
export function limitBoundMs(d: { readonly amount: number; readonly unit: 'h' | 'd' | 'wd' }): number {
  if (d.unit === 'h') return d.amount * MS_PER_HOUR;
  if (d.unit === 'd') return (d.amount + 1) * MS_PER_DAY;
  return (2 * d.amount + 14) * MS_PER_DAY;
}

/** One day, for bounds that need a day of slack. */
export const ONE_DAY_MS = MS_PER_DAY;

/** Day number of the first day of month `m` of year `y`, where m may run past 12. */
function firstOfMonth(y: number, m: number): number {
  return dayNumber(y + Math.floor((m - 1) / 12), ((m - 1) % 12) + 1, 1);
}

// ---------------------------------------------------------------------------------------------
// Zone-aware arithmetic

/** Bound on cached hours; a run touches far fewer, this only stops a pathological leak. */
const MAX_CACHED_HOURS = 500_000;

export class Clock {
  readonly zone: string;
  private readonly fmt: Intl.DateTimeFormat;
  /** UTC hour index → zone offset (ms) valid for that whole hour; NaN marks an hour with a transition. */
  private readonly hourOffsets = new Map<number, number>();
  /** UTC day index → zone offset (ms) valid for that whole day; NaN marks a day with a transition. */
  private readonly dayOffsets = new Map<number, number>();

  constructor(zone: string = DEFAULT_ZONE) {
    if (!Clock.isValidZone(zone)) throw new RangeError(`unknown time zone: ${JSON.stringify(zone)}`);
    this.zone = zone;
    // Only day-of-month and time are read back: the offset never exceeds a day, so the year
    // and month (and their era quirks for ancient years) are not needed.
    this.fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  static isValidZone(zone: string): boolean {
    if (typeof zone !== 'string' || zone === '') return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }

  // --- offsets ---

  /** The zone's UTC offset (ms, east positive) in force at instant `ms`. */
  offsetAt(ms: number): number {
    // Cached per UTC day: if the offsets at the day's first and last second agree, the day
    // holds no transition (no zone changes twice within a day), so the value serves the whole
    // day; a day with a transition falls back to its hours. A run over years of records then
    // asks Intl about a few thousand days instead of every distinct hour.
    const day = Math.floor(ms / MS_PER_DAY);
    let cached = this.dayOffsets.get(day);
    if (cached === undefined) {
      const a = this.computeOffset(day * MS_PER_DAY);
      const b = this.computeOffset(day * MS_PER_DAY + MS_PER_DAY - MS_PER_SECOND);
      cached = a === b ? a : NaN;
      if (this.dayOffsets.size >= MAX_CACHED_HOURS) this.dayOffsets.clear();
      this.dayOffsets.set(day, cached);
    }
    if (!Number.isNaN(cached)) return cached;
    const hour = Math.floor(ms / MS_PER_HOUR);
    let hourly = this.hourOffsets.get(hour);
    if (hourly === undefined) {
      // Transitions at half-hour UTC moments (Lord Howe, historical LMT) are why this is not
      // simply "the offset at the top of the hour".
      const a = this.computeOffset(hour * MS_PER_HOUR);
      const b = this.computeOffset(hour * MS_PER_HOUR + MS_PER_HOUR - MS_PER_SECOND);
      hourly = a === b ? a : NaN;
      if (this.hourOffsets.size >= MAX_CACHED_HOURS) this.hourOffsets.clear();
      this.hourOffsets.set(hour, hourly);
    }
    return Number.isNaN(hourly) ? this.computeOffset(ms) : hourly;
  }

  private computeOffset(ms: number): number {
    const t = Math.floor(ms / MS_PER_SECOND) * MS_PER_SECOND;
    let day = 0;
    let hour = 0;
    let minute = 0;
    let second = 0;
    for (const p of this.fmt.formatToParts(t)) {
      switch (p.type) {
        case 'day':
          day = +p.value;
          break;
        case 'hour':
          hour = +p.value % 24; // some ICU builds print midnight as 24 even with h23
          break;
        case 'minute':
          minute = +p.value;
          break;
        case 'second':
          second = +p.value;
          break;
      }
    }
    const utcDayNumber = Math.floor(t / MS_PER_DAY);
    const utcMsOfDay = t - utcDayNumber * MS_PER_DAY;
    const utcDay = civilOf(utcDayNumber).d;
    // Local and UTC dates differ by at most one day; a month wrap shows as a big jump in
    // day-of-month (local 31st vs UTC 1st means local is behind).
    let dayDelta = 0;
    if (day !== utcDay) dayDelta = day === utcDay - 1 || day > utcDay + 1 ? -1 : 1;
    const localMsOfDay = hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * MS_PER_SECOND;
    return dayDelta * MS_PER_DAY + localMsOfDay - utcMsOfDay;
  }

  /**
   * The instant at which the zone's wall clock shows `wall` (wall-clock fields encoded as if
   * UTC). When the clocks fall back and the wall time happens twice, the earlier instant is
   * taken; when they spring forward and it never happens, it is read with the offset in force
   * before the jump, which lands just after it (02:30 → 03:30). Same as Temporal's
   * "compatible" disambiguation.
   */
  private wallToInstant(wall: number): number {
    const before = this.offsetAt(wall - MS_PER_DAY);
    const after = this.offsetAt(wall + MS_PER_DAY);
    if (before === after) {
      const t = wall - before;
      if (this.offsetAt(t) === before) return t;
    }
    // A transition lies within a day of this wall time; try both offsets around it.
    const early = wall - before;
    const late = wall - after;
    const earlyFits = this.offsetAt(early) === before;
    const lateFits = this.offsetAt(late) === after;
    if (earlyFits && lateFits) return Math.min(early, late);
    if (earlyFits) return early;
    if (lateFits) return late;
    return early;
  }

  /** Zone-local day number of an instant. */
  private localDayNumber(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / MS_PER_DAY);
  }

  private startOfDayNumber(n: number): number {
    return this.wallToInstant(n * MS_PER_DAY);
  }

  // --- parsing ---

  /**
   * Reads `2026-07-03` (date only), `2026-07-03T01:00` / `2026-07-03 01:00`, with optional
   * `:ss`, `.sss` and offset (`Z`, `+08:00`, `+0800`, `+08`). Without an offset the time is
   * read in this clock's zone. Returns null for bad syntax and impossible values.
   */
  parse(text: string): When | null {
    const f = scan(text);
    if (f === null) return null;
    const wall = f.day * MS_PER_DAY + f.msOfDay;
    if (f.offsetMs !== null) return { ms: wall - f.offsetMs, dateOnly: false };
    return { ms: this.wallToInstant(wall), dateOnly: f.dateOnly };
  }

  /** A date as a deadline: the end of that day (23:59:59.999 local); a timestamp as is. */
  asDeadline(w: When): number {
    return w.dateOnly ? this.startOfDayNumber(this.localDayNumber(w.ms) + 1) - 1 : w.ms;
  }

  /** A date as an event: the start of that day; a timestamp as is. */
  asEvent(w: When): number {
    return w.dateOnly ? this.startOfDayNumber(this.localDayNumber(w.ms)) : w.ms;
  }

  // --- dates ---

  /** `YYYY-MM-DD` of the instant in this zone. */
  localDate(ms: number): string {
    return dateTextOf(this.localDayNumber(ms));
  }

  /** First instant of a `YYYY-MM-DD` day in this zone (throws RangeError on a bad date). */
  startOfDay(date: string): number {
    return this.startOfDayNumber(requireDayNumber(date));
  }

  /**
   * Last millisecond (23:59:59.999 local) of a day. Computed as "next day's start − 1 ms" so
   * that it is right on days that are 23 or 25 hours long.
   */
  endOfDay(date: string): number {
    return this.startOfDayNumber(requireDayNumber(date) + 1) - 1;
  }

  // --- formatting ---

  /** ISO 8601 with this zone's offset at that instant, seconds precision: `2026-07-03T01:00:00+08:00`. */
  format(ms: number): string {
    // ISO offsets have minute resolution; pre-1900 local mean times carry seconds
    // (Shanghai +08:05:43). Rounding the offset and shifting the shown wall time with it keeps
    // the text denoting the right instant.
    const off = Math.round(this.offsetAt(ms) / MS_PER_MINUTE) * MS_PER_MINUTE;
    const local = Math.floor(ms / MS_PER_SECOND) * MS_PER_SECOND + off;
    const n = Math.floor(local / MS_PER_DAY);
    const t = local - n * MS_PER_DAY;
    const abs = Math.abs(off) / MS_PER_MINUTE;
    return (
      dateTextOf(n) +
      'T' +
      pad2(Math.floor(t / MS_PER_HOUR)) +
      ':' +
      pad2(Math.floor(t / MS_PER_MINUTE) % 60) +
      ':' +
      pad2(Math.floor(t / MS_PER_SECOND) % 60) +
      (off < 0 ? '-' : '+') +
      pad2(Math.floor(abs / 60)) +
      ':' +
      pad2(abs % 60)
    );
  }

  /** `2026-07-03 01:00` in this zone, for tables (seconds truncated). */
  formatShort(ms: number): string {
    const local = ms + this.offsetAt(ms);
    const n = Math.floor(local / MS_PER_DAY);
    const t = local - n * MS_PER_DAY;
    return dateTextOf(n) + ' ' + pad2(Math.floor(t / MS_PER_HOUR)) + ':' + pad2(Math.floor(t / MS_PER_MINUTE) % 60);
  }

  // --- elapsed-time arithmetic ---

  /** `N h`: exact elapsed hours (may be fractional). */
  addHours(ms: number, h: number): number {
    return ms + h * MS_PER_HOUR;
  }

  /** `N d` on a timestamp: N × 24 h elapsed, not "same wall time N days later". */
  addDays(ms: number, n: number): number {
    return ms + n * MS_PER_DAY;
  }

  /** Calendar days on a `YYYY-MM-DD` date. */
  addDaysToDate(date: string, n: number): string {
    return dateTextOf(requireDayNumber(date) + n);
  }

  /**
   * The due moment of "N d" from a start value (CONTRACT.md): a timestamp + N × 24 h; a
   * date-only start → end of day (date + N).
   */
  dueAfterDays(start: When, n: number): number {
    if (!start.dateOnly) return start.ms + n * MS_PER_DAY;
    return this.startOfDayNumber(this.localDayNumber(start.ms) + n + 1) - 1;
  }

  // --- periods ---

  /** `2026-Q3`: the quarter of the instant in this zone. */
  quarterOf(ms: number): string {
    const c = civilOf(this.localDayNumber(ms));
    return pad4(c.y) + '-Q' + Math.ceil(c.m / 3);
  }

  /** `2026-09`: the month of the instant in this zone. */
  monthOf(ms: number): string {
    const c = civilOf(this.localDayNumber(ms));
    return pad4(c.y) + '-' + pad2(c.m);
  }

  /** `2026-H1` (Jan–Jun) or `2026-H2` (Jul–Dec) in this zone. */
  halfYearOf(ms: number): string {
    const c = civilOf(this.localDayNumber(ms));
    return pad4(c.y) + (c.m <= 6 ? '-H1' : '-H2');
  }

  /** Calendar year of the instant in this zone. */
  yearOf(ms: number): number {
    return civilOf(this.localDayNumber(ms)).y;
  }

  /** `2026-Q3` → [start of 1 Jul, start of 1 Oct) in this zone; null if not a quarter. */
  parseQuarter(text: string): Period | null {
    const m = QUARTER_RE.exec(text);
    if (m === null) return null;
    return this.monthSpan(+m[1], (+m[2] - 1) * 3 + 1, 3);
  }

  /** `2026-09` → [start of 1 Sep, start of 1 Oct); null if not a month. */
  parseMonth(text: string): Period | null {
    const m = MONTH_RE.exec(text);
    if (m === null) return null;
    return this.monthSpan(+m[1], +m[2], 1);
  }

  /** `2026-H2` → [start of 1 Jul, start of 1 Jan 2027); null if not a half year. */
  parseHalfYear(text: string): Period | null {
    const m = HALF_RE.exec(text);
    if (m === null) return null;
    return this.monthSpan(+m[1], m[2] === '1' ? 1 : 7, 6);
  }

  /** `2026` → the calendar year; null if not a year. */
  parseYear(text: string): Period | null {
    const m = YEAR_RE.exec(text);
    if (m === null) return null;
    return this.monthSpan(+m[1], 1, 12);
  }

  private monthSpan(y: number, firstMonth: number, months: number): Period {
    return {
      start: this.startOfDayNumber(firstOfMonth(y, firstMonth)),
      end: this.startOfDayNumber(firstOfMonth(y, firstMonth + months)),
    };
  }
}
