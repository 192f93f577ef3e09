/**
 * `manual`: judged by people and recorded as assessments naming this clause; each counts on
 * its own date, `count` times, at the clause's points or the assessment's own `points`.
 */
import { ASSESSMENT, type Kind } from '../../core/kinds';
import type { Clause } from '../../core/policy';
import type { Ctx } from '../context';
import { defineShape } from './shape';

export interface ManualClause extends Clause {
  readonly shape: 'manual';
  /** assessments of this clause must name a record (`ref`) of this kind */
  readonly ref_kind?: Kind;
}

export function isManual(c: Clause): c is ManualClause {
  return c.shape === 'manual';
}

function evaluate(ctx: Ctx, c: ManualClause): void {
  for (const a of ctx.recordsOf(ASSESSMENT.kind)) {
    if (a.data[ASSESSMENT.clause] !== c.id) continue;
    const moment = ctx.eventOf(a, ASSESSMENT.date);
    if (moment === null) continue;
    const rawCount = a.data[ASSESSMENT.count];
    const rawPoints = a.data[ASSESSMENT.points];
    const ref = a.data[ASSESSMENT.ref];
    const count = typeof rawCount === 'number' ? rawCount : 1;
    const each = typeof rawPoints === 'number' ? rawPoints : c.points;
    ctx.push(c, a, { status: 'noted', due: null, actual: moment, moment, points: each * count, subject: typeof ref === 'string' ? ref : a.id, detail: { count } });
  }
}

export const MANUAL = defineShape<ManualClause>({
  name: 'manual',
  parse: (d) => ({ ...(d as unknown as ManualClause) }),
  evaluate,
  describe: (c) => ({ reads: { assessments: true, ...(c.ref_kind ? { refKind: c.ref_kind } : {}) }, span: { type: 'none' }, limit: { type: 'manual' } }),
});
