/**
 * `elapsed`: from one timestamp field to another within a limit (due = from + limit, actual =
 * `to`; when `to` lists several fields, the earliest of those present: a final answer is also
 * a response). The limit is a duration, a column of the region table (by the record's region), or
 * the limit the linked record is held to (a level-1 loan runs on its ticket's restore limit).
 * `valid_if`: when the record fails it, the `to` time does not count (an unsigned sheet counts
 * as not submitted).
 */
import { limitBoundMs } from '../../calendar/time';
import { parseDuration, type Clause, type Condition, type Duration, type Policy } from '../../core/policy';
import type { Rec } from '../../core/records';
import { applies, regionOf } from '../conditions';
import type { Ctx } from '../context';
import { defineShape, durationOf, type LimitDescription, type ShapeIssue } from './shape';
import { maxOf } from '../../util/arrays';

export type Limit =
  | { readonly type: 'duration'; readonly duration: Duration }
  /** a column of the region table (`depart`, `travel`, `repair`, `total`), by the record's region */
  | { readonly type: 'region'; readonly stage: string }
  /** `field` holds the linked record's id; the first of `clauses` that applies to it gives the limit */
  | { readonly type: 'linked'; readonly field: string; readonly clauses: readonly string[] };

export interface ElapsedClause extends Clause {
  readonly shape: 'elapsed';
  readonly from: string;
  /** the fields that end the clock; the earliest present counts */
  readonly to: readonly string[];
  readonly limit: Limit;
  readonly valid_if?: Condition;
}

export function isElapsed(c: Clause): c is ElapsedClause {
  return c.shape === 'elapsed';
}

function toLimit(raw: unknown): Limit {
  if (typeof raw === 'string') return { type: 'duration', duration: durationOf(raw, parseDuration) };
  const o = raw as Record<string, unknown>;
  if (typeof o.linked === 'string') return { type: 'linked', field: o.linked, clauses: o.clauses as string[] };
  return { type: 'region', stage: o.region as string };
}

/** The duration a limit comes to for a record, and the region that chose it; null when it cannot be known. */
export function resolveLimit(policy: Policy, byId: ReadonlyMap<string, Rec>, limit: Limit, rec: Rec, depth = 0): { duration: Duration; region: string | null } | null {
  switch (limit.type) {
    case 'duration':
      return { duration: limit.duration, region: null };
    case 'region': {
      const region = regionOf(policy, rec);
      const d = region?.limits[limit.stage];
      return region && d ? { duration: d, region: region.id } : null;
    }
    case 'linked': {
      if (depth > 4) return null;
      const linked = byId.get(String(rec.data[limit.field] ?? ''));
      if (!linked) return null;
      for (const id of limit.clauses) {
        const c = policy.clauses.find((x) => x.id === id);
        if (c && isElapsed(c) && c.applies && applies(linked, c.applies)) return resolveLimit(policy, byId, c.limit, linked, depth + 1);
      }
      return null;
    }
  }
}

function check(c: ElapsedClause, policy: Policy): ShapeIssue[] {
  const issues: ShapeIssue[] = [];
  const limit = c.limit;
  if (limit.type === 'linked') {
    limit.clauses.forEach((target, j) => {
      const t = policy.clauses.find((x) => x.id === target);
      const path = ['limit', 'clauses', j];
      if (!t) issues.push({ path, rule: 'policy-linked-clause', message: `clause "${c.id}": linked clause "${target}" does not exist` });
      else if (!isElapsed(t) || t.limit.type === 'linked') {
        issues.push({ path, rule: 'policy-linked-clause', message: `clause "${c.id}": linked clause "${target}" must be an elapsed clause with its own limit` });
      }
    });
  } else if (limit.type === 'region') {
    const stage = limit.stage;
    const path = ['limit', 'region'];
    if (policy.regions.length === 0) {
      issues.push({ path, rule: 'policy-unknown-region-stage', message: `clause "${c.id}": limit by region "${stage}", but the policy has no region table` });
    } else if (!policy.regions.some((r) => r.limits[stage] !== undefined)) {
      const stages = [...new Set(policy.regions.flatMap((r) => Object.keys(r.limits)))];
      issues.push({ path, rule: 'policy-unknown-region-stage', message: `clause "${c.id}": no region has a "${stage}" limit (stages: ${stages.join(', ')})` });
    } else {
      policy.regions.forEach((r, i) => {
        if (r.limits[stage] === undefined) {
          issues.push({ path: ['regions', i, 'limits'], inPolicy: true, rule: 'policy-unknown-region-stage', message: `region "${r.id}" has no "${stage}" limit, used by clause "${c.id}"`, record: r.id });
        }
      });
    }
  }
  return issues;
}

function evaluate(ctx: Ctx, c: ElapsedClause): void {
  ctx.eachRecord(c, (rec) => {
    const from = rec.times[c.from];
    if (!from) return; // the clock has not started
    const lim = resolveLimit(ctx.policy, ctx.byId, c.limit, rec);
    if (!lim) return; // an unknown city or linked ticket: validation reports it
    const due = ctx.after(from, lim.duration);
    const actual = ctx.earliestOf(rec, c.to, c.valid_if);
    ctx.push(c, rec, { status: ctx.judge(due, actual), due, actual, limit: ctx.limitInfo(lim.duration, lim.region) });
  });
}

function horizon(c: ElapsedClause, policy: Policy): number {
  const limit = c.limit;
  if (limit.type === 'duration') return limitBoundMs(limit.duration);
  // a region column or a linked record's limit: no longer than the longest limit in the region table or among the linked clauses
  const durations: Duration[] = policy.regions.flatMap((r) => Object.values(r.limits));
  if (limit.type === 'linked') {
    for (const id of limit.clauses) {
      const t = policy.clauses.find((x) => x.id === id);
      if (t && isElapsed(t) && t.limit.type === 'duration') durations.push(t.limit.duration);
    }
  }
  return maxOf(durations.map(limitBoundMs), 0);
}

function limitOf(limit: Limit): LimitDescription {
  switch (limit.type) {
    case 'duration':
      return { type: 'duration', duration: limit.duration };
    case 'region':
      return { type: 'region', stage: limit.stage };
    case 'linked':
      return { type: 'linked', field: limit.field, clauses: limit.clauses };
  }
}

export const ELAPSED = defineShape<ElapsedClause>({
  name: 'elapsed',
  parse: (d) => ({ ...(d as unknown as ElapsedClause), to: typeof d.to === 'string' ? [d.to] : (d.to as string[]), limit: toLimit(d.limit) }),
  check,
  evaluate,
  horizon,
  describe: (c) => ({ reads: { applies: c.applies }, span: { type: 'elapsed', from: c.from, to: c.to }, limit: limitOf(c.limit), validIf: c.valid_if }),
});
