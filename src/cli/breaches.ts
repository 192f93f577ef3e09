import { Command, Option } from 'commander';
import { findingRows, selectFindings, totals, type FindingRow } from '../reports/findings';
import { labels } from '../render/i18n';
import { renderCsvTable, renderMarkdownTable, renderTerminalTable, type TableModel } from '../render/table';
import type { Io } from './common';
import { asOfOption, langOption, parsePeriod, prepareReport, type ReportOptions } from './report-common';

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
  $ svc-sla breaches --from 2026-07-01 --to 2026-08-15 --format csv > findings.csv
  $ svc-sla breaches --quarter 2026-Q3 --as-of 2026-10-05 --format json
`;

interface Opts extends ReportOptions {
  clause?: string;
  format?: string;
}

export function breachesCommand(io: Io): Command {
  return new Command('breaches')
    .summary('list each missed obligation with its clause, due and actual time')
    .description('List each missed or late obligation with its contract clause, due and actual time, points and source.')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .option('--quarter <quarter>', 'only findings counted in this quarter, e.g. 2026-Q3')
    .option('--month <month>', 'only findings whose due moment is in this month, e.g. 2026-09')
    .option('--from <date>', 'only findings due on or after this date')
    .option('--to <date>', 'only findings due on or before this date (inclusive)')
    .addOption(asOfOption())
    .option('--clause <prefix>', 'only clauses whose id starts with this, e.g. fault.l1')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'csv', 'json']).default('text'))
    .addOption(langOption())
    .addHelpText('after', HELP)
    .action((folder: string | undefined, opts: Opts) => {
      const ctx = prepareReport(io, folder, opts);
      if (!ctx) return;
      const { ws, policy, lang } = ctx;
      const period = parsePeriod(opts, ws.clock);
      const selected = selectFindings(ctx.evaluations, period, opts.clause);
      const rows = findingRows(selected, policy, ws.clock, lang);
      const L = labels(lang);
      const asOfText = ws.clock.format(ctx.asOf);
      if (opts.format === 'json') {
        const findings = rows.map((r) => ({
          record: r.record,
          kind: r.kind,
          clause: r.clause,
          category: r.category,
          points: r.points,
          due: r.due,
          actual: r.actual,
          quarter: r.quarter,
          file: r.file,
          line: r.line,
          message: r.message,
        }));
        io.out(`${JSON.stringify({ as_of: asOfText, period: period?.label ?? null, policy: policy.id, findings }, null, 2)}\n`);
        return;
      }
      const table = findingTable(rows, lang, ws.clock.zone === 'Asia/Shanghai');
      const t = totals(rows);
      const headline = `${L.findings}: ${period?.label ?? L.allTime} · ${L.asOf} ${asOfText} · ${L.policy} ${policy.id}`;
      const sum = L.summaryLine(t.count, t.deductions, t.bonus);
      if (opts.format === 'csv') io.out(`\uFEFF${renderCsvTable(table)}`);
      else if (opts.format === 'md') io.out(`## ${headline}\n\n${rows.length ? renderMarkdownTable(table) : `${L.noFindings}\n`}\n${sum}\n`);
      else io.out(`${headline}\n${rows.length ? renderTerminalTable(table, io.paint !== undefined && io.stdoutIsTty) : `${L.noFindings}\n`}${sum}\n`);
    });
}

/** Times shown as `2026-07-03 16:30` in the records' zone (the JSON keeps full ISO with offset). */
function short(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 16).replace('T', ' ');
}

function findingTable(rows: readonly FindingRow[], lang: 'zh-CN' | 'en', _defaultZone: boolean): TableModel {
  const L = labels(lang);
  return {
    columns: [
      { label: L.quarter },
      { label: L.clause },
      { label: L.title },
      { label: L.record },
      { label: L.due },
      { label: L.actual },
      { label: L.points, align: 'right' },
      { label: L.note },
      { label: L.source },
    ],
    rows: rows.map((r) => [
      r.quarter,
      r.clause,
      r.title,
      r.record ?? r.subject,
      short(r.due),
      short(r.actual),
      r.points > 0 ? `+${r.points}` : String(r.points),
      r.message,
      r.file ? `${r.file}:${r.line}` : '',
    ]),
  };
}
