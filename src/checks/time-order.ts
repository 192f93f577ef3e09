/**
 * Times in the order their meaning requires. Two tests, both located at the later field:
 * - the kind's time chains (accepted ≤ departed ≤ arrived ≤ restored ≤ resolved, ...); a bare
 *   date there says only which day, so days are compared when either side is one;
 * - every clock of the policy that applies to the record (an elapsed clause: from → to), at
 *   the instants the rules use: a bare date ends a clock at the start of its day, so
 *   `restored_at: 2026-07-03` on a ticket accepted 2026-07-03 01:05 would run the clock
 *   backwards. That is refused with the fix (add the time), never computed.
 */
import type { Clock, When } from '../calendar/time';
import { KIND_FACTS } from '../core/kinds';
import type { Policy } from '../core/policy';
import type { Problem } from '../core/problems';
import type { Located } from '../load/folder';
import { applies } from '../rules/conditions';
import { SHAPES } from '../rules/shapes';
import { recordProblem, type Check } from './check';
import { pushAll } from '../util/arrays';

function shown(l: Located, field: string): string {
  return String(l.rec.data[field]);
}

function chainProblems(l: Located, clock: Clock, reported: Set<string>): Problem[] {
  const out: Problem[] = [];
  const { times } = l.rec;
  for (const chain of KIND_FACTS[l.rec.kind].timeOrder) {
    let prev: string | null = null;
    for (const field of chain) {
      const t = times[field];
      if (!t) continue;
      if (prev !== null) {
        const p = times[prev]!;
        const before = p.dateOnly || t.dateOnly ? clock.localDate(t.ms) < clock.localDate(p.ms) : t.ms < p.ms;
        if (before && !reported.has(field)) {
          reported.add(field);
          out.push(recordProblem(l, [field], 'time-order', `${field} (${shown(l, field)}) is before ${prev} (${shown(l, prev)})`));
        }
      }
      prev = field;
    }
  }
  return out;
}

/** The clocks of the policy that run on this record: elapsed spans of the clauses that apply to it. */
function clocksOf(policy: Policy, l: Located): { from: string; to: readonly string[] }[] {
  const out: { from: string; to: readonly string[] }[] = [];
  for (const c of policy.clauses) {
    if (!c.applies || !applies(l.rec, c.applies)) continue;
    const span = SHAPES.get(c.shape)?.describe(c, policy).span;
    if (span?.type === 'elapsed') out.push({ from: span.from, to: span.to });
  }
  return out;
}

function clockProblems(l: Located, policy: Policy, clock: Clock, reported: Set<string>): Problem[] {
  const out: Problem[] = [];
  const event = (w: When): number => clock.asEvent(w);
  for (const { from, to } of clocksOf(policy, l)) {
    const start = l.rec.times[from];
    if (!start) continue;
    for (const field of to) {
      const end = l.rec.times[field];
      if (!end || event(end) >= event(start) || reported.has(field)) continue;
      reported.add(field);
      const sameDay = clock.localDate(end.ms) === clock.localDate(event(start));
      out.push(
        recordProblem(
          l,
          [field],
          'time-order',
          end.dateOnly && sameDay
            ? `${field} (${shown(l, field)}) is a date without a time: it is read as the start of that day, before ${from} (${shown(l, from)}), so the clock from ${from} would run backwards; add the time (${field}: ${shown(l, field)} HH:MM)`
            : `${field} (${shown(l, field)}) is before ${from} (${shown(l, from)}): the clock from ${from} would run backwards`,
        ),
      );
    }
  }
  return out;
}

export function timeOrder(l: Located, clock: Clock, policy: Policy | null): Problem[] {
  const reported = new Set<string>();
  const out = chainProblems(l, clock, reported);
  if (policy) pushAll(out, clockProblems(l, policy, clock, reported));
  return out;
}

export const TIME_ORDER: Check = {
  name: 'time-order',
  tier: 'logic',
  emits: ['time-order'],
  run: ({ folder }) => folder.located.filter((l) => l.ok).flatMap((l) => timeOrder(l, folder.clock, folder.policy)),
};
