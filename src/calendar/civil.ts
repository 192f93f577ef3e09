/**
 * Proleptic-Gregorian day arithmetic on plain integers (internal to src/calendar).
 *
 * A "day number" counts days since 1970-01-01. Working on integers instead of Date objects
 * keeps the hot paths allocation-free and sidesteps Date.UTC's two-digit-year quirk
 * (Date.UTC(99, 0, 1) is 1999).
 */

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

export function daysInYear(y: number): number {
  return isLeapYear(y) ? 366 : 365;
}

/** Day number of a civil date (month 1–12). Howard Hinnant's days_from_civil. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12; // March = 0, so the leap day is the era's last day
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Civil {
  y: number;
  m: number;
  d: number;
}

/** Inverse of dayNumber (Hinnant's civil_from_days). */
export function civilOf(n: number): Civil {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday … 6 = Saturday (day 0, 1970-01-01, was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

export function pad4(n: number): string {
  return n >= 1000 ? String(n) : String(n).padStart(4, '0');
}

export function dateText(y: number, m: number, d: number): string {
  return pad4(y) + '-' + pad2(m) + '-' + pad2(d);
}

export function dateTextOf(n: number): string {
  const c = civilOf(n);
  return dateText(c.y, c.m, c.d);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a valid `YYYY-MM-DD`, or NaN for anything else (including 2026-02-30). */
export function dayNumberOfText(s: string): number {
  const m = DATE_RE.exec(s);
  if (m === null) return NaN;
  const y = +m[1];
  const mo = +m[2];
  const d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return dayNumber(y, mo, d);
}

/** Like dayNumberOfText, for inputs that callers should already have validated. */
export function requireDayNumber(s: string): number {
  const n = dayNumberOfText(s);
  if (Number.isNaN(n)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  return n;
}
