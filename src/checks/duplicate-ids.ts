/** Ids are unique across the whole folder; both places are named. Runs on every record that has an id. */
import type { Problem } from '../core/problems';
import type { Located } from '../load/folder';
import { recordProblem, type Check } from './check';

export function duplicateIds(all: readonly Located[]): Problem[] {
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
    out.push(recordProblem(l, ['id'], 'duplicate-id', `id '${l.rec.id}' is already used at ${a.file}:${a.line} (${prev.rec.kind})`));
    out.push(recordProblem(prev, ['id'], 'duplicate-id', `id '${l.rec.id}' is used again at ${b.file}:${b.line} (${l.rec.kind})`));
  }
  return out;
}

export const DUPLICATE_IDS: Check = {
  name: 'duplicate-id',
  tier: 'logic',
  emits: ['duplicate-id'],
  run: ({ folder }) => duplicateIds(folder.located),
};
