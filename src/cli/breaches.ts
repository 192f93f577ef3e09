import { Command, Option } from 'commander';
import { findingRows, selectFindings, totals } from '../reports/findings';
import type { Block } from '../render/document';
import { labels } from '../render/i18n';
import { findingJson, findingsTable, headerFields } from '../render/parts';
import type { Io } from './common';
import { addOutputOptions, checkOutputOptions, emit, renderBlocks, reportHeader, type OutputOptions } from './report';
import { asOfOption, parsePeriod, prepareReport, type ReportOptions } from './report-common';

const HELP = `
Lists every finding: each obligation missed or late, with the contract clause behind it, the
record, the due and the actual time, the points and the file:line of the evidence. 0-point
findings (stage overruns, operator obligations, shown-only clauses) and bonuses are listed too.

A finding counts in the quarter of its due moment (an assessment on its own date); an open
item becomes a finding only once its due moment is before --as-of. Without a period option
every finding up to --as-of is listed.

Like every report it refuses to compute from invalid records: it prints the validation
errors and exits 1.

Examples:
  $ svc-sla breaches --quarter 2026-Q3 samples/gd-transmission
  $ svc-sla breaches --month 2026-09 --clause fault.l1 --lang en
  $ svc-sla breaches --from 2026-07-01 --to 2026-08-15 --format csv -o findings.csv
  $ svc-sla breaches --quarter 2026-Q3 --as-of 2026-10-05 --format json
`;

interface Opts extends ReportOptions, OutputOptions {
  clause?: string;
}

export function breachesCommand(io: Io): Command {
  const cmd = new Command('breaches')
    .summary('list each missed obligation with its clause, due and actual time')
    .description('List each missed or late obligation with its contract clause, due and actual time, points and source.')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .option('--quarter <quarter>', 'only findings counted in this quarter, e.g. 2026-Q3')
    .option('--month <month>', 'only findings whose due moment is in this month, e.g. 2026-09')
    .option('--from <date>', 'only findings due on or after this date')
    .option('--to <date>', 'only findings due on or before this date (inclusive)')
    .addOption(asOfOption())
    .option('--clause <prefix>', 'only clauses whose id starts with this, e.g. fault.l1');
  return addOutputOptions(cmd, ['text', 'md', 'csv', 'json'])
    .addHelpText('after', HELP)
    .action((folder: string | undefined, opts: Opts) => {
      checkOutputOptions(opts);
      const ctx = prepareReport(io, folder, opts, { periodOnly: true });
      if (!ctx) return;
      const { ws, policy, lang } = ctx;
      const period = parsePeriod(opts, ws.clock);
      const rows = findingRows(selectFindings(ctx.evaluations, period, opts.clause), policy, ws.clock, lang);
      let text: string;
      if (opts.format === 'json') {
        text = `${JSON.stringify({ as_of: ws.clock.format(ctx.asOf), period: period?.label ?? null, policy: policy.id, findings: rows.map(findingJson) }, null, 2)}\n`;
      } else {
        const L = labels(lang);
        const t = totals(rows);
        const blocks: Block[] = [
          { type: 'title', text: `${L.findings}: ${period?.label ?? L.allTime}` },
          headerFields(reportHeader(ctx, period?.label ?? null), lang),
          { type: 'table', table: findingsTable(rows, lang, { quarter: true, title: true }), empty: L.noFindings },
          { type: 'text', text: L.summaryLine(t.count, t.deductions, t.bonus) },
        ];
        text = renderBlocks(blocks, opts.format ?? 'text', io, opts, lang);
      }
      emit(io, text, opts, lang, ws.root);
    });
}
