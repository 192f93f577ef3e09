/**
 * The quarterly table (附表:分值及考核汇总表) as plain numbers: one row per policy category in
 * the policy's order, each with its clauses, maximum, deductions, bonus, score and number of
 * findings, a total line, and the findings behind every number. No text, no printing.
 */
import type { Clause, Condition, Credits, FieldTest, Policy } from '../core/policy';
import type { Text } from '../core/lang';
import { isFinding, type Evaluation } from '../rules/engine';

export interface CategoryRow {
  readonly id: string;
  readonly title: Text;
  /** clause ids that can land in this row, in policy order */
  readonly clauses: readonly string[];
  /** null where the policy sets no maximum */
  readonly max: number | null;
  /** plain sum of the points lost in this row, as a positive number (not capped) */
  readonly deductions: number;
  readonly bonus: number;
  /** max(0, max − deductions) + bonus; null where no maximum is set */
  readonly score: number | null;
  /** findings in the row, 0-point ones (shown only) included */
  readonly count: number;
  /** the row's service credit (money), where the policy sets `credits`; else null */
  readonly credit: number | null;
}

export interface QuarterlyTable {
  readonly quarter: string;
  readonly rows: readonly CategoryRow[];
  readonly total: {
    readonly deductions: number;
    readonly bonus: number;
    readonly count: number;
    /** the quarter's credit: the rows' sum, at most the policy's cap; null without `credits` */
    readonly credit: number | null;
    /** the rows' sum was more than the cap */
    readonly capped: boolean;
  };
  readonly credits: Credits | null;
  /** the findings counted in the quarter, in the engine's order (by moment, then clause order) */
  readonly findings: readonly Evaluation[];
}

/** CONTRACT.md: where a maximum is set, score = max(0, maximum − deductions) + bonus; else none. */
/** Money to the cent, without binary fractions creeping in (0.1 × 3). */
function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A row's credit: per_point × its deductions (less its bonus where bonus offsets), never below 0. */
export function creditOf(credits: Credits | null, deductions: number, bonus: number): number | null {
  if (credits === null) return null;
  return cents(credits.per_point * Math.max(0, deductions - (credits.bonus_offsets ? bonus : 0)));
}

export function scoreOf(max: number | null, deductions: number, bonus: number): number | null {
  return max === null ? null : Math.max(0, max - deductions) + bonus;
}

function scalars(t: FieldTest): readonly (string | number | boolean)[] | null {
  if (Array.isArray(t)) return t as readonly (string | number | boolean)[];
  if (typeof t === 'object' && t !== null) return null;
  return [t as string | number | boolean];
}

/** False only when some field must take values in both conditions that no value satisfies. */
function compatible(a: Condition | undefined, b: Condition | undefined): boolean {
  if (!a || !b) return true;
  for (const field of Object.keys(a)) {
    if (!(field in b)) continue;
    const x = scalars(a[field]!);
    const y = scalars(b[field]!);
    if (x && y && !x.some((v) => y.some((w) => String(v) === String(w)))) return false;
  }
  return true;
}

/**
 * Clauses of a row: those naming the category, plus `category: ticket` clauses whose records can
 * be tickets of this row (a level-2–4 analysis report never lands in the level-1 row).
 */
export function clausesOfCategory(policy: Policy, categoryId: string): string[] {
  const ticketRows = policy.ticket_categories.filter((tc) => tc.category === categoryId);
  return policy.clauses
    .filter((c: Clause) => {
      if (c.category === categoryId) return true;
      if (c.category !== 'ticket' || ticketRows.length === 0) return false;
      const when = c.applies?.when;
      return ticketRows.some((tc) => compatible(when, tc.when));
    })
    .map((c) => c.id);
}

export function quarterlyTable(evaluations: readonly Evaluation[], policy: Policy, quarter: string): QuarterlyTable {
  const findings = evaluations.filter((e) => isFinding(e) && e.quarter === quarter);
  const sums = new Map<string, { deductions: number; bonus: number; count: number }>();
  for (const e of findings) {
    let s = sums.get(e.category);
    if (!s) sums.set(e.category, (s = { deductions: 0, bonus: 0, count: 0 }));
    if (e.points < 0) s.deductions -= e.points;
    else s.bonus += e.points;
    s.count++;
  }
  const row = (id: string, title: Text, max: number | null, clauses: string[]): CategoryRow => {
    const s = sums.get(id) ?? { deductions: 0, bonus: 0, count: 0 };
    return { id, title, clauses, max, ...s, score: scoreOf(max, s.deductions, s.bonus), credit: creditOf(policy.credits, s.deductions, s.bonus) };
  };
  const rows = policy.categories.map((c) => row(c.id, c.title, c.max, clausesOfCategory(policy, c.id)));
  // A finding whose category the policy does not list still counts: it gets a row of its own
  // at the end, so the rows always add up to the total.
  const known = new Set(policy.categories.map((c) => c.id));
  for (const id of [...sums.keys()].filter((k) => !known.has(k)).sort()) {
    rows.push(row(id, { 'zh-CN': id, en: id }, null, policy.clauses.filter((c) => c.category === id).map((c) => c.id)));
  }
  let deductions = 0;
  let bonus = 0;
  let count = 0;
  let credit = 0;
  for (const r of rows) {
    deductions += r.deductions;
    bonus += r.bonus;
    count += r.count;
    credit += r.credit ?? 0;
  }
  const credits = policy.credits;
  const cap = credits?.cap ?? null;
  const capped = cap !== null && credit > cap;
  const total = { deductions, bonus, count, credit: credits === null ? null : cents(capped ? cap : credit), capped };
  return { quarter, rows, total, credits, findings };
}
