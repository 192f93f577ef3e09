/**
 * What lies ahead of today (or `validate --as-of`): an event dated after it cannot have happened
 * (reports count it as not yet happened: most often a typo in the year), and a working-day
 * calendar about to run out (the built-in PRC calendar knows the years the State Council has
 * announced; from 60 days before its last day, next year's file is asked for). A report's
 * --as-of in the past is not "today": what happened after it is simply not counted yet.
 */
import { dateInYear, type Clock } from '../calendar/time';
import { KIND_FACTS } from '../core/kinds';
import { fileProblem, type Problem } from '../core/problems';
import type { Located } from '../load/folder';
import { recordProblem, type Check } from './check';

/** How long before the calendar's last known day the missing next year is pointed out. */
export const CALENDAR_NOTICE_DAYS = 60;

function futureTimes(l: Located, now: number, clock: Clock): Problem[] {
  const out: Problem[] = [];
  const plans = KIND_FACTS[l.rec.kind].plans;
  for (const [field, t] of Object.entries(l.rec.times)) {
    if (plans.includes(field) || clock.asEvent(t) <= now) continue;
    out.push(
      recordProblem(
        l,
        [field],
        'future-time',
        `${field} (${String(l.rec.data[field])}) lies after ${clock.format(now)}, the time checked as of (now): reports count it as not yet happened (a typo in the date?)`,
        'warning',
      ),
    );
  }
  return out;
}

export const AHEAD: Check = {
  name: 'ahead',
  tier: 'logic',
  emits: ['future-time', 'calendar-ahead'],
  run: ({ folder }) => {
    const { clock, now } = folder;
    const out = folder.located.filter((l) => l.ok).flatMap((l) => futureTimes(l, now, clock));
    const years = folder.calendar.knownYears();
    const last = years[years.length - 1];
    if (last !== undefined) {
      const lastDay = clock.endOfDay(dateInYear(last, 12, 31));
      const next = last + 1;
      if (now >= clock.startOfDay(clock.addDaysToDate(dateInYear(last, 12, 31), -CALENDAR_NOTICE_DAYS))) {
        const when = now > lastDay ? `ended on ${last}-12-31` : `ends on ${last}-12-31`;
        out.push(
          fileProblem(
            `calendars/${next}.yaml`,
            'calendar-ahead',
            `the working-day calendar ${when} and there is no calendars/${next}.yaml: working-day limits that run into ${next} cannot be computed. Add the year's holidays and make-up working days once they are announced (svc-sla calendar --help shows the format)`,
            { severity: 'warning' },
          ),
        );
      }
    }
    return out;
  },
};
