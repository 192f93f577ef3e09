/**
 * `half-year`: every subject (every trunk) must have an `evidence` record in each calendar half
 * (Jan–Jun, Jul–Dec) of the contract; due at the half's end. Subjects are the values of
 * `subject` on records of `evidence.kind`, plus the items of `subjects_from.list` on matching
 * records for the year (`subjects_from.period`: the field naming the year, e.g. the year's
 * inspection plan).
 */
import { yearText } from '../../calendar/time';
import type { Kind } from '../../core/kinds';
import type { Clause, Condition } from '../../core/policy';
import { matches } from '../conditions';
import type { Ctx, Evidence } from '../context';
import { defineShape } from './shape';

export interface HalfYearClause extends Clause {
  readonly shape: 'half-year';
  readonly subject: string;
  readonly subjects_from?: { readonly kind: Kind; readonly when?: Condition; readonly list: string; readonly period?: string };
  readonly evidence: Evidence;
}

function subjectsOf(ctx: Ctx, c: HalfYearClause, year: number): string[] {
  const subjects = new Set<string>();
  for (const r of ctx.recordsOf(c.evidence.kind)) {
    const s = r.data[c.subject];
    if (typeof s === 'string') subjects.add(s);
  }
  const from = c.subjects_from;
  if (from) {
    for (const r of ctx.recordsOf(from.kind)) {
      if (!matches(r.data, r.kind, from.when)) continue;
      // a record without the year is for every year
      if (from.period !== undefined && r.data[from.period] !== undefined && String(r.data[from.period]) !== String(year)) continue;
      const list = r.data[from.list];
      if (Array.isArray(list)) for (const s of list) if (typeof s === 'string') subjects.add(s);
    }
  }
  return [...subjects].sort();
}

function evaluate(ctx: Ctx, c: HalfYearClause): void {
  const clock = ctx.clock;
  const done = ctx.evidenceFor(c.evidence, null);
  const start = ctx.input.contractStart;
  for (const y of ctx.contractYears()) {
    const subjects = subjectsOf(ctx, c, y);
    for (const half of [1, 2]) {
      const name = `${yearText(y)}-H${half}`;
      const period = clock.parseHalfYear(name);
      if (!period) continue;
      if (start && period.end <= clock.startOfDay(start)) continue;
      const due = period.end - 1;
      for (const subject of subjects) {
        const hit = done.find((d) => d.rec.data[c.subject] === subject && d.at >= period.start && d.at < period.end);
        ctx.push(c, hit?.rec ?? null, {
          status: hit ? 'met' : ctx.judge(due, null),
          due,
          actual: hit?.at ?? null,
          subject: `${subject} ${name}`,
          source: hit?.rec.source ?? null,
          detail: { subject, half: name },
        });
      }
    }
  }
}

export const HALF_YEAR = defineShape<HalfYearClause>({
  name: 'half-year',
  parse: (d) => ({ ...(d as unknown as HalfYearClause) }),
  evaluate,
  describe: (c) => ({
    reads: { evidence: c.evidence, perSubject: c.subject, ...(c.subjects_from ? { subjectsFrom: c.subjects_from } : {}) },
    span: { type: 'field', field: c.evidence.done },
    limit: { type: 'half-year', subject: c.subject },
  }),
});
