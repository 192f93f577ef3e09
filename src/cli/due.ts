import { Command } from 'commander';
import type { Clock } from '../calendar/time';
import { UnknownCalendarYearError, type WorkCalendar } from '../calendar/workdays';
import { dueList, parseWithin, windowEnd } from '../reports/due';
import { DUE_FORMATS } from '../render/due';
import type { Formats } from '../render/formats';
import { REPORT_FORMATS } from '../render/formats';
import { dueIcs } from '../render/ics';
import { UsageError, type Io } from './common';
import { addOutputOptions, checkOutputOptions, emit, render, type OutputOptions } from './output';
import { asOfOption, prepareReport, type ReportOptions } from './report-common';

const HELP = `
What needs doing: every open obligation whose due moment falls within --within after the
as-of time, and every obligation already overdue (due and still not done), soonest first,
with the time left — negative when overdue — the clause, the record and the points at stake.

Time left is shown in hours and minutes (days for long spans); for clauses whose limit is
in working days (consultation answered within 1 wd, documents within 5 wd, ...) it is the
number of PRC working days from the as-of date to the due date (0 = due today).

Recurring obligations appear as they come due: the monthly report (by the 15th), the
half-year inspection coverage of each trunk, the annual plan and the yearly exchange quota.
Overdue items stay on the list until the record shows them done. The records are read as
they are: an obligation recorded as done counts as done even if the date lies after --as-of.

--within takes 72h (the default), 3d (3 × 24 h) or 5wd (to the end of the 5th working day
after the as-of date).

Formats: ics (an iCalendar feed: one event per due moment with an alarm one working day
before, stable UIDs, so a calendar subscribed to the file updates its events — run it from
cron into a published file), text (default), md, csv (one table; UTF-8 with BOM or --encoding
gb18030), xlsx (the same as one sheet of a workbook; give -o FILE.xlsx), html (one
self-contained page), json
({as_of, within, until, obligations: [{clause, record, subject, status, overdue, due,
left_minutes, left_workdays, points, file, line, ...}], ...} — see
schemas/output-due.schema.json).

Examples:
  $ svc-sla due samples/gd-transmission --as-of 2026-11-25 --within 40d
  $ svc-sla due --within 5wd
  $ svc-sla due --format json | jq '.obligations[] | select(.overdue)'
  $ svc-sla due --within 30d --format ics -o /srv/www/calendars/gd-due.ics
`;

interface Opts extends ReportOptions, OutputOptions {
  within?: string;
}

export function dueCommand(io: Io): Command {
  const cmd = new Command('due')
    .summary('open obligations coming due soon, and those already overdue')
    .description('Open obligations coming due within a window, and those already overdue, soonest first, with the time left.')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .option('--within <span>', 'how far ahead to look: 72h, 3d or 5wd', '72h')
    .addOption(asOfOption());
  addOutputOptions(cmd);
  // the due list alone is also a calendar feed
  cmd.options.find((o) => o.long === '--format')!.choices([...REPORT_FORMATS, 'ics']);
  return cmd
    .addHelpText('after', HELP)
    .action((folder: string | undefined, opts: Opts) => {
      checkOutputOptions(opts);
      const within = parseWithin(opts.within ?? '72h');
      if (!within) throw new UsageError(`--within '${opts.within}' is not a span like 72h, 3d or 5wd`);
      const until = (ws: { clock: Clock; calendar: WorkCalendar }, asOf: number): number => {
        try {
          return windowEnd(asOf, within, ws.clock, ws.calendar);
        } catch (err) {
          if (err instanceof UnknownCalendarYearError) throw new UsageError(`--within ${opts.within}: ${err.message}`);
          throw err;
        }
      };
      const ctx = prepareReport(io, folder, { asOf: opts.asOf, lang: opts.lang }, { showsUntil: until });
      if (!ctx) return;
      const { clock, calendar } = ctx.ws;
      const list = dueList(ctx.evaluations, ctx.asOf, within, until(ctx.ws, ctx.asOf), clock, calendar);
      const formats = { ...DUE_FORMATS, ics: dueIcs } as Formats<typeof list>;
      emit(io, render(formats, list, io, ctx, opts, null), opts, ctx.lang, ctx.ws.root);
    });
}
