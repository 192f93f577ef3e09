/**
 * `window`: `start` ≥ `window_start` and `end` ≤ `window_end` (an upgrade inside its approved
 * window). Starting early breaks the window's start: it is due then, and counts in its quarter.
 */
import type { Clause } from '../../core/policy';
import type { Ctx, LimitInfo } from '../context';
import { defineShape } from './shape';

export interface WindowClause extends Clause {
  readonly shape: 'window';
  readonly start: string;
  readonly end: string;
  readonly window_start: string;
  readonly window_end: string;
}

function evaluate(ctx: Ctx, c: WindowClause): void {
  ctx.eachRecord(c, (rec) => {
    const ws = rec.times[c.window_start];
    const we = rec.times[c.window_end];
    if (!ws || !we) return;
    const due = ctx.clock.asDeadline(we);
    const start = ctx.eventOf(rec, c.start);
    const end = ctx.eventOf(rec, c.end);
    const limit: LimitInfo = { duration: null, region: null, agreed: c.window_end };
    const opens = ctx.clock.asEvent(ws);
    if (start !== null && start < opens) {
      ctx.push(c, rec, { status: 'late', due: opens, actual: start, moment: opens, limit, detail: { early: 1 } });
      return;
    }
    ctx.push(c, rec, { status: ctx.judge(due, end), due, actual: end, limit });
  });
}

export const WINDOW = defineShape<WindowClause>({
  name: 'window',
  parse: (d) => ({ ...(d as unknown as WindowClause) }),
  evaluate,
  horizon: () => 0,
  describe: (c) => ({
    reads: { applies: c.applies },
    span: { type: 'window', start: c.start, end: c.end, windowStart: c.window_start, windowEnd: c.window_end },
    limit: { type: 'window', start: c.window_start, end: c.window_end },
  }),
});
