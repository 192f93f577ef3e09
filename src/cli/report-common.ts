/** What the report commands share: opening the folder, refusing invalid records, as-of, period, language. */
import { Option } from 'commander';
import type { Clock } from '../calendar/time';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/lang';
import type { Period } from '../reports/findings';
import { renderText } from '../render/problems';
import { evaluate, type Evaluation } from '../rules/engine';
import { checkFolder, type CheckedFolder } from '../checks';
import { countProblems, hasErrors } from '../core/problems';
import { labels } from '../render/i18n';
import { EXIT_INVALID, UsageError, progressLine, resolveFolder, type Io, cacheFor, workersFor } from './common';

export interface ReportOptions {
  asOf?: string;
  lang?: string;
  quarter?: string;
  month?: string;
  from?: string;
  to?: string;
}

export interface ReportContext {
  readonly ws: CheckedFolder;
  readonly policy: Policy;
  readonly asOf: number;
  readonly lang: Lang;
  readonly evaluations: readonly Evaluation[];
}

export const asOfOption = (): Option =>
  new Option('--as-of <time>', 'compute as at this moment: 2026-09-30, 2026-09-30 18:00 or ISO with offset (default: now)');
export const langOption = (): Option => new Option('--lang <lang>', "label language (default: the config's locale)").choices(['zh-CN', 'en']);

export function parseAsOf(text: string | undefined, clock: Clock, now: number): number {
  if (text === undefined) return now;
  const w = clock.parse(text);
  if (!w) throw new UsageError(`--as-of '${text}' is not a date or timestamp (e.g. 2026-09-30 or 2026-09-30T18:00:00+08:00)`);
  // a bare date means "as at the end of that day": everything that happened on it counts
  return clock.asDeadline(w);
}

/** --quarter | --month | --from/--to → a period, or null for all time. */
export function parsePeriod(opts: ReportOptions, clock: Clock): Period | null {
  const given = [opts.quarter, opts.month, opts.from ?? opts.to].filter((x) => x !== undefined).length;
  if (given > 1) throw new UsageError('give only one of --quarter, --month or --from/--to');
  if (opts.quarter !== undefined) {
    const p = clock.parseQuarter(opts.quarter);
    if (!p) throw new UsageError(`--quarter '${opts.quarter}' is not a quarter like 2026-Q3`);
    return { label: opts.quarter, ...p };
  }
  if (opts.month !== undefined) {
    const p = clock.parseMonth(opts.month);
    if (!p) throw new UsageError(`--month '${opts.month}' is not a month like 2026-09`);
    return { label: opts.month, ...p };
  }
  if (opts.from !== undefined || opts.to !== undefined) {
    const from = opts.from === undefined ? null : clock.parse(opts.from);
    const to = opts.to === undefined ? null : clock.parse(opts.to);
    if (opts.from !== undefined && !from) throw new UsageError(`--from '${opts.from}' is not a date like 2026-07-01`);
    if (opts.to !== undefined && !to) throw new UsageError(`--to '${opts.to}' is not a date like 2026-09-30`);
    const start = from ? clock.asEvent(from) : -8.64e15;
    // --to is inclusive: a bare date runs to that day's end
    const end = to ? clock.asDeadline(to) + 1 : 8.64e15;
    if (end <= start) throw new UsageError('--to is before --from');
    return { label: `${opts.from ?? '…'}..${opts.to ?? '…'}`, start, end };
  }
  return null;
}

/**
 * Opens and checks the folder; on invalid records prints the problems to stderr, sets exit 1
 * and returns null (a report is never computed from invalid records). `periodOnly`: the caller
 * shows only evaluations in the options' period, so older ones need not be computed.
 */
export function prepareReport(io: Io, folderArg: string | undefined, opts: ReportOptions, use: { periodOnly?: boolean } = {}): ReportContext | null {
  const root = resolveFolder(folderArg, io.cwd);
  const bar = progressLine(io, 'checking records');
  const ws = checkFolder(root, { progress: bar.progress, cacheDir: cacheFor(io.env), workers: workersFor(io.env) });
  bar.done();
  const asOf = parseAsOf(opts.asOf, ws.clock, Date.now());
  if (hasErrors(ws.problems) || ws.policy === null) {
    io.err(renderText({ records: ws.recordCount, files: ws.fileCount, problems: ws.problems }, { quiet: true }));
    io.err('svc-sla: the records are invalid; fix them (svc-sla validate) before computing a report\n');
    io.exitCode = EXIT_INVALID;
    return null;
  }
  const result = evaluate({
    records: ws.records,
    policy: ws.policy,
    clock: ws.clock,
    calendar: ws.calendar,
    asOf,
    contractStart: ws.config.contract_start,
    // a report of one period needs no evaluation that falls before it
    since: use.periodOnly ? parsePeriod(opts, ws.clock)?.start : undefined,
  });
  if (result.problems.length > 0) {
    io.err(renderText({ records: ws.recordCount, files: ws.fileCount, problems: result.problems }, { quiet: true }));
    io.exitCode = EXIT_INVALID;
    return null;
  }
  const lang = (opts.lang ?? ws.config.locale) as Lang;
  const { warnings } = countProblems(ws.problems);
  if (warnings > 0) io.err(`svc-sla: ${labels(lang).warningsNote(warnings)}\n`);
  return { ws, policy: ws.policy, asOf, lang, evaluations: result.evaluations };
}
