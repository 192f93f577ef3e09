/** Times in the order their meaning requires (the kind's time chains): none may go backwards. */
import type { Clock } from '../calendar/time';
import { KIND_FACTS } from '../core/kinds';
import type { Problem } from '../core/problems';
import type { Located } from '../load/folder';
import { recordProblem, type Check } from './check';

export function timeOrder(l: Located, clock: Clock): Problem[] {
  const out: Problem[] = [];
  const { times } = l.rec;
  for (const chain of KIND_FACTS[l.rec.kind].timeOrder) {
    let prev: string | null = null;
    for (const field of chain) {
      const t = times[field];
      if (!t) continue;
      if (prev !== null) {
        const p = times[prev]!;
        // A bare date says only which day: compare days when either side is one.
        const before = p.dateOnly || t.dateOnly ? clock.localDate(t.ms) < clock.localDate(p.ms) : t.ms < p.ms;
        if (before) out.push(recordProblem(l, [field], 'time-order', `${field} (${String(l.rec.data[field])}) is before ${prev} (${String(l.rec.data[prev])})`));
      }
      prev = field;
    }
  }
  return out;
}

export const TIME_ORDER: Check = {
  name: 'time-order',
  tier: 'logic',
  emits: ['time-order'],
  run: ({ folder }) => folder.located.filter((l) => l.ok).flatMap((l) => timeOrder(l, folder.clock)),
};
