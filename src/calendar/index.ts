/**
 * Date/time and working-day arithmetic for svc-sla. Nothing outside src/calendar computes
 * with dates by hand: parse with a Clock, count working days with a WorkCalendar.
 */
export {
  Clock,
  DEFAULT_ZONE,
  ONE_DAY_MS,
  anniversary,
  dateInYear,
  dayOfMonth,
  limitBoundMs,
  isDateText,
  isHalfYearText,
  isMonthText,
  isQuarterText,
  normalMonth,
  normalQuarter,
  isTimestampText,
  isYearText,
  monthsOfQuarter,
  shiftMonth,
} from './time';
export type { Period, When } from './time';
export {
  UnknownCalendarYearError,
  WorkCalendar,
  builtInYears,
  calendarFileProblems,
} from './workdays';
export type {
  CalendarFile,
  DayCounts,
  DayInfo,
  DayKind,
  HolidayName,
  MonthDescription,
  YearDescription,
} from './workdays';
