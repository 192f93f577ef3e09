import { isQuarterText } from '../calendar/time';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../core/lang';
import { fileTypeOf } from '../load/discover';
import type { ReportHeader } from '../reports/header';
import { quarterlyTable } from '../reports/quarterly';
import { renderCsv, renderMarkdown, renderText, type Block } from '../render/document';
import { labels } from '../render/i18n';
import { ENCODINGS, encodeCsv, writeFileAtomically, type Encoding } from '../render/output';
import { quarterlyBlocks, quarterlyJson } from '../render/quarterly';
import { plain } from '../render/style';
import { provenance } from '../util/git';
import { UsageError, type Io } from './common';
import { asOfOption, langOption, prepareReport, type ReportContext, type ReportOptions } from './report-common';

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
         cells Excel would run as formulas (=, +, -, @) are prefixed with '
  json   {quarter, as_of, categories: [{id, max, deductions, bonus, score, count, title,
         clauses}], total: {deductions, bonus, count}, contract, policy, provenance,
         findings: [as breaches]} — see schemas/output-report.schema.json

Like every report it refuses to compute from invalid records (exit 1).

Examples:
  $ svc-sla report --quarter 2026-Q3 samples/gd-transmission --as-of 2026-10-31
  $ svc-sla report --quarter 2026-Q3 --format md -o 2026-Q3.md
  $ svc-sla report --quarter 2026-Q3 --format csv --encoding gb18030 -o 2026-Q3.csv
  $ svc-sla report --quarter 2026-Q3 --format json --lang en | jq '.total'
`;

/** Options shared by report, summary and due: what to write, in which language, where to. */
export interface OutputOptions {
  format?: string;
  output?: string;
  encoding?: string;
}

export function addOutputOptions(cmd: Command, formats: readonly string[]): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices([...formats]).default('text'))
    .addOption(langOption())
    .option('-o, --output <file>', 'write to this file instead of standard output (written whole or not at all)')
    .addOption(new Option('--encoding <encoding>', 'CSV encoding: utf-8 (with BOM, the default) or gb18030').choices([...ENCODINGS]));
}

/** Refuses option combinations that make no sense, before any work is done. */
export function checkOutputOptions(opts: OutputOptions): void {
  if (opts.encoding !== undefined && opts.format !== 'csv') {
    throw new UsageError(`--encoding applies to --format csv only (the ${opts.format} format is always UTF-8)`);
  }
  if (opts.output !== undefined && opts.output.trim() === '') throw new UsageError('-o needs a file name');
}

/** Colour only for a terminal that wants it, never into a file. */
export function colourFor(io: Io, opts: OutputOptions): boolean {
  return opts.output === undefined && io.stdoutIsTty && io.paint !== plain;
}

/** The human renderings of a report's blocks; CSV is returned without its BOM. */
export function renderBlocks(blocks: readonly Block[], format: string, io: Io, opts: OutputOptions, lang: Lang): string {
  if (format === 'md') return renderMarkdown(blocks, labels(lang).none);
  if (format === 'csv') return renderCsv(blocks);
  return renderText(blocks, { colour: colourFor(io, opts), paint: io.paint, none: labels(lang).none });
}

/** Writes the rendered report to stdout or -o FILE (as named, even inside `root`), encoding CSV as asked. */
export function emit(io: Io, text: string, opts: OutputOptions, lang: Lang, root?: string): void {
  const isCsv = opts.format === 'csv';
  const encoding: Encoding = opts.encoding === 'gb18030' ? 'gb18030' : 'utf-8';
  if (opts.output === undefined) {
    if (!isCsv) io.out(text);
    else if (encoding === 'utf-8') io.out(`\uFEFF${text}`);
    // GB18030 bytes cannot travel through a string writer
    else process.stdout.write(encodeCsv(text, encoding));
    return;
  }
  const file = path.resolve(io.cwd, opts.output);
  try {
    writeFileAtomically(file, isCsv ? encodeCsv(text, encoding) : text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new UsageError(`${opts.output}: cannot write the report (${code})`);
  }
  io.err(`svc-sla: ${labels(lang).wrote(opts.output)}\n`);
  if (root !== undefined) {
    const rel = path.relative(root, file);
    const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    if (inside && fileTypeOf(file) !== null && !rel.split(path.sep).some((p) => p.startsWith('.'))) {
      io.err(`svc-sla: ${labels(lang).insideRecords(opts.output)}\n`);
    }
  }
}

export function reportHeader(ctx: ReportContext, period: string | null): ReportHeader {
  return {
    contract: ctx.ws.config.contract,
    period,
    asOf: ctx.ws.clock.format(ctx.asOf),
    policyId: ctx.policy.id,
    provenance: provenance(ctx.ws.root),
  };
}

interface Opts extends ReportOptions, OutputOptions {}

export function reportCommand(io: Io): Command {
  const cmd = new Command('report')
    .summary('the quarterly table: deductions, bonus and score per category')
    .description('The quarterly table (分值及考核汇总表): deductions, bonus and score per category, with every finding behind them.')
    .argument('[folder]', 'records folder (default: the nearest folder holding svc-sla.yaml)')
    .requiredOption('--quarter <quarter>', 'the quarter, e.g. 2026-Q3')
    .addOption(asOfOption());
  return addOutputOptions(cmd, ['text', 'md', 'csv', 'json'])
    .addHelpText('after', HELP)
    .action((folder: string | undefined, opts: Opts) => {
      checkOutputOptions(opts);
      if (!isQuarterText(opts.quarter ?? '')) throw new UsageError(`--quarter '${opts.quarter}' is not a quarter like 2026-Q3`);
      const ctx = prepareReport(io, folder, { asOf: opts.asOf, lang: opts.lang, quarter: opts.quarter }, { periodOnly: true });
      if (!ctx) return;
      const quarter = opts.quarter!;
      const table = quarterlyTable(ctx.evaluations, ctx.policy, quarter);
      const header = reportHeader(ctx, quarter);
      const text =
        opts.format === 'json'
          ? quarterlyJson(table, header, ctx.policy, ctx.ws.clock, ctx.lang)
          : renderBlocks(quarterlyBlocks(table, header, ctx.policy, ctx.ws.clock, ctx.lang), opts.format ?? 'text', io, opts, ctx.lang);
      emit(io, text, opts, ctx.lang, ctx.ws.root);
    });
}
