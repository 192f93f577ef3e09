/**
 * Records that name other records: a loan for a level-1 fault names its ticket, a fault caused
 * during an inspection names its ticket, an assessment names its clause and the record it is
 * about. Each name must exist and be of the right kind, or the clause it feeds cannot count.
 */
import type { Kind } from '../core/kinds';
import type { Problem } from '../core/problems';
import type { Rec } from '../core/records';
import type { Located } from '../load/folder';
import type { Policy } from '../core/policy';
import { isManual, type ManualClause } from '../rules/shapes/manual';
import { didYouMean } from '../util/suggest';
import { recordProblem, type Check } from './check';
import { pushAll } from '../util/arrays';

function idsOf(byId: ReadonlyMap<string, Rec>, kind: Kind): string[] {
  const out: string[] = [];
  for (const [id, r] of byId) if (r.kind === kind) out.push(id);
  return out;
}

function loanProblems(l: Located, byId: ReadonlyMap<string, Rec>): Problem[] {
  const d = l.rec.data;
  if (d.purpose === 'l1-fault') {
    if (d.ticket === undefined) return [recordProblem(l, [], 'loan-ticket', "a loan for a level-1 fault must name its ticket ('ticket: <id>'): its limit is the ticket's restore limit")];
    const t = byId.get(String(d.ticket));
    if (!t) return [recordProblem(l, ['ticket'], 'loan-ticket', `ticket '${String(d.ticket)}' does not exist${didYouMean(String(d.ticket), idsOf(byId, 'tickets'))}`)];
    if (t.kind !== 'tickets' || t.data.level !== 1) {
      return [recordProblem(l, ['ticket'], 'loan-ticket', `'${String(d.ticket)}' is not a level-1 ticket (it is ${t.kind === 'tickets' ? `level ${String(t.data.level)}` : `a record of ${t.kind}`})`)];
    }
  } else if (d.purpose === 'cutover' && d.agreed_delivery === undefined) {
    return [recordProblem(l, [], 'loan-agreed-delivery', "a cutover loan needs 'agreed_delivery': the time the board was promised for")];
  }
  return [];
}

function inspectionProblems(l: Located, byId: ReadonlyMap<string, Rec>): Problem[] {
  const faults = Array.isArray(l.rec.data.caused_faults) ? (l.rec.data.caused_faults as Record<string, unknown>[]) : [];
  const out: Problem[] = [];
  faults.forEach((f, i) => {
    if (f.ticket !== undefined && !byId.has(String(f.ticket))) out.push(recordProblem(l, ['caused_faults', i, 'ticket'], 'inspection-ticket', `ticket '${String(f.ticket)}' does not exist`));
  });
  return out;
}

/** `-10` as a signed number of points: `+3`, `−10`, `0` */
function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

/**
 * An assessment's own points keep its clause's sign: a deduction clause deducts (negative, or 0
 * for nothing), a bonus clause adds (positive, or 0), and a clause the contract shows without
 * points (0) takes none. `points: 50` on a deduction clause would otherwise be a +50 bonus.
 */
function pointsProblem(clause: ManualClause, points: number, policyId: string): string | null {
  const each = `${clause.id} is a`;
  if (clause.points < 0 && points > 0)
    return `points: ${points} on ${clause.id} would be a bonus of ${signed(points)}, but ${each} deduction clause (${signed(clause.points)} each): a deduction is written negative — did you mean points: ${-points}?`;
  if (clause.points > 0 && points < 0)
    return `points: ${points} on ${clause.id} would be a deduction of ${signed(points)}, but ${each} bonus clause (${signed(clause.points)} each): a bonus is written positive — did you mean points: ${-points}?`;
  if (clause.points === 0 && points !== 0)
    return `points: ${points} on ${clause.id}, but the contract gives it no points (it is shown only): leave out 'points', or give the clause points in a custom policy that extends ${policyId}`;
  return null;
}

function assessmentProblems(l: Located, byId: ReadonlyMap<string, Rec>, policy: Policy | null): Problem[] {
  const out: Problem[] = [];
  const d = l.rec.data;
  const clauseId = String(d.clause);
  const clauses = policy?.clauses ?? [];
  const found = clauses.find((c) => c.id === clauseId);
  const clause = found && isManual(found) ? found : undefined;
  const manual = clauses.filter(isManual).map((c) => c.id);
  if (policy && !found) {
    out.push(recordProblem(l, ['clause'], 'assessment-clause', `'${clauseId}' is not a clause of policy ${policy.id}${didYouMean(clauseId, manual)}; an assessment names one of: ${manual.join(', ')}`));
  } else if (policy && found && !clause) {
    // a computed clause counts from the records; an assessment of it would count nowhere
    out.push(
      recordProblem(
        l,
        ['clause'],
        'assessment-clause',
        `${clauseId} is computed from the records (shape ${found.shape}), not assessed by hand: an assessment of it would count nowhere. Record the facts in the ${found.applies?.kind ?? 'records'} instead, or name a clause assessed by hand: ${manual.join(', ')}`,
      ),
    );
  }
  if (clause && typeof d.points === 'number') {
    const p = pointsProblem(clause, d.points, policy?.id ?? '');
    if (p) out.push(recordProblem(l, ['points'], 'assessment-points', p));
  }
  if (d.ref !== undefined) {
    const ref = byId.get(String(d.ref));
    if (!ref) out.push(recordProblem(l, ['ref'], 'assessment-ref', `record '${String(d.ref)}' does not exist${didYouMean(String(d.ref), byId.keys())}`));
    else if (clause?.ref_kind && ref.kind !== clause.ref_kind)
      out.push(recordProblem(l, ['ref'], 'assessment-ref', `${clauseId} concerns ${clause.ref_kind}, but '${String(d.ref)}' is a record of ${ref.kind}`));
  } else if (clause?.ref_kind) {
    out.push(recordProblem(l, [], 'assessment-ref', `${clauseId} needs 'ref': the id of the ${clause.ref_kind} record it concerns (its category follows that record)`));
  }
  return out;
}

export const REFERENCES: Check = {
  name: 'references',
  tier: 'logic',
  emits: ['loan-ticket', 'loan-agreed-delivery', 'inspection-ticket', 'assessment-clause', 'assessment-ref', 'assessment-points'],
  run: ({ folder }) => {
    // every record with an id can be named, valid or not: its own problems are reported where it is
    const byId = new Map<string, Rec>();
    for (const l of folder.located) if (!byId.has(l.rec.id)) byId.set(l.rec.id, l.rec);
    const out: Problem[] = [];
    for (const l of folder.located) {
      if (!l.ok) continue;
      if (l.rec.kind === 'loans') pushAll(out, loanProblems(l, byId));
      else if (l.rec.kind === 'inspections') pushAll(out, inspectionProblems(l, byId));
      else if (l.rec.kind === 'assessments') pushAll(out, assessmentProblems(l, byId, folder.policy));
    }
    return out;
  },
};
