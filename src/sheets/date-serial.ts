/**
 * Spreadsheet date serials → wall-clock fields, in integer arithmetic only. No Date object and
 * no time zone is involved anywhere, so the result cannot depend on the process's TZ: a serial
 * is a reading of the wall clock, and the records folder's zone is applied later, by the loader.
 */

/** A wall-clock reading with no zone: what the cell shows. */
export interface WallTime {
  readonly y: number;
  readonly m: number; // 1–12
  readonly d: number; // 1–31
  readonly h: number;
  readonly mi: number;
  readonly s: number;
  readonly ms: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day count since 1970-01-01 (civil_from_days). */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const EPOCH_1900 = daysFromCivil(1899, 12, 30);
const EPOCH_1900_EARLY = daysFromCivil(1899, 12, 31);
const EPOCH_1904 = daysFromCivil(1904, 1, 1);
/** 9999-12-31, the last day a spreadsheet can show */
const MAX_SERIAL_1900 = 2_958_465;

/**
 * The wall time of a serial, rounded to the millisecond, or null for a serial no spreadsheet
 * shows as a date (negative, past 9999-12-31, or 60 in the 1900 system: the 29 February 1900
 * that Excel keeps for Lotus 1-2-3 and that never was).
 *
 * Rounding to the millisecond matters: LibreOffice writes ten decimals (21:10 is
 * 46267.8819444444, i.e. 21:09:59.99996), and truncating would move every such time into the
 * previous minute.
 *
 * 1900 system: serial 1 is 1900-01-01, and from 61 on serial n is 1899-12-30 + n days (the
 * missing leap day shifts the early serials by one). 1904 system (old Mac workbooks): serial 0
 * is 1904-01-01.
 */
export function serialToWall(serial: number, date1904: boolean): WallTime | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  if (serial > MAX_SERIAL_1900 + 1 - (date1904 ? 1462 : 0)) return null;
  const total = Math.round(serial * MS_PER_DAY);
  const dayCount = Math.floor(total / MS_PER_DAY);
  let msOfDay = total - dayCount * MS_PER_DAY;
  let day: number;
  if (date1904) day = EPOCH_1904 + dayCount;
  else if (dayCount >= 61) day = EPOCH_1900 + dayCount;
  else if (dayCount === 60) return null;
  else day = EPOCH_1900_EARLY + dayCount;
  const { y, m, d } = civilFromDays(day);
  if (y > 9999) return null;
  const h = Math.floor(msOfDay / 3_600_000);
  msOfDay -= h * 3_600_000;
  const mi = Math.floor(msOfDay / 60_000);
  msOfDay -= mi * 60_000;
  const s = Math.floor(msOfDay / 1000);
  return { y, m, d, h, mi, s, ms: msOfDay - s * 1000 };
}

/**
 * The serial a spreadsheet stores for a wall time (1900 date system, dates from 1900-03-01 on,
 * where Excel's phantom 1900-02-29 no longer matters). Integer arithmetic to the ms.
 */
export function wallToSerial(w: WallTime): number {
  const days = daysFromCivil(w.y, w.m, w.d) - daysFromCivil(1899, 12, 30);
  const ms = ((w.h * 60 + w.mi) * 60 + w.s) * 1000 + w.ms;
  return days + ms / MS_PER_DAY;
}
