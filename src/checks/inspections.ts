/**
 * Inspections whose record contradicts itself or the year's plan: one recorded done must say
 * when it started and ended (its documents are due 7 working days after the end: without the
 * end that obligation would vanish), and a trunk inspected that the year's plan does not list
 * is most likely the same trunk written differently.
 */
import type { Problem } from '../core/problems';
import type { Rec } from '../core/records';
import type { Located } from '../load/folder';
import { closest } from '../util/suggest';
import { recordProblem, type Check } from './check';

/** Trunks of the inspection plans, by year (`period`). */
function plannedTrunks(records: readonly Rec[]): Map<string, Set<string>> {
  const byYear = new Map<string, Set<string>>();
  for (const r of records) {
    if (r.kind !== 'submissions' || r.data.type !== 'inspection-plan' || !Array.isArray(r.data.trunks)) continue;
    const year = String(r.data.period ?? '');
    let set = byYear.get(year);
    if (!set) byYear.set(year, (set = new Set()));
    for (const t of r.data.trunks) if (typeof t === 'string') set.add(t);
  }
  return byYear;
}

/** `深圳—东莞干线` and `深圳-东莞 干线` are one trunk written two ways: compared without dashes and spaces. */
function folded(s: string): string {
  return s.replace(/[\s\-—–－_·]/g, '');
}

export function inspectionProblems(l: Located, plans: ReadonlyMap<string, ReadonlySet<string>>): Problem[] {
  const out: Problem[] = [];
  const d = l.rec.data;
  if (d.status === 'done') {
    for (const field of ['started_at', 'ended_at'] as const) {
      if (d[field] === undefined) {
        out.push(recordProblem(l, [], 'inspection-done', `an inspection recorded 'status: done' needs '${field}': ${field === 'ended_at' ? 'its documents are due 7 working days after it, and its trunk counts as inspected in that half year' : 'when it was done is part of the record'}`));
      }
    }
  }
  const trunk = d.trunk;
  const year = typeof d.planned_date === 'string' ? d.planned_date.slice(0, 4) : '';
  const plan = plans.get(year);
  if (typeof trunk === 'string' && plan && plan.size > 0 && !plan.has(trunk)) {
    const same = [...plan].find((p) => folded(p) === folded(trunk));
    const near = same ?? closest(trunk, plan);
    out.push(
      recordProblem(
        l,
        ['trunk'],
        'inspection-trunk',
        `trunk '${trunk}' is not in the ${year} inspection plan${near ? ` (did you mean '${near}'?)` : ''}: an inspection of a trunk written differently does not cover the planned one`,
        'warning',
      ),
    );
  }
  return out;
}

export const INSPECTIONS: Check = {
  name: 'inspections',
  tier: 'logic',
  emits: ['inspection-done', 'inspection-trunk'],
  run: ({ folder }) => {
    const plans = plannedTrunks(folder.records);
    return folder.located.filter((l) => l.ok && l.rec.kind === 'inspections').flatMap((l) => inspectionProblems(l, plans));
  },
};
