/**
 * A time that counts only under a condition the record does not state: the handling sheet of
 * a level-1 ticket counts as submitted only when `customer_signed: true`. A sheet recorded
 * without the signature counts as not submitted (a strict reading of the contract), and that
 * is said here, at the time, so nobody is surprised by the point.
 */
import type { Policy } from '../core/policy';
import { fieldValue } from '../core/kinds';
import type { Problem } from '../core/problems';
import type { Located } from '../load/folder';
import { applies } from '../rules/conditions';
import { isElapsed } from '../rules/shapes/elapsed';
import { recordProblem, type Check } from './check';

function unrecorded(l: Located, policy: Policy): Problem[] {
  const out: Problem[] = [];
  for (const c of policy.clauses) {
    if (!isElapsed(c) || !c.valid_if || !c.applies || !applies(l.rec, c.applies)) continue;
    const done = c.to.find((f) => l.rec.data[f] !== undefined);
    if (done === undefined) continue;
    for (const field of Object.keys(c.valid_if)) {
      if (fieldValue(l.rec.data, l.rec.kind, field) !== undefined) continue;
      out.push(
        recordProblem(
          l,
          [done],
          'condition-unrecorded',
          `${done} is recorded but ${field} is not: ${c.id} counts ${done} only when ${field} is given as required, so it counts as not done; record ${field}`,
          'warning',
        ),
      );
    }
  }
  return out;
}

export const UNRECORDED: Check = {
  name: 'condition-unrecorded',
  tier: 'logic',
  emits: ['condition-unrecorded'],
  run: ({ folder }) => (folder.policy ? folder.located.filter((l) => l.ok).flatMap((l) => unrecorded(l, folder.policy!)) : []),
};
