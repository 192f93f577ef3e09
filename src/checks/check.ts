/**
 * What a check is: a name, the tier it belongs to, the check names its problems carry, and a
 * pure function from the folder as read to problems. Checks that happen while files are read
 * (syntax, schema, settings) are listed too, without a function: src/load runs them.
 */
import type { CheckName, Problem, Tier } from '../core/problems';
import type { Folder, Located } from '../load/folder';
import { problemAt } from '../core/problems';
import type { FieldPath } from '../source/yaml';

export interface CheckInput {
  readonly folder: Folder;
  /** what reading the folder and the checks before this one found */
  readonly problems: readonly Problem[];
}

export interface Check {
  readonly name: string;
  readonly tier: Tier;
  /** the check names of the problems it reports */
  readonly emits: readonly CheckName[];
  readonly run: ((input: CheckInput) => Problem[]) | null;
}

/** A problem at a field of a record (its value, or its key for a field that should not be there). */
export function recordProblem(
  l: Located,
  path: FieldPath,
  rule: CheckName,
  message: string,
  severity: 'error' | 'warning' = 'error',
  at: 'key' | 'value' = 'value',
): Problem {
  return problemAt(l.locate(path, at), rule, message, { severity, kind: l.rec.kind, record: l.rec.id });
}
