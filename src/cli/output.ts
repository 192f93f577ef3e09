/** What the report commands share about output: the format, language and file options, and writing the result. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../core/lang';
import { countProblems } from '../core/problems';
import { fileTypeOf } from '../load/discover';
import { REPORT_FORMATS, type Formats, type RenderContext } from '../render/formats';
import { labels } from '../render/i18n';
import { ENCODINGS, encodeCsv, type Encoding } from '../render/output';
import { plain } from '../render/style';
import type { ReportHeader } from '../reports/header';
import { PartialWriteError, TargetError, outputTarget, writeTarget, type OutputTarget } from '../util/files';
import { provenance } from '../util/git';
import { UsageError, type Io } from './common';
import { langOption, type ReportContext } from './report-common';

/** Options shared by report, breaches, summary and due: what to write, in which language, where to. */
export interface OutputOptions {
  format?: string;
  output?: string;
  encoding?: string;
  /** false with --no-header-block (report, breaches) */
  headerBlock?: boolean;
}

export function addOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'output format').choices([...REPORT_FORMATS]).default('text'))
    .addOption(langOption())
    .option('-o, --output <file>', 'write to this file instead of standard output (written whole or not at all, keeping its mode; not into the records folder)')
    .addOption(new Option('--encoding <encoding>', 'CSV encoding: utf-8 (with BOM, the default) or gb18030').choices([...ENCODINGS]));
}

/** `--no-header-block`, for the reports whose CSV can be their findings alone (report, breaches). */
export function addFlatOption(cmd: Command): Command {
  return cmd.option('--no-header-block', 'with --format csv: only the findings, as one table with one header row and numeric columns (for pivot tables)');
}

/** Refuses option combinations that make no sense, before any work is done. */
export function checkOutputOptions(opts: OutputOptions): void {
  if (opts.encoding !== undefined && opts.format !== 'csv') {
    throw new UsageError(`--encoding applies to --format csv only (the ${opts.format} format is always UTF-8)`);
  }
  if (opts.output !== undefined && opts.output.trim() === '') throw new UsageError('-o needs a file name');
  if (opts.headerBlock === false && opts.format !== 'csv') throw new UsageError('--no-header-block applies to --format csv only');
}

export function reportHeader(ctx: ReportContext, period: string | null): ReportHeader {
  return {
    contract: ctx.ws.config.contract,
    period,
    asOf: ctx.ws.clock.format(ctx.asOf),
    policyId: ctx.policy.id,
    provenance: provenance(ctx.ws.root),
    warnings: countProblems(ctx.ws.problems).warnings,
    gaps: ctx.gaps,
  };
}

/** The report in the format asked for; colour only for a terminal that wants it, never into a file. */
export function render<M>(formats: Formats<M>, model: M, io: Io, ctx: ReportContext, opts: OutputOptions, period: string | null): string | Uint8Array {
  const colour = opts.output === undefined && io.stdoutIsTty && io.paint !== plain;
  const rc: RenderContext = {
    header: reportHeader(ctx, period),
    policy: ctx.policy,
    clock: ctx.ws.clock,
    lang: ctx.lang,
    colour,
    paint: io.paint,
    calendar: ctx.ws.calendar,
    flat: opts.headerBlock === false,
  };
  const format = (opts.format ?? 'text') as keyof Formats<M>;
  return formats[format](model, rc);
}

/** Writes the rendered report to stdout or -o FILE, encoding CSV as asked (-o: see src/util/files.ts). */
export function emit(io: Io, text: string | Uint8Array, opts: OutputOptions, lang: Lang, root?: string): void {
  const isCsv = opts.format === 'csv';
  const encoding: Encoding = opts.encoding === 'gb18030' ? 'gb18030' : 'utf-8';
  const file = opts.output === undefined ? null : path.resolve(io.cwd, opts.output);
  const target = file === null ? null : targetOf(opts.output!, file, lang, root);
  const toStdout = target === null || (target.kind === 'descriptor' && target.fd === 1);
  if (typeof text !== 'string') {
    // a workbook: bytes, to a file or to a pipe, never onto a terminal
    if (toStdout) {
      if (io.stdoutIsTty) throw new UsageError('--format xlsx writes a workbook: give -o FILE.xlsx (or redirect standard output to a file)');
      io.outBytes(text);
      if (target !== null) io.err(`svc-sla: ${labels(lang).wrote(opts.output!)}\n`);
      return;
    }
  } else if (toStdout) {
    if (!isCsv) io.out(text);
    else if (encoding === 'utf-8') io.out(`\uFEFF${text}`);
    // GB18030 bytes cannot travel through a string writer
    else io.outBytes(encodeCsv(text, encoding));
    if (target !== null) io.err(`svc-sla: ${labels(lang).wrote(opts.output!)}\n`);
    return;
  }
  try {
    writeTarget(target!, typeof text === 'string' && isCsv ? encodeCsv(text, encoding) : text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    if (err instanceof PartialWriteError) {
      throw new UsageError(`${opts.output}: cannot write the report (${code}); the file has several hard links, so it was being rewritten in place and may now be incomplete`);
    }
    throw new UsageError(`${opts.output}: cannot write the report (${code})`);
  }
  io.err(`svc-sla: ${labels(lang).wrote(opts.output!)}\n`);
}

/**
 * Where -o writes, refused with exit 2 when it is a folder, a link to nothing, or a file the
 * next run would read from the records folder (a record, the settings, a calendar, a lock).
 */
function targetOf(shown: string, file: string, lang: Lang, root: string | undefined): OutputTarget {
  let target: OutputTarget;
  try {
    target = outputTarget(file);
  } catch (err) {
    if (err instanceof TargetError) {
      if (err.code === 'EISDIR') throw new UsageError(`-o ${shown}: this is a folder; give a file name`);
      throw new UsageError(`-o ${shown}: ${err.message}; give the file itself`);
    }
    throw new UsageError(`${shown}: cannot write the report (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (root !== undefined && (target.kind === 'replace' || target.kind === 'linked') && readByNextRun(root, target.path)) {
    throw new UsageError(labels(lang).insideRecords(shown));
  }
  return target;
}

/** Whether `file` lies in the records folder `root` where discovery would read it (not under a `.` folder). */
function readByNextRun(root: string, file: string): boolean {
  let realRoot: string;
  let real: string;
  try {
    realRoot = fs.realpathSync(root);
    real = path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
  } catch {
    // a folder that does not exist: the write fails and says so
    return false;
  }
  const rel = path.relative(realRoot, real);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  return inside && fileTypeOf(real) !== null && !rel.split(path.sep).some((p) => p.startsWith('.'));
}
