/**
 * The monthly field-service summary as plain numbers: what came in during the month (tickets by
 * level, category and region; the other kinds of work), how the obligations due in the month
 * went (on-time rate per clause), level-1 restore times, what is still open at month end, the
 * year's quotas and whether last month's report was handed in on time. No text, no printing.
 *
 * Everything is keyed by record fields of RECORDS.md and clause *shapes* of the policy, never by
 * clause ids, so the summary works for any policy.
 */
import { shiftMonth, type Clock, type Period } from '../calendar/time';
import type { Rec } from '../core/records';
import { KIND_FACTS, KINDS, enumOf, rangeOf, type Kind } from '../core/kinds';
import type { SourcePos } from '../core/problems';
import type { Policy, Quota } from '../core/policy';
import { isElapsed } from '../rules/shapes/elapsed';
import { isMonthly } from '../rules/shapes/monthly';
import { isQuota, contractYear, type QuotaClause } from '../rules/shapes/quota';
import type { Text } from '../core/lang';
import { matches, regionOf } from '../rules/conditions';
import { fieldValue } from '../core/kinds';
import { isFinding, type Evaluation, type Status } from '../rules/engine';
import { asOfView, type LimitInfo } from '../rules/context';

export const UNKNOWN_REGION = 'unknown';

export interface TicketBrief {
  readonly record: string;
  readonly level: number | null;
  readonly category: string | null;
  readonly levelConfirmed: boolean;
  readonly accepted: number | null;
  readonly summary: string;
  readonly source: SourcePos;
}

/**
 * One ticket of the month as the 现场技术服务报告汇总 lists it: where, when, how long, against
 * which limit and how it went. The limit and outcome are those of the ticket's headline
 * obligation, the clause that runs from acceptance to its restore or resolve.
 */
export interface TicketLine {
  readonly record: string;
  readonly level: number | null;
  readonly levelConfirmed: boolean;
  readonly category: string | null;
  readonly city: string | null;
  readonly region: { readonly id: string; readonly title: Text } | null;
  readonly site: string | null;
  readonly accepted: number | null;
  /** where its headline clock stopped: restored (level 1) or resolved, as at the as-of time; null while open */
  readonly closed: number | null;
  /** closed − accepted, ms */
  readonly elapsed: number | null;
  readonly clause: string | null;
  readonly limit: LimitInfo | null;
  readonly due: number | null;
  readonly status: Status | null;
  readonly summary: string;
  readonly source: SourcePos;
}

export interface ClauseRate {
  readonly clause: string;
  readonly title: Text;
  readonly operator: boolean;
  readonly met: number;
  readonly late: number;
  readonly missed: number;
  /** met / (met + late + missed); null when nothing was judged */
  readonly rate: number | null;
}

export interface ClauseFindings {
  readonly clause: string;
  readonly title: Text;
  readonly count: number;
  readonly deductions: number;
  readonly bonus: number;
}

export interface MeanTime {
  readonly count: number;
  /** ms; null when count is 0 */
  readonly mean: number | null;
}

export interface LevelOneTimes {
  /** level-1 tickets accepted in the month */
  readonly tickets: number;
  readonly restore: MeanTime;
  readonly worst: { readonly record: string; readonly ms: number } | null;
  readonly stages: { readonly depart: MeanTime; readonly travel: MeanTime; readonly repair: MeanTime };
}

export interface QuotaUse {
  readonly clause: string;
  readonly title: Text;
  /** contract year `YYYY-MM-DD` .. `YYYY-MM-DD` (both inclusive) */
  readonly from: string;
  readonly to: string;
  /** sum of the evidence amounts from the year's start to the cut-off */
  readonly used: number;
  readonly usedInMonth: number;
  readonly quota: number;
}

export interface MonthlyReportStatus {
  readonly clause: string;
  readonly title: Text;
  readonly month: string;
  /** `none`: no report was due for that month */
  readonly status: Status | 'none';
  readonly due: number | null;
  readonly actual: number | null;
  readonly record: string | null;
}

export interface DocLate {
  readonly record: string | null;
  readonly clause: string;
  readonly status: Status;
  readonly due: number | null;
  readonly actual: number | null;
  readonly source: SourcePos | null;
}

export interface MonthlySummary {
  readonly month: string;
  readonly period: Period;
  /** month end, or the as-of time when that is earlier: what "still open" is measured at */
  readonly cutoff: number;
  readonly tickets: {
    readonly accepted: number;
    readonly byLevel: readonly { readonly level: number; readonly count: number }[];
    readonly byCategory: readonly { readonly category: string; readonly count: number }[];
    readonly byRegion: readonly { readonly region: string; readonly title: Text | null; readonly count: number }[];
    readonly provisional: readonly TicketBrief[];
    /** every ticket accepted in the month, in order of acceptance */
    readonly list: readonly TicketLine[];
  };
  readonly byKind: readonly { readonly kind: Kind; readonly count: number }[];
  readonly onTime: readonly ClauseRate[];
  readonly findings: { readonly count: number; readonly deductions: number; readonly bonus: number; readonly byClause: readonly ClauseFindings[] };
  readonly levelOne: LevelOneTimes;
  readonly openAtEnd: readonly TicketBrief[];
  readonly inspections: {
    readonly byStatus: readonly { readonly status: string; readonly count: number }[];
    readonly missedByVendor: number;
    readonly docsLate: readonly DocLate[];
  };
  readonly quotas: readonly QuotaUse[];
  readonly seats: readonly Quota[];
  readonly lastMonthReports: readonly MonthlyReportStatus[];
}

export interface SummaryInput {
  readonly records: readonly Rec[];
  readonly evaluations: readonly Evaluation[];
  readonly policy: Policy;
  readonly clock: Clock;
  readonly asOf: number;
  readonly month: string;
  /** contract years start here (`YYYY-MM-DD`); null: calendar years */
  readonly contractStart: string | null;
}

function timeOf(clock: Clock, rec: Rec, field: string): number | null {
  const t = rec.times[field];
  return t ? clock.asEvent(t) : null;
}

export function monthDateOf(clock: Clock, rec: Rec): number | null {
  for (const f of KIND_FACTS[rec.kind].monthDate) {
    const t = timeOf(clock, rec, f);
    if (t !== null) return t;
  }
  return null;
}

/**
 * When a ticket stopped being open: a level-1 ticket when service was restored (unless it was
 * only a temporary fix or is a difficult fault, which stay open until resolved); every other
 * ticket when both sides confirmed completion.
 */
export function ticketClosedAt(clock: Clock, t: Rec): number | null {
  const resolved = timeOf(clock, t, 'resolved_at');
  if (t.data.level === 1 && t.data.temporary_fix !== true && t.data.difficult !== true) {
    return timeOf(clock, t, 'restored_at') ?? resolved;
  }
  return resolved;
}

function brief(clock: Clock, t: Rec): TicketBrief {
  return {
    record: t.id,
    level: typeof t.data.level === 'number' ? t.data.level : null,
    category: typeof t.data.category === 'string' ? t.data.category : null,
    levelConfirmed: fieldValue(t.data, 'tickets', 'level_confirmed') !== false,
    accepted: timeOf(clock, t, 'accepted_at'),
    summary: typeof t.data.summary === 'string' ? t.data.summary.trimEnd() : '',
    source: t.source,
  };
}

/** The clauses that run from a ticket's acceptance to its restore or resolve, in policy order. */
function headlineClauses(policy: Policy): ReadonlySet<string> {
  return new Set(
    policy.clauses
      .filter((c) => isElapsed(c) && c.applies?.kind === 'tickets' && c.from === 'accepted_at' && c.to.some((f) => f === 'restored_at' || f === 'resolved_at'))
      .map((c) => c.id),
  );
}

function ticketLines(input: SummaryInput, accepted: readonly Rec[]): TicketLine[] {
  const { clock, policy, evaluations } = input;
  const headline = headlineClauses(policy);
  const order = new Map(policy.clauses.map((c, i) => [c.id, i]));
  const byRecord = new Map<string, Evaluation>();
  for (const e of evaluations) {
    if (e.record === null || e.kind !== 'tickets' || !headline.has(e.clause) || e.status === 'noted') continue;
    const prior = byRecord.get(e.record);
    if (prior === undefined || order.get(e.clause)! < order.get(prior.clause)!) byRecord.set(e.record, e);
  }
  return accepted
    .map((t): TicketLine => {
      const b = brief(clock, t);
      const e = byRecord.get(t.id);
      // the end of the headline obligation's clock (a temporary fix's restore, not its later
      // resolve), so that elapsed, limit and result speak of the same span
      const closed = e !== undefined ? e.actual : ticketClosedAt(clock, t);
      const region = regionOf(policy, t);
      return {
        record: b.record,
        level: b.level,
        levelConfirmed: b.levelConfirmed,
        category: b.category,
        city: typeof t.data.city === 'string' ? t.data.city : null,
        region: region ? { id: region.id, title: region.title } : null,
        site: typeof t.data.site === 'string' ? t.data.site : null,
        accepted: b.accepted,
        closed,
        elapsed: closed !== null && b.accepted !== null ? closed - b.accepted : null,
        clause: e?.clause ?? null,
        limit: e?.limit ?? null,
        due: e?.due ?? null,
        status: e?.status ?? null,
        summary: b.summary,
        source: b.source,
      };
    })
    .sort((a, b) => (a.accepted ?? 0) - (b.accepted ?? 0) || (a.record < b.record ? -1 : a.record > b.record ? 1 : 0));
}

function mean(values: readonly number[]): MeanTime {
  if (values.length === 0) return { count: 0, mean: null };
  return { count: values.length, mean: values.reduce((a, b) => a + b, 0) / values.length };
}

function span(clock: Clock, t: Rec, from: string, to: string): number | null {
  const a = timeOf(clock, t, from);
  const b = timeOf(clock, t, to);
  return a === null || b === null ? null : b - a;
}

function levelOneTimes(clock: Clock, tickets: readonly Rec[]): LevelOneTimes {
  const l1 = tickets.filter((t) => t.data.level === 1);
  const restore: { record: string; ms: number }[] = [];
  const depart: number[] = [];
  const travel: number[] = [];
  const repair: number[] = [];
  for (const t of l1) {
    const r = span(clock, t, 'accepted_at', 'restored_at');
    if (r !== null) restore.push({ record: t.id, ms: r });
    const d = span(clock, t, 'accepted_at', 'departed_at');
    if (d !== null) depart.push(d);
    const tr = span(clock, t, 'departed_at', 'arrived_at');
    if (tr !== null) travel.push(tr);
    const rp = span(clock, t, 'arrived_at', 'restored_at');
    if (rp !== null) repair.push(rp);
  }
  let worst: { record: string; ms: number } | null = null;
  for (const r of restore) if (worst === null || r.ms > worst.ms) worst = r;
  return {
    tickets: l1.length,
    restore: mean(restore.map((r) => r.ms)),
    worst,
    stages: { depart: mean(depart), travel: mean(travel), repair: mean(repair) },
  };
}

/** The contract year (see contractYear) holding `at`. */
function contractYearOf(clock: Clock, at: number, contractStart: string | null): { from: string; to: string; start: number; end: number } {
  let y = clock.yearOf(at);
  if (clock.startOfDay(contractYear(contractStart, y).from) > at) y--;
  const { from, to: next } = contractYear(contractStart, y);
  return { from, to: clock.addDaysToDate(next, -1), start: clock.startOfDay(from), end: clock.startOfDay(next) };
}

function quotaUse(input: SummaryInput, c: QuotaClause, period: Period, cutoffEx: number): QuotaUse {
  const { clock, records } = input;
  const year = contractYearOf(clock, period.start, input.contractStart);
  let used = 0;
  let usedInMonth = 0;
  for (const r of records) {
    if (r.kind !== c.evidence.kind || !matches(r.data, r.kind, c.evidence.when)) continue;
    const at = timeOf(clock, r, c.evidence.date);
    const amount = r.data[c.evidence.amount];
    if (at === null || typeof amount !== 'number') continue;
    if (at >= year.start && at < Math.min(year.end, cutoffEx)) used += amount;
    if (at >= period.start && at < cutoffEx) usedInMonth += amount;
  }
  return { clause: c.id, title: c.title, from: year.from, to: year.to, used, usedInMonth, quota: c.quota };
}

export function monthlySummary(input: SummaryInput): MonthlySummary {
  const { clock, policy, evaluations, month } = input;
  // as the engine does: what happened after the as-of time has not happened yet
  const records = input.records.map((r) => asOfView(r, clock, input.asOf));
  const period = clock.parseMonth(month);
  if (!period) throw new RangeError(`not a month: ${month}`);
  // "at month end": the last instant of the month, or the as-of time if that comes first
  const cutoffEx = Math.min(period.end, input.asOf + 1);
  const inMonth = (at: number | null): boolean => at !== null && at >= period.start && at < period.end;

  const tickets = records.filter((r) => r.kind === 'tickets');
  const accepted = tickets.filter((t) => inMonth(timeOf(clock, t, 'accepted_at')));

  const byLevel = rangeOf('tickets', 'level').map((level) => ({ level, count: accepted.filter((t) => t.data.level === level).length }));
  const byCategory = enumOf('tickets', 'category').map(String).map((category) => ({ category, count: accepted.filter((t) => t.data.category === category).length }));
  const regionCounts = new Map<string, number>();
  for (const t of accepted) {
    const id = regionOf(policy, t)?.id ?? UNKNOWN_REGION;
    regionCounts.set(id, (regionCounts.get(id) ?? 0) + 1);
  }
  const byRegion = [
    ...policy.regions.map((r) => ({ region: r.id, title: r.title as Text | null, count: regionCounts.get(r.id) ?? 0 })),
    { region: UNKNOWN_REGION, title: null, count: regionCounts.get(UNKNOWN_REGION) ?? 0 },
  ];

  const byKind = KINDS.map((kind) => ({ kind, count: records.filter((r) => r.kind === kind && inMonth(monthDateOf(clock, r))).length }));

  // on-time rate: obligations due in the month that have an outcome
  const rates = new Map<string, { met: number; late: number; missed: number }>();
  for (const e of evaluations) {
    if (e.due === null || !inMonth(e.due)) continue;
    if (e.status !== 'met' && e.status !== 'late' && e.status !== 'missed') continue;
    let r = rates.get(e.clause);
    if (!r) rates.set(e.clause, (r = { met: 0, late: 0, missed: 0 }));
    r[e.status]++;
  }
  const onTime: ClauseRate[] = [];
  for (const c of policy.clauses) {
    const r = rates.get(c.id);
    if (!r) continue;
    const judged = r.met + r.late + r.missed;
    onTime.push({ clause: c.id, title: c.title, operator: c.operator === true, ...r, rate: judged === 0 ? null : r.met / judged });
  }

  // findings placed in the month (as `breaches --month` selects them)
  const monthFindings = evaluations.filter((e) => isFinding(e) && inMonth(e.moment));
  const byClause: ClauseFindings[] = [];
  let deductions = 0;
  let bonus = 0;
  for (const c of policy.clauses) {
    const list = monthFindings.filter((e) => e.clause === c.id);
    if (list.length === 0) continue;
    let d = 0;
    let b = 0;
    for (const e of list) {
      if (e.points < 0) d -= e.points;
      else b += e.points;
    }
    deductions += d;
    bonus += b;
    byClause.push({ clause: c.id, title: c.title, count: list.length, deductions: d, bonus: b });
  }

  const openAtEnd = tickets
    .filter((t) => {
      const acc = timeOf(clock, t, 'accepted_at');
      if (acc === null || acc >= cutoffEx) return false;
      const closed = ticketClosedAt(clock, t);
      return closed === null || closed >= cutoffEx;
    })
    .map((t) => brief(clock, t))
    .sort((a, b) => (a.accepted ?? 0) - (b.accepted ?? 0) || (a.record < b.record ? -1 : 1));

  const provisional = accepted.filter((t) => fieldValue(t.data, 'tickets', 'level_confirmed') === false).map((t) => brief(clock, t));

  const inspections = records.filter((r) => r.kind === 'inspections' && inMonth(monthDateOf(clock, r)));
  const byStatus = enumOf('inspections', 'status').map(String).map((status) => ({ status, count: inspections.filter((r) => r.data.status === status).length }));
  const missedByVendor = inspections.filter((r) => r.data.status === 'missed' && r.data.missed_cause === 'vendor').length;
  // inspection documents: the elapsed clauses that end at `docs_submitted_at`
  const docClauses = new Set(
    policy.clauses.filter((c) => isElapsed(c) && c.applies?.kind === 'inspections' && c.to.includes('docs_submitted_at')).map((c) => c.id),
  );
  const docsLate: DocLate[] = evaluations
    .filter((e) => docClauses.has(e.clause) && (e.status === 'late' || e.status === 'missed') && e.due !== null && inMonth(e.due))
    .map((e) => ({ record: e.record, clause: e.clause, status: e.status, due: e.due, actual: e.actual, source: e.source }));

  const quotas = policy.clauses.filter(isQuota).map((c) => quotaUse(input, c, period, cutoffEx));

  const previous = shiftMonth(month, -1);
  const lastMonthReports: MonthlyReportStatus[] = policy.clauses
    .filter(isMonthly)
    .map((c) => {
      const e = evaluations.find((x) => x.clause === c.id && x.subject === previous);
      return {
        clause: c.id,
        title: c.title,
        month: previous,
        status: e ? e.status : 'none',
        due: e?.due ?? null,
        actual: e?.actual ?? null,
        record: e?.record ?? null,
      };
    });

  return {
    month,
    period,
    cutoff: cutoffEx - 1,
    tickets: { accepted: accepted.length, byLevel, byCategory, byRegion, provisional, list: ticketLines({ ...input, records }, accepted) },
    byKind,
    onTime,
    findings: { count: monthFindings.length, deductions, bonus, byClause },
    levelOne: levelOneTimes(clock, accepted),
    openAtEnd,
    inspections: { byStatus, missedByVendor, docsLate },
    quotas,
    seats: policy.quotas,
    lastMonthReports,
  };
}
