/**
 * `diff`: the findings of one period computed twice — from the records at one git revision and
 * at another (or the work tree) — and what moved: findings added, removed, and changed (points,
 * due moment, status or actual time), and the table's totals per category before and after.
 * Both sides are the engine's own evaluations; this only pairs them up. A finding is the same
 * obligation on both sides when its clause, subject and record are the same.
 */
import type { Text } from '../core/lang';
import type { Policy } from '../core/policy';
import type { Evaluation } from '../rules/engine';
import { selectFindings, type Period } from './findings';

export interface DiffSide {
  /** what the user named: `HEAD~1`, `main`, or null for the work tree */
  readonly rev: string | null;
  /** the commit it resolved to; for the work tree, HEAD (null before the first commit) */
  readonly commit: string | null;
  /** the work tree differs from HEAD in the folder */
  readonly dirty: boolean;
  readonly policy: Policy;
  /** `--policy`: the two sides are the same records under two policies; the side is named by its policy */
  readonly byPolicy?: boolean;
  readonly evaluations: readonly Evaluation[];
}

export type ChangedField = 'points' | 'due' | 'status' | 'actual';

export interface FindingChange {
  readonly before: Evaluation;
  readonly after: Evaluation;
  readonly what: readonly ChangedField[];
}

export interface CategoryTotals {
  readonly deductions: number;
  readonly bonus: number;
  readonly count: number;
}

export interface CategoryDiff {
  readonly id: string;
  readonly title: Text;
  readonly before: CategoryTotals;
  readonly after: CategoryTotals;
}

export interface DiffModel {
  readonly from: DiffSide;
  readonly to: DiffSide;
  readonly period: Period;
  readonly added: readonly Evaluation[];
  readonly removed: readonly Evaluation[];
  readonly changed: readonly FindingChange[];
  readonly categories: readonly CategoryDiff[];
  readonly totals: { readonly before: CategoryTotals; readonly after: CategoryTotals };
}

function keyOf(e: Evaluation): string {
  return `${e.clause}\u0000${e.subject}\u0000${e.record ?? ''}`;
}

function sums(findings: readonly Evaluation[]): Map<string, { deductions: number; bonus: number; count: number }> {
  const out = new Map<string, { deductions: number; bonus: number; count: number }>();
  for (const e of findings) {
    let s = out.get(e.category);
    if (!s) out.set(e.category, (s = { deductions: 0, bonus: 0, count: 0 }));
    if (e.points < 0) s.deductions -= e.points;
    else s.bonus += e.points;
    s.count++;
  }
  return out;
}

export function diffFindings(from: DiffSide, to: DiffSide, period: Period): DiffModel {
  const before = selectFindings(from.evaluations, period);
  const after = selectFindings(to.evaluations, period);
  // the same obligation may be found more than once (two assessments of one clause on one record): paired in order
  const pending = new Map<string, Evaluation[]>();
  for (const e of before) {
    const k = keyOf(e);
    const list = pending.get(k);
    if (list) list.push(e);
    else pending.set(k, [e]);
  }
  const added: Evaluation[] = [];
  const changed: FindingChange[] = [];
  for (const a of after) {
    const b = pending.get(keyOf(a))?.shift();
    if (!b) {
      added.push(a);
      continue;
    }
    const what: ChangedField[] = [];
    if (a.points !== b.points) what.push('points');
    if (a.due !== b.due) what.push('due');
    if (a.status !== b.status) what.push('status');
    if (a.actual !== b.actual) what.push('actual');
    if (what.length > 0) changed.push({ before: b, after: a, what });
  }
  const removed = before.filter((e) => pending.get(keyOf(e))?.includes(e));

  const sb = sums(before);
  const sa = sums(after);
  const zero = { deductions: 0, bonus: 0, count: 0 };
  const categories: CategoryDiff[] = [];
  const seen = new Set<string>();
  for (const c of [...to.policy.categories, ...from.policy.categories]) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    categories.push({ id: c.id, title: c.title, before: sb.get(c.id) ?? zero, after: sa.get(c.id) ?? zero });
  }
  // a finding whose category no policy lists still counts, in a row of its own
  for (const id of [...new Set([...sb.keys(), ...sa.keys()])].filter((k) => !seen.has(k)).sort()) {
    categories.push({ id, title: { 'zh-CN': id, en: id }, before: sb.get(id) ?? zero, after: sa.get(id) ?? zero });
  }
  const total = (side: 'before' | 'after'): CategoryTotals =>
    categories.reduce((t, c) => ({ deductions: t.deductions + c[side].deductions, bonus: t.bonus + c[side].bonus, count: t.count + c[side].count }), zero);
  return { from, to, period, added, removed, changed, categories, totals: { before: total('before'), after: total('after') } };
}

/** Whether the two sides differ at all in the period. */
export function hasChanges(d: DiffModel): boolean {
  return d.added.length + d.removed.length + d.changed.length > 0;
}
