import { isMonthText } from '../calendar/time';
import { Command } from 'commander';
import { monthlySummary } from '../reports/summary';
import { SUMMARY_FORMATS } from '../render/summary';
import { UsageError, type Io } from './common';
import { addOutputOptions, checkOutputOptions, emit, render, type OutputOptions } from './output';
import { asOfOption, monthOption, prepareReport, type ReportOptions } from './report-common';

const HELP = `
The monthly field-service summary (现场技术服务月度汇总) for the coordinator's monthly
production meeting:

  ticket list    first, every ticket accepted in the month, as the 现场技术服务报告汇总 lists
                 them: id, level (provisional marked), category, city (region), site,
                 accepted, restored/resolved, elapsed, the limit, on time/late/open, and its
                 summary text
  tickets        accepted in the month (by accepted_at), by level, by fault category
                 (service/nms/temperature/other) and by region of the policy's region table
                 (\`unknown\` when the ticket names no known city or region); a pie chart of
                 tickets per level in Markdown
  restore times  level-1 tickets accepted in the month: accepted → restored, mean and worst,
                 and the on-site stages (accepted → departed, departed → arrived,
                 arrived → restored) as means
  on-time rate   per clause, for every obligation whose due moment is in the month and that
                 has an outcome: on time vs late or overdue (open and noted items left out)
  findings       per clause, placed in the month as \`breaches --month\` places them, with a
                 bar chart in Markdown
  open tickets   accepted before month end and not closed by then (level 1: service restored,
                 unless only a temporary fix; levels 2–4 and difficult: resolved)
  provisional    tickets of the month whose level is not confirmed (level_confirmed: false)
  inspections    done / missed / planned / cancelled in the month (by ended_at, started_at or
                 planned_date), and inspection documents due in the month that came late
  other services upgrades, board loans, consultations, document requests, exchanges and
                 meetings in the month (the date field used is shown beside each)
  quotas         each quota clause of the policy (exchange days): done in the contract year up
                 to month end, in the month, and the quota; training seats of the policy
  last month     whether last month's report (the policy's monthly clause) came in on time

"Month end" is the end of the month, or the --as-of time when that is earlier.

Formats: text (default), md (with Mermaid charts GitHub and GitLab draw), csv (one sheet,
UTF-8 with BOM or --encoding gb18030), xlsx (the same as one sheet of a workbook, counts and
rates as numbers, times as date cells; give -o FILE.xlsx), html (one self-contained page,
printable on A4, the charts as inline SVG), json ({month, as_of, by_kind, tickets: {accepted,
by_level, by_category, by_region, provisional, list}, on_time, findings, level1, open_at_end,
inspections, quotas, training_seats, last_month_report, ...} — see
schemas/output-summary.schema.json).

Examples:
  $ svc-sla summary --month 2026-09 samples/gd-transmission --as-of 2026-10-31
  $ svc-sla summary --month 2026-09 --format md -o 2026-09-summary.md
  $ svc-sla summary --month 2026-09 --format xlsx -o ../2026-09-summary.xlsx
  $ svc-sla summary --month 2026-09 --format json | jq '.on_time'
`;

interface Opts extends ReportOptions, OutputOptions {}

export function summaryCommand(io: Io): Command {
  const cmd = new Command('summary')
    .summary('the monthly field-service summary: tickets, on-time rates, what is still open')
    .description('The monthly field-service summary: tickets by level, category and region, on-time rates, restore times, open items and quotas.')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .addOption(monthOption('the month, e.g. 2026-09', true))
    .addOption(asOfOption());
  return addOutputOptions(cmd)
    .addHelpText('after', HELP)
    .action((folder: string | undefined, opts: Opts) => {
      checkOutputOptions(opts);
      if (!isMonthText(opts.month ?? '')) throw new UsageError(`--month '${opts.month}' is not a month like 2026-09`);
      const ctx = prepareReport(io, folder, { asOf: opts.asOf, lang: opts.lang, month: opts.month });
      if (!ctx) return;
      const month = opts.month!;
      const summary = monthlySummary({
        records: ctx.ws.records,
        evaluations: ctx.evaluations,
        policy: ctx.policy,
        clock: ctx.ws.clock,
        asOf: ctx.asOf,
        month,
        contractStart: ctx.ws.config.contract_start,
      });
      emit(io, render(SUMMARY_FORMATS, summary, io, ctx, opts, month), opts, ctx.lang, ctx.ws.root);
    });
}
