/**
 * `flag`: every record that passes `applies` is a finding (an uncertified version, a missed
 * inspection). `date` lists fields, first present wins: the finding's moment.
 */
import type { Clause } from '../../core/policy';
import type { Ctx } from '../context';
import { defineShape } from './shape';

export interface FlagClause extends Clause {
  readonly shape: 'flag';
  readonly date: readonly string[];
}

function evaluate(ctx: Ctx, c: FlagClause): void {
  ctx.eachRecord(c, (rec) => {
    const moment = ctx.firstEventOf(rec, c.date);
    if (moment === null) return;
    ctx.push(c, rec, { status: 'noted', due: null, actual: moment, moment });
  });
}

export const FLAG = defineShape<FlagClause>({
  name: 'flag',
  parse: (d) => ({ ...(d as unknown as FlagClause) }),
  evaluate,
  horizon: () => 0,
  describe: (c) => ({ reads: { applies: c.applies }, span: { type: 'none' }, limit: { type: 'none' } }),
});
