/** What the report commands share: opening the folder, refusing invalid records, as-of, period, language. */
import { Option } from 'commander';
import { normalMonth, normalQuarter, type Clock } from '../calendar/time';
import type { Policy } from '../core/policy';
import type { Lang } from '../core/lang';
import type { Period } from '../reports/findings';
import { renderText } from '../render/problems';
import { evaluate, type CalendarGap, type Evaluation } from '../rules/engine';
import { checkFolder, type CheckedFolder } from '../checks';
import { countProblems, hasErrors } from '../core/problems';
import { labels } from '../render/i18n';
import { EXIT_INVALID, UsageError, nowOf, progressLine, resolveFolder, type Io, cacheFor, workersFor } from './common';

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
  /** obligations left out because their due moment needs a calendar year nobody provided (all after what is shown) */
  readonly gaps: readonly CalendarGap[];
}

export const asOfOption = (): Option =>
  new Option('--as-of <time>', 'compute as at this moment: 2026-09-30, 2026-09-30 18:00 or ISO with offset (default: now)');
/**
 * `--quarter`, read as people type it (`2026q3`, `2026年第三季度`) and passed on in its one
 * written form, which the report's header then shows; anything else is passed on as it is,
 * for the command to refuse with its usage message.
 */
export const quarterOption = (description: string, mandatory = false): Option =>
  new Option('--quarter <quarter>', description).argParser((v: string) => normalQuarter(v) ?? v).makeOptionMandatory(mandatory);
/** `--month`, read as people type it (`2026-9`, `2026年9月`) and passed on as `2026-09`. */
export const monthOption = (description: string, mandatory = false): Option =>
  new Option('--month <month>', description).argParser((v: string) => normalMonth(v) ?? v).makeOptionMandatory(mandatory);
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

export interface ReportUse {
  /** the caller shows only evaluations in the options' period, so older ones need not be computed */
  readonly periodOnly?: boolean;
  /**
   * The end (exclusive) of what the caller shows: a due moment that needs a calendar year
   * nobody provided lies after every known day, so it cannot fall before the start of that
   * year; a report that ends by then is computed, one that could hold it is refused.
   * Default: the options' period, or all time.
   */
  readonly showsUntil?: (ws: CheckedFolder, asOf: number) => number;
}

/**
 * Opens and checks the folder; on invalid records prints the problems to stderr, sets exit 1
 * and returns null (a report is never computed from invalid records).
 */
export function prepareReport(io: Io, folderArg: string | undefined, opts: ReportOptions, use: ReportUse = {}): ReportContext | null {
  const root = resolveFolder(folderArg, io.cwd);
  const bar = progressLine(io, 'checking records');
  const now = nowOf(io.env);
  const ws = checkFolder(root, { progress: bar.progress, cacheDir: cacheFor(io.env), workers: workersFor(io.env), now });
  bar.done();
  const asOf = parseAsOf(opts.asOf, ws.clock, now);
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
  const lang = (opts.lang ?? ws.config.locale) as Lang;
  if (result.gaps.length > 0) {
    const until = use.showsUntil ? use.showsUntil(ws, asOf) : parsePeriod(opts, ws.clock)?.end ?? Infinity;
    const firstYear = Math.min(...result.gaps.map((g) => g.year));
    if (until > ws.clock.startOfDay(`${firstYear}-01-01`)) {
      io.err(renderText({ records: ws.recordCount, files: ws.fileCount, problems: result.problems }, { quiet: true }));
      io.exitCode = EXIT_INVALID;
      return null;
    }
    // what is shown ends before that year: only later obligations are missing, and are named
    io.err(`svc-sla: ${labels(lang).gapsNote(result.gaps.length, firstYear)}\n`);
  }
  const { warnings } = countProblems(ws.problems);
  if (warnings > 0) io.err(`svc-sla: ${labels(lang).warningsNote(warnings)}\n`);
  return { ws, policy: ws.policy, asOf, lang, evaluations: result.evaluations, gaps: result.gaps };
}
