/** Findings in words: the message and title of each, in one language, as every report prints them. */
import type { Clock } from '../calendar/time';
import type { Kind } from '../core/kinds';
import type { Lang } from '../core/lang';
import type { Policy } from '../core/policy';
import type { Evaluation } from '../rules/engine';
import { formatDuration, humanDuration, labels } from './i18n';

/** One finding as RECORDS.md's `breaches --format json` has it, plus a title for people. */
export interface FindingRow {
  readonly record: string | null;
  readonly kind: Kind | null;
  readonly clause: string;
  readonly category: string;
  readonly points: number;
  readonly due: string | null;
  readonly actual: string | null;
  readonly quarter: string;
  readonly file: string | null;
  readonly line: number | null;
  readonly message: string;
  readonly title: string;
  readonly subject: string;
  /** the limit the finding was held to, as `explain` gives it: a duration (`6h`, `10d`, `1wd`) and the region that chose it, or the record field of an agreed date */
  readonly limit: { readonly duration: string | null; readonly region: string | null; readonly agreed: string | null } | null;
  /** how late, for a late finding: minutes, and working days for a working-day limit */
  readonly overrun: { readonly minutes: number; readonly workdays: number | null } | null;
}

export function findingMessage(e: Evaluation, policy: Policy, lang: Lang): string {
  const L = labels(lang);
  const parts: string[] = [];
  const lim = e.limit;
  let limitText = '';
  if (lim) {
    if (lim.duration) {
      limitText = `${L.limit} ${formatDuration(lim.duration, lang)}`;
      if (lim.region) {
        const r = policy.regions.find((x) => x.id === lim.region);
        limitText += `, ${L.region} ${r ? r.title[lang] : lim.region}`;
      }
    } else if (lim.agreed) {
      limitText = e.shape === 'window' ? L.window(lim.agreed) : L.agreed(lim.agreed);
    }
  }
  if (e.status === 'late' && e.due !== null && e.actual !== null) {
    if (e.detail.early) parts.push(L.earlyBy(humanDuration(e.due - e.actual, lang)));
    // a working-day limit is overrun by working days, as it was counted
    else if (e.overrun?.workdays != null) parts.push(L.lateByWorkdays(e.overrun.workdays));
    else parts.push(L.lateBy(humanDuration(e.actual - e.due, lang)));
  } else if (e.status === 'missed') {
    if (e.detail.quota !== undefined) parts.push(L.quota(Number(e.detail.amount), Number(e.detail.quota)));
    else if (e.record === null) parts.push(L.notInPeriod(e.subject));
    else parts.push(L.missed);
  } else if (e.status === 'noted') {
    const count = Number(e.detail.count ?? 1);
    if (count > 1) parts.push(L.count(count));
    if (e.subject !== e.record) parts.push(e.subject);
  }
  if (limitText) parts.push(`(${limitText})`);
  if (e.detail.provisional) parts.push(`[${L.provisional}]`);
  if (e.operator) parts.push(`[${L.operator}]`);
  else if (e.points === 0) parts.push(`[${L.shownOnly}]`);
  return parts.join(' ');
}

export function findingRows(evals: readonly Evaluation[], policy: Policy, clock: Clock, lang: Lang): FindingRow[] {
  const titles = new Map(policy.clauses.map((c) => [c.id, c.title[lang]]));
  return evals.map((e) => ({
    record: e.record,
    kind: e.kind,
    clause: e.clause,
    category: e.category,
    points: e.points,
    due: e.due === null ? null : clock.format(e.due),
    actual: e.actual === null ? null : clock.format(e.actual),
    quarter: e.quarter,
    file: e.source?.file ?? null,
    line: e.source?.line ?? null,
    message: findingMessage(e, policy, lang),
    title: titles.get(e.clause) ?? e.clause,
    subject: e.subject,
    limit: e.limit === null ? null : { duration: e.limit.duration === null ? null : `${e.limit.duration.amount}${e.limit.duration.unit}`, region: e.limit.region, agreed: e.limit.agreed },
    overrun: e.overrun === null ? null : { minutes: Math.round(e.overrun.ms / 6000) / 10, workdays: e.overrun.workdays },
  }));
}

