import { isQuarterText } from '../calendar/time';
import { Command } from 'commander';
import { quarterlyTable } from '../reports/quarterly';
import { QUARTERLY_FORMATS } from '../render/quarterly';
import { UsageError, type Io } from './common';
import { addFlatOption, addOutputOptions, checkOutputOptions, emit, render, type OutputOptions } from './output';
import { asOfOption, prepareReport, quarterOption, type ReportOptions } from './report-common';
const HELP = `
The quarterly table (附表:分值及考核汇总表): one row per category of the policy, in the
policy's order, with the clauses it covers, its maximum, the points deducted, the bonus, the
score and the number of findings; a total line; then every finding behind the numbers,
grouped by category, with its record, clause, due and actual time, points and file:line.

What counts:
  - a finding counts in the quarter its due moment falls in (an assessment on its own date);
    a still-open item only once its due moment is before --as-of. A level-1 ticket opened on
    30 September whose limit runs out on 1 October counts in Q4.
  - deductions: the plain sum of the points lost in the row (a positive number, not capped);
    bonus: the sum of bonus points (letters of thanks).
  - score = max(0, maximum − deductions) + bonus where the policy sets a maximum; empty
    (null in JSON) where it sets none — the deductions still count in the total.
  - findings: every finding of the row, 0-point ones (stage overruns, operator obligations,
    shown-only clauses) included, so the count matches \`svc-sla breaches --quarter\`.
  - the total line sums deductions, bonus and findings over all rows.

The header names the contract (svc-sla.yaml \`contract\`), the quarter, the as-of time, the
policy and the git commit of the records ("uncommitted changes" when the work tree differs),
so a printed table can be reproduced. The same records and --as-of give the same bytes.

Formats:
  text   boxed tables for the terminal (default)
  md     Markdown for a meeting document or an issue (| and line breaks escaped)
  csv    one Excel sheet: header, table, findings; UTF-8 with BOM, or --encoding gb18030;
         cells Excel would run as formulas (=, +, -, @) are prefixed with '.
         With --no-header-block only the findings, as one table with one header row, for
         pivot tables: quarter, category, clause, record, due, actual, points, overrun in
         minutes and (working-day clauses) in working days, note, file, line, sheet
  xlsx   a workbook (-o 2026-Q3.xlsx): the table laid out like the contract's — category,
         its clauses by title, 满分, 扣分, 加分, 得分, count — and the findings on a second
         sheet with real numbers and date cells (wall times in the records' zone), frozen
         header rows, widths fit for Chinese text; --lang chooses the words. Record text
         that looks like a formula stays text.
  html   one self-contained page (-o 2026-Q3.html): no script, nothing fetched, printable
         on A4 with the table header on every page; record text is escaped
  json   {quarter, as_of, categories: [{id, max, deductions, bonus, score, count, title,
         clauses}], total: {deductions, bonus, count}, contract, policy, provenance,
         findings: [as breaches]} — see schemas/output-report.schema.json

Like every report it refuses to compute from invalid records (exit 1).

Examples:
  $ svc-sla report --quarter 2026-Q3 samples/gd-transmission --as-of 2026-10-31
  $ svc-sla report --quarter 2026-Q3 --format md -o 2026-Q3.md
  $ svc-sla report --quarter 2026-Q3 --format csv --encoding gb18030 -o 2026-Q3.csv
  $ svc-sla report --quarter 2026-Q3 --format xlsx -o ../2026-Q3.xlsx
  $ svc-sla report --quarter 2026-Q3 --format html -o ../2026-Q3.html
  $ svc-sla report --quarter 2026-Q3 --format csv --no-header-block -o findings.csv
  $ svc-sla report --quarter 2026-Q3 --format json --lang en | jq '.total'
`;

interface Opts extends ReportOptions, OutputOptions {}

export function reportCommand(io: Io): Command {
  const cmd = new Command('report')
    .summary('the quarterly table: deductions, bonus and score per category')
    .description('The quarterly table (分值及考核汇总表): deductions, bonus and score per category, with every finding behind them.')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .addOption(quarterOption('the quarter, e.g. 2026-Q3', true))
    .addOption(asOfOption());
  return addFlatOption(addOutputOptions(cmd))
    .addHelpText('after', HELP)
    .action((folder: string | undefined, opts: Opts) => {
      checkOutputOptions(opts);
      if (!isQuarterText(opts.quarter ?? '')) throw new UsageError(`--quarter '${opts.quarter}' is not a quarter like 2026-Q3`);
      const ctx = prepareReport(io, folder, { asOf: opts.asOf, lang: opts.lang, quarter: opts.quarter }, { periodOnly: true });
      if (!ctx) return;
      const quarter = opts.quarter!;
      const table = quarterlyTable(ctx.evaluations, ctx.policy, quarter);
      emit(io, render(QUARTERLY_FORMATS, table, io, ctx, opts, quarter), opts, ctx.lang, ctx.ws.root);
    });
}
