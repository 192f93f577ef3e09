/**
 * Checks that need more than one field or more than one record. Each check has a name (the
 * `rule` of its problems), as hledger names its checks, and is a pure function of the records.
 */
import type { Clock } from '../calendar/time';
import type { Rec } from '../core/model';
import type { Kind, Problem } from '../core/types';
import type { Policy } from '../policy/types';
import type { FieldPath, Locator } from '../records/yaml';
import { didYouMean } from '../util/suggest';

/** A record with the means to point at its fields. */
export interface Located {
  readonly rec: Rec;
  readonly locate: Locator;
}

/**
 * Times in the order their meaning requires, per kind: each chain must not go backwards
 * (fields that are absent are skipped).
 */
const TIME_ORDER: Readonly<Partial<Record<Kind, readonly (readonly string[])[]>>> = {
  tickets: [
    ['reported_at', 'accepted_at', 'departed_at', 'arrived_at', 'restored_at', 'resolved_at'],
    ['restored_at', 'report_submitted_at'],
    ['accepted_at', 'analysis_requested_at', 'analysis_submitted_at'],
    ['analysis_requested_at', 'analysis_due'],
  ],
  inspections: [['started_at', 'ended_at', 'docs_submitted_at']],
  upgrades: [
    ['raised_at', 'confirmed_at', 'application_submitted_at', 'approved_start', 'approved_end'],
    ['started_at', 'ended_at', 'spares_synced_at'],
    ['ended_at', 'failure_report_submitted_at'],
  ],
  loans: [
    ['requested_at', 'delivered_at'],
    ['received_at', 'returned_at'],
  ],
  consultations: [
    ['received_at', 'responded_at'],
    ['received_at', 'answered_at'],
  ],
  'doc-requests': [['requested_at', 'provided_at']],
  exchanges: [['requested_at', 'responded_at']],
  meetings: [
    ['notified_at', 'responded_at'],
    ['notified_at', 'deliverables_submitted_at'],
  ],
};

export interface LogicContext {
  readonly policy: Policy | null;
  readonly clock: Clock;
}

function problem(l: Located, path: FieldPath, rule: string, message: string, severity: 'error' | 'warning' = 'error', at: 'key' | 'value' = 'value'): Problem {
  const pos = l.locate(path, at);
  return { severity, file: pos.file, line: pos.line, column: pos.column, kind: l.rec.kind, record: l.rec.id, rule, message };
}

/** Ids unique across the folder; both places are named. Runs on every record that has an id. */
export function checkDuplicateIds(all: readonly Located[]): Problem[] {
  const first = new Map<string, Located>();
  const out: Problem[] = [];
  for (const l of all) {
    const prev = first.get(l.rec.id);
    if (!prev) {
      first.set(l.rec.id, l);
      continue;
    }
    const a = prev.locate(['id']);
    const b = l.locate(['id']);
    out.push(problem(l, ['id'], 'duplicate-id', `id '${l.rec.id}' is already used at ${a.file}:${a.line} (${prev.rec.kind})`));
    out.push(problem(prev, ['id'], 'duplicate-id', `id '${l.rec.id}' is used again at ${b.file}:${b.line} (${l.rec.kind})`));
  }
  return out;
}

function checkTimeOrder(l: Located, clock: Clock): Problem[] {
  const out: Problem[] = [];
  const { times } = l.rec;
  for (const chain of TIME_ORDER[l.rec.kind] ?? []) {
    let prev: string | null = null;
    for (const field of chain) {
      const t = times[field];
      if (!t) continue;
      if (prev !== null) {
        const p = times[prev]!;
        // A bare date says only which day: compare days when either side is one.
        const before = p.dateOnly || t.dateOnly ? clock.localDate(t.ms) < clock.localDate(p.ms) : t.ms < p.ms;
        if (before) {
          out.push(
            problem(l, [field], 'time-order', `${field} (${String(l.rec.data[field])}) is before ${prev} (${String(l.rec.data[prev])})`),
          );
        }
      }
      prev = field;
    }
  }
  return out;
}

function normaliseCity(city: string): string {
  return city.trim().replace(/市$/, '');
}

function checkTicket(l: Located, ctx: LogicContext): Problem[] {
  const out: Problem[] = [];
  const d = l.rec.data;
  const level = d.level as number;
  if (level === 1 && d.handling === undefined) {
    out.push(problem(l, [], 'level1-handling', "a level-1 ticket needs 'handling: remote' or 'handling: onsite' (the restore limit depends on it)"));
  }
  if ((d.difficult === true || d.temporary_fix === true) && d.agreed_deadline === undefined) {
    const why = d.difficult === true ? 'a difficult ticket' : 'a temporarily fixed level-1 ticket (it becomes difficult)';
    out.push(problem(l, [], 'difficult-deadline', `${why} needs 'agreed_deadline': its clock ends there`));
  }
  if (level >= 2 && d.analysis_requested_at !== undefined && d.analysis_due === undefined) {
    out.push(problem(l, ['analysis_requested_at'], 'analysis-due', "an analysis report requested on a level 2–4 ticket needs the agreed date 'analysis_due'"));
  }
  const regions = ctx.policy?.regions ?? [];
  const onsiteL1 = level === 1 && d.handling === 'onsite';
  if (onsiteL1 && d.city === undefined && d.region === undefined) {
    out.push(problem(l, [], 'onsite-location', "an on-site level-1 ticket needs 'city' (or 'region'): the restore limit depends on the region"));
  }
  if (regions.length > 0) {
    if (typeof d.region === 'string' && !regions.some((r) => r.id === d.region)) {
      const ids = regions.map((r) => r.id);
      out.push(problem(l, ['region'], 'unknown-region', `region '${d.region}' is not in the policy's region table (${ids.join(', ')})${didYouMean(d.region, ids)}`));
    }
    if (typeof d.city === 'string' && d.region === undefined) {
      const city = normaliseCity(d.city);
      if (!regions.some((r) => r.cities.includes(city))) {
        const all = regions.flatMap((r) => r.cities);
        out.push(
          problem(
            l,
            ['city'],
            'unknown-city',
            `city '${d.city}' is not in the policy's region table${didYouMean(city, all)}${onsiteL1 ? '; the level-1 restore limit cannot be chosen' : ''}`,
            onsiteL1 ? 'error' : 'warning',
          ),
        );
      }
    }
  }
  return out;
}

function checkRefs(l: Located, byId: ReadonlyMap<string, Rec>, ctx: LogicContext): Problem[] {
  const out: Problem[] = [];
  const d = l.rec.data;
  switch (l.rec.kind) {
    case 'loans': {
      if (d.purpose === 'l1-fault') {
        if (d.ticket === undefined) {
          out.push(problem(l, [], 'loan-ticket', "a loan for a level-1 fault must name its ticket ('ticket: <id>'): its limit is the ticket's restore limit"));
        } else {
          const t = byId.get(String(d.ticket));
          if (!t) out.push(problem(l, ['ticket'], 'loan-ticket', `ticket '${String(d.ticket)}' does not exist${didYouMean(String(d.ticket), idsOf(byId, 'tickets'))}`));
          else if (t.kind !== 'tickets' || t.data.level !== 1)
            out.push(problem(l, ['ticket'], 'loan-ticket', `'${String(d.ticket)}' is not a level-1 ticket (it is ${t.kind === 'tickets' ? `level ${String(t.data.level)}` : `a record of ${t.kind}`})`));
        }
      } else if (d.purpose === 'cutover' && d.agreed_delivery === undefined) {
        out.push(problem(l, [], 'loan-agreed-delivery', "a cutover loan needs 'agreed_delivery': the time the board was promised for"));
      }
      break;
    }
    case 'inspections': {
      const faults = Array.isArray(d.caused_faults) ? (d.caused_faults as Record<string, unknown>[]) : [];
      faults.forEach((f, i) => {
        if (f.ticket !== undefined && !byId.has(String(f.ticket))) {
          out.push(problem(l, ['caused_faults', i, 'ticket'], 'inspection-ticket', `ticket '${String(f.ticket)}' does not exist`));
        }
      });
      break;
    }
    case 'assessments': {
      const clauseId = String(d.clause);
      const clauses = ctx.policy?.clauses ?? [];
      const clause = clauses.find((c) => c.id === clauseId);
      if (ctx.policy && !clause) {
        out.push(problem(l, ['clause'], 'assessment-clause', `'${clauseId}' is not a clause of policy ${ctx.policy.id}${didYouMean(clauseId, clauses.map((c) => c.id))}`));
      }
      if (d.ref !== undefined) {
        const ref = byId.get(String(d.ref));
        if (!ref) out.push(problem(l, ['ref'], 'assessment-ref', `record '${String(d.ref)}' does not exist${didYouMean(String(d.ref), byId.keys())}`));
        else if (clause?.shape === 'manual' && clause.ref_kind && ref.kind !== clause.ref_kind)
          out.push(problem(l, ['ref'], 'assessment-ref', `${clauseId} concerns ${clause.ref_kind}, but '${String(d.ref)}' is a record of ${ref.kind}`));
      } else if (clause?.shape === 'manual' && clause.ref_kind) {
        out.push(problem(l, [], 'assessment-ref', `${clauseId} needs 'ref': the id of the ${clause.ref_kind} record it concerns (its category follows that record)`));
      }
      break;
    }
    default:
      break;
  }
  return out;
}

function idsOf(byId: ReadonlyMap<string, Rec>, kind: Kind): string[] {
  const out: string[] = [];
  for (const [id, r] of byId) if (r.kind === kind) out.push(id);
  return out;
}

/** Every logic check over records whose schema check passed. */
export function checkLogic(valid: readonly Located[], all: readonly Located[], ctx: LogicContext): Problem[] {
  const out: Problem[] = checkDuplicateIds(all);
  const byId = new Map<string, Rec>();
  for (const l of all) if (!byId.has(l.rec.id)) byId.set(l.rec.id, l.rec);
  for (const l of valid) {
    out.push(...checkTimeOrder(l, ctx.clock));
    if (l.rec.kind === 'tickets') out.push(...checkTicket(l, ctx));
    out.push(...checkRefs(l, byId, ctx));
  }
  return out;
}
