/**
 * Evaluations → the findings of a period: what `breaches` lists and what the quarterly table
 * itemises, and their totals. Numbers only; src/render/findings.ts puts them into words.
 */
import { isFinding, type Evaluation } from '../rules/engine';

/** A reporting period [start, end) and its label (`2026-Q3`, `2026-09`, `2026-07-01..2026-07-31`). */
export interface Period {
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

export function inPeriod(e: Evaluation, period: Period | null): boolean {
  return period === null || (e.moment >= period.start && e.moment < period.end);
}

export function clauseMatches(id: string, prefix: string | undefined): boolean {
  return prefix === undefined || prefix === '' || id === prefix || id.startsWith(prefix.endsWith('.') ? prefix : `${prefix}.`) || id.startsWith(prefix);
}

export function selectFindings(evals: readonly Evaluation[], period: Period | null, clausePrefix?: string): Evaluation[] {
  return evals.filter((e) => isFinding(e) && inPeriod(e, period) && clauseMatches(e.clause, clausePrefix));
}

export function totals(rows: readonly { points: number }[]): { count: number; deductions: number; bonus: number } {
  let deductions = 0;
  let bonus = 0;
  for (const r of rows) {
    if (r.points < 0) deductions -= r.points;
    else bonus += r.points;
  }
  return { count: rows.length, deductions, bonus };
}
