/**
 * `before`: `to` must happen at least `limit` (working days or days) before the date in
 * `date`: due = end of the day that lies `limit` before `date` (the date itself not counted).
 * The record is one the notice is owed for: no notice at all is missed once due.
 */
import { parseDuration, type Clause, type Duration } from '../../core/policy';
import type { Ctx } from '../context';
import { defineShape, durationOf } from './shape';

export interface BeforeClause extends Clause {
  readonly shape: 'before';
  readonly date: string;
  readonly to: string;
  readonly limit: Duration;
}

function evaluate(ctx: Ctx, c: BeforeClause): void {
  ctx.eachRecord(c, (rec) => {
    const date = rec.times[c.date];
    if (!date) return;
    const due = ctx.before(date, c.limit);
    const actual = ctx.eventOf(rec, c.to);
    ctx.push(c, rec, { status: ctx.judge(due, actual), due, actual, limit: ctx.limitInfo(c.limit) });
  });
}

export const BEFORE = defineShape<BeforeClause>({
  name: 'before',
  parse: (d) => ({ ...(d as unknown as BeforeClause), limit: durationOf(d.limit, parseDuration) }),
  evaluate,
  // due before a date of the record: never later than the record's own dates
  horizon: () => 0,
  describe: (c) => ({
    reads: { applies: c.applies },
    span: { type: 'before', to: c.to, date: c.date, duration: c.limit },
    limit: { type: 'before', duration: c.limit, date: c.date },
  }),
});
