/**
 * `monthly`: for each month in which `needs` records exist (by their `needs.date`), an
 * `evidence` record for that month is due on day `due_day` of the next month, end of day (the
 * month's last day when it has no such day).
 */
import { dayOfMonth, shiftMonth } from '../../calendar/time';
import type { Kind } from '../../core/kinds';
import type { Clause, Condition } from '../../core/policy';
import { matches } from '../conditions';
import type { Ctx, Evidence } from '../context';
import { defineShape } from './shape';

export interface MonthlyClause extends Clause {
  readonly shape: 'monthly';
  readonly needs: { readonly kind: Kind; readonly when?: Condition; readonly date: string };
  readonly evidence: Evidence;
  readonly due_day: number;
}

export function isMonthly(c: Clause): c is MonthlyClause {
  return c.shape === 'monthly';
}

function evaluate(ctx: Ctx, c: MonthlyClause): void {
  const months = new Set<string>();
  for (const r of ctx.recordsOf(c.needs.kind)) {
    if (!matches(r.data, r.kind, c.needs.when)) continue;
    const at = ctx.eventOf(r, c.needs.date);
    if (at !== null) months.add(ctx.clock.monthOf(at));
  }
  for (const month of [...months].sort()) {
    const due = ctx.clock.endOfDay(dayOfMonth(shiftMonth(month, 1), c.due_day));
    const ev = ctx.evidenceFor(c.evidence, month)[0];
    ctx.push(c, ev?.rec ?? null, { status: ctx.judge(due, ev?.at ?? null), due, actual: ev?.at ?? null, subject: month, source: ev?.rec.source ?? null });
  }
}

export const MONTHLY = defineShape<MonthlyClause>({
  name: 'monthly',
  parse: (d) => ({ ...(d as unknown as MonthlyClause) }),
  evaluate,
  describe: (c) => ({
    reads: { needs: c.needs, evidence: c.evidence },
    span: { type: 'field', field: c.evidence.done },
    limit: { type: 'monthly', day: c.due_day },
  }),
});
