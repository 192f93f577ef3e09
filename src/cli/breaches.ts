import { Command } from 'commander';
import { clauseMatches, selectFindings } from '../reports/findings';
import { didYouMean } from '../util/suggest';
import { BREACHES_FORMATS } from '../render/breaches';
import { UsageError, type Io } from './common';
import { addFlatOption, addOutputOptions, checkOutputOptions, emit, render, type OutputOptions } from './output';
import { asOfOption, monthOption, parsePeriod, prepareReport, quarterOption, type ReportOptions } from './report-common';
const HELP = `
Lists every finding: each obligation missed or late, with the contract clause behind it, the
record, the due and the actual time, the points and the file:line of the evidence. 0-point
findings (stage overruns, operator obligations, shown-only clauses) and bonuses are listed too.

A finding counts in the quarter of its due moment (an assessment on its own date); an open
item becomes a finding only once its due moment is before --as-of. Without a period option
every finding up to --as-of is listed.

Formats: text (default), md, csv (one sheet; with --no-header-block only the findings, as one
table with one header row and numeric columns — points, overrun in minutes and, for
working-day clauses, in working days — for pivot tables), xlsx (a workbook: the findings with
real numbers and date cells, frozen header row; the report's header on a second sheet; give
-o FILE.xlsx), html (one self-contained page, printable on A4) and json.

Like every report it refuses to compute from invalid records: it prints the validation
errors and exits 1.

Examples:
  $ svc-sla breaches --quarter 2026-Q3 samples/gd-transmission
  $ svc-sla breaches --month 2026-09 --clause fault.l1 --lang en
  $ svc-sla breaches --from 2026-07-01 --to 2026-08-15 --format csv -o findings.csv
  $ svc-sla breaches --quarter 2026-Q3 --as-of 2026-10-05 --format json
  $ svc-sla breaches --quarter 2026-Q3 --format xlsx -o ../2026-Q3-findings.xlsx
`;

interface Opts extends ReportOptions, OutputOptions {
  clause?: string;
}

export function breachesCommand(io: Io): Command {
  const cmd = new Command('breaches')
    .summary('list each missed obligation with its clause, due and actual time')
    .description('List each missed or late obligation with its contract clause, due and actual time, points and source.')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .addOption(quarterOption('only findings counted in this quarter, e.g. 2026-Q3'))
    .addOption(monthOption('only findings whose due moment is in this month, e.g. 2026-09'))
    .option('--from <date>', 'only findings due on or after this date')
    .option('--to <date>', 'only findings due on or before this date (inclusive)')
    .addOption(asOfOption())
    .option('--clause <prefix>', 'only clauses whose id starts with this, e.g. fault.l1');
  return addFlatOption(addOutputOptions(cmd))
    .addHelpText('after', HELP)
    .action((folder: string | undefined, opts: Opts) => {
      checkOutputOptions(opts);
      const ctx = prepareReport(io, folder, opts, { periodOnly: true });
      if (!ctx) return;
      if (opts.clause !== undefined) {
        const ids = ctx.policy.clauses.map((c) => c.id);
        if (!ids.some((id) => clauseMatches(id, opts.clause))) {
          throw new UsageError(`--clause '${opts.clause}' matches no clause of policy ${ctx.policy.id}${didYouMean(opts.clause, [...new Set(ids.flatMap(prefixesOf))])} (svc-sla policy show lists them)`);
        }
      }
      const period = parsePeriod(opts, ctx.ws.clock);
      const findings = selectFindings(ctx.evaluations, period, opts.clause);
      emit(io, render(BREACHES_FORMATS, { period, findings }, io, ctx, opts, period?.label ?? null), opts, ctx.lang, ctx.ws.root);
    });
}

/** `fault.l1.restore.remote` → fault, fault.l1, fault.l1.restore, fault.l1.restore.remote: what --clause may name. */
function prefixesOf(id: string): string[] {
  const parts = id.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}
