/**
 * Clause shapes → evaluations. A pure function of (records, policy, calendar, as-of): each clause
 * of the policy is handed to its shape, which pushes one evaluation per obligation instance;
 * findings (the points of the quarterly table) are the evaluations that are late, missed or
 * noted. The engine knows neither clause ids nor record fields: the policy names the fields,
 * the shapes know what to do with them.
 */
import { ONE_DAY_MS } from '../calendar/time';
import { UnknownCalendarYearError } from '../calendar/workdays';
import type { Problem } from '../core/problems';
import { Ctx, type CalendarGap, type EngineInput, type Evaluation } from './context';
import { SHAPES, type Shapes } from './shapes';

export { isFinding } from './context';
export type { CalendarGap, EngineInput, Evaluation, LimitInfo, Status } from './context';

export interface EngineResult {
  readonly evaluations: readonly Evaluation[];
  /** e.g. a working-day limit that needs a calendar year nobody provided (one per year) */
  readonly problems: readonly Problem[];
  /** every obligation left out for want of a calendar year */
  readonly gaps: readonly CalendarGap[];
}

/** How long after a record's latest moment any obligation of the policy can fall due (ms, an upper bound). */
function horizonOf(input: EngineInput, shapes: Shapes): number {
  let longest = 0;
  for (const c of input.policy.clauses) {
    const h = shapes.get(c.shape)?.horizon?.(c, input.policy) ?? 0;
    if (h > longest) longest = h;
  }
  return longest + ONE_DAY_MS;
}

export function evaluate(input: EngineInput, shapes: Shapes = SHAPES): EngineResult {
  const ctx = new Ctx(input, input.since === undefined ? 0 : horizonOf(input, shapes));
  for (const c of input.policy.clauses) {
    const shape = shapes.get(c.shape);
    // the policy loader refuses a clause of a shape it does not know
    if (!shape) throw new Error(`svc-sla: no clause shape "${c.shape}" (clause ${c.id})`);
    try {
      shape.evaluate(ctx, c);
    } catch (err) {
      if (err instanceof UnknownCalendarYearError) ctx.calendarProblem(err, c, null);
      else throw err;
    }
  }
  // evaluations come out clause by clause; a stable sort by moment keeps the policy's clause
  // order among equal moments, so only the subject needs comparing after that
  const clauseOf = new Map(input.policy.clauses.map((c, i) => [c.id, i]));
  const rank = ctx.out.map((e) => clauseOf.get(e.clause)!);
  const index = ctx.out.map((_, i) => i);
  index.sort((i, j) => {
    const a = ctx.out[i]!;
    const b = ctx.out[j]!;
    return a.moment - b.moment || rank[i]! - rank[j]! || (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0);
  });
  return { evaluations: index.map((i) => ctx.out[i]!), problems: ctx.problems, gaps: ctx.gaps };
}
