/**
 * What is coming due: open obligations whose due moment falls within a window after the as-of
 * time, and those already overdue, soonest first, with the time left. Plain data, no text.
 */
import type { Clock } from '../calendar/time';
import { UnknownCalendarYearError, type WorkCalendar } from '../calendar/workdays';
import type { Duration } from '../core/policy';
import type { Evaluation } from '../rules/engine';

/** `72h`, `3d`, `5wd` (also with a space, `5 wd`). */
export function parseWithin(text: string): Duration | null {
  const m = /^\s*(\d+)\s*(h|d|wd)\s*$/i.exec(text);
  if (!m) return null;
  const amount = Number(m[1]);
  if (!Number.isSafeInteger(amount) || amount > 100_000) return null;
  return { amount, unit: m[2]!.toLowerCase() as Duration['unit'] };
}

/**
 * The end of the window: `N h` and `N d` are elapsed time after the as-of moment; `N wd` runs to
 * the end of the N-th working day after the as-of date (as a working-day limit does).
 * Throws UnknownCalendarYearError when the window needs a year the calendar does not know.
 */
export function windowEnd(asOf: number, within: Duration, clock: Clock, calendar: WorkCalendar): number {
  switch (within.unit) {
    case 'h':
      return clock.addHours(asOf, within.amount);
    case 'd':
      return clock.addDays(asOf, within.amount);
    case 'wd':
      return clock.endOfDay(calendar.addWorkdays(clock.localDate(asOf), within.amount));
  }
}

export interface DueItem {
  readonly evaluation: Evaluation;
  readonly due: number;
  /** due − as-of in ms; negative when overdue */
  readonly left: number;
  /** working days in (as-of date, due date] for clauses whose limit is in working days; else null */
  readonly leftWorkdays: number | null;
  readonly overdue: boolean;
}

export interface DueList {
  readonly asOf: number;
  readonly within: Duration;
  readonly until: number;
  readonly items: readonly DueItem[];
}

/**
 * Open evaluations due by `until`, and missed ones (overdue and still not done), soonest due
 * first; the engine's order (clause order, subject) breaks ties.
 */
export function dueList(evaluations: readonly Evaluation[], asOf: number, within: Duration, until: number, clock: Clock, calendar: WorkCalendar): DueList {
  const picked: DueItem[] = [];
  for (const e of evaluations) {
    if (e.due === null) continue;
    const take = e.status === 'missed' || (e.status === 'open' && e.due <= until);
    if (!take) continue;
    let leftWorkdays: number | null = null;
    if (e.limit?.duration?.unit === 'wd') {
      try {
        leftWorkdays = calendar.workdaysBetween(clock.localDate(asOf), clock.localDate(e.due));
      } catch (err) {
        if (!(err instanceof UnknownCalendarYearError)) throw err;
      }
    }
    picked.push({ evaluation: e, due: e.due, left: e.due - asOf, leftWorkdays, overdue: e.status === 'missed' });
  }
  // Array.prototype.sort is stable: equal due moments keep the engine's order
  picked.sort((a, b) => a.due - b.due);
  return { asOf, within, until, items: picked };
}
