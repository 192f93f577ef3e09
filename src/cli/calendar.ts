import { Command, Option } from 'commander';
import { Clock, DEFAULT_ZONE, isMonthText, isYearText } from '../calendar/time';
import { UnknownCalendarYearError, WorkCalendar } from '../calendar/workdays';
import type { Lang } from '../core/lang';
import { findRecordsFolder } from '../load/discover';
import { renderMonth, renderYear } from '../render/calendar';
import { openFolder } from '../load/folder';
import { hasErrors } from '../core/problems';
import { diskFiles } from '../source/fs';
import { renderText } from '../render/problems';
import { escapeTerminal } from '../render/escape';
import { EXIT_INVALID, UsageError, checkYearOf, nowOf, resolveFolder, type Io } from './common';
import { plain } from '../render/style';
import { emit } from './output';
import { langOption } from './report-common';

const HELP = `
Shows the working-day calendar every working-day limit (工作日) is computed with: the official
PRC calendar (statutory holidays and announced make-up working days, 调休) from a maintained
data package, corrected or extended by the records folder's calendars/*.yaml files.

A year the calendar does not know (the built-in data ends with the last year the State
Council has announced) is an error; add calendars/<year>.yaml:
  year: 2027
  holidays: [2027-01-01, 2027-02-10]   # days off
  workdays: [2027-02-07]               # make-up working days (调休上班)

Examples:
  $ svc-sla calendar 2026-10            # National Day week and the make-up Saturday 10-10
  $ svc-sla calendar 2026 --lang en
  $ svc-sla calendar 2027 path/to/records --format json
`;

export function calendarCommand(io: Io): Command {
  return new Command('calendar')
    .summary('print working days, holidays and make-up days of a year or month')
    .description('Print the working-day calendar of a year or a month: working days, statutory holidays, make-up working days.')
    .argument('[period]', 'a year (2026) or a month (2026-10); default: the current month')
    .argument('[folder]', "records folder whose calendars/ files apply (default: the nearest one, if any)")
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .option('-o, --output <file>', 'write to this file instead of standard output (written whole or not at all)')
    .addHelpText('after', HELP)
    .action((period: string | undefined, folder: string | undefined, opts: { format: string; lang?: string; output?: string }) => {
      let calendar = new WorkCalendar();
      let lang: Lang = (opts.lang as Lang | undefined) ?? 'zh-CN';
      let zone = DEFAULT_ZONE;
      const root = folder !== undefined ? resolveFolder(folder, io.cwd) : findRecordsFolder(diskFiles, io.cwd);
      if (root !== null) {
        const ws = openFolder(root);
        const calendarProblems = ws.problems.filter((p) => p.file.startsWith('calendars/') || p.rule === 'calendar');
        if (hasErrors(calendarProblems)) {
          io.err(renderText({ records: 0, files: 0, problems: calendarProblems }, { quiet: true }));
          io.exitCode = EXIT_INVALID;
          return;
        }
        calendar = ws.calendar;
        zone = ws.config.timezone;
        if (opts.lang === undefined) lang = ws.config.locale;
      }
      // "this month" in the records' time zone (the contract's, by default), not the machine's
      const p = period ?? new Clock(zone).monthOf(nowOf(io.env));
      if (period !== undefined) checkYearOf('the period', period);
      // into a file: no colours, as every report
      const tty = opts.output === undefined && io.stdoutIsTty;
      const out = (text: string): void => emit(io, text, { format: opts.format, output: opts.output }, lang, root ?? undefined);
      try {
        if (isYearText(p)) {
          const y = calendar.describeYear(Number(p));
          out(opts.format === 'json' ? `${JSON.stringify(y, null, 2)}\n` : renderYear(y, lang, tty));
        } else if (isMonthText(p)) {
          const [y, m] = p.split('-').map(Number) as [number, number];
          const d = calendar.describeMonth(y, m);
          out(opts.format === 'json' ? `${JSON.stringify(d, null, 2)}\n` : renderMonth(d, lang, tty ? io.paint : plain));
        } else {
          throw new UsageError(`'${p}' is neither a year (2026) nor a month (2026-10)`);
        }
      } catch (err) {
        if (err instanceof UnknownCalendarYearError) {
          io.err(`svc-sla: ${escapeTerminal(err.message, { newlines: true })}\n`);
          io.exitCode = EXIT_INVALID;
          return;
        }
        throw err;
      }
    });
}
