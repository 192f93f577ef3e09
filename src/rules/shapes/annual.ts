/**
 * `annual`: each calendar year of the contract an `evidence` record for the year is due by
 * `due_month`/`due_day` of that year, end of day. A deadline that passed before the contract
 * started is not owed under it.
 */
import { dateInYear, yearText } from '../../calendar/time';
import type { Clause } from '../../core/policy';
import type { Ctx, Evidence } from '../context';
import { defineShape } from './shape';

export interface AnnualClause extends Clause {
  readonly shape: 'annual';
  readonly evidence: Evidence;
  readonly due_month: number;
  readonly due_day: number;
}

function evaluate(ctx: Ctx, c: AnnualClause): void {
  const start = ctx.input.contractStart;
  for (const y of ctx.contractYears()) {
    const due = ctx.clock.endOfDay(dateInYear(y, c.due_month, c.due_day));
    if (start && due < ctx.clock.startOfDay(start)) continue;
    const ev = ctx.evidenceFor(c.evidence, yearText(y))[0];
    ctx.push(c, ev?.rec ?? null, { status: ctx.judge(due, ev?.at ?? null), due, actual: ev?.at ?? null, subject: yearText(y), source: ev?.rec.source ?? null });
  }
}

export const ANNUAL = defineShape<AnnualClause>({
  name: 'annual',
  parse: (d) => ({ ...(d as unknown as AnnualClause) }),
  evaluate,
  describe: (c) => ({
    reads: { evidence: c.evidence },
    span: { type: 'field', field: c.evidence.done },
    limit: { type: 'annual', month: c.due_month, day: c.due_day },
  }),
});
