/**
 * `deadline`: a due date agreed in the record (`due`: a field, or several of which the first
 * present counts, as a changed date before the planned one; a date means that day's end);
 * actual = `to`. When the record has no such field and `fallback` is given, the clause runs as
 * `elapsed` from `fallback.from` with `fallback.limit` (spares synced within 2 d unless a date
 * was agreed).
 */
import { limitBoundMs } from '../../calendar/time';
import { parseDuration, type Clause, type Condition, type Duration } from '../../core/policy';
import type { Ctx, LimitInfo } from '../context';
import { defineShape, durationOf } from './shape';

export interface DeadlineClause extends Clause {
  readonly shape: 'deadline';
  readonly due: readonly string[];
  readonly to: string;
  readonly fallback?: { readonly from: string; readonly limit: Duration };
  readonly valid_if?: Condition;
}

function evaluate(ctx: Ctx, c: DeadlineClause): void {
  ctx.eachRecord(c, (rec) => {
    const field = c.due.find((f) => rec.times[f] !== undefined);
    let due: number;
    let limit: LimitInfo;
    if (field !== undefined) {
      due = ctx.clock.asDeadline(rec.times[field]!);
      limit = { duration: null, region: null, agreed: field };
    } else if (c.fallback && rec.times[c.fallback.from]) {
      due = ctx.after(rec.times[c.fallback.from]!, c.fallback.limit);
      limit = ctx.limitInfo(c.fallback.limit);
    } else {
      return;
    }
    const actual = ctx.actualOf(rec, c.to, c.valid_if);
    ctx.push(c, rec, { status: ctx.judge(due, actual), due, actual, limit });
  });
}

export const DEADLINE = defineShape<DeadlineClause>({
  name: 'deadline',
  parse: (d) => {
    const c = { ...(d as unknown as DeadlineClause), due: typeof d.due === 'string' ? [d.due] : (d.due as string[]) };
    const fb = d.fallback as { from: string; limit: unknown } | undefined;
    return fb ? { ...c, fallback: { from: fb.from, limit: durationOf(fb.limit, parseDuration) } } : { ...c };
  },
  evaluate,
  // an agreed date is a date of the record itself; only the fallback runs past it
  horizon: (c) => (c.fallback ? limitBoundMs(c.fallback.limit) : 0),
  describe: (c) => ({
    reads: { applies: c.applies },
    span: { type: 'deadline', to: c.to, due: c.due.join(' | ') },
    limit: { type: 'agreed', field: c.due.join(' | '), ...(c.fallback ? { fallback: { duration: c.fallback.limit, from: c.fallback.from } } : {}) },
    validIf: c.valid_if,
  }),
});
