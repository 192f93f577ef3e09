/**
 * `quota`: the sum of `amount` over `evidence` records dated (`date`) in each contract year
 * must reach `quota`; a shortfall at the year's end is one finding.
 */
import { anniversary, yearText } from '../../calendar/time';
import type { Kind } from '../../core/kinds';
import type { Clause, Condition } from '../../core/policy';
import { matches } from '../conditions';
import type { Ctx } from '../context';
import { defineShape } from './shape';

export interface QuotaClause extends Clause {
  readonly shape: 'quota';
  readonly evidence: { readonly kind: Kind; readonly when?: Condition; readonly amount: string; readonly date: string };
  readonly quota: number;
}

export function isQuota(c: Clause): c is QuotaClause {
  return c.shape === 'quota';
}

/**
 * Contract year `y`: from the anniversary of the contract's start in `y` (1 January without
 * one) to the next, as dates (the end exclusive).
 */
export function contractYear(contractStart: string | null, y: number): { from: string; to: string } {
  return contractStart ? { from: anniversary(contractStart, y), to: anniversary(contractStart, y + 1) } : { from: `${yearText(y)}-01-01`, to: `${yearText(y + 1)}-01-01` };
}

function evaluate(ctx: Ctx, c: QuotaClause): void {
  const clock = ctx.clock;
  for (const y of ctx.contractYears()) {
    const { from, to } = contractYear(ctx.input.contractStart, y);
    const periodStart = clock.startOfDay(from);
    const periodEnd = clock.startOfDay(to);
    if (periodStart > ctx.input.asOf) continue;
    let sum = 0;
    for (const r of ctx.recordsOf(c.evidence.kind)) {
      if (!matches(r.data, r.kind, c.evidence.when)) continue;
      const at = ctx.eventOf(r, c.evidence.date);
      const amount = r.data[c.evidence.amount];
      if (at === null || typeof amount !== 'number') continue;
      if (at >= periodStart && at < periodEnd) sum += amount;
    }
    const due = periodEnd - 1;
    ctx.push(c, null, {
      status: sum >= c.quota ? 'met' : due < ctx.input.asOf ? 'missed' : 'open',
      due,
      actual: null,
      subject: `${from} – ${clock.addDaysToDate(to, -1)}`,
      source: null,
      detail: { amount: sum, quota: c.quota },
    });
  }
}

export const QUOTA = defineShape<QuotaClause>({
  name: 'quota',
  parse: (d) => ({ ...(d as unknown as QuotaClause) }),
  evaluate,
  describe: (c) => ({
    reads: { evidence: c.evidence, sum: { amount: c.evidence.amount, date: c.evidence.date } },
    span: { type: 'field', field: c.evidence.amount },
    limit: { type: 'quota', amount: c.quota, field: c.evidence.amount },
  }),
});
